//! Keys of the workspace list: move, open, filter, show the archived ones, open a workspace's
//! audit trail, and create or archive a workspace (refused, and not offered, in read-only mode).

use crate::actions::audit_trail::AuditFilter;
use crate::tui::dialogs::{archive, create_workspace::CreateWorkspace};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::selection::Selection;
use crate::tui::state::{App, Navigation};
use crate::tui::update::{dialogs, navigation, requests};
use crate::tui::views::audit;

use super::moves::{Which, apply_move, ids, is_move, movement, page};

pub const HANDLER: Handler = Handler::keys(offer, act);

fn offer(app: &App, action: Action) -> Offer {
    match action {
        Action::NewWorkspace | Action::ArchiveWorkspace => Offer::unless(app.change_refusal()),
        Action::ToggleArchived | Action::Open | Action::Filter | Action::Trail => Offer::Acts,
        Action::Back if app.org().list_filter.is_active() => Offer::Acts,
        action if is_move(action) => Offer::Acts,
        _ => Offer::Ignores,
    }
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let Input::Action(action) = input else {
        return Vec::new();
    };
    let ids = ids(app, Which::Workspaces);
    if let Some(how) = movement(action, page(app, Which::Workspaces)) {
        apply_move(&mut app.org_mut().list_cursor, &ids, how);
        return Vec::new();
    }
    match action {
        Action::ToggleArchived => {
            let org = app.org_mut();
            org.show_archived = !org.show_archived;
            org.list_cursor = match (org.show_archived, org.open) {
                (false, Some(open)) => Selection::on(open),
                _ => Selection::default(),
            };
            requests::ensure_archived(app)
        }
        Action::Open => match app.org().list_cursor.current(&ids) {
            Some(id) => navigation::request(app, Navigation::OpenWorkspace(id)),
            None => Vec::new(),
        },
        Action::Filter => {
            app.org_mut().list_filter.start();
            Vec::new()
        }
        Action::Back => {
            app.org_mut().list_filter.clear();
            Vec::new()
        }
        Action::Trail => match app.org().list_cursor.current(&ids) {
            Some(workspace) => audit::open_trail(app, AuditFilter::workspace(workspace)),
            None => Vec::new(),
        },
        Action::NewWorkspace => dialogs::open(app, Ok(Box::new(CreateWorkspace::default()))),
        Action::ArchiveWorkspace => {
            let id = app.org().list_cursor.current(&ids);
            let opened = archive::open(app, id);
            dialogs::open(app, opened)
        }
        _ => Vec::new(),
    }
}
