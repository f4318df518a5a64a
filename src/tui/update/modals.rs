//! Keys of the dialogs: the readers (help, messages, a member's details), the pickers, the
//! command line and the unsaved-changes prompt.

use crate::tui::update::flash;
use crossterm::event::KeyEvent;

use crate::domain::text::fold;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::modal::{COMMANDS, Navigation, Picker, PromptButton, UnsavedPrompt};
use crate::tui::state::{App, Modal, picking};

use super::{dialogs, guard, navigation, saving, settings, text_input};

/// Handles a key for the top dialog. `None` means the dialog had no use for it (it is
/// swallowed anyway: nothing under a dialog reacts).
pub fn handle(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    if let Some(effects) = dialogs::handle(app, key) {
        return Some(effects);
    }
    match app.modals.last()? {
        Modal::Help { .. } | Modal::Messages { .. } | Modal::Member { .. } => reader_key(app, key),
        Modal::WorkspacePicker(_) | Modal::OrganizationPicker(_) => picker_key(app, key),
        Modal::CommandLine(_) => command_key(app, key),
        Modal::Unsaved(_) => prompt_key(app, key),
        _ => None,
    }
}

/// The text readers scroll by a line or by a page (what one screen shows) and close.
fn reader_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    use crate::tui::modals::{help, member, messages};
    use crate::tui::widgets::reader;
    let action = app.keymap.action(Context::Help, key)?;
    let theme = crate::tui::theme::Theme::default();
    let (width, count) = match app.modals.last()? {
        Modal::Help { .. } => (help::WIDTH, help::lines(app, app.screen.0, &theme).len()),
        Modal::Messages { .. } => (
            messages::WIDTH,
            messages::lines(app, app.screen.0, &theme).len(),
        ),
        Modal::Member { user, .. } => (
            member::WIDTH,
            member::lines(app, *user, app.screen.0, &theme).len(),
        ),
        _ => return None,
    };
    let last = reader::max_scroll(app.screen, width, count);
    let page = reader::page(app.screen, width, count);
    let (Modal::Help { scroll } | Modal::Messages { scroll } | Modal::Member { scroll, .. }) =
        app.modals.last_mut()?
    else {
        return None;
    };
    // The log opens at its end; from there, up moves from what shows.
    let at = (*scroll).min(last);
    let page = page.max(1);
    match action {
        Action::Close => {
            app.modals.pop();
        }
        Action::Up => *scroll = at.saturating_sub(1),
        Action::Down => *scroll = (at + 1).min(last),
        Action::PageUp => *scroll = at.saturating_sub(page),
        Action::PageDown => *scroll = at.saturating_add(page).min(last),
        _ => return None,
    }
    Some(Vec::new())
}

fn picker_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let action = app.keymap.action(Context::Picker, key);
    let (query, is_workspace) = match app.modals.last()? {
        Modal::WorkspacePicker(p) => (p.query.value().to_owned(), true),
        Modal::OrganizationPicker(p) => (p.query.value().to_owned(), false),
        _ => return None,
    };
    let count = if is_workspace {
        picking::workspaces(app, &query).len()
    } else {
        picking::organizations(app, &query).len()
    };
    let picker = match app.modals.last_mut()? {
        Modal::WorkspacePicker(p) | Modal::OrganizationPicker(p) => p,
        _ => return None,
    };
    match action {
        Some(Action::Up) => picker.cursor = picker.cursor.saturating_sub(1),
        Some(Action::Down) => picker.cursor = (picker.cursor + 1).min(count.saturating_sub(1)),
        Some(Action::Close) => {
            app.modals.pop();
        }
        Some(Action::Choose) => {
            // As drawn: a list that shrank under the cursor shows it on the last entry.
            let cursor = picker.cursor.min(count.saturating_sub(1));
            app.modals.pop();
            let target = if is_workspace {
                picking::workspaces(app, &query)
                    .get(cursor)
                    .map(|c| Navigation::OpenWorkspace(c.id))
            } else {
                picking::organizations(app, &query)
                    .get(cursor)
                    .map(|c| Navigation::SwitchOrganization(c.index))
            };
            return Some(match target {
                Some(to) => navigation::request(app, to),
                None => flash::info(app, "Nothing matches"),
            });
        }
        _ => {
            if text_input::feed(&mut picker.query, key) == Some(true) {
                picker.cursor = 0;
            }
        }
    }
    Some(Vec::new())
}

fn command_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let action = app.keymap.action(Context::Command, key);
    let Some(Modal::CommandLine(input)) = app.modals.last_mut() else {
        return None;
    };
    match action {
        Some(Action::Close) => {
            app.modals.pop();
        }
        Some(Action::Run) => {
            let text = input.value().to_owned();
            app.modals.pop();
            return Some(run_command(app, &text));
        }
        _ => {
            text_input::feed(input, key);
        }
    }
    Some(Vec::new())
}

