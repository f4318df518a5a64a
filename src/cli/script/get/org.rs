//! `get workspaces`, `get members`, `get roles`, `get spend` and `get organization`.

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{OutputArgs, Search, with};
use crate::actions::{resolve, roles};
use crate::cli::script::exit::{Exit, Failure};
use crate::cli::script::output::{Cell, Listing};
use crate::client::AdminClient;

#[derive(Debug, Args)]
pub struct WorkspacesArgs {
    /// List archived workspaces instead of active ones.
    #[arg(long)]
    pub archived: bool,
    /// Only workspaces whose name contains this (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn workspaces(client: &AdminClient, args: &WorkspacesArgs) -> Result<Listing, Failure> {
    let list = client.list_all_workspaces(args.archived).await?;
    let mut listing = Listing::new(&["icon", "name", "members", "default", "spend_cap", "uuid"]);
    let search = Search::new(&args.search);
    for workspace in list {
        if !search.admits(&[&workspace.name]) {
            continue;
        }
        let cap = workspace
            .spend_limit
            .as_ref()
            .and_then(|s| {
                Some(format!(
                    "{} {}",
                    s.value?,
                    s.currency.as_deref().unwrap_or("")
                ))
            })
            .map(|t| t.trim().to_owned())
            .unwrap_or_default();
        listing.push(
            vec![
                workspace.icon.clone().unwrap_or_default().into(),
                workspace.name.clone().into(),
                workspace
                    .members_count
                    .map(|n| n.to_string())
                    .unwrap_or_default()
                    .into(),
                if workspace.is_default { "yes" } else { "" }.into(),
                cap.into(),
                workspace.uuid.to_string().into(),
            ],
            serde_json::to_value(&workspace).unwrap_or(Value::Null),
        );
    }
    Ok(listing)
}

#[derive(Debug, Args)]
pub struct MembersArgs {
    /// The workspace, by name or UUID.
    #[arg(
        required_unless_present = "all_workspaces",
        conflicts_with = "all_workspaces"
    )]
    pub workspace: Option<String>,
    /// Every active workspace's members, one row per membership.
    #[arg(long, short = 'A')]
    pub all_workspaces: bool,
    /// Only members holding this workspace role.
    #[arg(long, value_name = "ROLE")]
    pub role: Option<String>,
    /// Only members whose name or email contains this (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn members(client: &AdminClient, args: &MembersArgs) -> Result<Listing, Failure> {
    let (active, directory) = client.load_workspaces_and_directory().await?;
    let chosen = match &args.workspace {
        Some(given) => vec![resolve::workspace(&active, &[], given)?.clone()],
        None => active,
    };
    let role = match &args.role {
        Some(given) => Some(roles::workspace_role(
            &directory.role_catalog().workspace_roles,
            given,
        )?),
        None => None,
    };
    let mut columns = vec!["name", "email", "roles", "organization_roles", "uuid"];
    if args.all_workspaces {
        columns.insert(0, "workspace");
    }
    let mut listing = Listing::new(&columns);
    let search = Search::new(&args.search);
    for workspace in &chosen {
        for member in directory.workspace_members(workspace.uuid) {
            let user = member.user;
            if role.as_ref().is_some_and(|r| !member.roles.contains(r)) {
                continue;
            }
            if !search.admits_person(user) {
                continue;
            }
            let text = |v: &Option<String>| v.clone().unwrap_or_default();
            let org_roles = directory.org_roles(user.uuid);
            let raw_roles = user
                .workspaces
                .iter()
                .flatten()
                .find(|w| w.uuid == workspace.uuid)
                .map(|w| w.raw_roles.clone())
                .unwrap_or_default();
            let mut cells: Vec<Cell> = vec![
                text(&user.name).into(),
                text(&user.email).into(),
                member.roles.clone().into(),
                org_roles.clone().into(),
                user.uuid.to_string().into(),
            ];
            if args.all_workspaces {
                cells.insert(0, workspace.name.clone().into());
            }
            let record = json!({
                "workspace_uuid": workspace.uuid,
                "workspace_name": workspace.name,
                "uuid": user.uuid,
                "name": user.name,
                "email": user.email,
                "raw_roles": raw_roles,
                "role_names": member.roles,
                "organization_role_names": org_roles,
            });
            listing.push(cells, record);
        }
    }
    Ok(listing)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    Organization,
    Workspace,
}

