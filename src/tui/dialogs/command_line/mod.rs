//! The `:` command line, drawn over the hint line: enter runs what was typed, tab completes
//! it, esc closes it. While the command's word is typed, the commands it may be are listed
//! above the line, each with what it does.

pub mod commands;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::update::text_input;
use crate::tui::widgets::input;
use crate::tui::widgets::text::fit;

use super::{After, Canvas, Dialog, Next};

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

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match action {
            Action::Close => Next::Close,
            Action::Run => Next::Then(After::Command(self.text.value().to_owned())),
            Action::Complete => {
                if let Some(completed) = commands::complete(self.text.value()) {
                    self.text = tui_input::Input::new(completed);
                }
                Next::Stay
            }
            _ => Next::Stay,
        }
    }

    fn typed(&mut self, key: KeyEvent) {
        text_input::feed(&mut self.text, &key);
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.text, text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        render_list(frame, canvas, self.text.value(), theme);
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
        let text = format!("commands: {}", commands::names());
        frame.render_widget(Paragraph::new(Span::styled(text, theme.muted)), hint);
    }
    true
}

/// The commands that fit what is typed, just above the line, one per row with what it does.
fn render_list(frame: &mut Frame, canvas: Canvas, typed: &str, theme: &Theme) {
    let matches = commands::matching(typed);
    let room = canvas.bottom_line.y.saturating_sub(canvas.screen.y + 1);
    let rows = u16::try_from(matches.len()).unwrap_or(u16::MAX).min(room);
    if rows == 0 {
        return;
    }
    let area = Rect {
        y: canvas.bottom_line.y - rows,
        height: rows,
        ..canvas.bottom_line
    };
    frame.render_widget(Clear, area);
    let word_width = matches
        .iter()
        .map(|c| c.word.len() + c.argument.len() + 1)
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = matches
        .iter()
        .take(usize::from(rows))
        .map(|c| {
            let word = format!(" {} {}", c.word, c.argument);
            Line::from(vec![
                Span::styled(fit(&word, word_width + 2), theme.hint_key),
                Span::styled(format!("  {}", c.summary), theme.hint_text),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).style(theme.status_bar), area);
}
