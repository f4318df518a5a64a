//! Keys of the list panes: the organization switcher, the workspace list, the Members and
//! API keys tables, and their `/` filters.

use crossterm::event::KeyEvent;
use uuid::Uuid;

use ratatui::layout::Rect;

use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::filter::Filter;
use crate::tui::state::modal::Navigation;
use crate::tui::state::selection::Selection;
use crate::tui::state::{App, Focus, Modal};

use super::{dialogs, navigation, requests, text_input};
use crate::tui::view;

enum Move {
    By(isize),
    First,
    Last,
}

fn movement(action: Action, page: isize) -> Option<Move> {
    Some(match action {
        Action::Up => Move::By(-1),
        Action::Down => Move::By(1),
        Action::PageUp => Move::By(-page),
        Action::PageDown => Move::By(page),
        Action::Top => Move::First,
        Action::Bottom => Move::Last,
        _ => return None,
    })
}

/// The rows a list shows on the current screen: what a page key moves by, so that a page is
/// what one screen shows (the tables flip by whole pages).
fn page(app: &App, which: Which) -> isize {
    let (width, height) = app.screen;
    let areas = view::layout(Rect::new(0, 0, width, height), app.profiles.len());
    let org = app.org();
    let filter_line = |filter: &Filter| u16::from(filter.typing || filter.is_active());
    let rows = match which {
        // Inside the pane's border.
        Which::Workspaces => areas
            .workspaces
            .height
            .saturating_sub(2 + filter_line(&org.list_filter)),
        // Inside the border, under the tab bar and the table's header.
        Which::Members => {
            let filter = org
                .open_view()
                .map_or(0, |v| filter_line(&v.members_filter));
            areas.detail.height.saturating_sub(4 + filter)
        }
        Which::ApiKeys => areas.detail.height.saturating_sub(4),
    };
    isize::try_from(rows.max(1)).unwrap_or(1)
}

fn apply_move<K: PartialEq + Clone>(selection: &mut Selection<K>, ids: &[K], how: Move) {
    match how {
        Move::By(delta) => selection.step(ids, delta),
        Move::First => selection.first(ids),
        Move::Last => selection.last(ids),
    }
}

pub fn organizations(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let action = app.keymap.action(Context::List, key)?;
    let indexes: Vec<usize> = (0..app.profiles.len()).collect();
    let (width, height) = app.screen;
    let rows = view::layout(Rect::new(0, 0, width, height), app.profiles.len())
        .organizations
        .height
        .saturating_sub(2)
        .max(1);
    if let Some(how) = movement(action, isize::try_from(rows).unwrap_or(1)) {
        let mut selection = Selection::on(app.org_cursor);
        apply_move(&mut selection, &indexes, how);
        app.org_cursor = selection.current(&indexes).unwrap_or(app.current);
        return Some(Vec::new());
    }
    match action {
        Action::Open => {
            let target = app.org_cursor;
            Some(navigation::request(
                app,
                Navigation::SwitchOrganization(target),
            ))
        }
        _ => None,
    }
}

pub fn workspaces(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if app.org().list_filter.typing {
        return Some(filter_key(app, key, Which::Workspaces));
    }
    let action = app
        .keymap
        .action(Context::WorkspaceList, key)
        .or_else(|| app.keymap.action(Context::List, key))?;
    let ids = app.org().visible_workspace_ids();
    if let Some(how) = movement(action, page(app, Which::Workspaces)) {
        apply_move(&mut app.org_mut().list_cursor, &ids, how);
        return Some(Vec::new());
    }
    match action {
        Action::ToggleArchived => {
            let org = app.org_mut();
            org.show_archived = !org.show_archived;
            org.list_cursor = match (org.show_archived, org.open) {
                (false, Some(open)) => Selection::on(open),
                _ => Selection::default(),
            };
            Some(requests::ensure_archived(app))
        }
        Action::Open => {
            let id = app.org().list_cursor.current(&ids)?;
            Some(navigation::request(app, Navigation::OpenWorkspace(id)))
        }
        Action::Filter => {
            app.org_mut().list_filter.start();
            Some(Vec::new())
        }
        Action::Back if app.org().list_filter.is_active() => {
            app.org_mut().list_filter.clear();
            Some(Vec::new())
        }
        Action::NewWorkspace => Some(dialogs::open_create(app)),
        Action::ArchiveWorkspace => {
            let id = app.org().list_cursor.current(&ids);
            Some(dialogs::open_archive(app, id))
        }
        _ => None,
    }
}

