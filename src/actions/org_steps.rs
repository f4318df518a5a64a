//! From a plan engine [`Change`] (names and emails) to the requests that make it, using the
//! ids of the live organization. A change that creates something comes in two stages: the
//! creation, then, once its id is known, what goes into it (members, assignments).

use uuid::Uuid;

use super::error::ActionError;
use super::org_live::Ids;
use super::org_steps_create::{create_group, create_workspace};
use super::plan::Step;
use super::request::Request;
use super::request_groups::GroupRequest;
use super::roles::member_entry;
use crate::api::{
    AdminOrganizationMemberUpdate, AdminUpdateUserGroupIn, AssignGroupToWorkspaceIn,
    NewUsageLimitIn, OrganizationInviteIn, UpdateGroupWorkspaceAssignmentIn,
    UpdateUserGroupOrganizationRoleIn, UpdateWorkspaceIn, WorkspaceSettingsUpdate,
};
use crate::domain::OrgRole;
use crate::domain::org::{Change, FieldValue, GroupField, Limit, WorkspaceField};

/// The requests to send now, and whether to ask again once they are done (and the ids of
/// what they created are known).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Staged {
    pub steps: Vec<Step>,
    pub again: bool,
}

pub(super) fn now(steps: Vec<Step>) -> Result<Staged, ActionError> {
    Ok(Staged {
        steps,
        again: false,
    })
}

pub(super) fn missing(what: &str, name: &str) -> ActionError {
    ActionError::refused(format!(
        "there is no {what} {name:?} in the organization now"
    ))
}

pub(super) fn workspace_id(ids: &Ids, name: &str) -> Result<Uuid, ActionError> {
    ids.workspace(name)
        .map(|w| w.uuid)
        .ok_or_else(|| missing("active workspace", name))
}

pub(super) fn user_id(ids: &Ids, email: &str) -> Result<Uuid, ActionError> {
    ids.user(email).ok_or_else(|| missing("member", email))
}

pub(super) fn group_id(ids: &Ids, name: &str) -> Result<Uuid, ActionError> {
    ids.group(name).ok_or_else(|| missing("group", name))
}

fn org_roles(names: &[String]) -> Result<Vec<OrgRole>, ActionError> {
    names
        .iter()
        .map(|n| {
            OrgRole::from_name(n)
                .ok_or_else(|| ActionError::invalid("role", format!("no organization role {n:?}")))
        })
        .collect()
}

pub(super) fn org_role(
    name: &Option<String>,
) -> Result<UpdateUserGroupOrganizationRoleIn, ActionError> {
    let role = name
        .as_deref()
        .and_then(OrgRole::from_name)
        .ok_or_else(|| {
            ActionError::refused("the Admin API cannot take a group's organization role away")
        })?;
    Ok(UpdateUserGroupOrganizationRoleIn {
        organization_role: role.code().to_owned(),
    })
}

pub(super) fn step(request: Request, change: &Change) -> Step {
    Step::new(request, change.describe())
}

pub(super) fn group_step(request: GroupRequest, change: &Change) -> Step {
    step(Request::Group(request), change)
}

fn text(value: &FieldValue) -> Option<String> {
    match value {
        FieldValue::Text(text) => Some(text.clone()),
        _ => None,
    }
}

