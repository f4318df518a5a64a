//! The `:` command line, drawn over the hint line: enter runs what was typed, esc closes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::update::text_input;
use crate::tui::widgets::input;

use super::{After, Canvas, Dialog, Next};

/// The `:` commands as the user types them; the empty command line shows this list, and an
/// unknown command repeats it.
pub const COMMANDS: &str = "ws NAME, org NAME, messages, quit, help";

/// What is being typed after the `:`.
#[derive(Debug, Clone, Default)]
pub struct CommandLine {
    pub text: tui_input::Input,
}

impl Dialog for CommandLine {
    fn name(&self) -> &'static str {
        "command line"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Command), Layer::Text]
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        match input {
            Input::Action(Action::Close) => Next::Close,
            Input::Action(Action::Run) => Next::Then(After::Command(self.text.value().to_owned())),
            Input::Action(_) => Next::Stay,
            Input::Typed(key) => {
                text_input::feed(&mut self.text, &key);
                Next::Stay
            }
        }
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.text, text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        render(frame, canvas.bottom_line, &self.text, theme)
    }
}

/// Draws the command line; returns whether it had room to.
fn render(frame: &mut Frame, area: Rect, field: &tui_input::Input, theme: &Theme) -> bool {
    if area.width < 2 || area.height == 0 {
        return false;
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(Span::styled(":", theme.hint_key)), area);
    let rest = Rect {
        x: area.x + 1,
        width: area.width - 1,
        ..area
    };
    input::render(frame, rest, field, theme.field_editing, true);
    if field.value().is_empty() && rest.width > 2 {
        // Until something is typed, say what can be: the cursor keeps the first cell.
        let hint = Rect {
            x: rest.x + 1,
            width: rest.width - 1,
            ..rest
        };
        let text = format!("commands: {COMMANDS}");
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), hint);
    }
    true
}
