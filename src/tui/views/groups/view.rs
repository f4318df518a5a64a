//! Draws `:groups`: the tree of groups on the left (nested groups indented under theirs,
//! provider-owned ones marked with a lock), the group under the cursor on the right (its
//! organization role, where it is nested, its workspace assignments with their roles, its
//! members), and the search line while a group is being looked for.

use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::domain::OrgRole;
use crate::tui::views::frame::loaded;
use crate::tui::views::prelude::*;
use crate::tui::widgets::table::{self, Column, Row};
use crate::tui::widgets::text::{truncate, wrap};

use super::{GroupEntry, Groups, GroupsView};

/// The lock and why, beside what the identity provider owns.
pub const LOCKED: &str =
    "🔒 from the identity provider, which owns its name, members and existence: change those there";

pub fn render(view: &GroupsView, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some((inner, groups)) = loaded(frame, area, ("Groups", "groups"), &view.groups, app, theme)
    else {
        return;
    };
    let [_, main, search] = view.list.layout(inner, 0);
    if groups.entries.is_empty() {
        let text = "No groups yet. n creates one; groups from the identity provider arrive with a SCIM sync (:scim).";
        let lines: Vec<Line> = wrap(text, usize::from(main.width))
            .into_iter()
            .map(|l| Line::styled(l, theme.muted))
            .collect();
        frame.render_widget(Paragraph::new(lines), main);
        return;
    }
    let [left, _, right] = Layout::horizontal([
        Constraint::Percentage(42),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(main);
    tree(view, groups, frame, left, theme);
    if let Some(entry) = view.current() {
        details(entry, groups, frame, right, app, theme);
    }
    view.list.search.render(frame, search, theme);
}

fn tree(view: &GroupsView, groups: &Groups, frame: &mut Frame, area: Rect, theme: &Theme) {
    let columns = [
        Column::new("Group", 10, 60).grow(),
        Column::new("People", 6, 7).right(),
    ];
    let access = groups.access();
    let rows: Vec<Row> = view
        .rows()
        .iter()
        .filter_map(|r| {
            let entry = groups.get(r.group)?;
            let lead = if r.depth == 0 {
                String::new()
            } else {
                format!("{}└ ", "  ".repeat(r.depth - 1))
            };
            let lock = if entry.from_provider() { " 🔒" } else { "" };
            Some(Row::new(
                vec![
                    format!("{lead}{}{lock}", entry.group.name),
                    access.effective_members(r.group).len().to_string(),
                ],
                theme.text,
            ))
        })
        .collect();
    let table = view.list.table(&columns, &rows, view.selected());
    table::render(frame, area, &table, theme);
}

fn details(
    entry: &GroupEntry,
    groups: &Groups,
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
) {
    let room = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    let wrapped = |lines: &mut Vec<Line>, text: &str, style| {
        lines.extend(wrap(text, room).into_iter().map(|l| Line::styled(l, style)));
    };
    lines.push(Line::styled(
        truncate(&entry.group.name, room),
        theme.header,
    ));
    if entry.from_provider() {
        wrapped(&mut lines, LOCKED, theme.notice);
    }
    if let Some(description) = entry.group.description.as_deref().filter(|d| !d.is_empty()) {
        wrapped(&mut lines, description, theme.muted);
    }
    let field = |label: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{label}: "), theme.field_label),
            Span::styled(value, theme.field_value),
        ])
    };
    let role = entry.group.organization_role.as_deref().map_or_else(
        || "none".to_owned(),
        |r| OrgRole::parse_any(r).map_or(r.to_owned(), |o| o.name().to_owned()),
    );
    lines.push(field("Organization role", role));
    let parents: Vec<String> = entry
        .group
        .parent_group_ids
        .iter()
        .map(|p| groups.name_of(*p))
        .collect();
    let nested = if parents.is_empty() {
        "no group (top level)".to_owned()
    } else {
        parents.join(", ")
    };
    lines.push(field("Nested in", nested));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Workspaces ({})", entry.assignments.len()),
        theme.field_label,
    ));
    if entry.assignments.is_empty() {
        lines.push(Line::styled("  none: w assigns one", theme.muted));
    }
    for a in &entry.assignments {
        let roles: Vec<&str> = a.roles.iter().map(|r| r.name.as_str()).collect();
        lines.push(Line::styled(
            truncate(
                &format!("  {}  {}", a.workspace_name, roles.join(", ")),
                room,
            ),
            theme.text,
        ));
    }
    lines.push(Line::raw(""));
    let everyone = groups.access().effective_members(entry.group.uuid).len();
    let through = everyone.saturating_sub(entry.members.len());
    let mut heading = format!("Members ({} direct", entry.members.len());
    if through > 0 {
        heading.push_str(&format!(", {through} through nested groups"));
    }
    heading.push(')');
    lines.push(Line::styled(truncate(&heading, room), theme.field_label));
    let people = app.org().people.get();
    for m in &entry.members {
        let name = m
            .name
            .clone()
            .or_else(|| {
                people
                    .and_then(|p| p.person(m.user_uuid))
                    .map(|p| p.name.to_string())
            })
            .unwrap_or_else(|| m.user_uuid.to_string());
        let email = m.email.clone().unwrap_or_default();
        lines.push(Line::styled(
            truncate(&format!("  {name}  {email}"), room),
            theme.text,
        ));
    }
    let height = usize::from(area.height);
    if lines.len() > height {
        let hidden = lines.len() - height + 1;
        lines.truncate(height - 1);
        lines.push(Line::styled(
            format!("  … {hidden} more lines"),
            theme.muted,
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
