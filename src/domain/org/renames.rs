//! Names that changed partway through a list of changes. A list may name a workspace or group
//! by the name it had before a rename earlier in the list (the console stages a rename, then
//! an edit of the workspace as the server still calls it), or by its new one (undo takes an
//! edit back after the rename back). [`Renames`] follows the renames as the list runs and
//! brings each later change's names up to date, so both read the same.

use std::collections::HashMap;

use super::change::{Change, FieldValue, GroupField, Rename};
use super::keys::{group_key, workspace_key};

/// The renames run so far: each old name's key with the name it goes by now. An old name
/// another workspace (or group) has taken since names that one, so it is dropped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Renames {
    workspaces: HashMap<String, String>,
    groups: HashMap<String, String>,
}

/// Records `old` -> `new` in `renamed` (keyed by `key`): earlier names of `old` follow it.
fn record(renamed: &mut HashMap<String, String>, key: fn(&str) -> String, old: &str, new: &str) {
    let (old_key, new_key) = (key(old), key(new));
    for current in renamed.values_mut() {
        if key(current) == old_key {
            *current = new.to_owned();
        }
    }
    renamed.remove(&new_key);
    if old_key != new_key {
        renamed.insert(old_key, new.to_owned());
    }
}

fn now_called(renamed: &HashMap<String, String>, key: fn(&str) -> String, name: &mut String) {
    if let Some(current) = renamed.get(&key(name)) {
        name.clone_from(current);
    }
}

impl Renames {
    /// Remembers `change` when it renames a workspace or group; call it once it has run.
    pub fn follow(&mut self, change: &Change) {
        match (change.rename(), change) {
            (Some(Rename::Workspace { old, new }), _) => {
                record(&mut self.workspaces, workspace_key, old, new);
            }
            (Some(Rename::Group { old, new }), _) => {
                record(&mut self.groups, group_key, old, new);
            }
            // A new one under an old name is called by it: the old name no longer leads away.
            (None, Change::CreateWorkspace { workspace }) => {
                self.workspaces.remove(&workspace_key(&workspace.name));
            }
            (None, Change::CreateGroup { group }) => {
                self.groups.remove(&group_key(&group.name));
            }
            _ => {}
        }
    }

    /// `change` with every workspace and group it names called by its name now.
    pub fn current(&self, change: &Change) -> Change {
        let mut change = change.clone();
        if self.workspaces.is_empty() && self.groups.is_empty() {
            return change;
        }
        let workspace = |name: &mut String| now_called(&self.workspaces, workspace_key, name);
        let group = |name: &mut String| now_called(&self.groups, group_key, name);
        match &mut change {
            Change::EditWorkspace { workspace: w, .. }
            | Change::ArchiveWorkspace { workspace: w, .. }
            | Change::AddMember { workspace: w, .. }
            | Change::SetMemberRoles { workspace: w, .. }
            | Change::RemoveMember { workspace: w, .. }
            | Change::SetOwnRoles {
                workspace: Some(w), ..
            } => workspace(w),
            Change::Invite { invitation } | Change::RevokeInvitation { invitation } => {
                invitation.workspaces.iter_mut().for_each(workspace)
            }
            Change::ReplaceInvitation { before, after } => {
                before.workspaces.iter_mut().for_each(workspace);
                after.workspaces.iter_mut().for_each(workspace);
            }
            Change::EditGroup {
                group: g,
                field,
                before,
                after,
            } => {
                group(g);
                if *field == GroupField::NestedIn {
                    for value in [before, after] {
                        if let FieldValue::Names(parents) = value {
                            parents.iter_mut().for_each(group);
                        }
                    }
                }
            }
            Change::DeleteGroup { group: g, .. }
            | Change::AddGroupMember { group: g, .. }
            | Change::RemoveGroupMember { group: g, .. } => group(g),
            Change::AssignGroup {
                group: g,
                workspace: w,
                ..
            }
            | Change::SetGroupRoles {
                group: g,
                workspace: w,
                ..
            }
            | Change::UnassignGroup {
                group: g,
                workspace: w,
                ..
            } => {
                group(g);
                workspace(w);
            }
            Change::CreateWorkspace { .. }
            | Change::CreateGroup { .. }
            | Change::SetOrganizationRoles { .. }
            | Change::SetOwnRoles {
                workspace: None, ..
            }
            | Change::RemovePerson { .. }
            | Change::SetSpendLimit { .. }
            | Change::Irreversible { .. } => {}
        }
        change
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::WorkspaceField;

    fn rename(from: &str, to: &str) -> Change {
        Change::EditWorkspace {
            workspace: from.into(),
            field: WorkspaceField::Name,
            before: FieldValue::Text(from.into()),
            after: FieldValue::Text(to.into()),
        }
    }

    fn archive(name: &str) -> Change {
        Change::ArchiveWorkspace {
            workspace: name.into(),
            explicit: true,
        }
    }

    #[test]
    fn an_old_name_reads_as_the_new_one_until_another_workspace_takes_it() {
        let mut renames = Renames::default();
        renames.follow(&rename("Research", "R&D"));
        assert_eq!(renames.current(&archive("research")), archive("R&D"));
        assert_eq!(renames.current(&archive("R&D")), archive("R&D"));
        renames.follow(&rename("R&D", "Lab"));
        assert_eq!(renames.current(&archive("Research")), archive("Lab"));
        // Another workspace takes the first name: it is that one's now.
        renames.follow(&rename("Sales", "Research"));
        assert_eq!(renames.current(&archive("Research")), archive("Research"));
        assert_eq!(renames.current(&archive("Sales")), archive("Research"));
    }

    #[test]
    fn a_new_workspace_under_an_old_name_is_called_by_it() {
        let mut renames = Renames::default();
        renames.follow(&rename("Research", "R&D"));
        renames.follow(&Change::CreateWorkspace {
            workspace: crate::domain::org::Workspace {
                name: "Research".into(),
                ..Default::default()
            },
        });
        assert_eq!(renames.current(&archive("Research")), archive("Research"));
    }
}
