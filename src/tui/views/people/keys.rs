//! The people view's keys: its list's rules (the `/` search finds the first row holding what
//! is typed), sorting, selecting, the detail pane, a person's audit trail, and opening the
//! dialogs that change people.

use std::sync::Arc;

use uuid::Uuid;

use crate::actions::audit_trail::AuditFilter;
use crate::actions::people::owned_by;
use crate::actions::resolve::key_label;
use crate::tui::dialogs::{confirm_batch, invite, offboard, org_roles};
use crate::tui::views::audit;
use crate::tui::views::list;
use crate::tui::views::prelude::*;

use super::rows::{INVITE_COLUMNS, MEMBER_COLUMNS};
use super::{AuditFetch, Detail, Opener, People, PeopleFetch, Tab};

fn say(level: FlashLevel, text: impl Into<String>) -> Vec<Step> {
    vec![Step::Say(level, text.into())]
}

/// The tab a dialog is for, and what is said when it is asked for on the other one.
type ForTab = Option<(Tab, &'static str)>;

/// How a dialog that changes people opens: the tab it is for, whether it must know what
/// groups give (the organization roles: a group's role must not be sent as someone's own),
/// and the opener.
struct Opening {
    tab: ForTab,
    groups: bool,
    open: Opener,
}

/// The dialogs that change people.
fn dialog(action: Action) -> Option<Opening> {
    let members = |elsewhere| Some((Tab::Members, elsewhere));
    let invitations = Some((Tab::Invitations, confirm_batch::ON_THE_OTHER_TAB));
    let (tab, open): (ForTab, Opener) = match action {
        Action::Invite => (None, invite::open),
        Action::EditRoles => (members(org_roles::NOT_FOR_AN_INVITATION), org_roles::open),
        Action::Offboard => (members(offboard::NOT_FOR_AN_INVITATION), offboard::open),
        Action::Revoke => (invitations, confirm_batch::revoke),
        Action::Reinvite => (invitations, confirm_batch::reinvite),
        _ => return None,
    };
    let groups = action == Action::EditRoles;
    Some(Opening { tab, groups, open })
}

impl Listing for People {
    list_in_field!(Uuid);
    const MISSING: &'static str = "Nobody";

    fn ids(&self, _app: &App) -> impl Rows<Id = Uuid> {
        self.shown_rows()
    }

    /// The first row (in the order shown) whose name or email holds what is typed.
    fn find(&self, query: &str, _app: &App) -> Option<usize> {
        self.tables.find(self.invites(), query)
    }
}

impl People {
    pub(super) fn key(&mut self, action: Action, app: &App) -> Vec<Step> {
        if let Some(opening) = dialog(action) {
            return self.open_dialog(opening);
        }
        match action {
            Action::NextTab => {
                self.tab = match self.tab {
                    Tab::Members => Tab::Invitations,
                    Tab::Invitations => Tab::Members,
                };
                std::mem::swap(&mut self.list.cursor, &mut self.other);
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
            Action::Mark => {
                if let Some(id) = self.current()
                    && !self.marked.remove(&id)
                {
                    self.marked.insert(id);
                }
                return list::step(self, 1, app);
            }
            Action::MarkAll => self.mark_all(),
            Action::Open => return self.open_detail(),
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
            _ => {}
        }
        Vec::new()
    }

    /// Reads the people afresh and opens the dialog on what the server has now (the tables
    /// are rebuilt from the same load, so the dialog and the rows agree). What can be said
    /// without the load (the wrong tab, nobody under the cursor) is said at once.
    fn open_dialog(&mut self, Opening { tab, groups, open }: Opening) -> Vec<Step> {
        if self.held().is_none() {
            return say(FlashLevel::Info, "The people are still loading");
        }
        if let Some((wanted, elsewhere)) = tab
            && wanted != self.tab
        {
            return say(FlashLevel::Info, elsewhere);
        }
        if tab.is_some() && self.current().is_none() && self.marked.is_empty() {
            return say(FlashLevel::Info, "Nobody under the cursor");
        }
        self.opening = Some(open);
        vec![Step::Fetch(Fetcher::new(PeopleFetch {
            with_groups: groups,
        }))]
    }

    fn resort(&mut self) {
        Arc::make_mut(&mut self.tables).sort(self.sort, self.reverse);
        self.settle();
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
    fn open_detail(&mut self) -> Vec<Step> {
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
        let Some(held) = self.held() else {
            return Vec::new();
        };
        let Some(row) = self.tables.members.iter().find(|m| m.id == id) else {
            return Vec::new();
        };
        let keys = owned_by(id, Some(&row.email), &held.keys, &held.owners)
            .into_iter()
            .map(|k| {
                let place = k.workspace_name.clone().unwrap_or_default();
                format!("{} in {place}", key_label(k))
            })
            .collect();
        self.detail = Some(Detail {
            user: id,
            name: if row.name.is_empty() {
                row.email.to_string()
            } else {
                row.name.to_string()
            },
            keys,
            audit: Remote::Loading,
        });
        vec![Step::Fetch(Fetcher::new(AuditFetch { user: id }))]
    }
}