pub fn members(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let open = app.org().open?;
    if app.org().views.get(&open)?.members_filter.typing {
        return Some(filter_key(app, key, Which::Members));
    }
    let action = app
        .keymap
        .action(Context::Members, key)
        .or_else(|| app.keymap.action(Context::List, key))?;
    let ids = ids(app, Which::Members);
    let rows = page(app, Which::Members);
    let view = app.org_mut().views.get_mut(&open)?;
    if let Some(how) = movement(action, rows) {
        apply_move(&mut view.members_cursor, &ids, how);
        return Some(Vec::new());
    }
    match action {
        Action::SortNext => {
            view.sort.column = view.sort.column.next();
            view.sort.descending = false;
        }
        Action::SortReverse => view.sort.descending = !view.sort.descending,
        Action::Filter => view.members_filter.start(),
        Action::Mark => {
            if let Some(id) = view.members_cursor.current(&ids) {
                if !view.marked.remove(&id) {
                    view.marked.insert(id);
                }
                view.members_cursor.step(&ids, 1);
            }
        }
        Action::MarkAll => {
            if ids.iter().all(|id| view.marked.contains(id)) {
                view.marked.retain(|id| !ids.contains(id));
            } else {
                view.marked.extend(ids);
            }
        }
        Action::Open => {
            let user = view.members_cursor.current(&ids)?;
            app.modals.push(Modal::Member { user, scroll: 0 });
        }
        Action::AddMembers => return Some(dialogs::open_add_members(app)),
        Action::EditRoles => return Some(dialogs::open_edit_roles(app)),
        Action::RemoveMembers => return Some(dialogs::open_remove(app)),
        Action::Back if view.members_filter.is_active() => view.members_filter.clear(),
        Action::Back if !view.marked.is_empty() => view.marked.clear(),
        Action::Back => app.focus = Focus::Workspaces,
        _ => return None,
    }
    Some(Vec::new())
}

pub fn api_keys(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let open = app.org().open?;
    let action = app.keymap.action(Context::List, key)?;
    let ids = ids(app, Which::ApiKeys);
    if let Some(how) = movement(action, page(app, Which::ApiKeys)) {
        let view = app.org_mut().views.get_mut(&open)?;
        apply_move(&mut view.keys_cursor, &ids, how);
        return Some(Vec::new());
    }
    match action {
        Action::Back => {
            app.focus = Focus::Workspaces;
            Some(Vec::new())
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Workspaces,
    Members,
    ApiKeys,
}

/// The ids of a list's rows in display order.
fn ids(app: &App, which: Which) -> Vec<Uuid> {
    let org = app.org();
    match which {
        Which::Workspaces => org.visible_workspace_ids(),
        Which::Members => org
            .open
            .map(|ws| org.visible_members(ws).iter().map(|r| r.user_id).collect())
            .unwrap_or_default(),
        Which::ApiKeys => org
            .open
            .map(|ws| org.keys_of(ws).iter().map(|k| k.key_id).collect())
            .unwrap_or_default(),
    }
}

fn parts(app: &mut App, which: Which) -> Option<(&mut Filter, &mut Selection<Uuid>)> {
    let org = app.org_mut();
    match which {
        Which::Workspaces => Some((&mut org.list_filter, &mut org.list_cursor)),
        Which::Members => {
            let view = org.open_view_mut()?;
            Some((&mut view.members_filter, &mut view.members_cursor))
        }
        Which::ApiKeys => None,
    }
}

/// A key while the user types a filter: editing keys change the text, Enter keeps it, Esc
/// clears it, and the arrows still move through the matching rows.
fn filter_key(app: &mut App, key: &KeyEvent, which: Which) -> Vec<Effect> {
    let action = app.keymap.action(Context::Filter, key);
    let ids = ids(app, which);
    let Some((filter, selection)) = parts(app, which) else {
        return Vec::new();
    };
    match action {
        Some(Action::Done) => filter.typing = false,
        Some(Action::Clear) => filter.clear(),
        Some(Action::Up) => selection.step(&ids, -1),
        Some(Action::Down) => selection.step(&ids, 1),
        _ => {
            if text_input::feed(&mut filter.input, key) == Some(true) {
                after_filter_change(app, which);
            }
        }
    }
    Vec::new()
}

/// Puts the cursor on the first row, the best match: a row that happened to be under the
/// cursor before is not what the admin searched for, and Enter must open what they found.
pub fn after_filter_change(app: &mut App, which: Which) {
    let ids = ids(app, which);
    if let Some((_, selection)) = parts(app, which) {
        *selection = Selection::default();
        selection.first(&ids);
    }
}
