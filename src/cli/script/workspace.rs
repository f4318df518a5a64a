//! `mistral-admin workspace create|edit|archive`.

use clap::{Args, Subcommand};
use time::OffsetDateTime;

use super::change::{self, ChangeArgs, ConfirmArgs};
use super::exit::Failure;
use super::session::Session;
use super::spend::{Amount, parse_amount};
use crate::actions::{archive, resolve, workspaces};

#[derive(Debug, Subcommand)]
pub enum WorkspaceCommand {
    /// Create a workspace; its admin (an organization member) becomes workspace_admin.
    Create(CreateArgs),
    /// Change a workspace's name, description, icon or (local server) settings.
    Edit(EditArgs),
    /// Archive a workspace, for good: members lose access and its API keys stop working.
    Archive(ArchiveArgs),
}

impl WorkspaceCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Create(args) => &args.change,
            Self::Edit(args) => &args.change,
            Self::Archive(args) => &args.change,
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Its name, unique among active workspaces (ignoring case and accents).
    pub name: String,
    /// Its admin: an organization member's email, name or UUID.
    #[arg(long, value_name = "PERSON")]
    pub admin: String,
    #[arg(long, default_value = "")]
    pub description: String,
    /// One emoji.
    #[arg(long, default_value = "")]
    pub icon: String,
    /// Every current member of the organization joins it too.
    #[arg(long)]
    pub add_all_members: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("fields").required(true).multiple(true)))]
pub struct EditArgs {
    /// The workspace: its name or UUID.
    pub workspace: String,
    #[arg(long, group = "fields")]
    pub name: Option<String>,
    #[arg(long, group = "fields")]
    pub description: Option<String>,
    /// One emoji, or "" for none.
    #[arg(long, group = "fields")]
    pub icon: Option<String>,
    /// Whether members (not only admins) may create API keys (local-server setting).
    #[arg(long, group = "fields", value_name = "BOOL")]
    pub members_can_create_keys: Option<bool>,
    /// Monthly spending cap in whole currency units, or `none` (local-server setting).
    #[arg(long, group = "fields", value_name = "AMOUNT|none", value_parser = parse_amount)]
    pub spend_cap: Option<Amount>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    /// The workspace: its name or UUID.
    pub workspace: String,
    #[command(flatten)]
    pub confirm: ConfirmArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub async fn run(session: &Session, command: &WorkspaceCommand) -> Result<(), Failure> {
    let client = &session.client;
    match command {
        WorkspaceCommand::Create(args) => {
            let (active, directory) = client.load_workspaces_and_directory().await?;
            let admin = resolve::person(&directory, &args.admin)?;
            let plan = workspaces::create(
                &workspaces::NewWorkspace {
                    name: args.name.clone(),
                    description: args.description.clone(),
                    icon: args.icon.clone(),
                    admin: admin.uuid,
                    admin_label: resolve::person_label(admin),
                    add_all_members: args.add_all_members,
                },
                &active,
            )?;
            change::apply(session, &args.change, &[], &plan).await
        }
        WorkspaceCommand::Edit(args) => {
            let (active, archived) = client.list_every_workspace().await?;
            let workspace = resolve::workspace(&active, &archived, &args.workspace)?;
            let wants_settings = args.members_can_create_keys.is_some() || args.spend_cap.is_some();
            let settings = if wants_settings {
                client.workspace_settings(workspace.uuid).await?
            } else {
                None
            };
            let edit = workspaces::WorkspaceEdit {
                name: args.name.clone(),
                description: args.description.clone(),
                icon: args.icon.clone(),
                members_can_create_api_keys: args.members_can_create_keys,
                monthly_spend_cap: args.spend_cap.map(|cap| cap.0),
            };
            let plan = workspaces::edit(workspace, &edit, &active, settings.as_ref())?;
            change::apply(session, &args.change, &[], &plan).await
        }
        WorkspaceCommand::Archive(args) => {
            let ((active, archived), directory, keys) = futures::try_join!(
                client.list_every_workspace(),
                client.load_directory(),
                client.list_all_api_keys()
            )?;
            let workspace = resolve::workspace(&active, &archived, &args.workspace)?;
            let today = OffsetDateTime::now_utc().date();
            let members = directory.member_count(workspace.uuid);
            let keys = archive::key_count(&keys, workspace.uuid, today);
            let plan = archive::archive(workspace, Some(members), Some(keys))?;
            change::apply(session, &args.change, &args.confirm.confirm, &plan).await
        }
    }
}
