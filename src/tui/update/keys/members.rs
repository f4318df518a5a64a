//! Keys of the Members tab: move, sort, filter, select, a member's details, and the dialogs
//! that change members (refused, and not offered, where the workspace cannot change).

use uuid::Uuid;

use crate::actions;
use crate::tui::dialogs::add_members::AddMembers;
use crate::tui::dialogs::edit_roles::EditRoles;
use crate::tui::dialogs::reader::Reader;
use crate::tui::dialogs::remove_members;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer, Refusal};
use crate::tui::state::{App, Focus};
use crate::tui::update::dialogs;

use super::moves::{Which, apply_move, ids, is_move, movement, page};

pub const HANDLER: Handler = Handler::keys(offer, act);

fn offer(app: &App, action: Action) -> Offer {
    let changes_members = matches!(
        action,
        Action::AddMembers
            | Action::Mark
            | Action::MarkAll
            | Action::EditRoles
            | Action::RemoveMembers
    );
    if changes_members && let Some(reason) = app.workspace_refusal() {
        return Offer::unless(Some(reason));
    }
    // Acting on everyone, or on members the pages so far may not show, waits for the rest.
    if matches!(
        action,
        Action::AddMembers | Action::MarkAll | Action::EditRoles | Action::RemoveMembers
    ) && let Some(progress) = app.org().directory_progress()
    {
        return Offer::unless(Some(format!(
            "The organization's members are still loading: {}",
            progress.figure()
        )));
    }
    if action == Action::RemoveMembers
        && let Some(found) = app.org().open.and_then(|id| app.org().find_workspace(id))
        && let Some(reason) = actions::members::removal_refusal(found.workspace)
    {
        return Offer::Refuses(Refusal::Notice {
            title: "Members stay".into(),
            text: reason,
        });
    }
    match action {
        _ if is_move(action) || changes_members => Offer::Acts,
        Action::Open | Action::Back | Action::Filter | Action::SortNext | Action::SortReverse => {
            Offer::Acts
        }
        _ => Offer::Ignores,
    }
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let (Input::Action(action), Some(open)) = (input, app.org().open) else {
        return Vec::new();
    };
    let ids = ids(app, Which::Members);
    let rows = page(app, Which::Members);
    let Some(view) = app.org_mut().views.get_mut(&open) else {
        return Vec::new();
    };
    if let Some(how) = movement(action, rows) {
        apply_move(&mut view.members_cursor, &ids, how);
        return Vec::new();
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
                let shown: std::collections::HashSet<&Uuid> = ids.iter().collect();
                view.marked.retain(|id| !shown.contains(id));
            } else {
                view.marked.extend(ids.iter().copied());
            }
        }
        Action::Open => {
            if let Some(user) = view.members_cursor.current(&ids) {
                app.dialogs.push(Box::new(Reader::member(user)));
            }
        }
        Action::AddMembers => return dialogs::open(app, AddMembers::open(app)),
        Action::EditRoles => return dialogs::open(app, EditRoles::open(app)),
        Action::RemoveMembers => return dialogs::open(app, remove_members::open(app)),
        Action::Back if view.members_filter.is_active() => view.members_filter.clear(),
        Action::Back if !view.marked.is_empty() => view.marked.clear(),
        Action::Back => app.focus = Focus::Workspaces,
        _ => {}
    }
    Vec::new()
}
