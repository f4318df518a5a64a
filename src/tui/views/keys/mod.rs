//! `:keys`: every API key of the organization in one table (name, hidden key, workspace,
//! owner by name, created, expires, last used, status), with quick filters an admin audits
//! keys with, `/` to find a key (the cursor moves, nothing is hidden), and the key lifecycle:
//! create (the key is shown once), delete (bulk) and rotate, each behind its dialog.

mod loading;
#[cfg(test)]
pub(crate) mod tests;
mod view;

use std::collections::BTreeSet;

use ratatui::Frame;
use ratatui::layout::Rect;
use uuid::Uuid;

use crate::actions::key_list::{KeyBook, KeyFilter, KeyRow};
use crate::actions::{self, ActionError};
use crate::tui::dialogs::key_run::KeyRun;
use crate::tui::dialogs::new_key::NewKeyForm;
use crate::tui::fuzzy::Query;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Offer};
use crate::tui::state::{App, FlashLevel, Remote, RemoteError};
use crate::tui::theme::Theme;
use crate::tui::update::text_input;

use super::fetch::read;
use super::frame::take;
use super::{Entry, Fetcher, Step, View, ViewData};
pub use loading::KeysFetch;

pub const ENTRY: Entry = Entry {
    command: "keys",
    summary: "Every API key: status, owner, quick filters; create, rotate, delete",
    open: |_| Box::new(KeysView::default()),
};

#[derive(Debug, Clone)]
pub struct KeysView {
    pub book: Remote<KeyBook>,
    pub filter: KeyFilter,
    /// The key under the cursor, followed by id through filters and reloads.
    pub cursor: Option<Uuid>,
    /// Keys picked for a bulk deletion.
    pub marked: BTreeSet<Uuid>,
    pub search: tui_input::Input,
    pub searching: bool,
}

impl Default for KeysView {
    fn default() -> Self {
        Self {
            book: Remote::Loading,
            filter: KeyFilter::All,
            cursor: None,
            marked: BTreeSet::new(),
            search: tui_input::Input::default(),
            searching: false,
        }
    }
}

impl KeysView {
    /// The rows the quick filter keeps, newest key first.
    pub fn rows(&self, app: &App) -> Vec<KeyRow> {
        let Remote::Loaded(book) = &self.book else {
            return Vec::new();
        };
        book.rows(app.today)
            .into_iter()
            .filter(|r| self.filter.keeps(r, app.today))
            .collect()
    }

    pub fn selected(&self, rows: &[KeyRow]) -> Option<usize> {
        if rows.is_empty() {
            return None;
        }
        let found = self
            .cursor
            .and_then(|id| rows.iter().position(|r| r.key.key_id == id));
        Some(found.unwrap_or(0))
    }

    fn step(&mut self, app: &App, delta: isize) {
        let rows = self.rows(app);
        if rows.is_empty() {
            return;
        }
        let at = self.selected(&rows).unwrap_or(0) as isize;
        let to = (at + delta).clamp(0, rows.len() as isize - 1) as usize;
        self.cursor = Some(rows[to].key.key_id);
    }

    /// Moves the cursor to the key whose name, hidden key, workspace or owner best matches.
    fn find(&mut self, app: &App) -> Vec<Step> {
        let query = Query::new(self.search.value());
        let best = self
            .rows(app)
            .iter()
            .filter_map(|r| {
                let text = format!(
                    "{} {} {} {}",
                    r.key.name.as_deref().unwrap_or_default(),
                    r.key.hidden_key,
                    r.key.workspace_name.as_deref().unwrap_or_default(),
                    r.owner
                );
                query.score(&text).map(|m| (m.score, r.key.key_id))
            })
            .max_by_key(|(score, _)| *score);
        match best {
            Some((_, id)) => {
                self.cursor = Some(id);
                Vec::new()
            }
            None => vec![Step::Say(
                FlashLevel::Info,
                format!("No key matches \"{}\"", self.search.value()),
            )],
        }
    }

    /// The keys a deletion acts on: the selected ones the table shows, else the cursor's.
    pub fn targets(&self, app: &App) -> Vec<KeyRow> {
        let rows = self.rows(app);
        let marked: Vec<KeyRow> = rows
            .iter()
            .filter(|r| self.marked.contains(&r.key.key_id))
            .cloned()
            .collect();
        if !marked.is_empty() {
            return marked;
        }
        self.selected(&rows)
            .map(|at| vec![rows[at].clone()])
            .unwrap_or_default()
    }

    fn delete(&self, app: &App) -> Vec<Step> {
        let targets = self.targets(app);
        let keys: Vec<_> = targets.iter().map(|r| &r.key).collect();
        match actions::keys::delete(&keys) {
            Ok(plan) => vec![Step::Open(Box::new(KeyRun::delete(plan, &targets)))],
            Err(error) => say_error(error),
        }
    }

