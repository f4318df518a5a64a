//! Draws `:people`: the tab line, one screen of the table (cells are made for the rows shown
//! only), the detail pane of a member, and the line of a running change or of the search.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use uuid::Uuid;

use crate::tui::views::frame::{body, unless_loaded};
use crate::tui::views::list::draw_table;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{self, Column, Row, Table};
use crate::tui::widgets::text::truncate;

use super::rows::{INVITE_COLUMNS, MEMBER_COLUMNS};
use super::{Detail, People};

pub fn render(people: &People, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let inner = body(frame, area, "People", theme);
    if unless_loaded(frame, inner, "people", &people.data, app, theme) {
        return;
    }
    let foot = people.list.search.shown() || people.run.as_ref().is_some_and(|r| r.running());
    let detail_height = if people.detail.is_some() {
        (inner.height / 2).max(6)
    } else {
        0
    };
    let [tabs, rows_area, detail, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_height),
        Constraint::Length(u16::from(foot)),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(tab_line(people, theme)), tabs);
    if people.invites() {
        invite_table(people, frame, rows_area, theme);
    } else {
        member_table(people, frame, rows_area, theme);
    }
    if let Some(d) = &people.detail {
        detail_pane(people, d, frame, detail, app, theme);
    }
    if foot {
        foot_line(people, frame, foot_area, app, theme);
    }
}

fn tab_line(people: &People, theme: &Theme) -> Line<'static> {
    let t = &people.tables;
    let expired = t.expired;
    let (on, off) = (theme.tab_active, theme.tab_inactive);
    let members = format!("Members ({})", t.members.len());
    let invites = format!("Invitations ({}, {expired} expired)", t.invites.len());
    let (m, i) = if people.invites() {
        (
            Span::styled(format!(" {members} "), off),
            Span::styled(format!("[{invites}]"), on),
        )
    } else {
        (
            Span::styled(format!("[{members}]"), on),
            Span::styled(format!(" {invites} "), off),
        )
    };
    let mut spans = vec![m, Span::raw(" "), i];
    if !people.marked.is_empty() {
        spans.push(Span::styled(
            format!("  {} selected", people.marked.len()),
            theme.field_label,
        ));
    }
    Line::from(spans)
}

fn date(at: time::OffsetDateTime) -> String {
    at.date().to_string()
}

fn member_table(people: &People, frame: &mut Frame, area: Rect, theme: &Theme) {
    let t = &people.tables;
    let columns = [
        Column::new(MEMBER_COLUMNS[0], 8, 28).grow(),
        Column::new(MEMBER_COLUMNS[1], 10, 34),
        Column::new(MEMBER_COLUMNS[2], 9, 34),
        Column::new(MEMBER_COLUMNS[3], 2, 3).right(),
        Column::new(MEMBER_COLUMNS[4], 5, 12),
        Column::new(MEMBER_COLUMNS[5], 10, 10),
    ];
    let row = |i: usize| {
        let m = &t.members[i];
        let cells = vec![
            m.name.to_string(),
            m.email.to_string(),
            m.roles.to_string(),
            m.workspaces.to_string(),
            m.seats.to_string(),
            date(m.joined),
        ];
        (m.id, Row::new(cells, theme.text))
    };
    let tab = Tab {
        columns: &columns,
        order: &t.member_order,
        empty: "Nobody is a member",
    };
    draw(people, frame, area, tab, row, theme);
}

fn invite_table(people: &People, frame: &mut Frame, area: Rect, theme: &Theme) {
    let t = &people.tables;
    let columns = [
        Column::new(INVITE_COLUMNS[0], 10, 40).grow(),
        Column::new(INVITE_COLUMNS[1], 9, 30),
        Column::new(INVITE_COLUMNS[2], 10, 30),
        Column::new(INVITE_COLUMNS[3], 10, 10),
        Column::new(INVITE_COLUMNS[4], 10, 18),
    ];
    let row = |i: usize| {
        let v = &t.invites[i];
        let expires = if v.expired {
            format!("{} expired", date(v.expires))
        } else {
            date(v.expires)
        };
        let style = if v.expired { theme.muted } else { theme.text };
        let cells = vec![
            v.email.clone(),
            v.roles.clone(),
            v.inviter.clone(),
            date(v.sent),
            expires,
        ];
        (v.id, Row::new(cells, style))
    };
    let tab = Tab {
        columns: &columns,
        order: &t.invite_order,
        empty: "No invitation is pending",
    };
    draw(people, frame, area, tab, row, theme);
}

/// One tab's table: its columns, its rows' order, and what shows when it has none.
struct Tab<'a> {
    columns: &'a [Column],
    order: &'a [usize],
    empty: &'a str,
}

