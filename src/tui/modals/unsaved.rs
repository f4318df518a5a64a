//! "Unsaved changes": save, discard or stay. Stay has the focus.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::state::modal::{Navigation, PromptButton, UnsavedPrompt};
use crate::tui::theme::Theme;
use crate::tui::widgets::frame;

pub fn render(frame: &mut Frame, screen: Rect, app: &App, prompt: &UnsavedPrompt, theme: &Theme) {
    let area = frame::centered(screen, 56, 8);
    let inner = frame::dialog(frame, area, "Unsaved changes", theme);
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
        buttons.push(Span::styled(text, style));
        buttons.push(Span::raw(" "));
    }
    let lines = vec![
        Line::styled(
            format!("The settings of \"{name}\" have changes"),
            theme.text,
        ),
        Line::styled(
            format!("that are not saved. Save them before {going}?"),
            theme.text,
        ),
        Line::raw(""),
        Line::from(buttons),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: false }),
        inner,
    );
}
