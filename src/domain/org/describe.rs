//! How a change reads as a diff line: `~ "Research" member jane@x.io: dev -> workspace_admin`.

use super::change::{Change, quoted};

fn roles(list: &[String]) -> String {
    if list.is_empty() {
        "(no role)".to_owned()
    } else {
        list.join(", ")
    }
}

/// Which of the roles held in total (`after`) are their own (`own`), as a plan line ends.
fn own_part(after: &[String], own: &[String]) -> String {
    if own.is_empty() {
        "none of their own: all through groups".to_owned()
    } else if after.iter().all(|r| own.contains(r)) {
        "all of their own".to_owned()
    } else {
        format!("their own: {}; the rest through groups", own.join(", "))
    }
}

/// The roles held before and after that a group gives and that may also have been their own
/// (the Admin API reports the two united): after the change they are the group's only, so
/// the line says that a role of their own, if they had one, ends.
fn may_have_been_own(before: &[String], after: &[String], own: (&[String], &[String])) -> String {
    let (own_before, own_after) = own;
    if own_after.is_empty() {
        // "none of their own" says it already.
        return String::new();
    }
    let unsure: Vec<String> = before
        .iter()
        .filter(|r| after.contains(r) && !own_before.contains(r) && !own_after.contains(r))
        .cloned()
        .collect();
    if unsure.is_empty() {
        return String::new();
    }
    format!(
        "; if {} was also their own, it no longer is",
        unsure.join(", ")
    )
}

impl Change {
    /// What the change does, in one line without its symbol.
    pub fn describe(&self) -> String {
        match self {
            Self::CreateWorkspace { workspace } => {
                let admin = super::diff::new_workspace_admin(workspace).unwrap_or("nobody");
                format!(
                    "workspace {:?}: create, with {admin} as its admin and {} member(s)",
                    workspace.name,
                    workspace.members.len()
                )
            }
            Self::EditWorkspace {
                workspace,
                field,
                before,
                after,
            } => format!(
                "workspace {workspace:?} {}: {before} -> {after}",
                field.name()
            ),
            Self::ArchiveWorkspace {
                workspace,
                explicit: true,
            } => {
                format!("workspace {workspace:?}: archive (cannot be undone)")
            }
            Self::ArchiveWorkspace {
                workspace,
                explicit: false,
            } => format!(
                "workspace {workspace:?}: not in the file (to archive it, list it with archived = true)"
            ),
            Self::AddMember {
                workspace,
                email,
                roles: r,
            } => {
                format!("{workspace:?} member {email}: {}", roles(r))
            }
            Self::SetMemberRoles {
                workspace,
                email,
                before,
                after,
            } => {
                format!(
                    "{workspace:?} member {email}: {} -> {}",
                    roles(before),
                    roles(after)
                )
            }
            Self::RemoveMember {
                workspace,
                email,
                roles: r,
            } => {
                format!("{workspace:?} member {email} ({})", roles(r))
            }
            Self::SetOrganizationRoles {
                email,
                before,
                after,
            } => {
                format!("person {email}: {} -> {}", roles(before), roles(after))
            }
            // Ending a membership reads as a removal does, whatever the way it is sent.
            Self::SetOwnRoles {
                workspace: Some(workspace),
                email,
                before,
                after,
                ..
            } if after.is_empty() => {
                format!("{workspace:?} member {email} ({})", roles(before))
            }
            Self::SetOwnRoles {
                workspace,
                email,
                before,
                after,
                own_before,
                own_after,
            } => {
                let whose = match workspace {
                    Some(workspace) => format!("{workspace:?} member {email}"),
                    None => format!("person {email}"),
                };
                format!(
                    "{whose}: {} -> {} ({}{})",
                    roles(before),
                    roles(after),
                    own_part(after, own_after),
                    may_have_been_own(before, after, (own_before, own_after))
                )
            }
            Self::RemovePerson {
                email,
                explicit: true,
            } => {
                format!("person {email}: remove from the organization (cannot be undone)")
            }
            Self::RemovePerson {
                email,
                explicit: false,
            } => format!(
                "person {email}: not in the file (to remove them, list them with remove = true)"
            ),
            Self::Invite { invitation } | Self::RevokeInvitation { invitation } => {
                let mut text = format!(
                    "invitation {}: {}",
                    invitation.email,
                    roles(&invitation.roles)
                );
                if !invitation.workspaces.is_empty() {
                    text.push_str(&format!(" in {}", quoted(&invitation.workspaces)));
                }
                text
            }
            Self::ReplaceInvitation { before, after } => format!(
                "invitation {}: {} -> {}",
                after.email,
                before.terms(),
                after.terms()
            ),
            Self::CreateGroup { group } => format!(
                "group {:?}: create, with {} member(s) and {} workspace(s)",
                group.name,
                group.members.len(),
                group.workspaces.len()
            ),
            Self::EditGroup {
                group,
                field,
                before,
                after,
            } => {
                format!("group {group:?} {}: {before} -> {after}", field.name())
            }
            Self::DeleteGroup {
                group,
                explicit: true,
            } => {
                format!("group {group:?}: delete (cannot be undone)")
            }
            Self::DeleteGroup {
                group,
                explicit: false,
            } => format!(
                "group {group:?}: not in the file (to delete it, list it with delete = true)"
            ),
            Self::AddGroupMember { group, email } | Self::RemoveGroupMember { group, email } => {
                format!("group {group:?} member {email}")
            }
            Self::AssignGroup {
                group,
                workspace,
                roles: r,
            }
            | Self::UnassignGroup {
                group,
                workspace,
                roles: r,
            } => {
                format!("group {group:?} in {workspace:?}: {}", roles(r))
            }
            Self::SetGroupRoles {
                group,
                workspace,
                before,
                after,
            } => format!(
                "group {group:?} in {workspace:?}: {} -> {}",
                roles(before),
                roles(after)
            ),
            Self::SetSpendLimit { before, after } => {
                format!("monthly spending limit: {before} -> {after}")
            }
            Self::Irreversible { what, .. } => what.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An undo of someone's own roles given in a workspace ends their membership there: it
    /// reads as a member removal, not as a role change to no role.
    #[test]
    fn own_roles_that_end_a_membership_read_as_a_removal() {
        let dev = vec!["dev".to_owned()];
        let ended = Change::SetOwnRoles {
            workspace: Some("Research".into()),
            email: "jane@x.io".into(),
            before: dev.clone(),
            after: Vec::new(),
            own_before: dev.clone(),
            own_after: Vec::new(),
        };
        let removal = Change::RemoveMember {
            workspace: "Research".into(),
            email: "jane@x.io".into(),
            roles: dev,
        };
        assert_eq!(ended.line(), removal.line());
        assert_eq!(ended.line(), "- \"Research\" member jane@x.io (dev)");
    }
}