/// Runs a `:` command: `ws NAME`, `org NAME`, `quit`, `help`.
pub fn run_command(app: &mut App, text: &str) -> Vec<Effect> {
    let text = text.trim();
    let (command, argument) = text.split_once(char::is_whitespace).unwrap_or((text, ""));
    let argument = argument.trim();
    match command {
        "" => Vec::new(),
        "ws" | "workspace" => open_named_workspace(app, argument),
        "org" | "organization" => {
            let choices = picking::organizations(app, argument);
            match choices.first() {
                Some(choice) if !argument.is_empty() => {
                    let index = choice.index;
                    navigation::request(app, Navigation::SwitchOrganization(index))
                }
                _ if argument.is_empty() => flash::error(app, "Usage: org NAME"),
                _ => flash::error(app, format!("No organization matches \"{argument}\"")),
            }
        }
        "q" | "quit" => navigation::request(app, Navigation::Quit),
        "help" => {
            app.modals.push(Modal::Help { scroll: 0 });
            Vec::new()
        }
        "messages" | "m" => {
            app.modals.push(Modal::Messages { scroll: u16::MAX });
            Vec::new()
        }
        other => flash::error(
            app,
            format!("Unknown command \"{other}\" (try: {COMMANDS})"),
        ),
    }
}

/// `:ws NAME` opens the workspace NAME means: the one with that name, else the only one whose
/// name contains it, else the only fuzzy match. When several fit, none is picked silently: the
/// workspace picker opens with NAME typed, listing them.
fn open_named_workspace(app: &mut App, argument: &str) -> Vec<Effect> {
    if argument.is_empty() {
        return flash::error(app, "Usage: ws NAME");
    }
    let choices = picking::workspaces(app, argument);
    let wanted = fold(argument);
    let exact: Vec<_> = choices.iter().filter(|c| fold(&c.name) == wanted).collect();
    let containing: Vec<_> = choices
        .iter()
        .filter(|c| fold(&c.name).contains(&wanted))
        .collect();
    let only = match (exact.as_slice(), containing.as_slice(), choices.as_slice()) {
        ([one], _, _) | ([], [one], _) => Some(one.id),
        ([], [], [one]) => Some(one.id),
        _ => None,
    };
    if let Some(id) = only {
        return navigation::request(app, Navigation::OpenWorkspace(id));
    }
    if choices.is_empty() {
        return flash::error(app, format!("No workspace matches \"{argument}\""));
    }
    app.modals.push(Modal::WorkspacePicker(Picker {
        query: argument.into(),
        cursor: 0,
    }));
    flash::info(
        app,
        format!(
            "{} workspaces match \"{argument}\": choose one",
            choices.len()
        ),
    )
}

fn prompt_key(app: &mut App, key: &KeyEvent) -> Option<Vec<Effect>> {
    let action = app.keymap.action(Context::Prompt, key)?;
    let Some(Modal::Unsaved(prompt)) = app.modals.last_mut() else {
        return None;
    };
    let step = |prompt: &mut UnsavedPrompt, delta: isize| {
        let i = PromptButton::ALL
            .iter()
            .position(|b| *b == prompt.button)
            .unwrap_or(0) as isize;
        prompt.button = PromptButton::ALL[(i + delta).rem_euclid(3) as usize];
    };
    let chosen = match action {
        Action::Save => PromptButton::Save,
        Action::Discard => PromptButton::Discard,
        Action::Stay => PromptButton::Stay,
        Action::Press => prompt.button,
        Action::NextButton => {
            step(prompt, 1);
            return Some(Vec::new());
        }
        Action::PreviousButton => {
            step(prompt, -1);
            return Some(Vec::new());
        }
        _ => return None,
    };
    let then = prompt.then;
    if chosen == PromptButton::Save
        && let Some(reason) = guard::unseen(app)
    {
        return Some(flash::error(app, reason));
    }
    app.modals.pop();
    Some(match chosen {
        PromptButton::Stay => Vec::new(),
        PromptButton::Discard => {
            let discarded = app.org().open;
            if let Some(form) = app.org_mut().open_view_mut().and_then(|v| v.form.as_mut()) {
                form.discard();
            }
            let profile = app.current;
            let mut effects = navigation::go(app, then);
            // The form shows the server's values when the admin comes back, not stale ones.
            if let Some(workspace) = discarded
                && then != Navigation::Quit
            {
                effects.extend(settings::reload_form(app, profile, workspace));
            }
            effects
        }
        // The changes may have been saved (or undone) while the prompt was open.
        PromptButton::Save if !app.org().has_unsaved_changes() => navigation::go(app, then),
        PromptButton::Save => saving::save(app, Some(then)),
    })
}