    fn rotate(&self, app: &App) -> Vec<Step> {
        // Only the key under the cursor: a rotation never takes the selection for a target.
        let rows = self.rows(app);
        let row = self.selected(&rows).map(|at| rows[at].clone());
        let (Remote::Loaded(book), Some(row)) = (&self.book, row) else {
            return vec![Step::Say(FlashLevel::Info, "No key here to rotate".into())];
        };
        let Some(owner) = row.owner_id.and_then(|id| book.directory.user(id)) else {
            return vec![Step::Say(
                FlashLevel::Error,
                format!(
                    "Not rotated: the owner of {} is no longer a member; create a new key for someone who is (n)",
                    actions::resolve::key_label(&row.key)
                ),
            )];
        };
        // The replacement keeps the old key's last day while it lies ahead.
        let expiration = row.key.expiration_date.filter(|d| *d > app.today);
        match actions::keys::rotate(&row.key, owner, expiration, &book.directory, app.today) {
            Ok(plan) => vec![Step::Open(Box::new(KeyRun::rotate(plan, &row, expiration)))],
            Err(error) => say_error(error),
        }
    }

    fn new_key(&self, app: &App) -> Vec<Step> {
        match &self.book {
            Remote::Loaded(book) => vec![Step::Open(Box::new(NewKeyForm::new(book, app.today)))],
            _ => vec![Step::Say(
                FlashLevel::Info,
                "Wait for the keys to load".into(),
            )],
        }
    }
}

fn say_error(error: ActionError) -> Vec<Step> {
    vec![Step::Say(FlashLevel::Error, error.to_string())]
}

impl View for KeysView {
    fn name(&self) -> &'static str {
        "keys"
    }

    fn context(&self) -> Context {
        Context::Keys
    }

    fn typing(&self) -> bool {
        self.searching
    }

    fn offer(&self, action: Action, app: &App) -> Offer {
        if self.searching {
            return match action {
                Action::Done | Action::Clear | Action::Up | Action::Down => Offer::Acts,
                _ => Offer::Ignores,
            };
        }
        match action {
            Action::NewKey | Action::DeleteKeys | Action::RotateKey => {
                Offer::unless(app.change_refusal())
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
            | Action::Filter
            | Action::QuickFilter
            | Action::Mark => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, input: Input, app: &App) -> Vec<Step> {
        let page = usize::from(app.screen.1.saturating_sub(8)).max(1) as isize;
        let action = match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.search, &key) == Some(true) {
                    return self.find(app);
                }
                return Vec::new();
            }
            Input::Action(action) => action,
        };
        match action {
            Action::Up => self.step(app, -1),
            Action::Down => self.step(app, 1),
            Action::PageUp => self.step(app, -page),
            Action::PageDown => self.step(app, page),
            Action::Top => self.step(app, isize::MIN / 2),
            Action::Bottom => self.step(app, isize::MAX / 2),
            Action::QuickFilter => {
                self.filter = self.filter.next();
                let shown = self.rows(app).len();
                return vec![Step::Say(
                    FlashLevel::Info,
                    format!("Showing {}: {shown}", self.filter.label()),
                )];
            }
            Action::Mark => {
                let rows = self.rows(app);
                if let Some(at) = self.selected(&rows) {
                    let id = rows[at].key.key_id;
                    if !self.marked.remove(&id) {
                        self.marked.insert(id);
                    }
                    self.step(app, 1);
                }
            }
            Action::Filter => {
                self.searching = true;
                self.search = tui_input::Input::default();
            }
            Action::Done => self.searching = false,
            Action::Clear => {
                self.searching = false;
                self.search = tui_input::Input::default();
            }
            Action::NewKey => return self.new_key(app),
            Action::DeleteKeys => return self.delete(app),
            Action::RotateKey => return self.rotate(app),
            _ => {}
        }
        Vec::new()
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.search, text);
    }

    fn load(&mut self, _app: &App) -> Vec<Step> {
        vec![Step::Fetch(Fetcher::new(KeysFetch))]
    }

    fn arrived(
        &mut self,
        _fetch: &Fetcher,
        result: Result<ViewData, RemoteError>,
        _app: &App,
    ) -> Vec<Step> {
        let failure = result.as_ref().err().map(|e| e.message.clone());
        take(&mut self.book, read::<KeyBook>(result));
        // Keys deleted since are no longer picked.
        if let Remote::Loaded(book) = &self.book {
            self.marked
                .retain(|id| book.keys.iter().any(|k| k.key_id == *id));
        }
        failure
            .map(|text| vec![Step::Say(FlashLevel::Error, text)])
            .unwrap_or_default()
    }

    fn cancelled(&mut self) {
        super::frame::cancel(&mut self.book);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
