//! Add Members for a user group: everyone in the organization who is not a direct member yet,
//! the plan the shared action layer makes for the selection (a group owned by the identity
//! provider is refused there), and who gains which role through the group.

use std::collections::BTreeSet;

use crate::actions::groups::access::{GroupAccess, describe};
use crate::actions::members::Person;
use crate::actions::{Plan, Request, groups};
use crate::api::{AdminUserGroupMemberOut, AdminUserGroupOut, RoleOut, WorkspaceOut};
use crate::tui::state::people::People;
use crate::tui::views::groups::{GroupEntry, Groups};

use super::{AddMembers, Candidate, Column};
use crate::tui::dialogs::Submission;
use crate::tui::state::filter::Filter;
use crate::tui::state::selection::Selection;

/// The group people are added to, with what the preview needs.
#[derive(Debug, Clone)]
pub struct GroupTarget {
    pub group: AdminUserGroupOut,
    pub members: Vec<AdminUserGroupMemberOut>,
    pub access: GroupAccess,
    pub catalog: Vec<RoleOut>,
    pub workspaces: Vec<WorkspaceOut>,
}

impl AddMembers {
    /// The dialog for adding people to `entry`; `None` when everyone is in it already.
    pub fn for_group(
        entry: &GroupEntry,
        groups: &Groups,
        people: &People,
        catalog: &[RoleOut],
        workspaces: Vec<WorkspaceOut>,
    ) -> Option<Self> {
        let outside = people
            .persons
            .iter()
            .filter(|p| !entry.members.iter().any(|m| m.user_uuid == p.user_id));
        let candidates = Candidate::sorted(outside);
        if candidates.is_empty() {
            return None;
        }
        let mut dialog = Self {
            workspace: entry.group.uuid,
            workspace_name: entry.group.name.clone(),
            group: Some(Box::new(GroupTarget {
                group: entry.group.clone(),
                members: entry.members.clone(),
                access: groups.access(),
                catalog: catalog.to_vec(),
                workspaces,
            })),
            candidates,
            search: Filter::default(),
            shown: Vec::new(),
            cursor: Selection::default(),
            selected: BTreeSet::new(),
            roles: Vec::new(),
            role: 0,
            column: Column::People,
            submission: Submission::default(),
        };
        dialog.refilter();
        Some(dialog)
    }

    /// The plan for adding the selected people to the group.
    pub fn group_plan(&self) -> Result<Plan, String> {
        let target = self.group.as_ref().ok_or("not a group")?;
        if self.selected.is_empty() {
            return Err("select at least one person (space)".into());
        }
        let people: Vec<Person> = self
            .selected_people()
            .iter()
            .map(|c| Person {
                user_id: c.user_id,
                name: c.name.clone(),
            })
            .collect();
        groups::add_members(&target.group, &people, &target.members).map_err(|e| e.to_string())
    }

    /// Who gains which role through the group if the selection is added, in words.
    pub fn group_preview(&self) -> Vec<String> {
        let (Some(target), Ok(plan)) = (self.group.as_ref(), self.group_plan()) else {
            return Vec::new();
        };
        let Some(Request::Group(request)) = plan.requests().next() else {
            return Vec::new();
        };
        let change = target.access.preview(request, &target.catalog);
        let person = |id: uuid::Uuid| {
            self.candidates
                .iter()
                .find(|c| c.user_id == id)
                .map_or_else(|| id.to_string(), |c| c.name.clone())
        };
        let workspace = |id: uuid::Uuid| {
            target
                .workspaces
                .iter()
                .find(|w| w.uuid == id)
                .map_or_else(|| id.to_string(), |w| w.name.clone())
        };
        describe(&change, person, workspace)
    }
}
