//! Keys that work everywhere: quit, interrupt, help, pane focus, pickers, jump back, refresh.

use crate::actions::outcome::count_of;
use crate::tui::dialogs::Dialog;
use crate::tui::dialogs::command_line::CommandLine;
use crate::tui::dialogs::picker::{Picker, Target};
use crate::tui::dialogs::reader::Reader;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::{App, FlashLevel, Navigation};
use crate::tui::update::{dialogs, flash, navigation, requests};

pub const HANDLER: Handler = Handler::keys(offer, act);

/// Everything but ctrl-c, which is looked at before anything else (see `keys::handle`).
fn offer(_app: &App, action: Action) -> Offer {
    if action == Action::Interrupt {
        Offer::Ignores
    } else {
        Offer::Acts
    }
}

/// The global keys that work over an open dialog (after its own keys and text field):
/// turning staging on or off, so a change refused under STAGED (or one to stage) goes on from
/// the dialog, with everything typed in it kept, its next confirm obeying the new mode; and
/// the message log, so a message the status line cut is read whole, as the cut says, and Esc
/// comes back to the dialog as it was.
pub const OVER_DIALOGS: Handler = Handler::keys(
    |_, action| Offer::acts_if(matches!(action, Action::Stage | Action::Messages)),
    act,
);

fn open(app: &mut App, dialog: impl Dialog + 'static) -> Vec<Effect> {
    app.dialogs.push(Box::new(dialog));
    Vec::new()
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let Input::Action(action) = input else {
        return Vec::new();
    };
    match action {
        Action::Quit => navigation::request(app, Navigation::Quit),
        Action::Help => open(app, Reader::help()),
        Action::NextPane => {
            app.focus = app.focus.step(1);
            Vec::new()
        }
        Action::PreviousPane => {
            app.focus = app.focus.step(-1);
            Vec::new()
        }
        Action::WorkspacePicker => open(app, Picker::new(Target::Workspaces)),
        Action::OrganizationPicker => open(app, Picker::new(Target::Organizations)),
        Action::Messages => open(app, Reader::messages()),
        Action::CommandLine => open(app, CommandLine::default()),
        Action::JumpBack => match app.org().previous {
            Some(id) => navigation::request(app, Navigation::OpenWorkspace(id)),
            None => flash::info(app, "No previous workspace yet: open another one first"),
        },
        Action::Stage => crate::tui::update::staging::toggle(app),
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
    let ids = app.cancellable();
    if ids.is_empty() {
        let again = app
            .keymap
            .describe_keys(crate::tui::keymap::Context::Global, Action::Interrupt);
        // A change asked to stop is still finishing its request: say so, rather than
        // "nothing" beside a spinner that still turns.
        let quits = if app.org().has_unsaved_changes() {
            format!("{again} again quits without saving the settings")
        } else {
            format!("{again} again quits")
        };
        let nothing = match app.in_flight.values().find(|request| request.stopping) {
            Some(finishing) => {
                format!("Stopping after the request on its way: {}", finishing.label)
            }
            // A message still shown (most often the outcome of the change that has just
            // finished, which the ctrl-c came too late to stop) is what the admin needs to
            // read: it stays, with the warning that a second ctrl-c quits after it.
            None => match flash::beside_shown(app, &quits) {
                Some(kept) => return vec![kept],
                None => "Nothing to cancel".to_owned(),
            },
        };
        return flash::info(app, format!("{nothing} · {quits}"));
    }
    let count = ids.len();
    // Reads a change's outcome waits for, torn down now: their outcome is said after all.
    let final_words: Vec<String> = (ids.iter())
        .filter_map(|id| app.in_flight.get(id))
        .filter(|request| !request.finishes)
        .filter_map(|request| request.told_if_cancelled.clone())
        .collect();
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
    let in_view = crate::tui::views::control::abandon(app);
    let abandoned_change = dialogs::abandon(app) | in_view.change;
    let mut effects = requests::forget(app, ids);
    let text = if let Some(what) = in_view.finishing.filter(|_| !abandoned_change) {
        // Sent, it cannot be called back: the view follows what it started.
        format!(
            "The request to {what} is on its way and cannot be called back: its outcome is shown when it answers · ctrl-c again quits"
        )
    } else if in_view.run && !abandoned_change {
        // The run answers once its change on its way is done, and the view takes it.
        "Stopping after the change on its way; what was applied is journaled · ctrl-c again quits"
            .to_owned()
    } else if abandoned_change {
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
    for words in final_words {
        effects.push(flash::show(app, FlashLevel::Info, words));
    }
    effects
}
