//! Draws `:keys`: a line with the counts and the quick filter, the table of keys (stopped
//! keys dimmed, selected ones ticked), and the search line while a key is being looked for.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::actions::key_list::KeyFilter;
use crate::api::datetime::format_date;
use crate::tui::views::frame::loaded;
use crate::tui::views::list::draw_table;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{Column, Row};

use super::KeysView;

pub fn render(keys: &KeysView, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some((inner, book)) = loaded(
        frame,
        area,
        ("API keys", "API keys"),
        &keys.book,
        app,
        theme,
    ) else {
        return;
    };
    let [head, rows_area, search] = keys.list.layout(inner, 1);
    let rows = keys.rows(app);
    let mut head_spans = vec![
        Span::styled(format!("{} keys", book.keys.len()), theme.field_value),
        Span::styled(" · showing ", theme.muted),
        Span::styled(
            format!("{} ({})", keys.filter.label(), rows.len()),
            if keys.filter == KeyFilter::All {
                theme.text
            } else {
                theme.header
            },
        ),
    ];
    if !keys.marked.is_empty() {
        head_spans.push(Span::styled(
            format!(" · {} selected", keys.marked.len()),
            theme.header,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(head_spans)), head);
    // Columns that do not fit are hidden from the right: when a key was made matters least,
    // whether it works matters most, so its status is never cut.
    let columns = [
        Column::new("Name", 14, 24).grow(),
        Column::new("Status", 18, 18),
        Column::new("Workspace", 8, 22),
        Column::new("Owner", 8, 24),
        Column::new("Key", 11, 12),
        Column::new("Expires", 10, 10),
        Column::new("Last used", 10, 10),
        Column::new("Created", 10, 10),
    ];
    let never = || "never".to_owned();
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            let k = &r.key;
            let style = if r.status.works() {
                theme.text
            } else {
                theme.archived
            };
            let mut row = Row::new(
                vec![
                    k.name.clone().unwrap_or_else(|| "(unnamed)".into()),
                    r.status.label().to_owned(),
                    k.workspace_name.clone().unwrap_or_default(),
                    r.owner.clone(),
                    k.hidden_key.clone(),
                    k.expiration_date.map(format_date).unwrap_or_else(never),
                    k.last_used.map(format_date).unwrap_or_else(never),
                    k.created_at
                        .map(|t| format_date(t.date()))
                        .unwrap_or_default(),
                ],
                style,
            );
            row.marked = keys.marked.contains(&k.key_id);
            row
        })
        .collect();
    let table = keys.list.table(&columns, &table_rows, keys.selected(&rows));
    let empty = format!("No key is {}", keys.filter.label());
    draw_table(frame, rows_area, &table, &empty, theme);
    keys.list.search.render(frame, search, theme);
}
