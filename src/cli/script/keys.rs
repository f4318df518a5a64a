//! `mistral-admin keys create|delete|rotate`. A new key is printed on stdout and nothing else
//! is, so `mistral-admin keys create ... | pass insert -m ...` stores it; it is printed even
//! when a rotation's second step fails, since it is shown only this once.

use clap::{Args, Subcommand};
use time::{Date, Duration, OffsetDateTime};

use super::change::{self, ChangeArgs, ConfirmArgs, ReplyFormat};
use super::exit::Failure;
use super::output::{emit_all, pretty};
use super::session::Session;
use crate::actions::{ActionError, Execution, Reply, keys, resolve};
use crate::api::datetime::parse_date;

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create a key in a workspace for one of its members; prints the key, once.
    Create(CreateArgs),
    /// Delete keys, for good: they stop working at once.
    Delete(DeleteArgs),
    /// Replace a key: a new one with the same workspace, owner and name, then the old one is
    /// deleted; prints the new key.
    Rotate(RotateArgs),
}

impl KeysCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Create(args) => &args.change,
            Self::Delete(args) => &args.change,
            Self::Rotate(args) => &args.change,
        }
    }
}

fn parse_day(text: &str) -> Result<Date, String> {
    parse_date(text.trim()).ok_or_else(|| format!("{text:?} is not a date (YYYY-MM-DD)"))
}

/// When the key stops working: a date, a number of days from today, or never.
#[derive(Debug, Clone, Args)]
pub struct ExpiryArgs {
    /// Its last working day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_day, conflicts_with = "expires_in")]
    pub expires: Option<Date>,
    /// Its last working day, this many days from today (up to 36500).
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(..=36_500))]
    pub expires_in: Option<u32>,
}

impl ExpiryArgs {
    fn date(&self, today: Date) -> Option<Date> {
        self.expires
            .or_else(|| self.expires_in.map(|d| today + Duration::days(d.into())))
    }

    fn given(&self) -> bool {
        self.expires.is_some() || self.expires_in.is_some()
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The workspace: its name or UUID.
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: String,
    /// Whose key it is: a member of the workspace (email, name or UUID).
    #[arg(long, value_name = "PERSON")]
    pub owner: String,
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub expiry: ExpiryArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Keys: a name, the hidden key as listed (abcd...wxyz) or a UUID.
    #[arg(required = true, value_name = "KEY")]
    pub keys: Vec<String>,
    /// Look for the keys in this workspace only.
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    #[command(flatten)]
    pub confirm: ConfirmArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct RotateArgs {
    /// The key: its name, hidden key as listed, or UUID.
    pub key: String,
    /// Look for the key in this workspace only.
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    /// The owner of the replacement, when the key list does not say who created the key.
    #[arg(long, value_name = "PERSON")]
    pub owner: Option<String>,
    #[command(flatten)]
    pub expiry: ExpiryArgs,
    /// The replacement never expires.
    #[arg(long, conflicts_with_all = ["expires", "expires_in"])]
    pub no_expiry: bool,
    #[command(flatten)]
    pub confirm: ConfirmArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Prints the new key, the one time it exists in the clear: alone on stdout, or as the
/// server's reply with `-o json`/`-o jsonl`.
fn print_new_key(execution: &Execution, format: Option<ReplyFormat>) -> Result<(), Failure> {
    for reply in &execution.replies {
        let Reply::KeyCreated(key) = reply else {
            continue;
        };
        let text = match format {
            None => format!("{}\n", key.key.as_deref().unwrap_or_default()),
            Some(ReplyFormat::Json) => pretty(&reply.to_json()),
            Some(ReplyFormat::Jsonl) => format!("{}\n", reply.to_json()),
        };
        emit_all(&text)?;
    }
    Ok(())
}

/// The workspace `--workspace` names, archived ones included (their keys are still listed).
async fn workspace_id(
    session: &Session,
    given: Option<&str>,
) -> Result<Option<uuid::Uuid>, Failure> {
    let Some(given) = given else {
        return Ok(None);
    };
    let (mut all, archived) = session.client.list_every_workspace().await?;
    all.extend(archived);
    Ok(Some(resolve::workspace(&all, &[], given)?.uuid))
}

/// Key owners as the audit log's key creations tell them (see `actions::keys::owner`).
pub async fn key_owners(
    client: &crate::client::AdminClient,
) -> Result<std::collections::HashMap<uuid::Uuid, uuid::Uuid>, Failure> {
    let query = crate::client::AuditQuery {
        event_type: vec!["api_key.create".to_owned()],
        limit: Some(1000),
        ..Default::default()
    };
    Ok(keys::owners_from_audit(&client.audit_logs(&query).await?))
}

pub async fn run(session: &Session, command: &KeysCommand) -> Result<(), Failure> {
    let client = &session.client;
    let today = OffsetDateTime::now_utc().date();
    match command {
        KeysCommand::Create(args) => {
            let (active, archived, directory) = client.load_every_workspace_and_directory().await?;
            let workspace = resolve::workspace(&active, &archived, &args.workspace)?;
            let owner = resolve::person(&directory, &args.owner)?;
            let key = keys::NewKey {
                name: args.name.clone(),
                expiration: args.expiry.date(today),
            };
            let plan = keys::create(workspace, owner, &key, &directory, today)?;
            let execution = change::run(session, &args.change, &[], &plan).await?;
            let printed = print_new_key(&execution, args.change.format);
            change::finish(&plan, &execution, None)?;
            printed
        }
        KeysCommand::Delete(args) => {
            let within = workspace_id(session, args.workspace.as_deref()).await?;
            let all = client.list_all_api_keys().await?;
            let chosen = resolve::each(
                &args.keys,
                |given| resolve::api_key(&all, given, within),
                |key| key.key_id,
            )?;
            let plan = keys::delete(&chosen)?;
            change::apply(session, &args.change, &args.confirm.confirm, &plan).await
        }
        KeysCommand::Rotate(args) => {
            let within = workspace_id(session, args.workspace.as_deref()).await?;
            let (all, directory) =
                futures::try_join!(client.list_all_api_keys(), client.load_directory())?;
            let key = resolve::api_key(&all, &args.key, within)?;
            let owner = match &args.owner {
                Some(given) => resolve::person(&directory, given)?,
                None => {
                    let owners = key_owners(client).await?;
                    keys::owner(key, &directory, &owners).ok_or_else(|| {
                        ActionError::refused(format!(
                            "the key list does not say who owns API key {} (created by {}); name the owner with --owner",
                            resolve::key_label(key),
                            key.created_by.as_deref().unwrap_or("someone unknown")
                        ))
                    })?
                }
            };
            let expiration = if args.no_expiry {
                None
            } else if args.expiry.given() {
                args.expiry.date(today)
            } else {
                match key.expiration_date {
                    Some(date) if date <= today => {
                        return Err(ActionError::refused(format!(
                            "API key {} expired on {date}; give its replacement an expiry with --expires DATE or --expires-in DAYS (or --no-expiry)",
                            resolve::key_label(key)
                        ))
                        .into());
                    }
                    kept => kept,
                }
            };
            let plan = keys::rotate(key, owner, expiration, &directory, today)?;
            let execution =
                change::run(session, &args.change, &args.confirm.confirm, &plan).await?;
            let printed = print_new_key(&execution, args.change.format);
            change::finish(&plan, &execution, None)?;
            printed
        }
    }
}
