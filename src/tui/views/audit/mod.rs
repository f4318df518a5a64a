//! `:audit`: the audit log, newest first, as people read it (time, actor by name, action,
//! target by name). Filters by actor, action and time window; `/` finds an entry among those
//! loaded (the cursor moves); older entries load as the cursor nears the end; follow mode
//! looks for new entries every two seconds until it is turned off or the view closes; a
//! detail pane shows an entry whole; the filtered entries export to JSON Lines or CSV.
//!
//! A trail is this view opened with a filter: [`open_trail`] from the console's keys, or
//! `Step::Switch(audit::trail(filter))` from another view.

mod export;
mod filters;
mod loading;
mod paging;
#[cfg(test)]
pub(crate) mod tests;
mod view;

use time::OffsetDateTime;

use crate::actions::audit_trail::{AuditFilter, AuditNames, row};
use crate::api::AuditLogOut;
use crate::tui::dialogs::export_audit::ExportDialog;
use crate::tui::effect::Effect;
use crate::tui::views::prelude::*;

pub use loading::{ExportFetch, Exported, FOLLOW_EVERY, NamesFetch, PAGE, PageFetch, PageKind};

pub const ENTRY: Entry = Entry {
    command: "audit",
    summary: "Audit log: who did what to what; filters, follow, export",
    context: Context::Audit,
    open: |_| Box::new(AuditView::new(AuditFilter::default())),
};

/// The audit view cut by `filter`: a person's or a workspace's trail.
pub fn trail(filter: AuditFilter) -> Box<dyn View> {
    Box::new(AuditView::new(filter))
}

/// Opens the trail `filter` cuts, in place of the panes (or of the view open now).
pub fn open_trail(app: &mut App, filter: AuditFilter) -> Vec<Effect> {
    super::control::open_view(app, trail(filter))
}

/// Entries left below the cursor when the next older page is asked for.
const LOAD_AHEAD: usize = 10;

#[derive(Debug, Clone)]
pub struct AuditView {
    pub filter: AuditFilter,
    pub names: Remote<AuditNames>,
    /// Every entry loaded for the filter's server part, newest first, each once.
    pub entries: Remote<Vec<AuditLogOut>>,
    /// The server has nothing older.
    pub exhausted: bool,
    pub loading_older: bool,
    pub following: bool,
    pub detail: bool,
    /// Follows the entry under the cursor by log id.
    pub list: List<i64>,
}

impl AuditView {
    pub fn new(filter: AuditFilter) -> Self {
        Self {
            filter,
            names: Remote::Loading,
            entries: Remote::Loading,
            exhausted: false,
            loading_older: false,
            following: false,
            detail: false,
            list: List::default(),
        }
    }

    /// The names loaded, or none yet (entries then show what they carry).
    pub(super) fn names(&self) -> &AuditNames {
        static NONE: std::sync::LazyLock<AuditNames> =
            std::sync::LazyLock::new(AuditNames::default);
        match &self.names {
            Remote::Loaded(names) => names,
            _ => &NONE,
        }
    }

    /// The entries the whole filter keeps, newest first.
    pub fn rows(&self, now: OffsetDateTime) -> Vec<&AuditLogOut> {
        let Remote::Loaded(entries) = &self.entries else {
            return Vec::new();
        };
        let names = self.names();
        entries
            .iter()
            .filter(|e| self.filter.keeps(e, names, now))
            .collect()
    }

    pub fn selected(&self, rows: &[&AuditLogOut]) -> Option<usize> {
        self.list.selected(&log_ids(rows))
    }

    pub fn current(&self, now: OffsetDateTime) -> Option<&AuditLogOut> {
        let rows = self.rows(now);
        self.selected(&rows).map(|at| rows[at])
    }
}

fn log_ids(rows: &[&AuditLogOut]) -> Vec<i64> {
    rows.iter().map(|e| e.log_id).collect()
}

impl Listing for AuditView {
    list_in_field!(i64);
    const MISSING: &'static str = "No loaded entry";

