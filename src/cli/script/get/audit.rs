//! `get audit`: the audit log with actors and targets named, filtered by time, actor,
//! action, target type and workspace.

use clap::Args;
use serde_json::json;
use time::{Duration, OffsetDateTime};

use super::{OutputArgs, with};
use crate::actions::audit_trail::concerns_workspace;
use crate::actions::{ActionError, resolve};
use crate::api::datetime::{parse_date, parse_timestamp};
use crate::api::{AuditLogOut, EVENT_TYPES, TARGET_TYPES, WorkspaceOut};
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::{AdminClient, AuditQuery, Directory};

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Entries after this moment: RFC 3339, a date (YYYY-MM-DD, UTC), or an age such as
    /// 30m, 12h, 7d or 2w.
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub since: Option<OffsetDateTime>,
    /// Entries before this moment (same forms as --since).
    #[arg(long, value_name = "WHEN", value_parser = parse_when)]
    pub until: Option<OffsetDateTime>,
    /// Only what this person did (email, name or UUID).
    #[arg(long, value_name = "PERSON")]
    pub actor: Option<String>,
    /// Only this event type, e.g. workspace.member.add (repeatable).
    #[arg(long = "action", value_name = "EVENT")]
    pub actions: Vec<String>,
    /// Only this target type, e.g. WORKSPACE or API_KEY (repeatable).
    #[arg(long = "target-type", value_name = "TYPE")]
    pub target_types: Vec<String>,
    /// Only what happened in or to this workspace (name or UUID; an archived one too), as
    /// the console's trail of a workspace shows it.
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    /// At most this many entries (the server serves up to 1000).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: u32,
    /// Oldest first instead of newest first.
    #[arg(long)]
    pub oldest_first: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A moment as `--since` takes it: RFC 3339, a UTC date, or an age before now.
pub fn parse_when(text: &str) -> Result<OffsetDateTime, String> {
    parse_when_at(text, OffsetDateTime::now_utc())
}

fn parse_when_at(text: &str, now: OffsetDateTime) -> Result<OffsetDateTime, String> {
    let text = text.trim();
    if let Some(moment) = parse_timestamp(text) {
        return Ok(moment);
    }
    if let Some(date) = parse_date(text) {
        return Ok(date.midnight().assume_utc());
    }
    let unit = text.chars().last().unwrap_or(' ');
    let amount: Option<i64> = text[..text.len().saturating_sub(unit.len_utf8())]
        .parse()
        .ok();
    let seconds_per_unit = match unit {
        'm' => 60,
        'h' => 3_600,
        'd' => 86_400,
        'w' => 604_800,
        _ => 0,
    };
    let Some(amount) = amount.filter(|_| seconds_per_unit > 0) else {
        return Err(format!(
            "{text:?} is not a moment: give RFC 3339 (2026-06-01T09:00:00Z), a date (2026-06-01) or an age (30m, 12h, 7d, 2w)"
        ));
    };
    // An age typed by mistake (a stray digit) must be refused, not wrap or panic.
    amount
        .checked_mul(seconds_per_unit)
        .and_then(|seconds| now.checked_sub(Duration::seconds(seconds)))
        .ok_or_else(|| format!("{text:?} reaches past the calendar: give a shorter age or a date"))
}

/// One of `known`, or the refusal with the known values containing what was typed.
fn known_value(given: &str, known: &[&str], what: &'static str) -> Result<String, ActionError> {
    if known.contains(&given) {
        return Ok(given.to_owned());
    }
    Err(ActionError::NotFound {
        what,
        given: given.to_owned(),
        suggestions: known
            .iter()
            .filter(|k| k.to_lowercase().contains(&given.to_lowercase()))
            .map(|k| k.to_string())
            .collect(),
    })
}

pub async fn audit(client: &AdminClient, args: &AuditArgs) -> Result<Listing, Failure> {
    let (active, archived, directory) = client.load_every_workspace_and_directory().await?;
    let mut query = AuditQuery {
        after: args.since,
        before: args.until,
        limit: Some(args.limit),
        sort: args.oldest_first.then(|| "ascending".to_owned()),
        ..AuditQuery::default()
    };
    for action in &args.actions {
        query
            .event_type
            .push(known_value(action, &EVENT_TYPES, "event type")?);
    }
    for target in &args.target_types {
        let upper = target.to_uppercase();
        query
            .target_type
            .push(known_value(&upper, &TARGET_TYPES, "target type")?);
    }
    if let Some(actor) = &args.actor {
        query.actor_user_uuid = Some(resolve::person(&directory, actor)?.uuid);
    }
    let entries = match &args.workspace {
        None => client.audit_logs(&query).await?,
        Some(given) => {
            let every: Vec<WorkspaceOut> = active.iter().chain(&archived).cloned().collect();
            let workspace = resolve::workspace(&every, &[], given)?.uuid;
            in_workspace(client, query, workspace).await?
        }
    };
    let workspaces: Vec<&WorkspaceOut> = active.iter().chain(&archived).collect();
    let mut listing = Listing::new(&["time", "actor", "action", "target", "workspace"]);
    for entry in &entries {
        let actor = actor_name(entry);
        let target = target_name(entry, &workspaces, &directory);
        let workspace = entry
            .workspace_uuid
            .and_then(|id| workspaces.iter().find(|w| w.uuid == id))
            .map(|w| w.name.clone());
        listing.push(
            vec![
                entry.created_at.into(),
                actor.clone().into(),
                entry.event_type.clone().into(),
                target.clone().into(),
                workspace.clone().unwrap_or_default().into(),
            ],
            with(
                entry,
                vec![
                    ("actor_name", json!(actor)),
                    ("target_name", json!(target)),
                    ("workspace_name", json!(workspace)),
                ],
            ),
        );
    }
    Ok(listing)
}

