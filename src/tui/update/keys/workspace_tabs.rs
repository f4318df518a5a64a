//! Keys of the open workspace, whichever tab shows: switch tabs, and create or archive a
//! workspace (refused in read-only mode).

use crate::tui::dialogs::{archive, create_workspace::CreateWorkspace};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer, Refusal};
use crate::tui::state::{App, Tab};
use crate::tui::update::{dialogs, navigation};

use super::no_paste;

pub const HANDLER: Handler = Handler {
    offer,
    act,
    paste: no_paste,
};

fn offer(app: &App, action: Action) -> Offer {
    match action {
        Action::NewWorkspace | Action::ArchiveWorkspace => match app.change_refusal() {
            Some(reason) => Offer::Refuses(Refusal::Error(reason)),
            None => Offer::Acts,
        },
        Action::NextTab
        | Action::PreviousTab
        | Action::MembersTab
        | Action::SettingsTab
        | Action::ApiKeysTab => Offer::Acts,
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
        Action::NextTab => current.step(1),
        Action::PreviousTab => current.step(-1),
        Action::MembersTab => Tab::Members,
        Action::SettingsTab => Tab::Settings,
        Action::ApiKeysTab => Tab::ApiKeys,
        _ => return Vec::new(),
    };
    navigation::show_tab(app, tab)
}
