//! `get keys`: the organization's API keys, with the console's quick filters.

use clap::Args;
use serde_json::json;
use time::{Date, Duration, OffsetDateTime};

use super::{OutputArgs, with};
use crate::actions::resolve;
use crate::api::ApiKeyExtendedOut;
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::AdminClient;
use crate::domain::key_expiry;

#[derive(Debug, Args)]
pub struct KeysArgs {
    /// Only the keys of this workspace (name or UUID).
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    /// Only keys past their expiration date.
    #[arg(long)]
    pub expired: bool,
    /// Only keys without an expiration date.
    #[arg(long, conflicts_with_all = ["expired", "expiring_within"])]
    pub never_expires: bool,
    /// Only working keys that expire within this many days (up to 36500).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(..=36_500))]
    pub expiring_within: Option<u32>,
    /// Only keys never used.
    #[arg(long)]
    pub never_used: bool,
    /// Only keys not used for this many days, never used included (up to 36500).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(..=36_500))]
    pub unused_for: Option<u32>,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl KeysArgs {
    fn keeps(&self, key: &ApiKeyExtendedOut, today: Date) -> bool {
        let expired = key_expiry::is_expired(key.expiration_date, today);
        let within = |days: u32| {
            key.expiration_date
                .is_some_and(|d| !expired && d <= today + Duration::days(days.into()))
        };
        let unused = |days: u32| {
            key.last_used
                .is_none_or(|d| d < today - Duration::days(days.into()))
        };
        (!self.expired || expired)
            && (!self.never_expires || key.expiration_date.is_none())
            && self.expiring_within.is_none_or(within)
            && (!self.never_used || key.last_used.is_none())
            && self.unused_for.is_none_or(unused)
    }
}

pub async fn keys(client: &AdminClient, args: &KeysArgs) -> Result<Listing, Failure> {
    let (keys, (active, archived)) =
        futures::try_join!(client.list_all_api_keys(), client.list_every_workspace())?;
    // Reading the keys of an archived workspace is legitimate (they stopped working with it),
    // so --workspace names any workspace; an active one wins a name both share.
    let workspace = match &args.workspace {
        Some(given) => {
            let every: Vec<_> = active.iter().chain(&archived).cloned().collect();
            Some(resolve::workspace(&every, &[], given)?.uuid)
        }
        None => None,
    };
    let today = OffsetDateTime::now_utc().date();
    let mut listing = Listing::new(&[
        "name",
        "key",
        "workspace",
        "created_by",
        "created",
        "expires",
        "last_used",
        "status",
        "uuid",
    ]);
    for key in &keys {
        if workspace.is_some_and(|w| key.workspace_id != Some(w)) || !args.keeps(key, today) {
            continue;
        }
        let archived = key
            .workspace_id
            .is_some_and(|w| !active.iter().any(|a| a.uuid == w));
        let status = if key_expiry::is_expired(key.expiration_date, today) {
            "expired"
        } else if archived {
            "workspace archived"
        } else {
            "active"
        };
        listing.push(
            vec![
                key.name.clone().unwrap_or_default().into(),
                key.hidden_key.clone().into(),
                key.workspace_name.clone().unwrap_or_default().into(),
                key.created_by.clone().unwrap_or_default().into(),
                crate::cli::script::output::Cell::Time(key.created_at),
                key.expiration_date.into(),
                key.last_used.into(),
                status.into(),
                key.key_id.to_string().into(),
            ],
            with(key, vec![("status", json!(status))]),
        );
    }
    Ok(listing)
}
