//! Draws `:audit`: a line with the filter, the count loaded and whether it follows; the
//! entries (time, actor, action, target); the detail pane with the entry under the cursor
//! whole; and the search line while an entry is being looked for.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::actions::audit_trail::{row, shown_time};
use crate::api::AuditLogOut;
use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::list::draw_table;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{Column, Row};

use super::AuditView;

pub fn render(audit: &AuditView, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "Audit log", theme);
    if unless_loaded(frame, inner, "audit log", &audit.entries, app, theme) {
        return;
    }
    let names = match &audit.names {
        Remote::Loaded(names) => names.clone(),
        _ => Default::default(),
    };
    let detail_height = if audit.detail { inner.height / 2 } else { 0 };
    let [head, rows_area, detail, search] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
        Constraint::Length(u16::from(audit.list.search.shown())),
    ])
    .areas(inner);
    let rows = audit.rows(app.now);
    let mut spans = vec![
        Span::styled(audit.filter.describe(&names), theme.field_value),
        Span::styled(format!(" · {} shown", rows.len()), theme.muted),
    ];
    if audit.following {
        spans.push(Span::styled(" · following", theme.header));
    }
    if audit.loading_older {
        spans.push(Span::styled(" · loading older…", theme.muted));
    } else if audit.exhausted {
        spans.push(Span::styled(" · all loaded", theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), head);
    let columns = [
        Column::new("Time (UTC)", 19, 19),
        Column::new("Actor", 8, 28),
        Column::new("Action", 10, 34),
        Column::new("Target", 8, 40).grow(),
    ];
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|e| Row::new(row(e, &names).to_vec(), theme.text))
        .collect();
    let table = audit
        .list
        .table(&columns, &table_rows, audit.selected(&rows));
    draw_table(frame, rows_area, &table, "No entry in this trail", theme);
    if detail.height > 0
        && let Some(entry) = audit.selected(&rows).map(|at| rows[at])
    {
        let workspace = names.workspace(entry);
        let lines = detail_lines(entry, &row(entry, &names), workspace, theme);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail);
    }
    audit.list.search.render(frame, search, theme);
}

/// The entry whole: every field and every piece of metadata, one per line.
fn detail_lines(
    entry: &AuditLogOut,
    shown: &[String; 4],
    workspace_name: Option<String>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.field_label),
            Span::styled(value, theme.field_value),
        ])
    };
    let mut lines = vec![
        Line::styled("─ Entry ─", theme.muted),
        field("When", format!("{} UTC", shown_time(entry.created_at))),
        field("Actor", format!("{} ({})", shown[1], entry.actor_type)),
        field("Action", entry.event_type.clone()),
        field("Target", format!("{} ({})", shown[3], entry.target_type)),
        field("Log id", entry.log_id.to_string()),
    ];
    if let Some(workspace) = entry.workspace_uuid {
        let named = match workspace_name {
            Some(name) => format!("{name} ({workspace})"),
            None => workspace.to_string(),
        };
        lines.push(field("Workspace", named));
    }
    for (title, map) in [
        ("actor", &entry.actor_metadata),
        ("event", &entry.event_metadata),
        ("target", &entry.target_metadata),
    ] {
        for (key, value) in map {
            lines.push(field(&format!("{title}.{key}"), value.clone()));
        }
    }
    lines
}
