//! Draws `:usage`: a summary line (the month, its total, the limit), then the table beside the
//! bars per workspace, then the months with the limit line beside the days of the month.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use uuid::Uuid;

use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::list::draw_table;
use crate::tui::views::numbers::money;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{Column, Row, Table};

use super::{Breakdown, Month, Usage, charts};

/// The month on screen, loaded, and the view showing it (its breakdown, its cursor, its
/// limit, the month before when comparing): what the table, the summary and the bars draw.
#[derive(Clone, Copy)]
pub struct ShownMonth<'a> {
    pub usage: &'a Usage,
    pub month: &'a Month,
}

pub fn render(usage: &Usage, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let title = format!("Usage · {}", month_name(usage.month));
    let inner = body(frame, area, &title, theme);
    let loading = Remote::Loading;
    let shown = usage.months.get(&usage.month).unwrap_or(&loading);
    if unless_loaded(frame, inner, "usage", shown, app, theme) {
        return;
    }
    let Some(month) = usage.shown() else { return };
    let [summary, top, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Percentage(45),
    ])
    .areas(inner);
    let shown = ShownMonth { usage, month };
    frame.render_widget(Paragraph::new(summary_line(shown, theme)), summary);
    let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)])
        .spacing(2)
        .areas(top);
    render_table(shown, frame, left, app, theme);
    charts::workspaces(shown, frame, right, app, theme);
    let [months, days] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)])
        .spacing(2)
        .areas(bottom);
    charts::months(usage, frame, months, theme);
    charts::days(month, frame, days, theme);
}

fn summary_line<'a>(ShownMonth { usage, month }: ShownMonth, theme: &Theme) -> Line<'a> {
    let currency = &month.currency;
    let mut spans = vec![
        Span::styled(format!("{} ", month_name(usage.month)), theme.title),
        Span::styled(
            format!("total {} {currency}", money(month.total)),
            theme.text,
        ),
    ];
    let limit = match &usage.limit {
        Remote::Loaded(Some(limit)) => {
            let used = if *limit > 0.0 {
                format!(", {:.0}% used", month.total / limit * 100.0)
            } else {
                String::new()
            };
            format!(" · limit {} {currency}{used}", money(*limit))
        }
        Remote::Loaded(None) => " · no monthly limit".to_owned(),
        Remote::Loading => " · limit …".to_owned(),
        Remote::Failed(_) => " · limit unknown".to_owned(),
    };
    spans.push(Span::styled(limit, theme.muted));
    if usage.month != usage.this_month {
        spans.push(Span::styled(" · a past month", theme.muted));
    }
    Line::from(spans)
}

/// The table of the breakdown chosen: name, cost, share of the month.
fn render_table(shown: ShownMonth, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let ShownMonth { usage, month } = shown;
    let (title, entries): (&str, Vec<(String, f64)>) = match usage.breakdown {
        Breakdown::Workspaces => (
            "Workspace",
            month
                .by_workspace
                .iter()
                .map(|(id, amount)| (workspace_name(app, *id), *amount))
                .collect(),
        ),
        Breakdown::Models => ("Model", month.by_model.clone()),
    };
    let columns = [
        Column::new(title, 8, 40).grow(),
        Column::new(format!("Cost {}", month.currency), 8, 16).right(),
        Column::new("Share", 5, 6).right(),
    ];
    let rows: Vec<Row> = entries
        .iter()
        .map(|(name, amount)| {
            let share = if month.total > 0.0 {
                format!("{:.0}%", amount / month.total * 100.0)
            } else {
                "-".to_owned()
            };
            Row::new(vec![name.clone(), money(*amount), share], theme.text)
        })
        .collect();
    let table = Table {
        columns: &columns,
        rows: &rows,
        selected: Some(usage.position()),
        focused: true,
        title_suffix: None,
        header: true,
    };
    draw_table(frame, area, &table, "No usage this month", theme);
}

/// A workspace's name, or the start of its id when it is not listed (archived since).
pub fn workspace_name(app: &App, id: Uuid) -> String {
    app.org()
        .find_workspace(id)
        .map(|found| found.workspace.name.clone())
        .unwrap_or_else(|| format!("workspace {}", &id.to_string()[..8]))
}

pub fn month_name((year, month): (i32, u8)) -> String {
    format!("{} {year}", short_month(month))
}

pub fn short_month(month: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES[usize::from(month.clamp(1, 12) - 1)]
}
