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

use ratatui::Frame;
use ratatui::layout::Rect;
use uuid::Uuid;

use crate::tui::fuzzy::Query;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Offer, Refusal};
use crate::tui::state::{App, FlashLevel, Remote, RemoteError};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;

use super::fetch::read;
use super::frame::take;
use super::{Entry, Fetcher, Step, View, ViewData};
pub use loading::{GroupEntry, Groups, GroupsFetch};
pub use tree::TreeRow;

pub const ENTRY: Entry = Entry {
    command: "groups",
    summary: "User groups: members, nesting, workspace assignments and roles",
    open: |_| Box::new(GroupsView::default()),
};

#[derive(Debug, Clone)]
pub struct GroupsView {
    pub groups: Remote<Arc<Groups>>,
    /// The group under the cursor, followed by id through reloads.
    pub cursor: Option<Uuid>,
    /// The row it was on: a group nested in two groups is drawn twice, and the cursor stays
    /// on the line it moved to.
    pub cursor_row: usize,
    pub search: tui_input::Input,
    pub searching: bool,
}

impl Default for GroupsView {
    fn default() -> Self {
        Self {
            groups: Remote::Loading,
            cursor: None,
            cursor_row: 0,
            search: tui_input::Input::default(),
            searching: false,
        }
    }
}

impl GroupsView {
    /// The tree's rows in the order drawn.
    pub fn rows(&self) -> Vec<TreeRow> {
        match &self.groups {
            Remote::Loaded(groups) => tree::rows(groups),
            _ => Vec::new(),
        }
    }

    /// The row under the cursor: the first line of the group it follows, else the first.
    pub fn selected(&self) -> Option<usize> {
        let rows = self.rows();
        if rows.is_empty() {
            return None;
        }
        let Some(id) = self.cursor else {
            return Some(0);
        };
        if rows.get(self.cursor_row).is_some_and(|r| r.group == id) {
            return Some(self.cursor_row);
        }
        Some(rows.iter().position(|r| r.group == id).unwrap_or(0))
    }

    /// The group under the cursor, as drawn.
    pub fn current(&self) -> Option<&GroupEntry> {
        let Remote::Loaded(groups) = &self.groups else {
            return None;
        };
        let row = self.rows().get(self.selected()?)?.clone();
        groups.get(row.group)
    }

    fn move_to(&mut self, index: usize) {
        self.cursor = self.rows().get(index).map(|r| r.group);
        self.cursor_row = index;
    }

    fn step(&mut self, delta: isize) {
        let len = self.rows().len();
        if len == 0 {
            return;
        }
        let at = self.selected().unwrap_or(0) as isize;
        self.move_to((at + delta).clamp(0, len as isize - 1) as usize);
    }

    /// Moves the cursor to the group that best matches what is typed; says so when none does.
    fn find(&mut self) -> Vec<Step> {
        let Remote::Loaded(groups) = &self.groups else {
            return Vec::new();
        };
        let query = Query::new(self.search.value());
        let best = self
            .rows()
            .iter()
            .filter_map(|r| {
                let name = groups.name_of(r.group);
                query.score(&name).map(|m| (m.score, r.group))
            })
            .max_by(|a, b| a.0.cmp(&b.0));
        match best {
            Some((_, id)) => {
                self.cursor = Some(id);
                Vec::new()
            }
            None => vec![Step::Say(
                FlashLevel::Info,
                format!("No group matches \"{}\"", self.search.value()),
            )],
        }
    }
}

impl View for GroupsView {
    fn name(&self) -> &'static str {
        "groups"
    }

    fn context(&self) -> Context {
        Context::Groups
    }

    fn typing(&self) -> bool {
        self.searching
    }

    fn offer(&self, action: Action, app: &App) -> Offer {
        if self.searching {
            let acts = matches!(
                action,
                Action::Done | Action::Clear | Action::Up | Action::Down
            );
            return if acts { Offer::Acts } else { Offer::Ignores };
        }
        match action {
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::Filter => Offer::Acts,
            _ if changes::is_change(action) => {
                if let Some(reason) = app.change_refusal() {
                    return Offer::unless(Some(reason));
                }
                match changes::refusal(self, action) {
                    Some(reason) => Offer::Refuses(Refusal::Error(reason)),
                    None => Offer::Acts,
                }
            }
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, input: Input, app: &App) -> Vec<Step> {
        let page = usize::from(app.screen.1.saturating_sub(8)).max(1) as isize;
        match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.search, &key) == Some(true) {
                    return self.find();
                }
            }
            Input::Action(action) => match action {
                Action::Up => self.step(-1),
                Action::Down => self.step(1),
                Action::PageUp => self.step(-page),
                Action::PageDown => self.step(page),
                Action::Top => self.move_to(0),
                Action::Bottom => self.move_to(self.rows().len().saturating_sub(1)),
                Action::Filter => {
                    self.searching = true;
                    self.search = tui_input::Input::default();
                }
                Action::Done => self.searching = false,
                Action::Clear => {
                    self.searching = false;
                    self.search = tui_input::Input::default();
                }
                other if changes::is_change(other) => return changes::open(self, other, app),
                _ => {}
            },
        }
        Vec::new()
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.search, text);
        self.find();
    }

    fn load(&mut self, _app: &App) -> Vec<Step> {
        vec![Step::Fetch(Fetcher::new(GroupsFetch))]
    }

    fn arrived(
        &mut self,
        _fetch: &Fetcher,
        result: Result<ViewData, RemoteError>,
        _app: &App,
    ) -> Vec<Step> {
        let failure = result.as_ref().err().map(|e| e.message.clone());
        take(&mut self.groups, read::<Arc<Groups>>(result));
        failure
            .map(|text| vec![Step::Say(FlashLevel::Error, text)])
            .unwrap_or_default()
    }

    fn cancelled(&mut self) {
        super::frame::cancel(&mut self.groups);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
