//! `mistral-admin groups ...`: user groups, their members, nesting, workspace assignments,
//! organization role and provisioning, each through `actions::groups`.

use clap::{Args, Subcommand};

use super::change::{self, ChangeArgs, ConfirmArgs};
use super::exit::Failure;
use super::session::Session;
use super::workspace_args::GrantedRoles;
use crate::actions::groups;
use crate::actions::members::Person;
use crate::actions::{Plan, org_live, resolve, roles};
use crate::api::{AdminUserGroupOut, WorkspaceOut};
use crate::client::AdminClient;
use crate::domain::WorkspaceRole;
use uuid::Uuid;

#[derive(Debug, Subcommand)]
pub enum GroupsCommand {
    /// Create a group, optionally nested inside others.
    Create(CreateArgs),
    /// Rename a group or change its description or target.
    Edit(EditArgs),
    /// Delete a group for good: its members, and those of the groups nested in it, lose what it
    /// grants; every nesting it is part of ends.
    Delete(DeleteArgs),
    /// Add people to a group or take them out.
    #[command(subcommand)]
    Members(MembersCommand),
    /// Nest a group inside another: its members become members of the other too.
    Nest(NestArgs),
    /// Take a nested group out of another.
    Unnest(UnnestArgs),
    /// Give a group's members roles in a workspace (or change the roles it gives there).
    Assign(AssignArgs),
    /// End a group's assignment to a workspace.
    Unassign(UnassignArgs),
    /// Make every member of a group a direct member of a workspace, once.
    Provision(ProvisionArgs),
    /// Set the organization role every member of a group holds through it.
    SetRole(SetRoleArgs),
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    pub name: String,
    #[arg(long)]
    pub description: Option<String>,
    /// What the group gives access to: workspaces (W) or organization (O).
    #[arg(long, value_name = "TARGET")]
    pub target: Option<String>,
    /// A group to nest it inside (repeatable).
    #[arg(long = "in", value_name = "GROUP")]
    pub parents: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The group: its name or UUID.
    pub group: String,
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub description: Option<String>,
    /// workspaces (W) or organization (O).
    #[arg(long, value_name = "TARGET")]
    pub target: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    pub group: String,
    #[command(flatten)]
    pub confirm: ConfirmArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Subcommand)]
pub enum MembersCommand {
    /// Add organization members to a group.
    Add(GroupPeopleArgs),
    /// Take people out of a group.
    Remove(GroupPeopleArgs),
}

impl GroupsCommand {
    /// The options every change shares (`--dry-run`, `-o`).
    pub fn change(&self) -> &ChangeArgs {
        match self {
            Self::Create(args) => &args.change,
            Self::Edit(args) => &args.change,
            Self::Delete(args) => &args.change,
            Self::Members(MembersCommand::Add(args) | MembersCommand::Remove(args)) => &args.change,
            Self::Nest(args) => &args.change,
            Self::Unnest(args) => &args.change,
            Self::Assign(args) => &args.change,
            Self::Unassign(args) => &args.change,
            Self::Provision(args) => &args.change,
            Self::SetRole(args) => &args.change,
        }
    }
}

