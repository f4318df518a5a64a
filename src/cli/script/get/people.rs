//! `get people` and `get invites`.

use clap::Args;
use serde_json::{Value, json};

use super::{OutputArgs, Search, with};
use crate::actions::{resolve, roles};
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::AdminClient;

#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// Only people holding this organization role (member, billing_manager, organization_admin).
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Only members of this workspace (name or UUID).
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    /// Only people whose name or email contains this (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn people(client: &AdminClient, args: &PeopleArgs) -> Result<Listing, Failure> {
    let (active, directory) = client.load_workspaces_and_directory().await?;
    let role = match &args.role {
        Some(given) => Some(roles::organization_role(given)?.name().to_owned()),
        None => None,
    };
    let workspace = match &args.workspace {
        Some(given) => Some(resolve::workspace(&active, &[], given)?.uuid),
        None => None,
    };
    let catalog = directory.role_catalog();
    let mut listing = Listing::new(&[
        "name",
        "email",
        "organization_roles",
        "workspaces",
        "joined",
        "uuid",
    ]);
    let search = Search::new(&args.search);
    for member in directory.members() {
        let org_roles = directory.org_roles(member.uuid);
        let memberships = member.workspaces.clone().unwrap_or_default();
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        if role.as_ref().is_some_and(|r| !org_roles.contains(r))
            || workspace.is_some_and(|w| !memberships.iter().any(|m| m.uuid == w))
            || !search.admits_person(member)
        {
            continue;
        }
        let workspaces: Vec<Value> = memberships
            .iter()
            .map(|m| {
                let names: Vec<String> = m
                    .raw_roles
                    .iter()
                    .map(|v| {
                        catalog
                            .workspace_role(v)
                            .map_or_else(|| v.clone(), |r| r.name.clone())
                    })
                    .collect();
                with(m, vec![("role_names", json!(names))])
            })
            .collect();
        let record = with(
            member,
            vec![
                ("role_names", json!(org_roles)),
                ("workspaces", Value::Array(workspaces)),
            ],
        );
        listing.push(
            vec![
                text(&member.name).into(),
                text(&member.email).into(),
                org_roles.into(),
                memberships.len().to_string().into(),
                member.created_at.into(),
                member.uuid.to_string().into(),
            ],
            record,
        );
    }
    Ok(listing)
}

#[derive(Debug, Args)]
pub struct InvitesArgs {
    /// Only invitations past their 7 days.
    #[arg(long, conflicts_with = "pending")]
    pub expired: bool,
    /// Only invitations that can still be accepted.
    #[arg(long)]
    pub pending: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn invites(client: &AdminClient, args: &InvitesArgs) -> Result<Listing, Failure> {
    let (active, archived, directory) = client.load_every_workspace_and_directory().await?;
    let catalog = directory.role_catalog();
    let mut listing = Listing::new(&["email", "roles", "workspaces", "sent", "status", "uuid"]);
    for invite in directory.invites() {
        if (args.expired && !invite.expired) || (args.pending && invite.expired) {
            continue;
        }
        let role_names: Vec<String> = invite
            .raw_roles
            .iter()
            .map(|v| {
                catalog
                    .organization_role(v)
                    .map_or_else(|| v.clone(), |r| r.name.clone())
            })
            .collect();
        let workspace_names: Vec<String> = invite
            .workspace_uuids
            .iter()
            .map(|id| {
                active
                    .iter()
                    .chain(&archived)
                    .find(|w| w.uuid == *id)
                    .map_or_else(|| id.to_string(), |w| w.name.clone())
            })
            .collect();
        let status = if invite.expired { "expired" } else { "pending" };
        listing.push(
            vec![
                invite.email.clone().into(),
                role_names.clone().into(),
                workspace_names.clone().into(),
                invite.created_at.into(),
                status.into(),
                invite.uuid.to_string().into(),
            ],
            with(
                invite,
                vec![
                    ("role_names", json!(role_names)),
                    ("workspace_names", json!(workspace_names)),
                ],
            ),
        );
    }
    Ok(listing)
}
