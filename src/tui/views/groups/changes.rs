//! The groups view's changes: which keys are changes, why one is refused before any dialog
//! opens (read-only is the view's; the identity provider's ownership is the action layer's),
//! and the dialog each opens, given what the view has drawn.

use std::sync::Arc;

use crate::actions::groups;
use crate::actions::members::Person;
use crate::api::WorkspaceOut;
use crate::domain::text::fold;
use crate::tui::dialogs::group_change::{GroupChange, Item, Kind, PickList};
use crate::tui::dialogs::group_form::GroupForm;
use crate::tui::state::people::People;
use crate::tui::views::prelude::*;

use super::{GroupEntry, Groups, GroupsView};

pub fn is_change(action: Action) -> bool {
    matches!(
        action,
        Action::NewGroup
            | Action::Edit
            | Action::AddMembers
            | Action::RemoveMembers
            | Action::Nest
            | Action::Unnest
            | Action::AssignWorkspace
            | Action::UnassignWorkspace
            | Action::ProvisionWorkspace
            | Action::EditRoles
            | Action::DeleteGroup
    )
}

/// Why `action` cannot apply to the group under the cursor, before anything opens.
pub fn refusal(view: &GroupsView, action: Action) -> Option<String> {
    if !matches!(view.groups, Remote::Loaded(_)) {
        return Some("The groups are still loading".into());
    }
    if action == Action::NewGroup {
        return None;
    }
    let Some(entry) = view.current() else {
        return Some("No group yet: n creates one".into());
    };
    let refused = |result: Result<crate::actions::Plan, crate::actions::ActionError>| {
        result.err().map(|e| e.to_string())
    };
    let nobody: [Person; 0] = [];
    match action {
        Action::AddMembers => refused(groups::add_members(&entry.group, &nobody, &entry.members)),
        Action::RemoveMembers => refused(groups::remove_members(
            &entry.group,
            &nobody,
            &entry.members,
        )),
        Action::DeleteGroup => refused(groups::delete(&entry.group, &[], 0, &[])),
        _ => None,
    }
}

fn active_workspaces(app: &App) -> Vec<WorkspaceOut> {
    app.org().workspaces.get().cloned().unwrap_or_default()
}

fn catalog(app: &App) -> Vec<crate::api::RoleOut> {
    app.org()
        .people
        .get()
        .map(|p| p.workspace_roles.clone())
        .unwrap_or_default()
}

fn roles_of(entry: &GroupEntry, workspace: uuid::Uuid) -> String {
    entry
        .assignments
        .iter()
        .find(|a| a.workspace_uuid == workspace)
        .map(|a| {
            let names: Vec<&str> = a.roles.iter().map(|r| r.name.as_str()).collect();
            format!("grants {}", names.join(", "))
        })
        .unwrap_or_default()
}

