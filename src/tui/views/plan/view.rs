//! Draws `:plan`: a head line (how many are staged, staging on or off, or the run's `3/7`),
//! the diff by section with the cursor on one change, the count, and how the last run ended.

use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::actions::org_run::RunOutcome;
use crate::domain::org::Change;
use crate::domain::org::sections::{grouped, tally};
use crate::tui::views::frame::body;
use crate::tui::views::prelude::*;
use crate::tui::widgets::spinner;

use super::{PlanView, rows};

/// A change's diff line in the view's style: removals stand out.
pub fn change_style(change: &Change, theme: &Theme) -> Style {
    match change.symbol() {
        '-' => theme.field_error,
        _ => theme.text,
    }
}

pub fn render(plan: &PlanView, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "Staged plan", theme);
    let [head, rest] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(head_lines(plan, app, theme)).wrap(Wrap { trim: true }),
        head,
    );
    let rows = rows(app);
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor_line = 0;
    let at = plan.selected(app);
    let mut index = 0;
    for (section, inside) in grouped(&rows, |s| &s.change) {
        lines.push(Line::styled(section, theme.header));
        for staged in inside {
            let under = at == Some(index);
            let mark = if under { "▸ " } else { "  " };
            let style = if under {
                theme.cursor
            } else {
                change_style(&staged.change, theme)
            };
            if under {
                cursor_line = lines.len();
            }
            lines.push(Line::styled(
                format!("{mark}{}", staged.change.line()),
                style,
            ));
            index += 1;
        }
    }
    if !rows.is_empty() {
        let changes: Vec<Change> = rows.iter().map(|s| s.change.clone()).collect();
        lines.push(Line::styled(format!("{}.", tally(&changes)), theme.muted));
    }
    if let Some(outcome) = &plan.outcome {
        lines.push(Line::raw(""));
        lines.extend(outcome_lines(outcome, theme));
    }
    if let Some(error) = &plan.error {
        lines.push(Line::styled(
            format!("Not applied: {}", error.message),
            theme.field_error,
        ));
    }
    let room = usize::from(rest.height);
    let scroll = (cursor_line + 1).saturating_sub(room);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), rest);
}

fn key(app: &App, context: Context, action: Action) -> String {
    app.keymap
        .keys(context, action)
        .first()
        .map_or_else(|| "?".to_owned(), ToString::to_string)
}

fn head_lines<'a>(plan: &PlanView, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    if let Some((done, total)) = plan.control.progress() {
        let stop = if plan.control.stop_asked() {
            "stopping after the change on its way".to_owned()
        } else {
            format!(
                "{} stops after the change on its way",
                key(app, Context::Plan, Action::Stop)
            )
        };
        return vec![Line::from(vec![
            Span::styled(spinner(app.spinner_frame), theme.spinner),
            Span::styled(format!(" Applying {done}/{total}… "), theme.text),
            Span::styled(stop, theme.muted),
        ])];
    }
    let count = rows(app).len();
    let switch = if app.staging.on {
        "staging is on: changes are collected here"
    } else {
        "staging is off: changes are sent at once"
    };
    let first = format!("{count} staged change(s) · {switch}");
    let second = if count == 0 && app.staging.on {
        format!(
            "Role edits, adds, removals, settings and group changes made now wait here; {} stops staging",
            key(app, Context::Global, Action::Stage)
        )
    } else if count == 0 {
        format!(
            "{} or :stage turns staging on: edits then wait here",
            key(app, Context::Global, Action::Stage)
        )
    } else {
        format!(
            "{} drops the change under the cursor · {} applies them all (asks once)",
            key(app, Context::Plan, Action::Drop),
            key(app, Context::Plan, Action::ApplyPlan)
        )
    };
    vec![
        Line::styled(first, theme.text),
        Line::styled(second, theme.muted),
    ]
}

/// How a run ended, exactly: what was applied, what stopped it, what was not applied.
pub fn outcome_lines<'a>(outcome: &RunOutcome, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    if !outcome.conflicts.is_empty() {
        lines.push(Line::styled(
            "Nothing was applied: the organization changed since, so nobody's change is overwritten:",
            theme.field_error,
        ));
        for (change, why) in &outcome.conflicts {
            lines.push(Line::styled(
                format!("  conflict: {}: {why}", change.describe()),
                theme.field_error,
            ));
        }
        return lines;
    }
    lines.push(Line::styled(
        format!("Last run: applied {}", outcome.applied.len()),
        theme.header,
    ));
    for change in &outcome.applied {
        lines.push(Line::styled(format!("  ✓ {}", change.line()), theme.text));
    }
    if let Some((change, why)) = &outcome.failed {
        lines.push(Line::styled(
            format!("  ✗ {}: {why}", change.line()),
            theme.field_error,
        ));
    }
    if outcome.cancelled {
        lines.push(Line::styled("  stopped as asked", theme.muted));
    }
    for change in &outcome.not_done {
        lines.push(Line::styled(
            format!("  not applied: {}", change.line()),
            theme.muted,
        ));
    }
    match (&outcome.entry, &outcome.journal_error) {
        (Some(id), _) => lines.push(Line::styled(format!("  journal #{id}"), theme.muted)),
        (None, Some(why)) => lines.push(Line::styled(
            format!("  not in the journal: {why}"),
            theme.field_error,
        )),
        _ => {}
    }
    lines
}