#[derive(Debug, Args)]
pub struct GroupPeopleArgs {
    pub group: String,
    /// Organization members: emails, names or UUIDs.
    #[arg(required = true, value_name = "PERSON")]
    pub people: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct NestArgs {
    /// The group to nest.
    pub group: String,
    /// The group to nest it inside.
    #[arg(long = "in", value_name = "GROUP")]
    pub parent: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct UnnestArgs {
    pub group: String,
    /// The group to take it out of.
    #[arg(long = "from", value_name = "GROUP")]
    pub parent: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    pub group: String,
    /// The workspace: its name or UUID.
    pub workspace: String,
    #[command(flatten)]
    pub granted: GrantedRoles,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct UnassignArgs {
    pub group: String,
    pub workspace: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct ProvisionArgs {
    pub group: String,
    pub workspace: String,
    /// The one workspace role they join with.
    #[arg(long, value_name = "ROLE", default_value = "workspace_contributor")]
    pub role: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Debug, Args)]
pub struct SetRoleArgs {
    pub group: String,
    /// member, billing_manager or organization_admin.
    pub role: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

async fn find(
    client: &AdminClient,
    given: &str,
) -> Result<(Vec<AdminUserGroupOut>, AdminUserGroupOut), Failure> {
    let all = client.list_all_groups().await?;
    let group = groups::group(&all, given)?.clone();
    Ok((all, group))
}

/// The plan that nests the group `child` inside `parent`, or with `inside == false` takes it
/// out; `nest` and `unnest` differ only in that.
async fn nesting(
    client: &AdminClient,
    child: &str,
    parent: &str,
    inside: bool,
) -> Result<Plan, Failure> {
    let (all, child) = find(client, child).await?;
    let parent = groups::group(&all, parent)?;
    Ok(groups::nest(&child, parent, inside)?)
}

async fn workspace(client: &AdminClient, given: &str) -> Result<WorkspaceOut, Failure> {
    let (active, archived) = client.list_every_workspace().await?;
    Ok(resolve::workspace(&active, &archived, given)?.clone())
}

async fn people(client: &AdminClient, given: &[String]) -> Result<Vec<Person>, Failure> {
    let directory = client.load_directory().await?;
    Ok(resolve::people(&directory, given)?)
}

/// Who loses which role when `group` is deleted, one note each, as the console's delete
/// dialog lists them: read from every group's members, nesting and grants.
async fn deletion_losses(
    client: &AdminClient,
    group: &AdminUserGroupOut,
) -> Result<Vec<String>, Failure> {
    let (access, directory, (active, archived)) = futures::try_join!(
        org_live::group_access(client),
        client.load_directory(),
        client.list_every_workspace()
    )?;
    let person = |id: Uuid| {
        directory
            .user(id)
            .map_or_else(|| id.to_string(), resolve::person_label)
    };
    let workspace = |id: Uuid| {
        active
            .iter()
            .chain(&archived)
            .find(|w| w.uuid == id)
            .map_or_else(|| id.to_string(), |w| w.name.clone())
    };
    Ok(groups::losses(&access, group.uuid, person, workspace))
}

fn target(given: &Option<String>) -> Result<Option<String>, Failure> {
    Ok(given.as_deref().map(groups::target_code).transpose()?)
}

pub async fn run(session: &Session, command: &GroupsCommand) -> Result<(), Failure> {
    let client = &session.client;
    let (plan, change, confirm) = match command {
        GroupsCommand::Create(args) => {
            let all = client.list_all_groups().await?;
            let mut parents = Vec::new();
            for given in &args.parents {
                parents.push(groups::group(&all, given)?);
            }
            let plan = groups::create(
                &args.name,
                args.description.as_deref(),
                target(&args.target)?,
                &parents,
                &all,
            )?;
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Edit(args) => {
            let (all, group) = find(client, &args.group).await?;
            let plan = groups::edit(
                &group,
                args.name.as_deref(),
                args.description.as_deref(),
                target(&args.target)?,
                &all,
            )?;
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Delete(args) => {
            let (all, group) = find(client, &args.group).await?;
            let (members, assignments) = futures::try_join!(
                client.list_all_group_members(group.uuid),
                client.list_all_group_workspaces(group.uuid)
            )?;
            let mut plan = groups::delete(&group, &all, members.len(), &assignments)?;
            plan.notes.extend(deletion_losses(client, &group).await?);
            (plan, &args.change, args.confirm.confirm.clone())
        }
        GroupsCommand::Members(MembersCommand::Add(args) | MembersCommand::Remove(args)) => {
            let (_, group) = find(client, &args.group).await?;
            let (current, chosen) = futures::try_join!(
                async { Ok::<_, Failure>(client.list_all_group_members(group.uuid).await?) },
                people(client, &args.people)
            )?;
            let plan = match command {
                GroupsCommand::Members(MembersCommand::Add(_)) => {
                    groups::add_members(&group, &chosen, &current)?
                }
                _ => groups::remove_members(&group, &chosen, &current)?,
            };
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Nest(args) => {
            let plan = nesting(client, &args.group, &args.parent, true).await?;
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Unnest(args) => {
            let plan = nesting(client, &args.group, &args.parent, false).await?;
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Assign(args) => {
            let (_, group) = find(client, &args.group).await?;
            let (space, assignments, catalog) = futures::try_join!(
                workspace(client, &args.workspace),
                async { Ok(client.list_all_group_workspaces(group.uuid).await?) },
                async { Ok(client.roles().await?) }
            )?;
            let catalog = &catalog.workspace_roles;
            let roles = args
                .granted
                .roles
                .iter()
                .map(|r| roles::workspace_role(catalog, r))
                .collect::<Result<Vec<_>, _>>()?;
            let plan = groups::assign(&group, &space, &roles, &assignments, catalog)?;
            (plan, &args.change, Vec::new())
        }
        GroupsCommand::Unassign(args) => {
            let (_, group) = find(client, &args.group).await?;
            let (space, assignments) =
                futures::try_join!(workspace(client, &args.workspace), async {
                    Ok(client.list_all_group_workspaces(group.uuid).await?)
                })?;
            (
                groups::unassign(&group, &space, &assignments)?,
                &args.change,
                Vec::new(),
            )
        }
        GroupsCommand::Provision(args) => {
            let (_, group) = find(client, &args.group).await?;
            let space = workspace(client, &args.workspace).await?;
            let role = WorkspaceRole::parse_any(args.role.trim()).ok_or_else(|| {
                crate::actions::ActionError::NotFound {
                    what: "built-in workspace role",
                    given: args.role.clone(),
                    suggestions: WorkspaceRole::ALL
                        .iter()
                        .map(|r| r.name().to_owned())
                        .collect(),
                }
            })?;
            (
                groups::provision(&group, &space, role)?,
                &args.change,
                Vec::new(),
            )
        }
        GroupsCommand::SetRole(args) => {
            let (_, group) = find(client, &args.group).await?;
            let role = roles::organization_role(&args.role)?;
            (groups::set_role(&group, role)?, &args.change, Vec::new())
        }
    };
    change::apply(session, change, &confirm, &plan).await
}
