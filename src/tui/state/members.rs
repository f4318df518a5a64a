//! The Members tab's rows after its filter and sort, and the members an action of the tab
//! applies to.

use uuid::Uuid;

use crate::domain::text::{contains_folded, fold};

use super::OrgState;
use super::people::MemberRow;
use crate::tui::roles_short;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberColumn {
    Name,
    Email,
    WorkspaceRoles,
    OrgRoles,
}

impl MemberColumn {
    pub const ALL: [MemberColumn; 4] = [
        Self::Name,
        Self::Email,
        Self::WorkspaceRoles,
        Self::OrgRoles,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Email => "Email",
            Self::WorkspaceRoles => "Workspace roles",
            Self::OrgRoles => "Org roles",
        }
    }

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemberSort {
    pub column: MemberColumn,
    pub descending: bool,
}

impl Default for MemberSort {
    fn default() -> Self {
        Self {
            column: MemberColumn::Name,
            descending: false,
        }
    }
}

/// Rows matching `filter` (name, email or any role; case- and accent-insensitive), sorted.
/// Ties fall back to name then email, so the order is stable across refreshes.
pub fn visible(rows: &[MemberRow], filter: &str, sort: MemberSort) -> Vec<MemberRow> {
    let needle = filter.trim();
    // Sort keys are computed once per row, not once per comparison: workspaces can have
    // thousands of members.
    let mut keyed: Vec<(String, String, &MemberRow)> = rows
        .iter()
        .filter(|row| needle.is_empty() || matches(row, needle))
        .map(|row| (key(row, sort.column), fold(&row.name), row))
        .collect();
    keyed.sort_by(|a, b| {
        let primary = a.0.cmp(&b.0);
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
        primary
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.email.cmp(&b.2.email))
            .then_with(|| a.2.user_id.cmp(&b.2.user_id))
    });
    keyed.into_iter().map(|(_, _, row)| row.clone()).collect()
}

fn matches(row: &MemberRow, needle: &str) -> bool {
    contains_folded(&row.name, needle)
        || contains_folded(&row.email, needle)
        || row
            .workspace_roles
            .iter()
            .chain(&row.org_roles)
            // The short names too: they are what a narrow table shows.
            .any(|role| {
                contains_folded(role, needle) || contains_folded(roles_short::short(role), needle)
            })
}

fn key(row: &MemberRow, column: MemberColumn) -> String {
    match column {
        MemberColumn::Name => fold(&row.name),
        MemberColumn::Email => fold(&row.email),
        MemberColumn::WorkspaceRoles => row.workspace_roles.join(","),
        MemberColumn::OrgRoles => row.org_roles.join(","),
    }
}

/// The members a Members-tab action applies to: the selected ones, else the one under the
/// cursor. Selected people who have left the workspace meanwhile are not included.
pub fn chosen(org: &OrgState, workspace: Uuid) -> Vec<MemberRow> {
    let rows = org.visible_members(workspace);
    let Some(view) = org.views.get(&workspace) else {
        return Vec::new();
    };
    if view.marked.is_empty() {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
        let cursor = view.members_cursor.current(&ids);
        return rows
            .iter()
            .filter(|r| Some(r.user_id) == cursor)
            .cloned()
            .collect();
    }
    let members = org
        .people
        .get()
        .map(|p| p.rows_for(workspace))
        .unwrap_or_default();
    // In the table's order where shown, then anyone the filter hides.
    let mut chosen: Vec<MemberRow> = rows
        .iter()
        .filter(|r| view.marked.contains(&r.user_id))
        .cloned()
        .collect();
    chosen.extend(
        members
            .into_iter()
            .filter(|m| view.marked.contains(&m.user_id))
            .filter(|m| !rows.iter().any(|r| r.user_id == m.user_id)),
    );
    chosen
}
