//! `:groups`: the organization's user groups as a tree (nested groups under the groups they
//! sit in), and for the group under the cursor its members, its workspace assignments with
//! their roles, its organization role and who owns it. Every change opens a dialog that shows
//! who gains or loses which role through it before anything is sent; groups owned by the
//! identity provider show their owned fields locked, and changes to those are refused before
//! a request is made. `/` finds a group and moves the cursor to it, hiding nothing.

mod changes;
mod loading;
#[cfg(test)]
pub(crate) mod tests;
mod tree;
mod view;

use std::sync::Arc;

use uuid::Uuid;

use crate::tui::routing::Refusal;
use crate::tui::views::prelude::*;

use super::frame::OneLoad;
pub use loading::{GroupEntry, Groups, GroupsFetch};
pub use tree::TreeRow;

pub const ENTRY: Entry = Entry {
    command: "groups",
    summary: "User groups: members, nesting, workspace assignments and roles",
    context: Context::Groups,
    open: |_| Box::new(GroupsView::default()),
};

#[derive(Debug, Clone, Default)]
pub struct GroupsView {
    pub groups: Remote<Arc<Groups>>,
    /// Follows the group under the cursor by id through reloads; a group nested in two
    /// groups is drawn twice, and the cursor stays on the line it moved to.
    pub list: List<Uuid>,
}

impl GroupsView {
    /// The tree's rows in the order drawn.
    pub fn rows(&self) -> Vec<TreeRow> {
        match &self.groups {
            Remote::Loaded(groups) => tree::rows(groups),
            _ => Vec::new(),
        }
    }

    fn group_ids(&self) -> Vec<Uuid> {
        self.rows().iter().map(|r| r.group).collect()
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.list.selected(&self.group_ids())
    }

    /// The group under the cursor, as drawn.
    pub fn current(&self) -> Option<&GroupEntry> {
        let Remote::Loaded(groups) = &self.groups else {
            return None;
        };
        let row = self.rows().get(self.selected()?)?.clone();
        groups.get(row.group)
    }
}

impl Listing for GroupsView {
    list_in_field!(Uuid);
    const MISSING: &'static str = "No group";

    fn ids(&self, _app: &App) -> impl Rows<Id = Uuid> {
        self.group_ids()
    }

    fn find(&self, query: &str, _app: &App) -> Option<usize> {
        let Remote::Loaded(groups) = &self.groups else {
            return None;
        };
        best(self.rows().iter().map(|r| groups.name_of(r.group)), query)
    }
}

impl View for GroupsView {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, app: &App) -> Offer {
        if !changes::is_change(action) {
            return Offer::Ignores;
        }
        if let Some(reason) = app.change_refusal() {
            return Offer::unless(Some(reason));
        }
        match changes::refusal(self, action) {
            Some(reason) => Offer::Refuses(Refusal::Error(reason)),
            None => Offer::Acts,
        }
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        if changes::is_change(action) {
            changes::open(self, action, app)
        } else {
            Vec::new()
        }
    }

    fn one_load(&mut self) -> Option<OneLoad<'_>> {
        Some(OneLoad::new(GroupsFetch, &mut self.groups))
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
