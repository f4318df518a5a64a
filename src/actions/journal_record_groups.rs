//! What a group request changed, as plan engine changes for the journal (see
//! [`super::journal_record`]).

use super::execute::Reply;
use super::journal_record::{group_name, lost_for_good, user_email, workspace_name};
use super::org_live::LiveOrg;
use super::request_groups::GroupRequest;
use crate::domain::OrgRole;
use crate::domain::org::{Change, FieldValue, Group, GroupField};
use crate::domain::roles::normalize_workspace_role_names;

const PROVISIONED: &str = "provisioning copied the group's members into the workspace once; \
    take them out with `mistral-admin members remove` if it was a mistake";

fn assignment_roles(
    role_names: &Option<Vec<crate::domain::WorkspaceRole>>,
    roles: &Option<Vec<String>>,
    live: &LiveOrg,
) -> Vec<String> {
    let entry = crate::api::WorkspaceMemberSingleIn {
        role_names: role_names.clone(),
        roles: roles.clone(),
        role_name: None,
        role: None,
        user_uuid: uuid::Uuid::nil(),
    };
    let named = super::org_roles::entry_roles(&entry, &live.ids.catalog);
    if named.is_empty() {
        // An assignment made without roles grants the default role.
        vec![
            crate::domain::WorkspaceRole::WorkspaceContributor
                .name()
                .to_owned(),
        ]
    } else {
        normalize_workspace_role_names(named)
    }
}

fn parents(live: &LiveOrg, ids: &[uuid::Uuid]) -> Vec<String> {
    let mut names: Vec<String> = ids
        .iter()
        .map(|p| group_name(live, *p).unwrap_or(p.to_string()))
        .collect();
    names.sort_by_key(|n| crate::domain::org::group_key(n));
    names
}

pub(super) fn record(
    request: &GroupRequest,
    reply: Option<&Reply>,
    live: &LiveOrg,
    out: &mut Vec<Change>,
) {
    let existing = |id| group_name(live, id).and_then(|n| live.model.group(&n));
    match request {
        GroupRequest::Create { body } => {
            let name = match reply {
                Some(Reply::GroupCreated(created)) => created.name.clone(),
                _ => body.name.clone(),
            };
            out.push(Change::CreateGroup {
                group: Group {
                    name,
                    description: body.description.clone().unwrap_or_default(),
                    target_type: body.target_type.clone(),
                    nested_in: parents(live, &body.parent_group_ids),
                    ..Group::default()
                },
            });
        }
        GroupRequest::Update { group, body } => {
            let Some(now) = existing(*group) else { return };
            let text = |t: &str| FieldValue::Text(t.to_owned());
            let mut edit = |field, before: FieldValue, after: FieldValue| {
                if before != after {
                    out.push(Change::EditGroup {
                        group: now.name.clone(),
                        field,
                        before,
                        after,
                    });
                }
            };
            if let Some(d) = &body.description {
                edit(GroupField::Description, text(&now.description), text(d));
            }
            if let Some(t) = &body.target_type {
                edit(
                    GroupField::TargetType,
                    FieldValue::Choice(now.target_type.clone()),
                    FieldValue::Choice(Some(t.clone())),
                );
            }
            if let Some(ids) = &body.parent_group_ids {
                let mut before = now.nested_in.clone();
                before.sort_by_key(|n| crate::domain::org::group_key(n));
                edit(
                    GroupField::NestedIn,
                    FieldValue::Names(before),
                    FieldValue::Names(parents(live, ids)),
                );
            }
            // The name last: undo takes changes back newest first, so it renames back before
            // the other fields are found by the old name.
            if let Some(n) = &body.name {
                edit(GroupField::Name, text(&now.name), text(n));
            }
        }
        GroupRequest::Delete { group } => {
            if let Some(name) = group_name(live, *group) {
                out.push(Change::DeleteGroup {
                    group: name,
                    explicit: true,
                });
            }
        }
        GroupRequest::AddMembers { group, users }
        | GroupRequest::RemoveMembers { group, users } => {
            let Some(now) = existing(*group) else { return };
            let adding = matches!(request, GroupRequest::AddMembers { .. });
            for user in users {
                let email = user_email(live, *user);
                match (adding, now.has_member(&email)) {
                    (true, false) => out.push(Change::AddGroupMember {
                        group: now.name.clone(),
                        email,
                    }),
                    (false, true) => out.push(Change::RemoveGroupMember {
                        group: now.name.clone(),
                        email,
                    }),
                    _ => {}
                }
            }
        }
        GroupRequest::SetNested { group, children } => {
            let Some(parent) = group_name(live, *group) else {
                return;
            };
            for g in &live.model.groups {
                let inside = g.nested_in.contains(&parent);
                let wanted = children
                    .iter()
                    .any(|c| group_name(live, *c).as_deref() == Some(&g.name));
                if inside != wanted {
                    let mut after: Vec<String> = g
                        .nested_in
                        .iter()
                        .filter(|p| **p != parent)
                        .cloned()
                        .collect();
                    if wanted {
                        after.push(parent.clone());
                    }
                    after.sort_by_key(|n| crate::domain::org::group_key(n));
                    out.push(Change::EditGroup {
                        group: g.name.clone(),
                        field: GroupField::NestedIn,
                        before: FieldValue::Names(g.nested_in.clone()),
                        after: FieldValue::Names(after),
                    });
                }
            }
        }
        GroupRequest::Assign { group, body } => {
            let Some(now) = existing(*group) else { return };
            out.push(Change::AssignGroup {
                group: now.name.clone(),
                workspace: workspace_name(live, body.workspace_uuid),
                roles: assignment_roles(&body.role_names, &body.roles, live),
            });
        }
        GroupRequest::UpdateAssignment {
            group,
            workspace,
            body,
        } => {
            let Some(now) = existing(*group) else { return };
            let place = workspace_name(live, *workspace);
            let after = assignment_roles(&body.role_names, &body.roles, live);
            if let Some(before) = now.assignment(&place).filter(|b| **b != after) {
                out.push(Change::SetGroupRoles {
                    group: now.name.clone(),
                    workspace: place,
                    before: before.clone(),
                    after,
                });
            }
        }
        GroupRequest::Unassign { group, workspace } => {
            let Some(now) = existing(*group) else { return };
            let place = workspace_name(live, *workspace);
            if let Some(roles) = now.assignment(&place) {
                out.push(Change::UnassignGroup {
                    group: now.name.clone(),
                    workspace: place,
                    roles: roles.clone(),
                });
            }
        }
        GroupRequest::SetOrganizationRole { group, body } => {
            let Some(now) = existing(*group) else { return };
            let after =
                OrgRole::from_code_or_uuid(&body.organization_role).map(|r| r.name().to_owned());
            out.push(Change::EditGroup {
                group: now.name.clone(),
                field: GroupField::OrganizationRole,
                before: FieldValue::Choice(now.organization_role.clone()),
                after: FieldValue::Choice(after),
            });
        }
        GroupRequest::Provision { body } => out.push(lost_for_good(
            format!(
                "provisioned {:?} from a group",
                workspace_name(live, body.workspace_uuid)
            ),
            PROVISIONED,
        )),
    }
}
