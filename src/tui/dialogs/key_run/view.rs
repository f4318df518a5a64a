//! The key deletion or rotation as drawn: what happens, each key by name (a window of them
//! when they do not all fit), the progress of a
//! run under way, what reading the keys again after a stop found, a rotation's new key if the
//! run stopped after making it, and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ConfirmRow};

use super::super::Button;
use super::super::key_shown::secret_lines;
use super::{BUTTONS, KeyRun, RunKind};

const WIDTH: u16 = 76;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &KeyRun,
    theme: &Theme,
) -> bool {
    let width = dialog::inner_width(screen, WIDTH);
    let mut body = Body::new(width);
    body.wrapped(&d.heading, theme.header);
    let mut keys = Body::new(width);
    for key in &d.listed {
        keys.hanging("  • ", key, theme.text);
    }
    let mut after = Body::new(width);
    for note in &d.plan.notes {
        after.wrapped(note, theme.muted);
    }
    if d.done_steps > 0 || d.submission.is_sending() {
        after.blank();
        let stop = app.keymap.describe_keys(Context::Global, Action::Interrupt);
        after.line(
            &format!(
                "Done {}/{} ({stop} stops between two requests)",
                d.done_steps,
                d.total()
            ),
            theme.field_value,
        );
    }
    for line in &d.checked {
        after.hanging("  · ", line, theme.text);
    }
    // A replacement made by a run that then stopped: this is the one place it shows. While
    // the run goes on, the key waits for its own dialog.
    if let Some(key) = d.created.as_ref().filter(|_| !d.submission.is_sending()) {
        after.blank();
        secret_lines(&mut after, key, theme);
    }
    after.blank();
    let sending = match d.kind {
        _ if d.unknown_step.is_some() => "Reading the keys: was the stopped request made?…",
        RunKind::Delete => "Deleting…",
        RunKind::Rotate => "Rotating…",
    };
    after.submission(&d.submission, sending, app.spinner_frame, theme);
    let label = match (d.kind, d.done_steps) {
        (_, n) if n > 0 => "Go on".to_owned(),
        (RunKind::Delete, _) => format!(
            "Delete {}",
            crate::actions::outcome::count_of(d.total(), "key", "keys")
        ),
        (RunKind::Rotate, _) => "Rotate".to_owned(),
    };
    // Under the list: all that and the buttons.
    d.list.fill_then_confirm(
        &mut body,
        (keys.lines, after),
        screen,
        ConfirmRow {
            buttons: &BUTTONS,
            focus: d.focus,
            confirm: Button::Remove,
            text: &label,
        },
        theme,
    );
    let title = match d.kind {
        RunKind::Delete => "Delete API keys",
        RunKind::Rotate => "Rotate API key",
    };
    dialog::show(frame, screen, WIDTH, title, body, theme)
}
