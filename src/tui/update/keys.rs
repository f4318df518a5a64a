//! Where a key goes: while the "too small" notice shows, only quit and ctrl-c; otherwise ctrl-c
//! first, then the open dialog, then the focused pane, then the global bindings. Each handler
//! returns `None` when it did not use the key.

use crate::tui::update::flash;
use crossterm::event::{KeyEvent, KeyEventKind};

use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::modal::Navigation;
use crate::tui::state::{App, Focus, Modal, Tab};

use super::{dialogs, global, lists, modals, navigation, settings, text_input};

pub fn handle(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    if app.seen.too_small {
        return while_too_small(app, &key);
    }
    if app.keymap.action(Context::Global, &key) == Some(Action::Interrupt) {
        return global::interrupt(app);
    }
    app.interrupt_armed = false;
    if !app.modals.is_empty() {
        // A dialog takes every key: nothing underneath reacts while it is open.
        return modals::handle(app, &key).unwrap_or_default();
    }
    if let Some(effects) = focused_pane(app, &key) {
        return effects;
    }
    match app.keymap.action(Context::Global, &key) {
        Some(action) => global::act(app, action),
        None => Vec::new(),
    }
}

/// The notice hides everything, so no key may act on what it hides (a dialog's button, a
/// field being typed into): only quit, as the notice says, and ctrl-c, which cancels or quits.
/// With unsaved changes, quitting waits until the prompt that asks about them can be seen.
fn while_too_small(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    match app.keymap.action(Context::Global, key) {
        Some(Action::Interrupt) => global::interrupt(app),
        Some(Action::Quit) if !app.org().has_unsaved_changes() => {
            navigation::go(app, Navigation::Quit)
        }
        _ => {
            app.interrupt_armed = false;
            // Said on the notice, so a key that seems to do nothing is not taken for lag.
            flash::info(app, "That key does nothing until the terminal is larger")
        }
    }
}

fn focused_pane(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    match app.focus {
        Focus::Organizations => lists::organizations(app, key),
        Focus::Workspaces => lists::workspaces(app, key),
        Focus::Detail => {
            let tab = app.org().open_view()?.tab;
            let used = match tab {
                Tab::Members => lists::members(app, key),
                Tab::Settings => settings::handle(app, key),
                Tab::ApiKeys => lists::api_keys(app, key),
            };
            used.or_else(|| workspace_tabs(app, key))
        }
    }
}

fn workspace_tabs(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let current = app.org().open_view()?.tab;
    let tab = match app.keymap.action(Context::WorkspaceTabs, key)? {
        Action::NewWorkspace => return Some(dialogs::open_create(app)),
        Action::ArchiveWorkspace => {
            let open = app.org().open;
            return Some(dialogs::open_archive(app, open));
        }
        Action::NextTab => current.step(1),
        Action::PreviousTab => current.step(-1),
        Action::MembersTab => Tab::Members,
        Action::SettingsTab => Tab::Settings,
        Action::ApiKeysTab => Tab::ApiKeys,
        _ => return None,
    };
    Some(navigation::show_tab(app, tab))
}

/// Pasted text goes to whichever text field is taking keys; elsewhere it is ignored.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    if app.seen.too_small {
        // Nothing it would go into can be seen.
        return Vec::new();
    }
    if let Some(modal) = app.modals.last_mut() {
        match modal {
            Modal::WorkspacePicker(p) | Modal::OrganizationPicker(p) => {
                text_input::paste(&mut p.query, text);
                p.cursor = 0;
            }
            Modal::CommandLine(input) => {
                text_input::paste(input, text);
            }
            _ => dialogs::paste(app, text),
        }
        return Vec::new();
    }
    match app.focus {
        Focus::Workspaces if app.org().list_filter.typing => {
            text_input::paste(&mut app.org_mut().list_filter.input, text);
            lists::after_filter_change(app, lists::Which::Workspaces);
        }
        Focus::Detail => {
            let Some(view) = app.org_mut().open_view_mut() else {
                return Vec::new();
            };
            if view.tab == Tab::Members && view.members_filter.typing {
                text_input::paste(&mut view.members_filter.input, text);
                lists::after_filter_change(app, lists::Which::Members);
            } else if view.tab == Tab::Settings {
                settings::paste(app, text);
            }
        }
        _ => {}
    }
    Vec::new()
}
