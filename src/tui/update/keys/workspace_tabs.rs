//! Keys of the open workspace, whichever tab shows: switch tabs, open its audit trail, and
//! create or archive a workspace (refused in read-only mode).

use crate::actions::audit_trail::AuditFilter;
use crate::tui::dialogs::{archive, create_workspace::CreateWorkspace};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::{App, Tab};
use crate::tui::update::{dialogs, navigation};
use crate::tui::views::audit;

pub const HANDLER: Handler = Handler::keys(offer, act);

fn offer(app: &App, action: Action) -> Offer {
    match action {
        Action::NewWorkspace | Action::ArchiveWorkspace => Offer::unless(app.change_refusal()),
        Action::NextTab
        | Action::PreviousTab
        | Action::MembersTab
        | Action::SettingsTab
        | Action::ApiKeysTab
        | Action::Trail => Offer::Acts,
        _ => Offer::Ignores,
    }
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let (Input::Action(action), Some(view)) = (input, app.org().open_view()) else {
        return Vec::new();
    };
    let current = view.tab;
    let tab = match action {
        Action::NewWorkspace => {
            return dialogs::open(app, Ok(Box::new(CreateWorkspace::default())));
        }
        Action::ArchiveWorkspace => {
            let opened = archive::open(app, app.org().open);
            return dialogs::open(app, opened);
        }
        Action::Trail => match app.org().open {
            Some(workspace) => return audit::open_trail(app, AuditFilter::workspace(workspace)),
            None => return Vec::new(),
        },
        Action::NextTab => current.step(1),
        Action::PreviousTab => current.step(-1),
        Action::MembersTab => Tab::Members,
        Action::SettingsTab => Tab::Settings,
        Action::ApiKeysTab => Tab::ApiKeys,
        _ => return Vec::new(),
    };
    navigation::show_tab(app, tab)
}
