//! The audit view's filters as keys change them: the actor or the action of the entry under
//! the cursor (the same key lifts it), and following new entries.

use crate::tui::views::prelude::*;

use super::{AuditView, NamesFetch, PageKind};

impl AuditView {
    /// A new filter: what is loaded goes, the newest entries it keeps load.
    pub(super) fn refilter(&mut self, app: &App) -> Vec<Step> {
        self.entries = Remote::Loading;
        self.exhausted = false;
        self.loading_older = false;
        self.list.cursor.reset();
        let mut steps = vec![Step::StopLoads, self.page(PageKind::First, app)];
        if !matches!(self.names, Remote::Loaded(_)) {
            steps.push(Step::Fetch(Fetcher::new(NamesFetch)));
        }
        if self.following {
            steps.push(self.page(PageKind::Newer, app));
        }
        steps.push(Step::Say(
            FlashLevel::Info,
            format!("Audit log: {}", self.filter.describe(self.names())),
        ));
        steps
    }

    pub(super) fn toggle_actor(&mut self, app: &App) -> Vec<Step> {
        if self.filter.actor.is_some() || self.filter.person.is_some() {
            self.filter.actor = None;
            self.filter.person = None;
            return self.refilter(app);
        }
        let Some(entry) = self.current(app.now).cloned() else {
            return Vec::new();
        };
        self.filter.actor = Some(self.names().actor(&entry));
        self.filter.person = entry
            .actor_metadata
            .get("user_uuid")
            .and_then(|u| uuid::Uuid::parse_str(u).ok());
        self.refilter(app)
    }

    pub(super) fn toggle_action(&mut self, app: &App) -> Vec<Step> {
        if self.filter.action.is_some() {
            self.filter.action = None;
            return self.refilter(app);
        }
        let Some(entry) = self.current(app.now) else {
            return Vec::new();
        };
        self.filter.action = Some(entry.event_type.clone());
        self.refilter(app)
    }

    pub(super) fn toggle_follow(&mut self, app: &App) -> Vec<Step> {
        self.following = !self.following;
        if self.following {
            vec![
                self.page(PageKind::Newer, app),
                Step::Say(
                    FlashLevel::Info,
                    "Following: new entries appear as they happen".into(),
                ),
            ]
        } else {
            vec![Step::Say(FlashLevel::Info, "Stopped following".into())]
        }
    }
}