/// The entries `query` finds that concern `workspace`, up to its limit. The server cannot
/// filter by workspace, so its pages are read in full and the workspace's entries kept,
/// until the limit is reached or the log ends.
async fn in_workspace(
    client: &AdminClient,
    mut query: AuditQuery,
    workspace: uuid::Uuid,
) -> Result<Vec<AuditLogOut>, Failure> {
    let wanted = query.limit.unwrap_or(100) as usize;
    let ascending = query.sort.as_deref() == Some("ascending");
    query.limit = Some(SERVER_PAGE);
    let mut kept: Vec<AuditLogOut> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    loop {
        let page = client.audit_logs(&query).await?;
        let full = page.len() >= SERVER_PAGE as usize;
        let Some(last) = page.last().map(|e| e.created_at) else {
            break;
        };
        let mut fresh = false;
        for entry in page {
            if seen.insert(entry.log_id) {
                fresh = true;
                if concerns_workspace(&entry, workspace) && kept.len() < wanted {
                    kept.push(entry);
                }
            }
        }
        if kept.len() >= wanted || !full || !fresh {
            break;
        }
        // The server's bounds are strict: a microsecond of overlap keeps the entries made in
        // the same microsecond as the page's edge; those already seen are dropped by log id.
        let overlap = Duration::microseconds(1);
        if ascending {
            query.after = Some(last - overlap);
        } else {
            query.before = Some(last + overlap);
        }
    }
    Ok(kept)
}

/// The most entries the server serves in one answer.
const SERVER_PAGE: u32 = 1000;

/// Who acted: a person's email, an admin key's name, or the system's name.
fn actor_name(entry: &AuditLogOut) -> String {
    let meta = &entry.actor_metadata;
    let field = |key: &str| meta.get(key).filter(|v| !v.is_empty()).cloned();
    match entry.actor_type.as_str() {
        "HUMAN" => field("email").or_else(|| field("user_uuid")),
        "API_KEY" => field("api_key_name").map(|name| format!("key {name}")),
        _ => field("name"),
    }
    .unwrap_or_else(|| entry.actor_type.to_lowercase())
}

/// What was acted on, named: an email, a name, or a UUID resolved to one.
fn target_name(entry: &AuditLogOut, workspaces: &[&WorkspaceOut], directory: &Directory) -> String {
    let meta = &entry.target_metadata;
    let field = |key: &str| meta.get(key).filter(|v| !v.is_empty()).cloned();
    let workspace = || {
        let id = uuid::Uuid::parse_str(&field("workspace_uuid")?).ok()?;
        Some(workspaces.iter().find(|w| w.uuid == id)?.name.clone())
    };
    let user = || {
        let id = uuid::Uuid::parse_str(&field("user_uuid")?).ok()?;
        directory.user(id)?.email.clone()
    };
    field("email")
        .or_else(|| field("name"))
        .or_else(workspace)
        .or_else(user)
        .or_else(|| meta.values().next().cloned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn moments_are_timestamps_dates_or_ages() {
        let now = datetime!(2026-06-10 12:00 UTC);
        let cases = [
            ("7d", datetime!(2026-06-03 12:00 UTC)),
            ("90m", datetime!(2026-06-10 10:30 UTC)),
            ("2026-06-01", datetime!(2026-06-01 0:00 UTC)),
            ("2026-06-01T09:00:00+02:00", datetime!(2026-06-01 7:00 UTC)),
        ];
        for (given, moment) in cases {
            assert_eq!(parse_when_at(given, now).unwrap(), moment, "{given}");
        }
        assert!(
            parse_when_at("yesterday", now)
                .unwrap_err()
                .contains("is not a moment")
        );
        assert!(parse_when_at("d", now).is_err());
        for too_far in ["99999999d", "-99999999d", "999999999999999w", "4294967295h"] {
            let err = parse_when_at(too_far, now).unwrap_err();
            assert!(
                err.contains("reaches past the calendar"),
                "{too_far}: {err}"
            );
        }
    }

    #[test]
    fn unknown_event_types_are_refused_with_near_ones() {
        let err = known_value("member.add", &EVENT_TYPES, "event type").unwrap_err();
        assert!(err.to_string().contains("workspace.member.add"), "{err}");
        assert!(known_value("workspace.create", &EVENT_TYPES, "event type").is_ok());
    }
}
