//! "Unsaved changes": save, discard or stay. Stay has the focus.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::state::modal::{Navigation, PromptButton, UnsavedPrompt};
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

const WIDTH: u16 = 56;

/// Draws the prompt; returns whether all of it fitted.
pub fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    prompt: &UnsavedPrompt,
    theme: &Theme,
) -> bool {
    let org = app.org();
    let name = org
        .open
        .and_then(|id| org.find_workspace(id))
        .map(|f| f.workspace.name.clone())
        .unwrap_or_default();
    let going = match prompt.then {
        Navigation::OpenWorkspace(_) => "opening another workspace",
        Navigation::SwitchOrganization(_) => "switching organization",
        Navigation::Quit => "quitting",
    };
    let mut buttons = Vec::new();
    for button in PromptButton::ALL {
        let action = match button {
            PromptButton::Save => Action::Save,
            PromptButton::Discard => Action::Discard,
            PromptButton::Stay => Action::Stay,
        };
        let key = app
            .keymap
            .keys(Context::Prompt, action)
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        let focused = button == prompt.button;
        let (text, style) = if focused {
            (
                format!("▶ {} ({key}) ◀", button.label()),
                theme.button_focused,
            )
        } else {
            (format!("  {} ({key})  ", button.label()), theme.button)
        };
        if !buttons.is_empty() {
            buttons.push(Span::raw(" "));
        }
        buttons.push(Span::styled(text, style));
    }
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    body.wrapped(
        &format!(
            "The settings of \"{name}\" have changes that are not saved. Save them before {going}?"
        ),
        theme.text,
    );
    body.blank();
    body.push(Line::from(buttons).alignment(Alignment::Center));
    dialog::show(frame, screen, WIDTH, "Unsaved changes", body, theme)
}
