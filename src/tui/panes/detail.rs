//! The open workspace: its title, the tab bar, and the tab's content.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::state::org::FoundWorkspace;
use uuid::Uuid;

use crate::tui::state::{App, Focus, Remote, Tab, WorkspaceView};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::wide_emoji;
use crate::tui::widgets::{cells, frame, spinner};

use super::{api_keys, members, settings};

/// What a tab of the open workspace is drawn from.
#[derive(Clone, Copy)]
pub struct OpenTab<'a> {
    pub app: &'a App,
    pub found: FoundWorkspace<'a>,
    pub view: &'a WorkspaceView,
    pub theme: &'a Theme,
}

/// Draws the open workspace; returns its id when its settings form was drawn whole.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> Option<Uuid> {
    let org = app.org();
    let focused = app.focus == Focus::Detail;
    let found = org.open.and_then(|id| org.find_workspace(id));
    let view = org.open_view();
    let (Some(found), Some(view)) = (found, view) else {
        let inner = frame::pane(frame, area, Line::from(" Workspace "), focused, theme);
        let lines = match &org.workspaces.value {
            Remote::Loading => frame::loading_line("workspaces", spinner(app.spinner_frame), theme),
            Remote::Failed(err) => frame::error_lines("workspaces", err, app, theme),
            Remote::Loaded(list) if list.is_empty() => {
                frame::empty_line("This organization has no workspaces", theme)
            }
            Remote::Loaded(_) if org.open.is_some() => frame::empty_line(
                "This workspace is no longer listed (it may have been archived)",
                theme,
            ),
            Remote::Loaded(_) => frame::empty_line("Choose a workspace (enter, or ctrl-p)", theme),
        };
        frame::placeholder(frame, inner, lines);
        return None;
    };
    let inner = frame::pane(frame, area, title(found), focused, theme);
    if inner.height == 0 {
        return None;
    }
    let tabs_area = Rect { height: 1, ..inner };
    let body = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let tab = OpenTab {
        app,
        found,
        view,
        theme,
    };
    render_tabs(frame, tabs_area, tab);
    match view.tab {
        Tab::Members => members::render(frame, body, tab),
        Tab::Settings => {
            let whole = settings::render(frame, body, app, view, theme);
            return whole.then_some(found.workspace.uuid);
        }
        Tab::ApiKeys => api_keys::render(frame, body, tab),
    }
    None
}

fn title(found: FoundWorkspace<'_>) -> Line<'static> {
    let ws = found.workspace;
    let mut text = String::from(" ");
    if let Some(icon) = ws.icon.as_deref().filter(|i| !i.is_empty()) {
        text.push_str(icon);
        text.push(' ');
    }
    text.push_str(&ws.name);
    if ws.is_default {
        text.push_str(" (default)");
    }
    if found.archived {
        text.push_str(" [archived, read-only]");
    }
    text.push(' ');
    Line::from(wide_emoji(&text).into_owned())
}

fn render_tabs(frame: &mut Frame, area: Rect, tab: OpenTab<'_>) {
    let (app, found, view, theme) = (tab.app, tab.found, tab.view, tab.theme);
    let org = app.org();
    let mut spans = Vec::new();
    for tab in Tab::ALL {
        let count = match tab {
            Tab::Members => org.directory().map(|p| p.count_in(found.workspace.uuid)),
            Tab::ApiKeys => org
                .api_keys
                .get()
                .map(|_| org.keys_of(found.workspace.uuid).len()),
            Tab::Settings => None,
        };
        let mut label = tab.title().to_owned();
        let marked = match tab {
            Tab::Members => view.marked.len(),
            _ => 0,
        };
        if let Some(n) = count {
            let mut parts = vec![n.to_string()];
            if tab == Tab::Members && view.members_filter.is_active() {
                let shown = org.shown_members(found.workspace.uuid).len();
                parts[0] = format!("{shown} of {n}");
            }
            // Not everyone has arrived: the count is of those who have.
            if tab == Tab::Members && org.directory_progress().is_some() {
                parts[0].push_str(" so far");
            }
            if marked > 0 {
                let hidden = crate::tui::state::members::marked_hidden(org, found.workspace.uuid);
                parts.push(match hidden {
                    0 => format!("{marked} selected"),
                    _ => format!("{marked} selected, {hidden} hidden"),
                });
            }
            label.push_str(&format!(" ({})", parts.join(", ")));
        }
        if tab == Tab::Settings && view.is_dirty() {
            label.push_str(" *");
        }
        let active = tab == view.tab;
        let (text, style) = if active {
            (format!("[{label}]"), theme.tab_active)
        } else {
            (format!(" {label} "), theme.tab_inactive)
        };
        spans.push(Span::styled(text, style));
        spans.push(Span::raw(" "));
    }
    cells::one_line(
        frame.buffer_mut(),
        area,
        Line::from(spans),
        Style::default(),
    );
}
