//! Draws `:spend`: the limit, what was spent against it and whether it is reached, then each
//! workspace's cap.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::actions::spend::current_limit;
use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::numbers::{grouped, money};
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{self, Column, Row, Table};

use super::SpendView;

pub fn render(spend: &SpendView, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "Spending", theme);
    if unless_loaded(frame, inner, "spending limit", &spend.spending, app, theme) {
        return;
    }
    let Remote::Loaded(spending) = &spend.spending else {
        return;
    };
    let [head, rows_area] =
        Layout::vertical([Constraint::Length(5), Constraint::Fill(1)]).areas(inner);
    let limits = &spending.limits.limits;
    let currency = &limits.currency;
    let completion = &limits.completion;
    let limit_text = match current_limit(&spending.limits) {
        Some(amount) => format!("{} {currency} a month", grouped(amount)),
        None => "no monthly limit".to_owned(),
    };
    let spent = completion.total_usage.or(completion.usage);
    let (reached, reached_style) = if completion.monthly_limit_reached {
        (
            "reached: requests are refused until next month",
            theme.field_error,
        )
    } else {
        ("not reached", theme.flash_success)
    };
    let set = app.keymap.describe_keys(Context::Spend, Action::SetLimit);
    let lines = vec![
        Line::from(vec![
            Span::styled("Monthly limit: ", theme.field_label),
            Span::styled(limit_text, theme.field_value),
        ]),
        Line::from(vec![
            Span::styled("Spent this month: ", theme.field_label),
            Span::styled(
                spent.map_or_else(
                    || "unknown".to_owned(),
                    |s| format!("{} {currency}", money(s)),
                ),
                theme.field_value,
            ),
        ]),
        Line::from(vec![
            Span::styled("Limit: ", theme.field_label),
            Span::styled(reached, reached_style),
        ]),
        Line::styled(
            format!("{set} sets the limit or removes it · workspace caps below"),
            theme.muted,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), head);
    let columns = [
        Column::new("Workspace", 10, 40).grow(),
        Column::new("Spending cap", 12, 24).right(),
    ];
    let rows: Vec<Row> = spending
        .workspaces
        .iter()
        .map(|w| {
            let cap = match &w.spend_limit {
                Some(cap) if cap.no_monthly_limit == Some(true) => "no cap".to_owned(),
                Some(cap) => cap.value.map_or_else(
                    || "no cap".to_owned(),
                    |v| {
                        format!(
                            "{} {}",
                            money(v),
                            cap.currency.as_deref().unwrap_or(currency)
                        )
                    },
                ),
                None => "not provided".to_owned(),
            };
            Row::new(vec![w.name.clone(), cap], theme.text)
        })
        .collect();
    let table = Table {
        columns: &columns,
        rows: &rows,
        selected: None,
        focused: true,
        title_suffix: None,
        header: true,
    };
    table::render(frame, rows_area, &table, theme);
}
