//! The Members tab's columns and sort, and the members an action of the tab applies to (the
//! rows themselves are [`super::member_filter`]'s).

use std::cmp::Ordering;
use std::collections::HashSet;

use uuid::Uuid;

use super::OrgState;
use super::people::MemberRow;

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

impl MemberSort {
    /// `ordering` on the sorted column as this sort lists it: reversed when descending. Only
    /// the column flips; the ties after it (name, email, id) keep their one order.
    pub fn directed(self, ordering: Ordering) -> Ordering {
        super::sort_direction::directed(ordering, self.descending)
    }
}

/// The members a Members-tab action applies to: the selected ones the table shows, else the
/// one under the cursor. A selection the filter hides is left out: a key acts only on what is
/// drawn, and after a search the cursor is on what was found (the tab's title counts the
/// hidden ones). Selected people who have left the workspace meanwhile are not included.
pub fn chosen(org: &OrgState, workspace: Uuid) -> Vec<MemberRow> {
    let shown = org.shown_members(workspace);
    let (Some(view), Some(people)) = (org.views.get(&workspace), org.directory()) else {
        return Vec::new();
    };
    let marked: Vec<MemberRow> = shown
        .hits
        .iter()
        .zip(shown.ids.iter())
        .filter(|(_, id)| view.marked.contains(id))
        .filter_map(|(&i, _)| people.row(i as usize, workspace))
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    match view.members_cursor.resolve(&shown.ids) {
        Some(at) => shown.rows(people, workspace, at..at + 1),
        None => Vec::new(),
    }
}

/// How many selected members of the workspace the table's filter hides (those who left it
/// meanwhile are not counted).
pub fn marked_hidden(org: &OrgState, workspace: Uuid) -> usize {
    let (Some(view), Some(people)) = (org.views.get(&workspace), org.directory()) else {
        return 0;
    };
    if view.marked.is_empty() {
        return 0;
    }
    let shown = org.shown_members(workspace);
    let shown: HashSet<&Uuid> = shown.ids.iter().collect();
    people
        .rows_for(workspace)
        .iter()
        .filter(|m| view.marked.contains(&m.user_id) && !shown.contains(&m.user_id))
        .count()
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::{MemberColumn, MemberSort};

    #[test]
    fn only_a_descending_sort_reverses_the_column() {
        let ascending = MemberSort::default();
        let descending = MemberSort {
            column: MemberColumn::Name,
            descending: true,
        };
        assert_eq!(ascending.directed(Ordering::Less), Ordering::Less);
        assert_eq!(descending.directed(Ordering::Less), Ordering::Greater);
        assert_eq!(descending.directed(Ordering::Equal), Ordering::Equal);
    }
}
