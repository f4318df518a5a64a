//! Where the audit view's entries come from: the page to ask for at each end of the trail
//! (a microsecond of overlap, duplicates dropped by log id), older pages as the cursor nears
//! the end, and each page taken in.

use crate::api::AuditLogOut;
use crate::tui::views::prelude::*;

use super::{AuditView, FOLLOW_EVERY, LOAD_AHEAD, PAGE, PageFetch, PageKind};

impl AuditView {
    pub(super) fn page(&self, kind: PageKind, app: &App) -> Step {
        let mut query = self.filter.query(app.now, PAGE);
        let loaded = match &self.entries {
            Remote::Loaded(entries) => entries.as_slice(),
            _ => &[],
        };
        // The server's bounds are strict: a microsecond of overlap keeps entries made in the
        // same microsecond as the edge, and duplicates are dropped by log id on arrival.
        let overlap = time::Duration::microseconds(1);
        match kind {
            PageKind::First => {}
            PageKind::Older => query.before = loaded.last().map(|e| e.created_at + overlap),
            PageKind::Newer => {
                query.after = loaded
                    .first()
                    .map(|e| e.created_at - overlap)
                    .or(query.after);
            }
        }
        let wait = if kind == PageKind::Newer {
            FOLLOW_EVERY
        } else {
            std::time::Duration::ZERO
        };
        Step::Fetch(Fetcher::new(PageFetch { kind, query, wait }))
    }

    /// Asks for older entries when the cursor nears the end of what is loaded.
    pub(super) fn maybe_older(&mut self, app: &App) -> Vec<Step> {
        let rows = self.rows(app.now);
        let near_end = self
            .selected(&rows)
            .is_none_or(|at| at + LOAD_AHEAD >= rows.len());
        let loaded = matches!(self.entries, Remote::Loaded(_));
        if near_end && loaded && !self.exhausted && !self.loading_older {
            self.loading_older = true;
            return vec![self.page(PageKind::Older, app)];
        }
        Vec::new()
    }

    /// Takes a page in: the first replaces, the others add what is not there yet.
    pub(super) fn take_page(&mut self, kind: PageKind, page: Vec<AuditLogOut>) {
        match (&mut self.entries, kind) {
            (slot, PageKind::First) => {
                self.exhausted = page.len() < PAGE as usize;
                *slot = Remote::Loaded(page);
            }
            (Remote::Loaded(entries), PageKind::Older) => {
                let known: std::collections::HashSet<i64> =
                    entries.iter().map(|e| e.log_id).collect();
                let fresh: Vec<AuditLogOut> = page
                    .into_iter()
                    .filter(|e| !known.contains(&e.log_id))
                    .collect();
                self.exhausted = fresh.is_empty();
                entries.extend(fresh);
            }
            (Remote::Loaded(entries), PageKind::Newer) => {
                let known: std::collections::HashSet<i64> =
                    entries.iter().map(|e| e.log_id).collect();
                let mut fresh: Vec<AuditLogOut> = page
                    .into_iter()
                    .filter(|e| !known.contains(&e.log_id))
                    .collect();
                fresh.append(entries);
                *entries = fresh;
            }
            _ => {}
        }
    }
}
