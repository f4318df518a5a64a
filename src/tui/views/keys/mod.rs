//! `:keys`: every API key of the organization in one table (name, hidden key, workspace,
//! owner by name, created, expires, last used, status), with quick filters an admin audits
//! keys with, `/` to find a key (the cursor moves, nothing is hidden), and the key lifecycle:
//! create (the key is shown once), delete (bulk) and rotate, each behind its dialog.

mod loading;
#[cfg(test)]
pub(crate) mod tests;
mod view;

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::actions::key_list::{KeyBook, KeyFilter, KeyRow};
use crate::actions::{self, ActionError};
use crate::tui::dialogs::key_run::KeyRun;
use crate::tui::dialogs::new_key::NewKeyForm;
use crate::tui::views::prelude::*;

use super::frame::{OneLoad, take_answer};
use super::list;
pub use loading::KeysFetch;

pub const ENTRY: Entry = Entry {
    command: "keys",
    summary: "Every API key: status, owner, quick filters; create, rotate, delete",
    context: Context::Keys,
    open: |_| Box::new(KeysView::default()),
};

#[derive(Debug, Clone, Default)]
pub struct KeysView {
    pub book: Remote<KeyBook>,
    pub filter: KeyFilter,
    /// Follows the key under the cursor by id through filters and reloads.
    pub list: List<Uuid>,
    /// Keys picked for a bulk deletion.
    pub marked: BTreeSet<Uuid>,
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
        self.list.selected(&key_ids(rows))
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

fn key_ids(rows: &[KeyRow]) -> Vec<Uuid> {
    rows.iter().map(|r| r.key.key_id).collect()
}

fn say_error(error: ActionError) -> Vec<Step> {
    vec![Step::Say(FlashLevel::Error, error.to_string())]
}

impl Listing for KeysView {
    list_in_field!(Uuid);
    const MISSING: &'static str = "No key";

    fn ids(&self, app: &App) -> impl Rows<Id = Uuid> {
        key_ids(&self.rows(app))
    }

    /// The key whose name, hidden key, workspace or owner matches best.
    fn find(&self, query: &str, app: &App) -> Option<usize> {
        let texts = self.rows(app).into_iter().map(|r| {
            format!(
                "{} {} {} {}",
                r.key.name.as_deref().unwrap_or_default(),
                r.key.hidden_key,
                r.key.workspace_name.as_deref().unwrap_or_default(),
                r.owner
            )
        });
        best(texts, query)
    }
}

impl View for KeysView {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, app: &App) -> Offer {
        match action {
            Action::NewKey | Action::DeleteKeys | Action::RotateKey => {
                Offer::unless(app.change_refusal())
            }
            Action::QuickFilter | Action::Mark => Offer::Acts,
            _ => Offer::Ignores,
        }
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        match action {
            Action::QuickFilter => {
                self.filter = self.filter.next();
                let shown = self.rows(app).len();
                vec![Step::Say(
                    FlashLevel::Info,
                    format!("Showing {}: {shown}", self.filter.label()),
                )]
            }
            Action::Mark => {
                let rows = self.rows(app);
                let Some(at) = self.selected(&rows) else {
                    return Vec::new();
                };
                let id = rows[at].key.key_id;
                if !self.marked.remove(&id) {
                    self.marked.insert(id);
                }
                list::step(self, 1, app)
            }
            Action::NewKey => self.new_key(app),
            Action::DeleteKeys => self.delete(app),
            Action::RotateKey => self.rotate(app),
            _ => Vec::new(),
        }
    }

    fn one_load(&mut self) -> Option<OneLoad<'_>> {
        Some(OneLoad::new(KeysFetch, &mut self.book))
    }

    fn arrived(&mut self, _fetch: &Fetcher, result: FetchAnswer, _app: &App) -> Vec<Step> {
        let steps = take_answer(&mut self.book, result, "");
        // Keys deleted since are no longer picked.
        if let Remote::Loaded(book) = &self.book {
            self.marked
                .retain(|id| book.keys.iter().any(|k| k.key_id == *id));
        }
        steps
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
