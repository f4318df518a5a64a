//! Draws `:limits`: the shared requests per second, then the table of models, and the search
//! line while a model is being looked for.

use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::views::frame::loaded;
use crate::tui::views::list::draw_table;
use crate::tui::views::numbers::grouped;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{Column, Row, Table};

use super::RateLimits;

pub fn render(limits: &RateLimits, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some((inner, loaded)) = loaded(
        frame,
        area,
        ("Rate limits", "rate limits"),
        &limits.limits,
        app,
        theme,
    ) else {
        return;
    };
    let [head, rows_area, search] = limits.list.layout(inner, 2);
    let head_text = vec![
        Line::from(vec![
            Span::styled("Requests per second: ", theme.field_label),
            Span::styled(grouped(loaded.requests_per_second), theme.field_value),
            Span::styled("  (shared by every model)", theme.muted),
        ]),
        Line::styled(
            format!(
                "{} models · tokens per minute and per month",
                loaded.models.len()
            ),
            theme.muted,
        ),
    ];
    frame.render_widget(Paragraph::new(head_text), head);
    let columns = [
        Column::new("Model", 10, 40).grow(),
        Column::new("Tokens / minute", 10, 18).right(),
        Column::new("Tokens / month", 10, 20).right(),
    ];
    let rows: Vec<Row> = limits
        .rows()
        .iter()
        .map(|r| {
            Row::new(
                vec![
                    r.model.clone(),
                    grouped(r.tokens_per_minute),
                    grouped(r.tokens_per_month),
                ],
                theme.text,
            )
        })
        .collect();
    let arrow = if limits.reverse { " ↓" } else { " ↑" };
    let table = Table {
        title_suffix: Some((limits.sort.column(), arrow)),
        ..limits.list.table(&columns, &rows, limits.selected())
    };
    draw_table(frame, rows_area, &table, "No model has a rate limit", theme);
    limits.list.search.render(frame, search, theme);
}
