//! The workspace list: icon, name and member count; active or archived; `/` filter.

use std::borrow::Cow;
use std::fmt::Write;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::api::WorkspaceOut;
use crate::tui::state::filter::Filter;
use crate::tui::state::{App, Focus, Remote};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, Column, Row};
use crate::tui::widgets::text::width;
use crate::tui::widgets::{frame, input, spinner};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let org = app.org();
    let focused = app.focus == Focus::Workspaces;
    let kind = if org.show_archived {
        "Archived"
    } else {
        "Workspaces"
    };
    // Without a filter the rows are the list as it is: a frame collects nothing per workspace.
    let all = org.listed().get().map_or(&[][..], Vec::as_slice);
    let filtered = org
        .list_filter
        .is_active()
        .then(|| org.visible_workspaces());
    let count = filtered.as_ref().map_or(all.len(), Vec::len);
    let row_at = |i: usize| match &filtered {
        Some(rows) => rows[i],
        None => &all[i],
    };
    let title = match org.listed().get() {
        Some(all) if org.list_filter.is_active() => {
            format!(" {kind} ({count}/{}) ", all.len())
        }
        Some(all) => format!(" {kind} ({}) ", all.len()),
        None => format!(" {kind} "),
    };
    let title = match org.listed().stale {
        Some(_) => format!("{title}· stale "),
        None => title,
    };
    let inner = frame::pane(frame, area, Line::from(title), focused, theme);

    let list_area = with_filter_line(frame, inner, &org.list_filter, theme);

    let spin = spinner(app.spinner_frame);
    match &org.listed().value {
        Remote::Loading => frame::placeholder(
            frame,
            list_area,
            frame::loading_line("workspaces", spin, theme),
        ),
        Remote::Failed(err) => frame::placeholder(
            frame,
            list_area,
            frame::error_lines("workspaces", err, app, theme),
        ),
        Remote::Loaded(all) if all.is_empty() => {
            let text = if org.show_archived {
                "No archived workspaces"
            } else {
                "No workspaces yet"
            };
            frame::placeholder(frame, list_area, frame::empty_line(text, theme));
        }
        Remote::Loaded(_) if count == 0 => {
            let text = format!("Nothing matches \"{}\"", org.list_filter.text().trim());
            frame::placeholder(frame, list_area, frame::empty_line(text, theme));
        }
        Remote::Loaded(_) => {
            let style = if org.show_archived {
                theme.archived
            } else {
                theme.text
            };
            let selected = org
                .list_cursor
                .resolve_by(count, |i, id| row_at(i).uuid == *id);
            let shown = table::page(count, selected, list_area.height, false);
            let page: Vec<&WorkspaceOut> = shown.clone().map(row_at).collect();
            // The page's counts written into one string, each cell a slice of it.
            let mut digits = String::new();
            let spans: Vec<Range<usize>> = (org.member_counts(&page).into_iter())
                .map(|count| {
                    let start = digits.len();
                    match count {
                        Some(n) => {
                            let _ = write!(digits, "{n}");
                        }
                        None => digits.push('…'),
                    }
                    start..digits.len()
                })
                .collect();
            let count_of = |span: &Range<usize>| &digits[span.clone()];
            let count_width = spans.iter().map(|s| width(count_of(s))).max().unwrap_or(1);
            let columns = [
                Column::new("", 2, 2),
                Column::new("", 6, 80).grow(),
                // As wide as the widest count on the page, so a count is never cut.
                Column::new("", count_width, count_width).right(),
            ];
            let table_rows: Vec<Row> = page
                .iter()
                .zip(&spans)
                .map(|(ws, span)| {
                    let icon = Cow::Borrowed(ws.icon.as_deref().unwrap_or_default());
                    let cells = [
                        icon,
                        Cow::Borrowed(ws.name.as_str()),
                        Cow::Borrowed(count_of(span)),
                    ];
                    let mut row = Row::new(cells, style);
                    if org.open == Some(ws.uuid) {
                        row.marker = "● ";
                    }
                    row
                })
                .collect();
            let table = table::Table {
                columns: &columns,
                rows: &table_rows,
                selected: selected.map(|s| s - shown.start),
                focused,
                title_suffix: None,
                header: false,
            };
            table::render(frame, list_area, &table, theme);
        }
    }
}

/// The filter strip at the bottom of a list: "/ text", with the cursor while typing.
/// Splits the filter's line off the foot of `area` while it is typed or in use, and draws it
/// there; gives back the room left above it.
pub fn with_filter_line(frame: &mut Frame, area: Rect, filter: &Filter, theme: &Theme) -> Rect {
    if !(filter.typing || filter.is_active()) {
        return area;
    }
    let (rest, line) = frame::split_bottom(area);
    render_filter(frame, line, filter, theme);
    rest
}

fn render_filter(frame: &mut Frame, area: Rect, filter: &Filter, theme: &Theme) {
    let prompt = "/ ";
    let style = if filter.typing {
        theme.field_editing
    } else {
        theme.field_focused
    };
    frame.render_widget(Paragraph::new(Span::styled(prompt, theme.hint_key)), area);
    let offset = width(prompt) as u16;
    let field = Rect {
        x: area.x + offset.min(area.width),
        width: area.width.saturating_sub(offset),
        ..area
    };
    input::render(frame, field, &filter.input, style, filter.typing);
}
