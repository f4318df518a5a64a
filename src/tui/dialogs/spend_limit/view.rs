//! The spending-limit dialog as drawn: the limit now, the amount being typed, the change it
//! makes in words (or why it is not an amount), and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::actions::spend::current_limit;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::super::{Button, ConfirmRow};
use super::{BUTTONS, SpendLimitDialog};

const WIDTH: u16 = 68;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &SpendLimitDialog,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    let currency = &d.spending.limits.limits.currency;
    let now = match current_limit(&d.spending.limits) {
        Some(amount) => format!("{amount} {currency} a month"),
        None => "no monthly limit".to_owned(),
    };
    body.line(&format!("Now: {now}"), theme.text);
    body.input(
        vec![Span::styled(
            format!("New limit ({currency}): "),
            theme.field_label,
        )],
        &d.amount,
        Some(14),
        !d.submission.is_sending(),
        Span::styled("  empty: no limit", theme.muted),
        theme,
    );
    body.blank();
    let plan = d.plan();
    match &plan {
        Ok(plan) => {
            body.wrapped(&plan.summary, theme.header);
            for note in &plan.notes {
                body.wrapped(note, theme.muted);
            }
        }
        Err(problem) => body.wrapped(problem, theme.field_error),
    }
    body.blank();
    body.submission(
        &d.submission,
        "Setting the limit…",
        app.spinner_frame,
        theme,
    );
    let changes = plan.is_ok_and(|p| !p.changes_nothing());
    let row = ConfirmRow {
        buttons: &BUTTONS,
        focus: d.focus,
        confirm: Button::Apply,
        text: "Set the limit",
    };
    body.push(row.line(changes, theme));
    dialog::show(frame, screen, WIDTH, "Monthly spending limit", body, theme)
}