    fn ids(&self, app: &App) -> impl Rows<Id = i64> {
        log_ids(&self.rows(app.now))
    }

    /// The entry whose time, actor, action or target (as shown) matches best.
    fn find(&self, query: &str, app: &App) -> Option<usize> {
        let names = self.names();
        let texts = self
            .rows(app.now)
            .into_iter()
            .map(|e| row(e, names).join(" "));
        best(texts, query)
    }

    /// Older entries load as the cursor nears the end of what is loaded.
    fn moved(&mut self, app: &App) -> Vec<Step> {
        self.maybe_older(app)
    }
}

impl View for AuditView {
    fn entry(&self) -> &'static Entry {
        &ENTRY
    }

    keys_to_list!();

    fn offer(&self, action: Action, _app: &App) -> Offer {
        let keys = [
            Action::ActorFilter,
            Action::ActionFilter,
            Action::Window,
            Action::Follow,
            Action::Open,
            Action::Export,
        ];
        acts_on(&keys, action)
    }

    fn act(&mut self, action: Action, app: &App) -> Vec<Step> {
        match action {
            Action::ActorFilter => self.toggle_actor(app),
            Action::ActionFilter => self.toggle_action(app),
            Action::Window => {
                self.filter.window = self.filter.window.next();
                self.refilter(app)
            }
            Action::Follow => self.toggle_follow(app),
            Action::Open => {
                self.detail = !self.detail;
                Vec::new()
            }
            Action::Export => {
                let shown: Vec<AuditLogOut> = self.rows(app.now).into_iter().cloned().collect();
                vec![Step::Open(Box::new(ExportDialog::new(
                    shown,
                    self.names().clone(),
                )))]
            }
            _ => Vec::new(),
        }
    }

    fn load(&mut self, app: &App) -> Vec<Step> {
        self.loading_older = false;
        let mut steps = vec![
            Step::StopLoads,
            Step::Fetch(Fetcher::new(NamesFetch)),
            self.page(PageKind::First, app),
        ];
        if self.following {
            steps.push(self.page(PageKind::Newer, app));
        }
        steps
    }

    fn arrived(&mut self, fetch: &Fetcher, result: FetchAnswer, app: &App) -> Vec<Step> {
        if fetch.as_kind::<NamesFetch>().is_some() {
            return match read::<AuditNames>(result) {
                Ok(names) => {
                    self.names = Remote::Loaded(names);
                    Vec::new()
                }
                // Without names the entries still show, with what they carry.
                Err(error) => vec![Step::Say(
                    FlashLevel::Error,
                    format!("Audit log names: {}", error.message),
                )],
            };
        }
        if let Some(export) = fetch.as_kind::<ExportFetch>() {
            return export::finished(self, export, result, app);
        }
        let Some(page) = fetch.as_kind::<PageFetch>() else {
            return Vec::new();
        };
        let kind = page.kind;
        if kind == PageKind::Older {
            self.loading_older = false;
        }
        match read::<Vec<AuditLogOut>>(result) {
            Ok(entries) => {
                self.take_page(kind, entries);
                let mut steps = Vec::new();
                if kind == PageKind::Newer && self.following {
                    steps.push(self.page(PageKind::Newer, app));
                }
                if kind == PageKind::First {
                    steps.extend(self.maybe_older(app));
                }
                steps
            }
            Err(error) => {
                if kind == PageKind::First {
                    super::frame::take(&mut self.entries, Err(error.clone()));
                }
                // A failed look while following stops following rather than retrying blind.
                if kind == PageKind::Newer {
                    self.following = false;
                }
                vec![Step::Say(
                    FlashLevel::Error,
                    format!("Audit log: {}", error.message),
                )]
            }
        }
    }

    fn cancelled(&mut self) {
        self.loading_older = false;
        self.following = false;
        super::frame::cancel(&mut self.entries);
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        view::render(self, frame, area, app, theme);
    }
}
