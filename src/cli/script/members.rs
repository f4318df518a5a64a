//! `mistral-admin members add|set-roles|remove`: a workspace's members.

use clap::{Args, Subcommand};

use super::change::{self, ChangeArgs};
use super::exit::Failure;
use super::session::Session;
use super::workspace_args::{GrantedRoles, WorkspaceMembers};
use crate::actions::members::{self, Person};
use crate::actions::org_live::group_access;
use crate::actions::roles::{self, RoleTick};
use crate::actions::{ActionError, resolve};
use crate::api::WorkspaceOut;
use crate::client::{AdminClient, Directory};

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Add organization members to a workspace, at once (no invitation step).
    Add(AddArgs),
    /// Change members' roles in a workspace: exactly --role ..., or --add / --remove some.
    SetRoles(SetRolesArgs),
    /// Remove members from a workspace; they stay in the organization.
    Remove(RemoveArgs),
}

impl MembersCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Add(args) => &args.change,
            Self::SetRoles(args) => &args.change,
            Self::Remove(args) => &args.change,
        }
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The workspace: its name or UUID.
    pub workspace: String,
    /// Organization members: emails, names or UUIDs.
    #[arg(required = true, value_name = "PERSON")]
    pub people: Vec<String>,
    #[command(flatten)]
    pub granted: GrantedRoles,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("how").required(true).multiple(true)))]
pub struct SetRolesArgs {
    #[command(flatten)]
    pub members: WorkspaceMembers,
    /// Exactly these roles, every other one dropped (repeat for several).
    #[arg(long = "role", value_name = "ROLE", group = "how", conflicts_with_all = ["add", "remove"])]
    pub roles: Vec<String>,
    /// Give this role, keeping the others each member holds (repeatable).
    #[arg(long, value_name = "ROLE", group = "how")]
    pub add: Vec<String>,
    /// Take this role away, keeping the others (repeatable).
    #[arg(long, value_name = "ROLE", group = "how")]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    #[command(flatten)]
    pub members: WorkspaceMembers,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The workspace, the directory, and each named person.
async fn load(
    client: &AdminClient,
    workspace: &str,
    people: &[String],
) -> Result<(WorkspaceOut, Directory, Vec<Person>), Failure> {
    let (active, archived, directory) = client.load_every_workspace_and_directory().await?;
    let workspace = resolve::workspace(&active, &archived, workspace)?.clone();
    let chosen = resolve::people(&directory, people)?;
    Ok((workspace, directory, chosen))
}

fn role_names(given: &[String], directory: &Directory) -> Result<Vec<String>, ActionError> {
    let catalog = &directory.role_catalog().workspace_roles;
    given
        .iter()
        .map(|role| roles::workspace_role(catalog, role))
        .collect()
}

pub async fn run(session: &Session, command: &MembersCommand) -> Result<(), Failure> {
    let client = &session.client;
    match command {
        MembersCommand::Add(args) => {
            let (workspace, directory, people) =
                load(client, &args.workspace, &args.people).await?;
            let roles = role_names(&args.granted.roles, &directory)?;
            let catalog = &directory.role_catalog().workspace_roles;
            let plan = members::add(&workspace, &people, &roles, &directory, catalog)?;
            change::apply(session, &args.change, &[], &plan).await
        }
        MembersCommand::SetRoles(args) => {
            let (workspace, directory, people) =
                load(client, &args.members.workspace, &args.members.people).await?;
            let catalog = &directory.role_catalog().workspace_roles;
            let targets = members::targets(&workspace, &people, &directory)?;
            let ticks = if args.roles.is_empty() {
                let mut ticks = Vec::new();
                for role in role_names(&args.add, &directory)? {
                    ticks.push((role, RoleTick::On));
                }
                for role in role_names(&args.remove, &directory)? {
                    ticks.push((role, RoleTick::Off));
                }
                ticks
            } else {
                roles::exactly(&role_names(&args.roles, &directory)?, catalog, &targets)
            };
            let access = group_access(client).await?;
            let mut plan = members::set_roles(&workspace, &targets, &ticks, catalog, &access)?;
            let changes = roles::role_changes(&targets, &ticks).unwrap_or_default();
            if let Some(warning) =
                members::role_change_leaves_no_admin(&workspace, &changes, &directory, &access)
            {
                plan = plan.with_note(warning);
            }
            change::apply(session, &args.change, &[], &plan).await
        }
        MembersCommand::Remove(args) => {
            let (workspace, directory, people) =
                load(client, &args.members.workspace, &args.members.people).await?;
            let access = group_access(client).await?;
            let mut plan = members::remove(&workspace, &people, &directory, &access)?;
            let leaving: Vec<_> = people.iter().map(|p| p.user_id).collect();
            if let Some(warning) =
                members::removal_leaves_no_admin(&workspace, &leaving, &directory, &access)
            {
                plan = plan.with_note(warning);
            }
            change::apply(session, &args.change, &[], &plan).await
        }
    }
}
