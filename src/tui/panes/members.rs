//! The Members tab: who is in the workspace, with workspace and organization roles.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::state::members::MemberColumn;
use crate::tui::state::org::FoundWorkspace;
use crate::tui::state::{App, Focus, Remote, WorkspaceView};
use crate::tui::theme::Theme;
use crate::tui::widgets::table::{self, Column, Row};
use crate::tui::widgets::{frame, spinner};

use super::workspaces::render_filter;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    found: FoundWorkspace<'_>,
    view: &WorkspaceView,
    theme: &Theme,
) {
    let org = app.org();
    let (table_area, filter_area) = if view.members_filter.typing || view.members_filter.is_active()
    {
        let (top, bottom) = frame::split_bottom(area);
        (top, Some(bottom))
    } else {
        (area, None)
    };
    if let Some(filter_area) = filter_area {
        render_filter(frame, filter_area, &view.members_filter, theme);
    }
    let people = match &org.people.value {
        Remote::Loading => {
            let lines = frame::loading_line("members", spinner(app.spinner_frame), theme);
            return frame::placeholder(frame, table_area, lines);
        }
        Remote::Failed(err) => {
            return frame::placeholder(
                frame,
                table_area,
                frame::error_lines("members", err, app, theme),
            );
        }
        Remote::Loaded(people) => people,
    };
    let id = found.workspace.uuid;
    let rows = org.visible_members(id);
    if rows.is_empty() {
        let text = if people.count_in(id) == 0 && found.archived {
            // The server keeps an archived workspace's member count but no memberships.
            match found.workspace.members_count.filter(|n| *n > 0) {
                Some(n) => format!(
                    "Archived: its {n} member{} lost access when it was archived",
                    if n == 1 { "" } else { "s" }
                ),
                None => "Archived: nobody has access to it any more".to_owned(),
            }
        } else if people.count_in(id) == 0 {
            "No members in this workspace".to_owned()
        } else {
            format!(
                "No member matches \"{}\"",
                view.members_filter.text().trim()
            )
        };
        return frame::placeholder(frame, table_area, frame::empty_line(text, theme));
    }
    let columns: Vec<Column> = MemberColumn::ALL
        .iter()
        .map(|c| match c {
            MemberColumn::Name => Column::new(c.title(), 8, 32),
            MemberColumn::Email => Column::new(c.title(), 10, 40),
            _ => Column::new(c.title(), 9, 40),
        })
        .collect();
    let style = if found.archived {
        theme.archived
    } else {
        theme.text
    };
    let ids: Vec<_> = rows.iter().map(|r| r.user_id).collect();
    let selected = view.members.resolve(&ids);
    let shown = table::page(rows.len(), selected, table_area.height, true);
    let table_rows: Vec<Row> = rows[shown.clone()]
        .iter()
        .map(|r| {
            let mut row = Row::new(
                vec![
                    r.name.clone(),
                    r.email.clone(),
                    r.workspace_roles.join(", "),
                    r.org_roles.join(", "),
                ],
                style,
            );
            row.marked = view.marked.contains(&r.user_id);
            row
        })
        .collect();
    let sort_column = MemberColumn::ALL
        .iter()
        .position(|c| *c == view.sort.column)
        .unwrap_or(0);
    let arrow = if view.sort.descending { " ▼" } else { " ▲" };
    let table = table::Table {
        columns: &columns,
        rows: &table_rows,
        selected: selected.map(|s| s - shown.start),
        focused: app.focus == Focus::Detail,
        title_suffix: Some((sort_column, arrow)),
        header: true,
    };
    table::render(frame, table_area, &table, theme);
}
