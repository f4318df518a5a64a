//! Draws `:undo`: which entry would be taken back, its inverse as diff lines by section,
//! what cannot be undone and why, the conflicts that stop it, and how the last undo ended.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::actions::org_run::UndoPreview;
use crate::domain::org::sections::{grouped, tally};
use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::plan::view::{change_style, outcome_lines};
use crate::tui::views::prelude::*;
use crate::tui::widgets::spinner;

use super::Undo;

pub fn render(undo: &Undo, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "Undo", theme);
    if let Some((done, total)) = undo.control.progress() {
        let line = Line::from(vec![
            Span::styled(spinner(app.spinner_frame), theme.spinner),
            Span::styled(format!(" Undoing {done}/{total}…"), theme.text),
        ]);
        frame.render_widget(Paragraph::new(line), inner);
        return;
    }
    let [head, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
    let mut lines: Vec<Line> = Vec::new();
    if let Some(outcome) = &undo.outcome {
        lines.extend(outcome_lines(outcome, theme));
        lines.push(Line::raw(""));
    }
    if let Remote::Loaded(preview) = &undo.preview {
        lines.extend(preview_lines(preview, theme));
    }
    let key = app
        .keymap
        .keys(Context::Undo, Action::ApplyPlan)
        .first()
        .map_or_else(|| "?".to_owned(), ToString::to_string);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!("Takes back the journal's newest change set · {key} undoes it (asks first)"),
            theme.muted,
        )),
        head,
    );
    if unless_loaded(frame, rest, "the journal", &undo.preview, app, theme) {
        return;
    }
    let last = lines.len().saturating_sub(usize::from(rest.height));
    undo.last_scroll.set(last);
    let scroll = undo.scroll.min(last);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), rest);
}

fn preview_lines<'a>(preview: &UndoPreview, theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let Some(plan) = &preview.plan else {
        lines.push(Line::styled(
            "Nothing to undo: the journal holds no change set of this organization that can be taken back.",
            theme.text,
        ));
        return lines;
    };
    for (entry, why) in &plan.passed_over {
        lines.push(Line::styled(
            format!("#{} ({}) cannot be undone: {why}", entry.id, entry.summary),
            theme.muted,
        ));
    }
    lines.push(Line::styled(plan.heading(), theme.header));
    for (section, inside) in grouped(&plan.inverse, |c| c) {
        lines.push(Line::styled(format!("  {section}"), theme.text));
        for change in inside {
            lines.push(Line::styled(
                format!("    {}", change.line()),
                change_style(change, theme),
            ));
        }
    }
    lines.push(Line::styled(
        format!("  {}.", tally(&plan.inverse)),
        theme.muted,
    ));
    for (change, why) in &plan.irreversible {
        lines.push(Line::styled(
            format!("  cannot be undone: {}: {why}", change.describe()),
            theme.muted,
        ));
    }
    if !preview.conflicts.is_empty() {
        lines.push(Line::styled(
            format!(
                "The organization changed since #{}; nothing will be undone, so nobody's change is overwritten:",
                plan.entry.id
            ),
            theme.field_error,
        ));
        for (change, why) in &preview.conflicts {
            lines.push(Line::styled(
                format!("  conflict: {}: {why}", change.describe()),
                theme.field_error,
            ));
        }
    }
    lines
}