/// Opens the dialog `action` asks for, or says why it does not open.
pub fn open(view: &GroupsView, action: Action, app: &App) -> Vec<Step> {
    let say = |text: String| vec![Step::Say(FlashLevel::Info, text)];
    if let Some(reason) = refusal(view, action) {
        return vec![Step::Say(FlashLevel::Error, reason)];
    }
    let Remote::Loaded(groups) = &view.groups else {
        return Vec::new();
    };
    let groups: Arc<Groups> = Arc::clone(groups);
    if action == Action::NewGroup {
        return vec![Step::Open(Box::new(GroupForm::create(groups)))];
    }
    let Some(entry) = view.current().cloned() else {
        return Vec::new();
    };
    let id = entry.group.uuid;
    let name = entry.group.name.clone();
    let change = |kind, targets: Vec<Item>, multi| {
        let dialog = GroupChange::new(
            kind,
            id,
            Arc::clone(&groups),
            active_workspaces(app),
            catalog(app),
            PickList::new(targets, multi),
        );
        vec![Step::Open(Box::new(dialog))]
    };
    let workspace_items = |only_assigned: bool| -> Vec<Item> {
        active_workspaces(app)
            .into_iter()
            .filter(|w| {
                !only_assigned || entry.assignments.iter().any(|a| a.workspace_uuid == w.uuid)
            })
            .map(|w| Item {
                id: w.uuid,
                note: roles_of(&entry, w.uuid),
                label: w.name,
            })
            .collect()
    };
    match action {
        Action::Edit => match GroupForm::edit(Arc::clone(&groups), id) {
            Some(form) => vec![Step::Open(Box::new(form))],
            None => Vec::new(),
        },
        Action::AddMembers => match app.org().people.get() {
            None => say("The organization's members are still loading".into()),
            Some(people) => {
                let items = outside_the_group(people, &entry);
                if items.is_empty() {
                    return say(format!(
                        "Everyone in the organization is already in \"{name}\""
                    ));
                }
                change(Kind::AddMembers, items, true)
            }
        },
        Action::RemoveMembers if entry.members.is_empty() => {
            say(format!("\"{name}\" has no direct members"))
        }
        Action::RemoveMembers => {
            let items = entry
                .members
                .iter()
                .map(|m| Item {
                    id: m.user_uuid,
                    label: m
                        .name
                        .clone()
                        .or_else(|| m.email.clone())
                        .unwrap_or_else(|| m.user_uuid.to_string()),
                    note: m.email.clone().unwrap_or_default(),
                })
                .collect();
            change(Kind::RemoveMembers, items, true)
        }
        Action::Nest => {
            let items: Vec<Item> = groups
                .entries
                .iter()
                .filter(|g| g.group.uuid != id)
                .map(|g| Item {
                    id: g.group.uuid,
                    label: g.group.name.clone(),
                    note: if entry.group.parent_group_ids.contains(&g.group.uuid) {
                        "already nested here".into()
                    } else {
                        String::new()
                    },
                })
                .collect();
            if items.is_empty() {
                return say("There is no other group to nest it in".into());
            }
            change(Kind::Nest, items, false)
        }
        Action::Unnest if entry.group.parent_group_ids.is_empty() => {
            say(format!("\"{name}\" is not nested inside any group"))
        }
        Action::Unnest => {
            let items = entry
                .group
                .parent_group_ids
                .iter()
                .map(|p| Item {
                    id: *p,
                    label: groups.name_of(*p),
                    note: String::new(),
                })
                .collect();
            change(Kind::Unnest, items, false)
        }
        Action::AssignWorkspace | Action::ProvisionWorkspace => {
            let items = workspace_items(false);
            if items.is_empty() {
                return say("The workspaces are still loading".into());
            }
            let kind = if action == Action::AssignWorkspace {
                Kind::Assign
            } else {
                Kind::Provision
            };
            change(kind, items, false)
        }
        Action::UnassignWorkspace if entry.assignments.is_empty() => {
            say(format!("\"{name}\" is not assigned to any workspace"))
        }
        Action::UnassignWorkspace => change(Kind::Unassign, workspace_items(true), false),
        Action::EditRoles => {
            let items = crate::domain::OrgRole::ALL
                .into_iter()
                .map(|r| Item::new(r.uuid(), r.name(), r.description()))
                .collect();
            change(Kind::OrganizationRole, items, false)
        }
        Action::DeleteGroup => change(Kind::Delete, Vec::new(), false),
        _ => Vec::new(),
    }
}

/// The organization's members who are not direct members of `entry`, by name then email:
/// who can be added to it.
fn outside_the_group(people: &People, entry: &GroupEntry) -> Vec<Item> {
    let mut items: Vec<Item> = people
        .persons
        .iter()
        .filter(|p| !entry.members.iter().any(|m| m.user_uuid == p.user_id))
        .map(|p| Item::new(p.user_id, p.name.to_string(), p.email.to_string()))
        .collect();
    items.sort_by_cached_key(|i| (fold(&i.label), i.note.clone()));
    items
}
