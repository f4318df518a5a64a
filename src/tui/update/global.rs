//! Keys that work everywhere: quit, interrupt, help, pane focus, pickers, jump back, refresh.

use crate::tui::update::flash;
use tui_input::Input;

use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::state::modal::{Navigation, Picker};
use crate::tui::state::{App, FlashLevel, Modal};

use super::{dialogs, navigation, requests};
use crate::tui::state::dialogs::count_of;

pub fn act(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => navigation::request(app, Navigation::Quit),
        Action::Help => {
            app.modals.push(Modal::Help { scroll: 0 });
            Vec::new()
        }
        Action::NextPane => {
            app.focus = app.focus.step(1);
            Vec::new()
        }
        Action::PreviousPane => {
            app.focus = app.focus.step(-1);
            Vec::new()
        }
        Action::WorkspacePicker => {
            app.modals.push(Modal::WorkspacePicker(Picker::default()));
            Vec::new()
        }
        Action::OrganizationPicker => {
            app.modals
                .push(Modal::OrganizationPicker(Picker::default()));
            Vec::new()
        }
        Action::Messages => {
            // Opened at the newest message.
            app.modals.push(Modal::Messages { scroll: u16::MAX });
            Vec::new()
        }
        Action::CommandLine => {
            app.modals.push(Modal::CommandLine(Input::default()));
            Vec::new()
        }
        Action::JumpBack => match app.org().previous {
            Some(id) => navigation::request(app, Navigation::OpenWorkspace(id)),
            None => flash::info(app, "No previous workspace yet: open another one first"),
        },
        Action::Refresh => {
            let current = app.current;
            requests::load_organization(app, current)
        }
        _ => Vec::new(),
    }
}

/// ctrl-c: cancel whatever is running; a second ctrl-c in a row quits, as help says. With
/// nothing running the first one only says so, so a stray ctrl-c never ends the session.
pub fn interrupt(app: &mut App) -> Vec<Effect> {
    if app.interrupt_armed {
        return navigation::go(app, Navigation::Quit);
    }
    app.interrupt_armed = true;
    if app.in_flight.is_empty() {
        let again = app
            .keymap
            .describe_keys(crate::tui::keymap::Context::Global, Action::Interrupt);
        let text = if app.org().has_unsaved_changes() {
            format!("Nothing to cancel · {again} again quits without saving the settings")
        } else {
            format!("Nothing to cancel · {again} again quits")
        };
        return flash::info(app, text);
    }
    let ids: Vec<_> = app.in_flight.keys().copied().collect();
    let count = ids.len();
    let mut cancelled_save = false;
    for org in &mut app.orgs {
        org.abandon_loads();
        for view in org.views.values_mut() {
            if let Some(form) = view.form.as_mut()
                && form.saving.take().is_some()
            {
                form.after_save = None;
                cancelled_save = true;
            }
        }
    }
    let abandoned_change = dialogs::abandon(app);
    let mut effects = requests::forget(app, ids);
    let text = if abandoned_change {
        // The change may have happened: what the panes show is reloaded, so the next
        // attempt starts from what the server has.
        let current = app.current;
        effects.extend(requests::load_organization(app, current));
        "Stopped waiting; the change may already have been made: reloading · ctrl-c again quits"
            .to_owned()
    } else if cancelled_save {
        "Cancelled; the save may already have reached the server (ctrl-r reloads) · ctrl-c again quits".to_owned()
    } else {
        format!(
            "Cancelled {} · ctrl-c again quits",
            count_of(count, "request", "requests")
        )
    };
    effects.push(flash::show(app, FlashLevel::Info, text));
    effects
}
