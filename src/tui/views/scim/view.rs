//! Draws `:scim`: the run shown (dry or real, its status and times), then its summary as a
//! diff, scrolled with the arrows and page keys; before any run, what the keys do.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::views::frame::body;
use crate::tui::views::prelude::*;
use crate::tui::widgets::spinner;

use super::Scim;
use crate::actions::scim_diff::{DiffLine, lines};

pub fn render(scim: &Scim, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "Identity-provider sync (SCIM)", theme);
    let [head, rest] = Layout::vertical([Constraint::Length(3), Constraint::Fill(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(head_lines(scim, app, theme)).wrap(Wrap { trim: true }),
        head,
    );
    let Some(summary) = scim.run.as_ref().and_then(|r| r.summary.as_ref()) else {
        return;
    };
    let diff: Vec<Line> = lines(summary)
        .into_iter()
        .map(|line| match line {
            DiffLine::Heading(t) => Line::styled(t, theme.header),
            DiffLine::Added(t) => Line::styled(format!("  + {t}"), theme.text),
            DiffLine::Removed(t) => Line::styled(format!("  - {t}"), theme.field_error),
            DiffLine::Changed(t) => Line::styled(format!("  ~ {t}"), theme.text),
            DiffLine::Nothing(t) => Line::styled(t, theme.muted),
        })
        .collect();
    let shown = scim
        .diff
        .window(diff, usize::from(rest.height), theme.muted);
    frame.render_widget(Paragraph::new(shown), rest);
}

fn head_lines<'a>(scim: &Scim, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let key = |action| {
        app.keymap
            .keys(Context::Scim, action)
            .first()
            .map_or_else(|| "?".to_owned(), ToString::to_string)
    };
    let mut out = Vec::new();
    match &scim.run {
        None if scim.busy => out.push(Line::from(vec![
            Span::styled(spinner(app.spinner_frame), theme.spinner),
            Span::styled(" Starting a run…", theme.muted),
        ])),
        None => {
            out.push(Line::styled(
                "Compares the identity provider's people and groups with the organization.",
                theme.text,
            ));
            out.push(Line::styled(
                format!(
                    "{} starts a dry run: it shows what a sync would change, and changes nothing. {} then runs it for real, after a confirmation.",
                    key(Action::DryRun),
                    key(Action::RunSync)
                ),
                theme.muted,
            ));
        }
        Some(run) => {
            let kind = if run.dry_run { "Dry run" } else { "Sync" };
            let mut status = vec![
                Span::styled(format!("{kind} "), theme.title),
                Span::styled(run.run_id.to_string()[..8].to_owned(), theme.muted),
                Span::styled(format!(" · {}", run.status), theme.field_value),
            ];
            if scim.busy {
                status.push(Span::styled(
                    format!(" {}", spinner(app.spinner_frame)),
                    theme.spinner,
                ));
            }
            out.push(Line::from(status));
            if let Some(error) = &run.error_message {
                out.push(Line::styled(error.clone(), theme.field_error));
            } else if run.dry_run && run.status == "SUCCESS" {
                out.push(Line::styled(
                    format!(
                        "Nothing was changed. {} runs this for real.",
                        key(Action::RunSync)
                    ),
                    theme.muted,
                ));
            } else if !run.dry_run && run.status == "SUCCESS" {
                out.push(Line::styled(
                    "Applied: this is what the sync did.",
                    theme.muted,
                ));
            }
        }
    }
    if let Some(error) = &scim.error {
        out.push(Line::styled(error.message.clone(), theme.field_error));
    }
    out
}