/// The requests for `change`, given the ids known now.
pub fn steps(change: &Change, ids: &Ids) -> Result<Staged, ActionError> {
    let catalog = &ids.catalog.workspace_roles;
    let entry = |email: &str, roles: &[String]| -> Result<_, ActionError> {
        Ok(member_entry(user_id(ids, email)?, roles, catalog))
    };
    // Creating something comes in stages and an irreversible change is refused; every other
    // change is one request.
    let request = match change {
        Change::CreateWorkspace { workspace } => return create_workspace(change, workspace, ids),
        Change::CreateGroup { group } => return create_group(change, group, ids),
        Change::Irreversible { why, .. } => return Err(ActionError::refused(why.clone())),
        Change::EditWorkspace {
            workspace,
            field,
            after,
            ..
        } => {
            let id = workspace_id(ids, workspace)?;
            let mut details = UpdateWorkspaceIn::default();
            let mut settings = WorkspaceSettingsUpdate::default();
            match (field, after) {
                (WorkspaceField::Name, v) => details.name = text(v),
                (WorkspaceField::Description, v) => details.description = text(v),
                (WorkspaceField::Icon, v) => details.icon = text(v),
                (WorkspaceField::MembersCanCreateApiKeys, FieldValue::Flag(f)) => {
                    settings.members_can_create_api_keys = Some(*f)
                }
                (WorkspaceField::MonthlySpendCap, FieldValue::Limit(l)) => {
                    settings.monthly_spend_cap = Some(l.amount())
                }
                _ => return Err(ActionError::invalid("value", "a value of the wrong kind")),
            }
            if settings == WorkspaceSettingsUpdate::default() {
                Request::UpdateWorkspace {
                    workspace: id,
                    body: details,
                }
            } else {
                Request::UpdateWorkspaceSettings {
                    workspace: id,
                    body: settings,
                }
            }
        }
        Change::ArchiveWorkspace { workspace, .. } => Request::ArchiveWorkspace {
            workspace: workspace_id(ids, workspace)?,
        },
        Change::AddMember {
            workspace,
            email,
            roles,
        } => Request::AddMembers {
            workspace: workspace_id(ids, workspace)?,
            members: vec![entry(email, roles)?],
        },
        Change::SetMemberRoles {
            workspace,
            email,
            after,
            ..
        } => Request::SetMemberRoles {
            workspace: workspace_id(ids, workspace)?,
            members: vec![entry(email, after)?],
        },
        Change::RemoveMember {
            workspace, email, ..
        } => Request::RemoveMembers {
            workspace: workspace_id(ids, workspace)?,
            users: vec![user_id(ids, email)?],
        },
        Change::SetOrganizationRoles { email, after, .. } => Request::UpdateUser {
            user: user_id(ids, email)?,
            body: AdminOrganizationMemberUpdate {
                role_names: Some(org_roles(after)?),
                ..AdminOrganizationMemberUpdate::default()
            },
        },
        // No own roles in a workspace: their own membership ends, and groups keep them in.
        Change::SetOwnRoles {
            workspace: Some(workspace),
            email,
            own_after,
            ..
        } if own_after.is_empty() => Request::RemoveMembers {
            workspace: workspace_id(ids, workspace)?,
            users: vec![user_id(ids, email)?],
        },
        Change::SetOwnRoles {
            workspace: Some(workspace),
            email,
            own_after,
            ..
        } => Request::SetMemberRoles {
            workspace: workspace_id(ids, workspace)?,
            members: vec![entry(email, own_after)?],
        },
        Change::SetOwnRoles {
            workspace: None,
            email,
            own_after,
            ..
        } => Request::UpdateUser {
            user: user_id(ids, email)?,
            body: AdminOrganizationMemberUpdate {
                role_names: Some(org_roles(own_after)?),
                ..AdminOrganizationMemberUpdate::default()
            },
        },
        Change::RemovePerson { email, .. } => Request::DeleteUser {
            user: user_id(ids, email)?,
        },
        // Inviting an address with a pending invitation gives that invitation these terms.
        Change::Invite { invitation }
        | Change::ReplaceInvitation {
            after: invitation, ..
        } => {
            let workspaces = invitation
                .workspaces
                .iter()
                .map(|w| workspace_id(ids, w))
                .collect::<Result<Vec<_>, _>>()?;
            let body = OrganizationInviteIn {
                email: invitation.email.clone(),
                role_names: Some(org_roles(&invitation.roles)?).filter(|r| !r.is_empty()),
                workspace_uuids: Some(workspaces).filter(|w| !w.is_empty()),
                ..OrganizationInviteIn::default()
            };
            Request::Invite { body }
        }
        Change::RevokeInvitation { invitation } => {
            let id = ids
                .invites
                .get(&crate::domain::org::email_key(&invitation.email))
                .copied()
                .ok_or_else(|| missing("pending invitation for", &invitation.email))?;
            Request::DeleteInvite { invite: id }
        }
        Change::EditGroup {
            group,
            field: GroupField::OrganizationRole,
            after: FieldValue::Choice(role),
            ..
        } => Request::Group(GroupRequest::SetOrganizationRole {
            group: group_id(ids, group)?,
            body: org_role(role)?,
        }),
        Change::EditGroup {
            group,
            field,
            after,
            ..
        } => {
            let id = group_id(ids, group)?;
            let mut body = AdminUpdateUserGroupIn::default();
            match (field, after) {
                (GroupField::Name, v) => body.name = text(v),
                (GroupField::Description, v) => body.description = text(v),
                (GroupField::TargetType, FieldValue::Choice(t)) => body.target_type = t.clone(),
                (GroupField::NestedIn, FieldValue::Names(parents)) => {
                    body.parent_group_ids = Some(
                        parents
                            .iter()
                            .map(|p| group_id(ids, p))
                            .collect::<Result<_, _>>()?,
                    )
                }
                _ => return Err(ActionError::invalid("value", "a value of the wrong kind")),
            }
            Request::Group(GroupRequest::Update { group: id, body })
        }
        Change::DeleteGroup { group, .. } => Request::Group(GroupRequest::Delete {
            group: group_id(ids, group)?,
        }),
        Change::AddGroupMember { group, email } => Request::Group(GroupRequest::AddMembers {
            group: group_id(ids, group)?,
            users: vec![user_id(ids, email)?],
        }),
        Change::RemoveGroupMember { group, email } => Request::Group(GroupRequest::RemoveMembers {
            group: group_id(ids, group)?,
            users: vec![user_id(ids, email)?],
        }),
        Change::AssignGroup {
            group,
            workspace,
            roles,
        } => {
            let fields = member_entry(Uuid::nil(), roles, catalog);
            Request::Group(GroupRequest::Assign {
                group: group_id(ids, group)?,
                body: AssignGroupToWorkspaceIn {
                    role_names: fields.role_names,
                    roles: fields.roles,
                    role: None,
                    workspace_uuid: workspace_id(ids, workspace)?,
                },
            })
        }
        Change::SetGroupRoles {
            group,
            workspace,
            after,
            ..
        } => {
            let fields = member_entry(Uuid::nil(), after, catalog);
            Request::Group(GroupRequest::UpdateAssignment {
                group: group_id(ids, group)?,
                workspace: workspace_id(ids, workspace)?,
                body: UpdateGroupWorkspaceAssignmentIn {
                    role_names: fields.role_names,
                    roles: fields.roles,
                    role: None,
                },
            })
        }
        Change::UnassignGroup {
            group, workspace, ..
        } => Request::Group(GroupRequest::Unassign {
            group: group_id(ids, group)?,
            workspace: workspace_id(ids, workspace)?,
        }),
        Change::SetSpendLimit { after, .. } => Request::SetSpendLimit {
            body: NewUsageLimitIn {
                amount: after.amount().unwrap_or(0),
                no_monthly_limit: *after == Limit::Unlimited,
            },
        },
    };
    now(vec![step(request, change)])
}

pub(super) fn steps_of_one(change: &Change, ids: &Ids) -> Result<Vec<Step>, ActionError> {
    steps(change, ids).map(|s| s.steps)
}
