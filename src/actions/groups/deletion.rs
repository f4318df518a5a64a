//! Deleting a group, told whole before it is confirmed: the server deletes it with its
//! members, its workspace assignments and every nesting it is part of (the groups nested in
//! it stay, independent of it; it leaves the groups it was nested in), so its members and
//! everyone in the groups nested in it lose what it granted, and what the groups it was
//! nested in granted through it.

use uuid::Uuid;

use super::access::{GroupAccess, describe};
use super::{plan, provider_owned};
use crate::actions::outcome::count_of;
use crate::actions::plan::Plan;
use crate::actions::request_groups::GroupRequest;
use crate::api::{AdminUserGroupOut, GroupWorkspaceAssignmentOut};
use crate::domain::OrgRole;

/// Deletes `group` for good, confirmed by its name. `all` is every group of the
/// organization, to name the nestings the deletion ends; `members` counts its direct members.
pub fn delete(
    group: &AdminUserGroupOut,
    all: &[AdminUserGroupOut],
    members: usize,
    assignments: &[GroupWorkspaceAssignmentOut],
) -> Result<Plan, crate::actions::ActionError> {
    provider_owned(group, "existence")?;
    let nested_in_it: Vec<&str> = all
        .iter()
        .filter(|g| g.parent_group_ids.contains(&group.uuid))
        .map(|g| g.name.as_str())
        .collect();
    let holding_it: Vec<String> = group
        .parent_group_ids
        .iter()
        .map(|id| {
            all.iter()
                .find(|g| g.uuid == *id)
                .map_or_else(|| id.to_string(), |g| g.name.clone())
        })
        .collect();
    let mut summary = format!(
        "Deleting the group \"{}\" is permanent: {}",
        group.name,
        what_its_people_lose(group, &nested_in_it, members, assignments)
    );
    if !nested_in_it.is_empty() {
        let (stays, is) = match nested_in_it.len() {
            1 => ("stays", "is"),
            _ => ("stay", "are"),
        };
        summary.push_str(&format!(
            "; {} {stays}, but {is} no longer nested in it",
            quoted(&nested_in_it)
        ));
    }
    if !holding_it.is_empty() {
        summary.push_str(&format!(
            "; it leaves {}, so its members no longer receive what {} through it",
            quoted(&holding_it),
            if holding_it.len() == 1 {
                "that group grants"
            } else {
                "those groups grant"
            }
        ));
    }
    Ok(plan(
        format!("Deleted the group \"{}\"", group.name),
        summary,
        GroupRequest::Delete { group: group.uuid },
        format!("delete the group \"{}\"", group.name),
    )
    .with_confirmation(vec![group.name.clone()]))
}

/// Who loses what `group` grants: its direct members, and everyone in the groups nested in
/// it (they are its members too, through the nesting).
fn what_its_people_lose(
    group: &AdminUserGroupOut,
    nested_in_it: &[&str],
    members: usize,
    assignments: &[GroupWorkspaceAssignmentOut],
) -> String {
    let direct = count_of(members, "direct member", "direct members");
    let (who, verb) = match (nested_in_it.is_empty(), members == 1) {
        (true, true) => (format!("its {direct}"), "loses"),
        (true, false) => (format!("its {direct}"), "lose"),
        (false, _) => (
            format!(
                "its {direct} and everyone in the groups nested in it ({})",
                quoted(nested_in_it)
            ),
            "lose",
        ),
    };
    let mut text = format!("{who} {verb} what it grants");
    if !assignments.is_empty() {
        let places: Vec<&str> = assignments
            .iter()
            .map(|a| a.workspace_name.as_str())
            .collect();
        text.push_str(&format!(" in {}", quoted(&places)));
    }
    if let Some(role) = &group.organization_role {
        let role = OrgRole::parse_any(role).map_or(role.clone(), |r| r.to_string());
        text.push_str(&format!(", and the organization role it gives ({role})"));
    }
    text
}

/// Every name, quoted, in one list: the summary names them all.
fn quoted(names: &[impl AsRef<str>]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("\"{}\"", n.as_ref()))
        .collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// Who loses which role when `group` is deleted, one line per person and place, read
/// against `access` (every group with its members, nesting and grants): what the group gave,
/// and what the groups it was nested in gave through it, unless another group still gives
/// it. `person` and `workspace` name the ids.
pub fn losses(
    access: &GroupAccess,
    group: Uuid,
    person: impl Fn(Uuid) -> String,
    workspace: impl Fn(Uuid) -> String,
) -> Vec<String> {
    let change = access.preview(&GroupRequest::Delete { group }, &[]);
    describe(&change, person, workspace)
}
