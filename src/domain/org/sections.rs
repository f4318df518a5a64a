//! How a list of changes reads as a diff: the section each change is listed under, in a
//! fixed order, and the count that ends it. `plan`, `apply` and the console's `:plan` and
//! `:undo` all print changes this way.

use super::Change;

/// The sections, in the order a diff lists them.
pub const SECTIONS: [&str; 7] = [
    "Organization",
    "Workspaces",
    "Workspace members",
    "People",
    "Invitations",
    "Groups",
    "Other",
];

/// The section of the diff a change is listed under.
pub fn section(change: &Change) -> &'static str {
    match change {
        Change::SetSpendLimit { .. } => "Organization",
        Change::CreateWorkspace { .. }
        | Change::EditWorkspace { .. }
        | Change::ArchiveWorkspace { .. } => "Workspaces",
        Change::AddMember { .. } | Change::SetMemberRoles { .. } | Change::RemoveMember { .. } => {
            "Workspace members"
        }
        Change::SetOwnRoles {
            workspace: Some(_), ..
        } => "Workspace members",
        Change::SetOrganizationRoles { .. }
        | Change::SetOwnRoles { .. }
        | Change::RemovePerson { .. } => "People",
        Change::Invite { .. }
        | Change::RevokeInvitation { .. }
        | Change::ReplaceInvitation { .. } => "Invitations",
        Change::Irreversible { .. } => "Other",
        _ => "Groups",
    }
}

/// The changes grouped by section, in section order, keeping their order within one.
pub fn grouped<T>(items: &[T], change: impl Fn(&T) -> &Change) -> Vec<(&'static str, Vec<&T>)> {
    SECTIONS
        .iter()
        .map(|name| {
            let inside: Vec<&T> = items
                .iter()
                .filter(|i| section(change(i)) == *name)
                .collect();
            (*name, inside)
        })
        .filter(|(_, inside)| !inside.is_empty())
        .collect()
}

/// `4 change(s): 2 to add, 1 to change, 1 to remove` (no full stop).
pub fn tally(changes: &[Change]) -> String {
    let count = |symbol: char| changes.iter().filter(|c| c.symbol() == symbol).count();
    format!(
        "{} change(s): {} to add, {} to change, {} to remove",
        changes.len(),
        count('+'),
        count('~'),
        count('-')
    )
}
