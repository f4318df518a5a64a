//! The one confirmation before a run of changes (`:plan`'s apply, `:undo`): the question,
//! every change as a diff line, and Cancel in focus. A list longer than the screen scrolls
//! inside the dialog (the view's own arrows), and the confirming button works only once
//! every line of it has been drawn; pressing it then starts the run for the view, if this
//! dialog was drawn whole.

use crate::tui::dialogs::{After, Canvas, Dialog, ListedConfirm, Next};
use crate::tui::routing::{Input, Layer};
use crate::tui::views::prelude::*;
use crate::tui::widgets::dialog::{self, Body};

use super::run::ApplyFetch;
use super::view::change_style;

const WIDTH: u16 = 76;

#[derive(Debug, Clone)]
pub struct ConfirmRun {
    pub title: &'static str,
    pub question: String,
    pub apply_text: String,
    pub run: ApplyFetch,
    /// The keymap section of the view under it, whose arrows scroll the list.
    pub scroll_keys: Context,
    /// The changes and the buttons.
    pub listed: ListedConfirm,
}

impl ConfirmRun {
    pub fn new(
        (title, scroll_keys): (&'static str, Context),
        question: String,
        apply_text: String,
        run: ApplyFetch,
    ) -> Self {
        Self {
            title,
            question,
            apply_text,
            run,
            scroll_keys,
            listed: ListedConfirm::default(),
        }
    }

    /// The step that opens it over the view.
    pub fn open(
        title: (&'static str, Context),
        question: String,
        apply_text: String,
        run: ApplyFetch,
    ) -> Vec<Step> {
        vec![Step::Open(Box::new(Self::new(
            title, question, apply_text, run,
        )))]
    }
}

impl Dialog for ConfirmRun {
    fn name(&self) -> &'static str {
        "confirm run"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog), Layer::Keys(self.scroll_keys)]
    }

    /// Of the view's keys, only scrolling: the list is the view's changes.
    fn offers(&self, action: Action) -> bool {
        !matches!(action, Action::Drop | Action::ApplyPlan | Action::Stop)
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        let start = || Next::Then(After::Start(Fetcher::new(self.run.clone())));
        self.listed.act(input, start)
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let width = dialog::inner_width(canvas.screen, WIDTH);
        let mut body = Body::new(width);
        body.wrapped(&self.question, theme.header);
        let mut changes = Body::new(width);
        for change in &self.run.changes {
            changes.hanging(
                "    ",
                &format!("  {}", change.line()),
                change_style(change, theme),
            );
        }
        let mut after = Body::new(width);
        after.wrapped(
            "They are sent one at a time, in a safe order; the view shows how far it got and stops after the change on its way when asked. A refusal stops the rest.",
            theme.muted,
        );
        after.blank();
        self.listed.fill(
            &mut body,
            (changes.lines, after),
            canvas.screen,
            &self.apply_text,
            theme,
        );
        dialog::show(frame, canvas.screen, WIDTH, self.title, body, theme)
    }
}
