//! What takes a change back, and why some changes have nothing that does: the Admin API
//! cannot restore a workspace, bring back someone removed from the organization, or recreate
//! a deleted group (a group made again is another group, and what it granted is gone).

use super::change::{Change, FieldValue};
use super::diff::EditableField;

const ARCHIVE: &str =
    "archiving is permanent: the Admin API has no way to restore an archived workspace";
const CREATED_WORKSPACE: &str = "a new workspace can only be taken back by archiving it, which is permanent; archive it with `mistral-admin workspace archive` if it was a mistake";
const REMOVED_PERSON: &str = "removing someone from the organization is permanent: their memberships are gone, and they can only be invited again";
const DELETED_GROUP: &str = "deleting a group is permanent: what it granted went with it, and a group made again is another group";

fn text(value: &FieldValue) -> Option<String> {
    match value {
        FieldValue::Text(text) => Some(text.clone()),
        _ => None,
    }
}

/// The edit that sets `field` of `name` back from `after` to `before`. After a rename the
/// workspace or group goes by its new name.
fn undo_edit(
    field: impl EditableField,
    name: String,
    before: FieldValue,
    after: FieldValue,
) -> Change {
    let name = if field.is_name() {
        text(&after).unwrap_or(name)
    } else {
        name
    };
    field.change(&name, after, before)
}

pub fn inverse(change: &Change) -> Result<Change, String> {
    Ok(match change.clone() {
        Change::CreateWorkspace { .. } => return Err(CREATED_WORKSPACE.to_owned()),
        Change::EditWorkspace {
            workspace,
            field,
            before,
            after,
        } => undo_edit(field, workspace, before, after),
        Change::ArchiveWorkspace { .. } => return Err(ARCHIVE.to_owned()),
        Change::AddMember {
            workspace,
            email,
            roles,
        } => Change::RemoveMember {
            workspace,
            email,
            roles,
        },
        Change::SetMemberRoles {
            workspace,
            email,
            before,
            after,
        } => Change::SetMemberRoles {
            workspace,
            email,
            before: after,
            after: before,
        },
        Change::RemoveMember {
            workspace,
            email,
            roles,
        } => Change::AddMember {
            workspace,
            email,
            roles,
        },
        Change::SetOrganizationRoles {
            email,
            before,
            after,
        } => Change::SetOrganizationRoles {
            email,
            before: after,
            after: before,
        },
        Change::SetOwnRoles {
            workspace,
            email,
            before,
            after,
            own_before,
            own_after,
        } => Change::SetOwnRoles {
            workspace,
            email,
            before: after,
            after: before,
            own_before: own_after,
            own_after: own_before,
        },
        Change::RemovePerson { .. } => return Err(REMOVED_PERSON.to_owned()),
        Change::Invite { invitation } => Change::RevokeInvitation { invitation },
        Change::RevokeInvitation { invitation } => Change::Invite { invitation },
        Change::ReplaceInvitation { before, after } => Change::ReplaceInvitation {
            before: after,
            after: before,
        },
        Change::CreateGroup { group } => Change::DeleteGroup {
            group: group.name,
            explicit: true,
        },
        Change::EditGroup {
            group,
            field,
            before,
            after,
        } => undo_edit(field, group, before, after),
        Change::DeleteGroup { .. } => return Err(DELETED_GROUP.to_owned()),
        Change::AddGroupMember { group, email } => Change::RemoveGroupMember { group, email },
        Change::RemoveGroupMember { group, email } => Change::AddGroupMember { group, email },
        Change::AssignGroup {
            group,
            workspace,
            roles,
        } => Change::UnassignGroup {
            group,
            workspace,
            roles,
        },
        Change::SetGroupRoles {
            group,
            workspace,
            before,
            after,
        } => Change::SetGroupRoles {
            group,
            workspace,
            before: after,
            after: before,
        },
        Change::UnassignGroup {
            group,
            workspace,
            roles,
        } => Change::AssignGroup {
            group,
            workspace,
            roles,
        },
        Change::SetSpendLimit { before, after } => Change::SetSpendLimit {
            before: after,
            after: before,
        },
        Change::Irreversible { why, .. } => return Err(why),
    })
}
