//! Draws `:vibe`: the window's totals, messages and active people per bucket as sparklines,
//! then the tabs and the table of the tab chosen.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Sparkline};
use time::OffsetDateTime;

use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::list::{Positions, draw_table};
use crate::tui::views::numbers::{compact, grouped};
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{Column, Row, Table};

use super::{Activity, Tab, Vibe};

pub fn render(vibe: &Vibe, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let title = format!(
        "Vibe · last {} days · by {}",
        vibe.days(),
        vibe.granularity()
    );
    let inner = body(frame, area, &title, theme);
    if unless_loaded(frame, inner, "Vibe activity", &vibe.activity, app, theme) {
        return;
    }
    let Remote::Loaded(activity) = &vibe.activity else {
        return;
    };
    // Two lines, so the totals are read whole on a narrow terminal.
    let [summary, charts, tabs, rows] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Percentage(30),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(summary_line(activity, theme)).wrap(ratatui::widgets::Wrap { trim: true }),
        summary,
    );
    let [messages, people] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)])
        .spacing(2)
        .areas(charts);
    let series = |pick: fn(&(Option<OffsetDateTime>, i64, i64)) -> i64| -> Vec<u64> {
        activity
            .series
            .iter()
            .map(|b| u64::try_from(pick(b)).unwrap_or(0))
            .collect()
    };
    let by = vibe.granularity();
    sparkline(
        frame,
        messages,
        &format!("Messages per {by}"),
        &series(|b| b.1),
        theme,
    );
    sparkline(
        frame,
        people,
        &format!("Active people per {by}"),
        &series(|b| b.2),
        theme,
    );
    frame.render_widget(Paragraph::new(tab_line(vibe, activity, theme)), tabs);
    render_table(vibe, activity, frame, rows, theme);
}

fn summary_line<'a>(activity: &Activity, theme: &Theme) -> Line<'a> {
    let messages: i64 = activity.users.iter().map(|u| u.messages).sum();
    Line::from(vec![
        Span::styled(
            format!("{} active people", activity.users.len()),
            theme.text,
        ),
        Span::styled(format!(" · {} messages", grouped(messages)), theme.text),
        Span::styled(
            format!(
                " · Vibe Code: {} sessions, {} tokens",
                grouped(activity.sessions),
                compact(activity.tokens as f64)
            ),
            theme.text,
        ),
        Span::styled(
            format!(" · {} idle seats", activity.idle_seats.len()),
            theme.muted,
        ),
    ])
}

fn sparkline(frame: &mut Frame, area: Rect, title: &str, data: &[u64], theme: &Theme) {
    let top = data.iter().max().copied().unwrap_or(0);
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::styled(
            format!("{title} · top {}", grouped(top as i64)),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(Sparkline::default().data(data).style(theme.text), inner);
}

fn tab_line<'a>(vibe: &Vibe, activity: &Activity, theme: &Theme) -> Line<'a> {
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let count = match tab {
            Tab::People => activity.users.len(),
            Tab::Agents => activity.agents.len(),
            Tab::Workspaces => activity.workspaces.len(),
            Tab::IdleSeats => activity.idle_seats.len(),
        };
        let text = format!("{} ({count})", tab.title());
        if tab == vibe.tab {
            spans.push(Span::styled(format!("[{text}]"), theme.tab_active));
        } else {
            spans.push(Span::styled(format!(" {text} "), theme.tab_inactive));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

fn day(at: OffsetDateTime) -> String {
    format!("{}-{:02}-{:02}", at.year(), u8::from(at.month()), at.day())
}

fn render_table(vibe: &Vibe, activity: &Activity, frame: &mut Frame, area: Rect, theme: &Theme) {
    let n = |v: i64| grouped(v);
    let (columns, rows, empty): (Vec<Column>, Vec<Vec<String>>, &str) = match vibe.tab {
        Tab::People => (
            vec![
                Column::new("Name", 10, 30).grow(),
                Column::new("Email", 10, 48),
                Column::new("Messages", 8, 10).right(),
                Column::new("Chats", 5, 8).right(),
                Column::new("Agents", 6, 8).right(),
                Column::new("Last", 10, 10),
            ],
            activity
                .users
                .iter()
                .map(|u| {
                    vec![
                        u.name.clone(),
                        u.email.clone(),
                        n(u.messages),
                        n(u.conversations),
                        n(u.agents),
                        day(u.last),
                    ]
                })
                .collect(),
            "No one used Vibe Work in this window",
        ),
        Tab::Agents => (
            vec![
                Column::new("Agent", 10, 40).grow(),
                Column::new("Messages", 8, 10).right(),
                Column::new("People", 6, 8).right(),
                Column::new("Last", 10, 10),
            ],
            activity
                .agents
                .iter()
                .map(|a| vec![a.agent.clone(), n(a.messages), n(a.users), day(a.last)])
                .collect(),
            "No agent was used in this window",
        ),
        Tab::Workspaces => (
            vec![
                Column::new("Workspace", 10, 40).grow(),
                Column::new("Sessions", 8, 10).right(),
                Column::new("Prompts", 7, 10).right(),
                Column::new("Tokens", 6, 14).right(),
            ],
            activity
                .workspaces
                .iter()
                .map(|w| vec![w.name.clone(), n(w.sessions), n(w.prompts), n(w.tokens)])
                .collect(),
            "No Vibe Code activity in this window",
        ),
        Tab::IdleSeats => (
            vec![
                Column::new("Name", 10, 30).grow(),
                Column::new("Email", 10, 48),
                Column::new("Seats", 5, 24),
            ],
            activity
                .idle_seats
                .iter()
                .map(|s| vec![s.name.clone(), s.email.clone(), s.seats.join(", ")])
                .collect(),
            "Every Vibe Work seat holder was active in this window",
        ),
    };
    let rows: Vec<Row> = rows.into_iter().map(|r| Row::new(r, theme.text)).collect();
    let table = Table {
        columns: &columns,
        rows: &rows,
        selected: vibe.list.selected(&Positions(rows.len())),
        focused: true,
        title_suffix: None,
        header: true,
    };
    draw_table(frame, area, &table, empty, theme);
}
