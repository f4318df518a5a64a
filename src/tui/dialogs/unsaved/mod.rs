//! "Unsaved changes": save, discard or stay, asked before a move that would leave the settings
//! form. Stay has the focus, so a stray Enter loses nothing.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, Navigation};
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::{After, Canvas, Dialog, Next};

const WIDTH: u16 = 56;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptButton {
    Save,
    Discard,
    Stay,
}

impl PromptButton {
    pub const ALL: [PromptButton; 3] = [Self::Save, Self::Discard, Self::Stay];

    pub fn label(self) -> &'static str {
        match self {
            Self::Save => "Save",
            Self::Discard => "Discard",
            Self::Stay => "Stay",
        }
    }

    fn step(self, delta: isize) -> Self {
        let i = Self::ALL.iter().position(|b| *b == self).unwrap_or(0) as isize;
        Self::ALL[(i + delta).rem_euclid(3) as usize]
    }
}

/// The prompt, with where the admin was going and the focused button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    pub then: Navigation,
    pub button: PromptButton,
}

impl Unsaved {
    pub fn new(then: Navigation) -> Self {
        Self {
            then,
            button: PromptButton::Stay,
        }
    }
}

impl Dialog for Unsaved {
    fn name(&self) -> &'static str {
        "unsaved changes"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Prompt)]
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        let chosen = match action {
            Action::Save => PromptButton::Save,
            Action::Discard => PromptButton::Discard,
            Action::Stay => PromptButton::Stay,
            Action::Press => self.button,
            Action::NextButton | Action::PreviousButton => {
                let delta = if action == Action::NextButton { 1 } else { -1 };
                self.button = self.button.step(delta);
                return Next::Stay;
            }
            _ => return Next::Stay,
        };
        match chosen {
            PromptButton::Stay => Next::Close,
            PromptButton::Discard => Next::Then(After::Discard(self.then)),
            PromptButton::Save => Next::Then(After::Save(self.then)),
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        render(frame, canvas.screen, app, self, theme)
    }
}

/// Draws the prompt; returns whether all of it fitted.
fn render(frame: &mut Frame, screen: Rect, app: &App, prompt: &Unsaved, theme: &Theme) -> bool {
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
