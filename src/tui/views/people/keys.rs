//! The people view's keys: moving, the `/` search that moves the cursor, sorting, selecting,
//! the detail pane, a person's audit trail, and opening the dialogs that change people.

use std::sync::Arc;

use crate::actions::audit_trail::AuditFilter;
use crate::actions::people::owned_keys;
use crate::actions::resolve::key_label;
use crate::client::Directory;
use crate::tui::dialogs::{Opened, confirm_batch, invite, offboard, org_roles};
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::state::{App, FlashLevel, Remote};
use crate::tui::update::text_input;
use crate::tui::views::{Fetcher, Step, audit};

use super::rows::{INVITE_COLUMNS, MEMBER_COLUMNS};
use super::{AuditFetch, Detail, People, Tab};

fn say(level: FlashLevel, text: impl Into<String>) -> Vec<Step> {
    vec![Step::Say(level, text.into())]
}

impl People {
    pub(super) fn key(&mut self, input: Input, app: &App) -> Vec<Step> {
        let page = usize::from(app.screen.1.saturating_sub(8)).max(1) as isize;
        let action = match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.search, &key) == Some(true) {
                    return self.find();
                }
                return Vec::new();
            }
            Input::Action(action) => action,
        };
        match action {
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-page),
            Action::PageDown => self.step(page),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::NextTab => {
                self.tab = match self.tab {
                    Tab::Members => Tab::Invitations,
                    Tab::Invitations => Tab::Members,
                };
                self.detail = None;
            }
            Action::SortNext => {
                let columns = if self.invites() {
                    INVITE_COLUMNS.len()
                } else {
                    MEMBER_COLUMNS.len()
                };
                self.sort = (self.sort + 1) % columns;
                self.resort();
            }
            Action::SortReverse => {
                self.reverse = !self.reverse;
                self.resort();
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
            Action::Mark => {
                if let Some(id) = self.current()
                    && !self.marked.remove(&id)
                {
                    self.marked.insert(id);
                }
                self.step(1);
            }
            Action::MarkAll => self.mark_all(),
            Action::Open => return self.open_detail(app),
            Action::Trail => return self.open_trail(),
            Action::StopRun => {
                if let Some(run) = self.run.as_mut().filter(|r| r.running()) {
                    run.stopping = true;
                    return say(
                        FlashLevel::Info,
                        "Stopping after the request on its way; the report says what was done",
                    );
                }
            }
            Action::Invite => return self.open_dialog(app, invite::open),
            Action::EditRoles => return self.open_dialog(app, org_roles::open),
            Action::Offboard => return self.open_dialog(app, offboard::open),
            Action::Revoke => return self.open_dialog(app, confirm_batch::revoke),
            Action::Reinvite => return self.open_dialog(app, confirm_batch::reinvite),
            _ => {}
        }
        Vec::new()
    }

    fn open_dialog(&self, app: &App, open: fn(&People, &App) -> Opened) -> Vec<Step> {
        match open(self, app) {
            Ok(dialog) => vec![Step::Open(dialog)],
            Err((level, text)) => say(level, text),
        }
    }

    fn step(&mut self, delta: isize) {
        let len = self.tables.len(self.invites());
        if len == 0 {
            return;
        }
        let tab = usize::from(self.invites());
        let at = self.cursor[tab] as isize;
        self.cursor[tab] = at.saturating_add(delta).clamp(0, len as isize - 1) as usize;
    }

    fn resort(&mut self) {
        let ids = [
            self.tables.id_at(false, self.cursor[0]),
            self.tables.id_at(true, self.cursor[1]),
        ];
        let tables = Arc::make_mut(&mut self.tables);
        tables.sort(self.sort, self.reverse);
        for (tab, id) in ids.into_iter().enumerate() {
            if let Some(at) = id.and_then(|id| tables.position_of(tab == 1, id)) {
                self.cursor[tab] = at;
            }
        }
    }

    /// Moves the cursor to the first row matching the search; says so when none does.
    pub(super) fn find(&mut self) -> Vec<Step> {
        let query = self.search.value().to_owned();
        if query.trim().is_empty() {
            return Vec::new();
        }
        match self.tables.find(self.invites(), &query) {
            Some(at) => {
                self.cursor[usize::from(self.invites())] = at;
                Vec::new()
            }
            None => say(FlashLevel::Info, format!("Nobody matches \"{query}\"")),
        }
    }

    fn mark_all(&mut self) {
        let invites = self.invites();
        let ids: Vec<_> = (0..self.tables.len(invites))
            .filter_map(|i| self.tables.id_at(invites, i))
            .collect();
        if ids.iter().all(|id| self.marked.contains(id)) {
            for id in &ids {
                self.marked.remove(id);
            }
        } else {
            self.marked.extend(ids);
        }
    }

    /// The audit trail of the member under the cursor, in place of this view.
    fn open_trail(&self) -> Vec<Step> {
        if self.invites() {
            return say(
                FlashLevel::Info,
                "An invitation has no audit trail yet (tab for members)",
            );
        }
        match self.current() {
            Some(user) => vec![Step::Switch(audit::trail(AuditFilter::person(user)))],
            None => Vec::new(),
        }
    }

    /// Opens (or closes) the detail pane of the member under the cursor.
    fn open_detail(&mut self, app: &App) -> Vec<Step> {
        if self.invites() {
            return say(
                FlashLevel::Info,
                "An invitation has no detail: its row says all (tab for members)",
            );
        }
        let Some(id) = self.current() else {
            return Vec::new();
        };
        if self.detail.as_ref().is_some_and(|d| d.user == id) {
            self.detail = None;
            return Vec::new();
        }
        let Some(loaded) = self.loaded() else {
            return Vec::new();
        };
        let Some(member) = loaded.directory.user(id) else {
            return Vec::new();
        };
        let catalog = loaded.directory.role_catalog();
        let workspaces = Directory::workspaces_of(catalog, member)
            .into_iter()
            .map(|(ws, roles)| {
                let name = app
                    .org()
                    .find_workspace(ws)
                    .map(|f| f.workspace.name.clone())
                    .or_else(|| {
                        member
                            .workspaces
                            .iter()
                            .flatten()
                            .find(|w| w.uuid == ws)
                            .map(|w| w.name.clone())
                    })
                    .unwrap_or_else(|| ws.to_string());
                (name, roles.join(", "))
            })
            .collect();
        let keys = owned_keys(member, &loaded.keys, &loaded.directory, &loaded.owners)
            .into_iter()
            .map(|k| {
                let place = k.workspace_name.clone().unwrap_or_default();
                format!("{} in {place}", key_label(k))
            })
            .collect();
        self.detail = Some(Detail {
            user: id,
            name: member
                .name
                .clone()
                .or_else(|| member.email.clone())
                .unwrap_or_default(),
            workspaces,
            keys,
            audit: Remote::Loading,
        });
        vec![Step::Fetch(Fetcher::new(AuditFetch { user: id }))]
    }
}
