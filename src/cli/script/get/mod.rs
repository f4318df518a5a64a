//! `mistral-admin get ...`: one read command per view of the console, each with that view's
//! filters, printed as a table, JSON, JSON Lines or CSV.

mod audit;
pub mod groups;
mod keys;
mod org;
mod people;
mod usage;
mod vibe;

use clap::{Args, Subcommand};
use serde_json::Value;

use super::exit::Failure;
use super::output::{Format, Listing};
use super::session::Session;
use crate::api::AdminOrganizationMemberOut;
use crate::domain::text::Needle;

/// `-o FORMAT`, shared by every command that prints something.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(short = 'o', long = "output", value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum GetCommand {
    /// Active workspaces (or archived ones): name, icon, members, spending cap.
    Workspaces(org::WorkspacesArgs),
    /// A workspace's members with their roles there (or every workspace's).
    Members(org::MembersArgs),
    /// The organization's members: organization roles, workspaces, when they joined.
    People(people::PeopleArgs),
    /// Pending invitations: who, with which roles and workspaces, sent when, expired or not.
    Invites(people::InvitesArgs),
    /// The organization's API keys: workspace, owner, created, expires, last used, status.
    Keys(keys::KeysArgs),
    /// The audit log, newest first: time, actor, action, target.
    Audit(audit::AuditArgs),
    /// The role catalog: organization and workspace roles with their UUIDs.
    Roles(org::RolesArgs),
    /// The monthly spending limit, whether it is reached, and each workspace's cap.
    Spend(OutputArgs),
    /// The organization the key belongs to (a local-server extension).
    Organization(OutputArgs),
    /// User groups: organization role, members, nesting, workspaces and the roles they grant.
    Groups(groups::GroupsArgs),
    /// A month's usage and cost per workspace, category and model.
    Usage(usage::UsageArgs),
    /// The organization's rate limits: requests per second, tokens per model.
    Limits(OutputArgs),
    /// Vibe Work activity per person over the last days.
    Vibe(vibe::VibeArgs),
}

impl GetCommand {
    pub fn format(&self) -> Format {
        match self {
            Self::Workspaces(a) => a.output.format,
            Self::Members(a) => a.output.format,
            Self::People(a) => a.output.format,
            Self::Invites(a) => a.output.format,
            Self::Keys(a) => a.output.format,
            Self::Audit(a) => a.output.format,
            Self::Roles(a) => a.output.format,
            Self::Groups(a) => a.output.format,
            Self::Usage(a) => a.output.format,
            Self::Vibe(a) => a.output.format,
            Self::Spend(a) | Self::Organization(a) | Self::Limits(a) => a.format,
        }
    }
}

/// Reads what the command asks for; printing is the caller's.
pub async fn listing(session: &Session, command: &GetCommand) -> Result<Listing, Failure> {
    let client = &session.client;
    match command {
        GetCommand::Workspaces(args) => org::workspaces(client, args).await,
        GetCommand::Members(args) => org::members(client, args).await,
        GetCommand::People(args) => people::people(client, args).await,
        GetCommand::Invites(args) => people::invites(client, args).await,
        GetCommand::Keys(args) => keys::keys(client, args).await,
        GetCommand::Audit(args) => audit::audit(client, args).await,
        GetCommand::Roles(args) => org::roles(client, args).await,
        GetCommand::Spend(_) => org::spend(client).await,
        GetCommand::Organization(_) => org::organization(client).await,
        GetCommand::Groups(args) => groups::groups(client, args).await,
        GetCommand::Usage(args) => usage::usage(client, args).await,
        GetCommand::Limits(_) => usage::limits(client).await,
        GetCommand::Vibe(args) => vibe::vibe(client, args).await,
    }
}

/// `value` (a JSON object) with `extra` fields added, such as names resolved beside UUIDs.
pub fn with(value: impl serde::Serialize, extra: Vec<(&str, Value)>) -> Value {
    let mut value = serde_json::to_value(value).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for (key, field) in extra {
            map.insert(key.to_owned(), field);
        }
    }
    value
}

/// A `--search` filter, its text folded once for the whole listing.
struct Search(Option<Needle>);

impl Search {
    fn new(text: &Option<String>) -> Self {
        Self(text.as_deref().map(Needle::new))
    }

    /// Whether an entry passes: no search was given, or one of `fields` contains it,
    /// ignoring case and accents.
    fn admits(&self, fields: &[&str]) -> bool {
        self.0
            .as_ref()
            .is_none_or(|needle| fields.iter().any(|field| needle.found_in(field)))
    }

    /// Whether a person passes, by name or email.
    fn admits_person(&self, person: &AdminOrganizationMemberOut) -> bool {
        let name = person.name.as_deref().unwrap_or_default();
        let email = person.email.as_deref().unwrap_or_default();
        self.admits(&[name, email])
    }
}
