//! `get groups`: each user group with its organization role, direct members, the groups it
//! is nested inside, and the workspaces it is assigned to with the roles it grants there.

use clap::Args;
use serde_json::json;

use super::{OutputArgs, Search, with};
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::AdminClient;
use crate::domain::OrgRole;

#[derive(Debug, Args)]
pub struct GroupsArgs {
    /// Only groups whose name contains this (ignoring case and accents).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub async fn groups(client: &AdminClient, args: &GroupsArgs) -> Result<Listing, Failure> {
    let all = crate::actions::org_live::group_details(client).await?;
    let name_of = |id: &uuid::Uuid| {
        all.iter()
            .find(|(g, _, _)| g.uuid == *id)
            .map_or_else(|| id.to_string(), |(g, _, _)| g.name.clone())
    };
    let mut listing = Listing::new(&[
        "name",
        "organization_role",
        "members",
        "nested_in",
        "workspaces",
        "managed_by",
        "uuid",
    ]);
    let search = Search::new(&args.search);
    for (group, members, assignments) in &all {
        if !search.admits(&[&group.name]) {
            continue;
        }
        let role = group
            .organization_role
            .as_deref()
            .map(|r| OrgRole::parse_any(r).map_or(r.to_owned(), |r| r.name().to_owned()));
        let emails: Vec<String> = members
            .iter()
            .map(|m| {
                m.email
                    .clone()
                    .or_else(|| m.name.clone())
                    .unwrap_or_else(|| m.user_uuid.to_string())
            })
            .collect();
        let parents: Vec<String> = group.parent_group_ids.iter().map(name_of).collect();
        let places: Vec<String> = assignments
            .iter()
            .map(|a| {
                let roles: Vec<&str> = a.roles.iter().map(|r| r.name.as_str()).collect();
                format!("{} ({})", a.workspace_name, roles.join(" "))
            })
            .collect();
        let managed = if group.externally_managed == Some(true) {
            "identity provider"
        } else {
            ""
        };
        listing.push(
            vec![
                group.name.clone().into(),
                role.clone().unwrap_or_default().into(),
                emails.into(),
                parents.clone().into(),
                places.into(),
                managed.into(),
                group.uuid.to_string().into(),
            ],
            with(
                group,
                vec![
                    ("organization_role_name", json!(role)),
                    ("parent_group_names", json!(parents)),
                    ("members", json!(members)),
                    ("workspaces", json!(assignments)),
                ],
            ),
        );
    }
    Ok(listing)
}
