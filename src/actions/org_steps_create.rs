//! The two-stage changes: creating a workspace (with its admin, then its other members and
//! settings) and creating a group (nested in its parents, then its members, assignments and
//! organization role).

use std::collections::BTreeMap;

use uuid::Uuid;

use super::org_steps::{Staged, group_id, group_step, now, org_role, step, steps_of_one, user_id};
use crate::actions::error::ActionError;
use crate::actions::org_live::Ids;
use crate::actions::plan::Step;
use crate::actions::request::Request;
use crate::actions::request_groups::GroupRequest;
use crate::actions::roles::member_entry;
use crate::api::{AdminUserGroupIn, AdminWorkspaceIn, WorkspaceSettingsUpdate};
use crate::domain::org::{Change, Group, Limit, Workspace};

/// First the workspace with its admin; then the other members, grouped by their roles, and
/// its settings.
pub(super) fn create_workspace(
    change: &Change,
    workspace: &Workspace,
    ids: &Ids,
) -> Result<Staged, ActionError> {
    let admin_email =
        crate::domain::org::diff::new_workspace_admin(workspace).ok_or_else(|| {
            ActionError::refused(format!(
                "new workspace {:?} needs a member with workspace_admin",
                workspace.name
            ))
        })?;
    let Some(created) = ids.workspace(&workspace.name) else {
        let body = AdminWorkspaceIn {
            name: workspace.name.clone(),
            description: workspace.description.clone(),
            icon: workspace.icon.clone(),
            add_all_org_members: false,
            admin_user_id: user_id(ids, admin_email)?,
        };
        return Ok(Staged {
            steps: vec![step(Request::CreateWorkspace { body }, change)],
            again: true,
        });
    };
    let catalog = &ids.catalog.workspace_roles;
    let admin_role = vec![
        crate::domain::WorkspaceRole::WorkspaceAdmin
            .name()
            .to_owned(),
    ];
    let mut by_roles: BTreeMap<&Vec<String>, Vec<Uuid>> = BTreeMap::new();
    let mut steps = Vec::new();
    for (email, roles) in &workspace.members {
        if email == admin_email {
            if *roles != admin_role {
                steps.push(Step::new(
                    Request::SetMemberRoles {
                        workspace: created.uuid,
                        members: vec![member_entry(user_id(ids, email)?, roles, catalog)],
                    },
                    format!("give {email} {} in {:?}", roles.join(", "), workspace.name),
                ));
            }
            continue;
        }
        by_roles
            .entry(roles)
            .or_default()
            .push(user_id(ids, email)?);
    }
    for (roles, users) in by_roles {
        steps.insert(
            0,
            Step::new(
                Request::AddMembers {
                    workspace: created.uuid,
                    members: users
                        .iter()
                        .map(|u| member_entry(*u, roles, catalog))
                        .collect(),
                },
                format!(
                    "add {} member(s) to {:?} as {}",
                    users.len(),
                    workspace.name,
                    roles.join(", ")
                ),
            ),
        );
    }
    let settings = WorkspaceSettingsUpdate {
        members_can_create_api_keys: workspace.members_can_create_api_keys,
        monthly_spend_cap: workspace.monthly_spend_cap.map(Limit::amount),
    };
    if settings != WorkspaceSettingsUpdate::default() {
        steps.push(Step::new(
            Request::UpdateWorkspaceSettings {
                workspace: created.uuid,
                body: settings,
            },
            format!("save the settings of {:?}", workspace.name),
        ));
    }
    now(steps)
}

/// First the group, nested in its parents; then its members, assignments and role.
pub(super) fn create_group(
    change: &Change,
    group: &Group,
    ids: &Ids,
) -> Result<Staged, ActionError> {
    let Some(id) = ids.group(&group.name) else {
        let body = AdminUserGroupIn {
            name: group.name.clone(),
            description: Some(group.description.clone()).filter(|d| !d.is_empty()),
            target_type: group.target_type.clone(),
            parent_group_ids: group
                .nested_in
                .iter()
                .map(|p| group_id(ids, p))
                .collect::<Result<_, _>>()?,
        };
        return Ok(Staged {
            steps: vec![group_step(GroupRequest::Create { body }, change)],
            again: true,
        });
    };
    let mut steps = Vec::new();
    if !group.members.is_empty() {
        let users = group
            .members
            .iter()
            .map(|m| user_id(ids, m))
            .collect::<Result<_, _>>()?;
        steps.push(Step::new(
            Request::Group(GroupRequest::AddMembers { group: id, users }),
            format!(
                "add {} member(s) to the group {:?}",
                group.members.len(),
                group.name
            ),
        ));
    }
    for (place, roles) in &group.workspaces {
        let assign = Change::AssignGroup {
            group: group.name.clone(),
            workspace: place.clone(),
            roles: roles.clone(),
        };
        steps.extend(steps_of_one(&assign, ids)?);
    }
    if group.organization_role.is_some() {
        steps.push(Step::new(
            Request::Group(GroupRequest::SetOrganizationRole {
                group: id,
                body: org_role(&group.organization_role)?,
            }),
            format!("give the group {:?} its organization role", group.name),
        ));
    }
    now(steps)
}
