//! The usage view's charts, drawn with ratatui's widgets: bars per workspace (beside the
//! month before when comparing), the months as bars with the spending limit as a line across
//! them, and a sparkline of the month's days.

use ratatui::layout::Direction;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Borders, Sparkline};

use crate::tui::views::numbers::{cents, compact, money};
use crate::tui::views::prelude::*;
use crate::tui::widgets::text::truncate;

use super::view::{ShownMonth, short_month, workspace_name};
use super::{Breakdown, HISTORY, Month, Usage, step};

/// Room for a workspace's name beside its bar.
const NAME_WIDTH: usize = 14;

fn framed<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(title, theme.title))
}

/// One bar per workspace, most spent first; the cursor's workspace stands out. When
/// comparing, each has the month before just under it.
pub fn workspaces(shown: ShownMonth, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let ShownMonth { usage, month } = shown;
    let before = usage.compare.then(|| usage.before());
    let title = match before {
        Some(_) => format!(
            "Per workspace · {} vs {}",
            short_month(month.key.1),
            short_month(step(month.key, -1).1)
        ),
        None => format!("Per workspace · {}", short_month(month.key.1)),
    };
    let block = framed(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let per_group = if before.is_some() { 3 } else { 1 };
    let fits = usize::from(inner.height) / per_group;
    let highlighted = (usage.breakdown == Breakdown::Workspaces).then_some(usage.position());
    let start = highlighted.map_or(0, |c| c - c % fits.max(1));
    let mut groups = Vec::new();
    for (index, (id, amount)) in month.by_workspace.iter().enumerate().skip(start).take(fits) {
        let style = if highlighted == Some(index) {
            theme.match_highlight
        } else {
            theme.text
        };
        let mut bars = vec![
            Bar::default()
                .value(cents(*amount))
                .label(Line::from(truncate(&workspace_name(app, *id), NAME_WIDTH)))
                .text_value(money(*amount))
                .style(style),
        ];
        if let Some(before) = before {
            let earlier = before.map_or(0.0, |m| {
                m.by_workspace
                    .iter()
                    .find(|(w, _)| w == id)
                    .map_or(0.0, |(_, a)| *a)
            });
            let label = match before {
                Some(_) => format!("  {}", short_month(step(month.key, -1).1)),
                None => "  …".to_owned(),
            };
            bars.push(
                Bar::default()
                    .value(cents(earlier))
                    .label(Line::from(label))
                    .text_value(money(earlier))
                    .style(theme.muted),
            );
        }
        groups.push(BarGroup::default().bars(&bars));
    }
    let chart = groups
        .into_iter()
        .fold(BarChart::default(), |chart, group| chart.data(group))
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .group_gap(u16::from(before.is_some()))
        .bar_style(theme.text)
        .value_style(theme.cursor);
    frame.render_widget(chart, inner);
}

/// The months up to the one shown, one bar each, with the monthly limit drawn across.
pub fn months(usage: &Usage, frame: &mut Frame, area: Rect, theme: &Theme) {
    let limit = match usage.limit {
        Remote::Loaded(Some(limit)) => Some(limit),
        _ => None,
    };
    let title = match limit {
        Some(limit) => format!("Months · ╌ limit {}", compact(limit)),
        None => "Months".to_owned(),
    };
    let block = framed(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let keys: Vec<_> = (1 - HISTORY..=0).map(|d| step(usage.month, d)).collect();
    let totals: Vec<f64> = keys
        .iter()
        .map(|k| match usage.months.get(k) {
            Some(Remote::Loaded(m)) => m.total,
            _ => 0.0,
        })
        .collect();
    let top = totals.iter().copied().fold(limit.unwrap_or(0.0), f64::max) * 1.15;
    let bars: Vec<Bar> = keys
        .iter()
        .zip(&totals)
        .map(|(key, total)| {
            let style = if *key == usage.month {
                theme.match_highlight
            } else {
                theme.text
            };
            Bar::default()
                .value(cents(*total))
                .label(Line::from(short_month(key.1)))
                .text_value(compact(*total))
                .style(style)
        })
        .collect();
    let gap = 1;
    let width = (inner.width.saturating_sub(gap * (HISTORY as u16 - 1)) / HISTORY as u16).max(1);
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(width)
        .bar_gap(gap)
        .max(cents(top).max(1))
        .bar_style(theme.text)
        .value_style(theme.cursor);
    frame.render_widget(chart, inner);
    if let Some(limit) = limit {
        limit_line(frame, inner, limit / top.max(f64::MIN_POSITIVE), theme);
    }
}

/// A dashed line across the bars at `share` of their height, over the empty cells only, so
/// the bars that pass it show through.
fn limit_line(frame: &mut Frame, area: Rect, share: f64, theme: &Theme) {
    // The last row holds the month names.
    let rows = area.height.saturating_sub(1);
    if rows == 0 {
        return;
    }
    let level = ((share * f64::from(rows)).round() as u16).clamp(1, rows);
    let y = area.y + rows - level;
    let buffer = frame.buffer_mut();
    for x in area.left()..area.right() {
        if let Some(cell) = buffer.cell_mut((x, y))
            && cell.symbol() == " "
        {
            cell.set_symbol("╌").set_style(theme.flash_error);
        }
    }
}

/// The month's days, one column each, as a sparkline.
pub fn days(month: &Month, frame: &mut Frame, area: Rect, theme: &Theme) {
    let busiest = month.daily.iter().copied().fold(0.0, f64::max);
    let title = format!(
        "Days of {} · top {}",
        short_month(month.key.1),
        money(busiest)
    );
    let block = framed(title, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let data: Vec<u64> = month.daily.iter().map(|d| cents(*d)).collect();
    frame.render_widget(Sparkline::default().data(&data).style(theme.text), inner);
}
