//! The `:` commands: `ws NAME`, `org NAME`, `stage`, `messages`, `quit`, `help`, and one per
//! organization view (`usage`, `limits`, ...).

use crate::domain::text::fold;
use crate::tui::dialogs::command_line::commands;
use crate::tui::dialogs::picker::Picker;
use crate::tui::dialogs::reader::Reader;
use crate::tui::effect::Effect;
use crate::tui::state::{App, Navigation, picking};

use super::{flash, navigation};

/// Runs a `:` command: `ws NAME`, `org NAME`, `quit`, `help`, or a view's.
pub fn run(app: &mut App, text: &str) -> Vec<Effect> {
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
        "stage" => super::staging::command(app, argument),
        "q" | "quit" => navigation::request(app, Navigation::Quit),
        "help" => {
            app.dialogs.push(Box::new(Reader::help()));
            Vec::new()
        }
        "messages" | "m" => {
            app.dialogs.push(Box::new(Reader::messages()));
            Vec::new()
        }
        other => match crate::tui::views::find(other) {
            Some(view) => crate::tui::views::control::open(app, view),
            None => flash::error(
                app,
                format!("Unknown command \"{other}\" (try: {})", commands::names()),
            ),
        },
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
    app.dialogs
        .push(Box::new(Picker::workspaces_matching(argument)));
    flash::info(
        app,
        format!(
            "{} workspaces match \"{argument}\": choose one",
            choices.len()
        ),
    )
}