/// Draws the screen of `tab` the cursor is on: cells are made for those rows only.
fn draw<'r>(
    people: &People,
    frame: &mut Frame,
    area: Rect,
    tab: Tab,
    row: impl Fn(usize) -> (uuid::Uuid, Row<'r>),
    theme: &Theme,
) {
    let selected = people.list.selected(&people.shown_rows());
    let shown = table::page(tab.order.len(), selected, area.height, true);
    let rows: Vec<Row> = tab.order[shown.clone()]
        .iter()
        .map(|&i| {
            let (id, mut row) = row(i);
            row.marked = people.marked.contains(&id);
            row
        })
        .collect();
    let arrow = if people.reverse { " ▼" } else { " ▲" };
    let table = Table {
        title_suffix: Some((people.sort % tab.columns.len(), arrow)),
        ..people
            .list
            .table(tab.columns, &rows, selected.map(|s| s - shown.start))
    };
    draw_table(frame, area, &table, tab.empty, theme);
}

/// The workspaces a member belongs to, with their roles there: `(workspace name, roles)`,
/// read from the people the console keeps for the member pane (one person's few entries, so
/// drawing them costs nothing and they follow every change the console makes). `None` while
/// that directory is still paging in and has not reached them.
pub(super) fn workspaces(user: Uuid, people: &People, app: &App) -> Option<Vec<(String, String)>> {
    let org = app.org();
    let names = people.held().map(|held| &held.workspace_names);
    let directory = org.directory()?;
    let Some(person) = directory.person(user) else {
        return org.directory_progress().is_none().then(Vec::new);
    };
    let mut held: Vec<(String, String)> = person
        .memberships
        .iter()
        .map(|(ws, roles)| {
            // The console's workspace list first: a rename saved after this view loaded is
            // there, not in the names the load gave. The detail pane then names a workspace
            // as the workspace pane does; a rename made elsewhere shows in both on refresh.
            let name = (org.find_workspace(*ws).map(|f| f.workspace.name.clone()))
                .or_else(|| names.and_then(|n| n.get(ws)).cloned())
                .unwrap_or_else(|| ws.to_string());
            (name, roles.join(", "))
        })
        .collect();
    held.sort();
    Some(held)
}

fn detail_pane(
    people: &People,
    d: &Detail,
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) {
    let width = usize::from(area.width);
    let mut lines = vec![Line::styled(
        truncate(&format!("── {} ", d.name), width),
        theme.header,
    )];
    let section = |title: String, items: Vec<String>, lines: &mut Vec<Line<'static>>| {
        lines.push(Line::styled(truncate(&title, width), theme.field_label));
        for item in items {
            lines.push(Line::styled(
                truncate(&format!("  {item}"), width),
                theme.text,
            ));
        }
    };
    match workspaces(d.user, people, app) {
        Some(held) => section(
            format!("Workspaces ({})", held.len()),
            held.iter()
                .map(|(name, roles)| format!("{name}: {roles}"))
                .collect(),
            &mut lines,
        ),
        None => section(
            format!(
                "Workspaces {}",
                crate::tui::widgets::spinner(app.spinner_frame)
            ),
            Vec::new(),
            &mut lines,
        ),
    }
    section(
        format!("API keys ({})", d.keys.len()),
        d.keys.clone(),
        &mut lines,
    );
    match &d.audit {
        Remote::Loaded(entries) => section(
            format!("Latest audit entries ({})", entries.len()),
            entries
                .iter()
                .map(|e| {
                    let target = e
                        .target_metadata
                        .get("email")
                        .or_else(|| e.target_metadata.get("name"))
                        .cloned()
                        .unwrap_or_default();
                    format!("{} {} {target}", e.created_at.date(), e.event_type)
                })
                .collect(),
            &mut lines,
        ),
        Remote::Loading => section(
            format!(
                "Latest audit entries {}",
                crate::tui::widgets::spinner(app.spinner_frame)
            ),
            Vec::new(),
            &mut lines,
        ),
        Remote::Failed(e) => section(
            format!("Latest audit entries: {}", e.message),
            Vec::new(),
            &mut lines,
        ),
    }
    frame.render_widget(Paragraph::new(lines), area);
}

fn foot_line(people: &People, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if let Some(run) = people.run.as_ref().filter(|r| r.running()) {
        let text = if run.stopping {
            format!("{} · stopping after the request on its way", run.progress())
        } else {
            let stop = app.keymap.describe_keys(Context::People, Action::StopRun);
            format!(
                "{} · {stop} stops after the request on its way",
                run.progress()
            )
        };
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(&text, usize::from(area.width)),
                theme.field_label,
            )),
            area,
        );
        return;
    }
    people.list.search.render(frame, area, theme);
}
