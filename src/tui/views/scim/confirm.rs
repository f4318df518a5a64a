//! The confirmation before a real sync: what the preview said it would do, counted and
//! listed, with Cancel in focus. Pressing Run starts the real run for the view, if this
//! dialog was drawn whole.

use ratatui::Frame;

use crate::api::AdminScimSyncRunOut;
use crate::tui::dialogs::{After, Button, Canvas, Dialog, Next, step_button};
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::views::Fetcher;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::StartFetch;
use super::diff::{DiffLine, counts, lines};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];
const WIDTH: u16 = 72;
/// Changes listed before "… and N more".
const LISTED: usize = 8;

#[derive(Debug, Clone)]
pub struct ConfirmSync {
    pub preview: AdminScimSyncRunOut,
    pub focus: Button,
}

impl ConfirmSync {
    pub fn new(preview: AdminScimSyncRunOut) -> Self {
        Self {
            preview,
            focus: Button::Cancel,
        }
    }
}

impl Dialog for ConfirmSync {
    fn name(&self) -> &'static str {
        "confirm SCIM sync"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog)]
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        let Input::Action(action) = input else {
            return Next::Stay;
        };
        match action {
            Action::NextButton => self.focus = step_button(&BUTTONS, self.focus, 1),
            Action::PreviousButton => self.focus = step_button(&BUTTONS, self.focus, -1),
            Action::Press if self.focus == Button::Apply => {
                return Next::Then(After::Start(Fetcher::new(StartFetch { dry_run: false })));
            }
            Action::Press | Action::Cancel => return Next::Close,
            _ => {}
        }
        Next::Stay
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let diff = self.preview.summary.as_ref().map(lines).unwrap_or_default();
        let (added, removed, changed) = counts(&diff);
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        body.wrapped("Run the identity-provider sync for real?", theme.header);
        body.wrapped(
            &format!(
                "The dry run found {added} additions, {removed} removals and {changed} renames. The real run compares again when it starts and applies what it finds then, in one go; people deprovisioned lose access at once.",
            ),
            theme.text,
        );
        let changes: Vec<&DiffLine> = diff
            .iter()
            .filter(|l| !matches!(l, DiffLine::Heading(_)))
            .collect();
        for line in changes.iter().take(LISTED) {
            let (text, style) = match line {
                DiffLine::Added(t) => (format!("+ {t}"), theme.text),
                DiffLine::Removed(t) => (format!("- {t}"), theme.field_error),
                DiffLine::Changed(t) => (format!("~ {t}"), theme.text),
                DiffLine::Nothing(t) | DiffLine::Heading(t) => (t.to_string(), theme.muted),
            };
            body.hanging("  ", &text, style);
        }
        if changes.len() > LISTED {
            body.line(
                &format!("  … and {} more (in the view)", changes.len() - LISTED),
                theme.muted,
            );
        }
        body.blank();
        let views: Vec<ButtonView> = BUTTONS
            .iter()
            .map(|b| {
                let view = ButtonView::new(*b, Some(self.focus));
                if *b == Button::Apply {
                    view.text("Run the sync")
                } else {
                    view
                }
            })
            .collect();
        body.push(buttons(&views, theme));
        dialog::show(frame, canvas.screen, WIDTH, "SCIM sync", body, theme)
    }
}