#[derive(Debug, Args)]
pub struct RolesArgs {
    /// Only organization roles or only workspace roles.
    #[arg(long, value_enum)]
    pub scope: Option<Scope>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn roles(client: &AdminClient, args: &RolesArgs) -> Result<Listing, Failure> {
    let catalog = client.roles().await?;
    let mut listing = Listing::new(&["scope", "name", "custom", "uuid", "description"]);
    let scopes = [
        (
            Scope::Organization,
            "organization",
            &catalog.organization_roles,
        ),
        (Scope::Workspace, "workspace", &catalog.workspace_roles),
    ];
    for (scope, word, list) in scopes {
        if args.scope.is_some_and(|s| s != scope) {
            continue;
        }
        for role in list.iter() {
            listing.push(
                vec![
                    word.into(),
                    role.name.clone().into(),
                    if role.is_custom_role { "yes" } else { "" }.into(),
                    role.uuid.to_string().into(),
                    role.description.clone().into(),
                ],
                with(role, vec![("scope", json!(word))]),
            );
        }
    }
    listing.document = Some(match args.scope {
        None => serde_json::to_value(&catalog).unwrap_or(Value::Null),
        Some(_) => Value::Array(listing.records.clone()),
    });
    Ok(listing)
}

pub async fn spend(client: &AdminClient) -> Result<Listing, Failure> {
    let (limits, active, organization) = futures::try_join!(
        client.spend_limit(),
        client.list_all_workspaces(false),
        client.local_organization()
    )?;
    let completion = &limits.limits.completion;
    let currency = limits.limits.currency.clone();
    let limit = crate::actions::spend::current_limit(&limits);
    let mut listing = Listing::new(&[
        "scope",
        "name",
        "monthly_limit",
        "usage",
        "reached",
        "currency",
    ]);
    let name = organization.map(|o| o.name).unwrap_or_default();
    listing.push(
        vec![
            "organization".into(),
            name.clone().into(),
            limit.map_or("none".to_owned(), |l| l.to_string()).into(),
            completion
                .usage
                .map(|u| u.to_string())
                .unwrap_or_default()
                .into(),
            if completion.monthly_limit_reached {
                "yes"
            } else {
                "no"
            }
            .into(),
            currency.clone().into(),
        ],
        json!({"scope": "organization", "name": name, "monthly_limit": limit,
               "usage": completion.usage, "reached": completion.monthly_limit_reached,
               "currency": currency}),
    );
    let mut caps = Vec::new();
    for workspace in &active {
        let Some(cap) = workspace.spend_limit.as_ref().and_then(|s| s.value) else {
            continue;
        };
        let record = json!({"scope": "workspace", "name": workspace.name,
            "workspace_uuid": workspace.uuid, "monthly_limit": cap, "currency": currency});
        listing.push(
            vec![
                "workspace".into(),
                workspace.name.clone().into(),
                cap.to_string().into(),
                "".into(),
                "".into(),
                currency.clone().into(),
            ],
            record.clone(),
        );
        caps.push(record);
    }
    listing.document = Some(with(&limits, vec![("workspace_caps", Value::Array(caps))]));
    Ok(listing)
}

pub async fn organization(client: &AdminClient) -> Result<Listing, Failure> {
    let Some(org) = client.local_organization().await? else {
        return Err(Failure::new(
            Exit::Failure,
            "this server does not tell the organization's details (a local-server extension)",
        ));
    };
    let mut listing = Listing::new(&["name", "plan", "currency", "created", "uuid"]);
    let record = serde_json::to_value(&org).unwrap_or(Value::Null);
    listing.push(
        vec![
            org.name.clone().into(),
            org.plan.clone().into(),
            org.currency.clone().into(),
            org.created_at.into(),
            org.uuid.to_string().into(),
        ],
        record.clone(),
    );
    listing.document = Some(record);
    Ok(listing)
}
