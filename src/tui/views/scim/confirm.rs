//! The confirmation before a real sync: what the preview said it would do, counted and listed
//! whole, with Cancel in focus. A list longer than the screen scrolls inside the dialog, and
//! Run is offered only once every line of it has been drawn; pressing it then starts the real
//! run for the view, if this dialog was drawn whole.

use ratatui::text::Line;

use crate::actions::outcome::count_of;
use crate::api::AdminScimSyncRunOut;
use crate::tui::dialogs::{After, Canvas, Dialog, ListedConfirm, Next};
use crate::tui::routing::{Input, Layer};
use crate::tui::views::prelude::*;
use crate::tui::widgets::dialog::{self, Body};

use super::StartFetch;
use crate::actions::scim_diff::{DiffLine, counts, lines};

const WIDTH: u16 = 72;

#[derive(Debug, Clone)]
pub struct ConfirmSync {
    pub preview: AdminScimSyncRunOut,
    /// The preview's lines and the buttons.
    pub listed: ListedConfirm,
}

impl ConfirmSync {
    pub fn new(preview: AdminScimSyncRunOut) -> Self {
        Self {
            preview,
            listed: ListedConfirm::default(),
        }
    }
}

impl Dialog for ConfirmSync {
    fn name(&self) -> &'static str {
        "confirm SCIM sync"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog), Layer::Keys(Context::Scim)]
    }

    /// Of the view's keys, only scrolling: the list is the view's diff.
    fn offers(&self, action: Action) -> bool {
        !matches!(action, Action::DryRun | Action::RunSync)
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        let start = || Next::Then(After::Start(Fetcher::new(StartFetch { dry_run: false })));
        self.listed.act(input, start)
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let diff = self.preview.summary.as_ref().map(lines).unwrap_or_default();
        let (added, removed, changed) = counts(&diff);
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        body.wrapped("Run the identity-provider sync for real?", theme.header);
        body.wrapped(
            &format!(
                "The dry run found {}, {} and {}. The real run compares again when it starts and applies what it finds then, in one go; people deprovisioned lose access at once.",
                count_of(added, "addition", "additions"),
                count_of(removed, "removal", "removals"),
                count_of(changed, "rename", "renames"),
            ),
            theme.text,
        );
        let preview_lines: Vec<Line<'static>> = {
            let mut list = Body::new(body.width);
            for line in &diff {
                let (text, style) = match line {
                    DiffLine::Added(t) => (format!("+ {t}"), theme.text),
                    DiffLine::Removed(t) => (format!("- {t}"), theme.field_error),
                    DiffLine::Changed(t) => (format!("~ {t}"), theme.text),
                    DiffLine::Heading(t) => (t.clone(), theme.header),
                    DiffLine::Nothing(t) => (t.clone(), theme.muted),
                };
                list.hanging("  ", &text, style);
            }
            list.lines
        };
        // Under the list: a blank line and the buttons.
        let mut after = Body::new(body.width);
        after.blank();
        self.listed.fill(
            &mut body,
            (preview_lines, after),
            canvas.screen,
            "Run the sync",
            theme,
        );
        dialog::show(frame, canvas.screen, WIDTH, "SCIM sync", body, theme)
    }
}
