//! What the change dialogs draw alike: a body of lines built top to bottom (wrapped text,
//! one-line inputs with the terminal cursor), the row of buttons, and the line that says a
//! change is on its way or why the server refused it.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::text::{truncate, width, wrap};
use super::{frame, input, spinner};
use crate::tui::dialogs::{Button, Submission};
use crate::tui::state::ErrorKind;
use crate::tui::theme::Theme;

/// A dialog's lines, laid out for a known width, with where the terminal cursor goes.
pub struct Body {
    pub width: usize,
    pub lines: Vec<Line<'static>>,
    /// `(line, column)` of the cursor of the input being typed into.
    cursor: Option<(usize, usize)>,
}

impl Body {
    pub fn new(width: usize) -> Self {
        Self {
            width,
            lines: Vec::new(),
            cursor: None,
        }
    }

    pub fn push(&mut self, line: Line<'static>) {
        self.lines.push(line);
    }

    /// The line that says the change is on its way, or why the server refused it.
    pub fn submission(
        &mut self,
        submission: &Submission,
        sending: &str,
        spinner_frame: usize,
        theme: &Theme,
    ) {
        let lines = submission_lines(submission, sending, spinner_frame, self.width, theme);
        self.lines.extend(lines);
    }

    /// The lines of `other` after these, its input cursor with them.
    pub fn append(&mut self, other: Body) {
        if let Some((line, column)) = other.cursor {
            self.cursor = Some((self.lines.len() + line, column));
        }
        self.lines.extend(other.lines);
    }

    pub fn blank(&mut self) {
        self.lines.push(Line::raw(""));
    }

    /// Text wrapped to the dialog's width, every line in one style.
    pub fn wrapped(&mut self, text: &str, style: Style) {
        for line in wrap(text, self.width) {
            self.lines.push(Line::styled(line, style));
        }
    }

    /// Text wrapped after `indent`, its continuation lines indented further so that each
    /// entry of a list stays readable however long it is. Continuation lines are indented
    /// with blanks only: a bullet in `indent` repeated on them would read as another entry.
    pub fn hanging(&mut self, indent: &str, text: &str, style: Style) {
        let more = " ".repeat(width(indent) + 2);
        let room = self.width.saturating_sub(width(&more));
        for (i, line) in wrap(text, room).into_iter().enumerate() {
            let lead = if i == 0 { indent } else { more.as_str() };
            self.lines
                .push(Line::styled(format!("{lead}{line}"), style));
        }
    }

    /// A hint of several parts ("space ticks", "esc cancels") joined by " · ", wrapped between
    /// parts, so a key is never parted from what it does; a part wider than a line wraps alone.
    pub fn hint(&mut self, parts: &[String], style: Style) {
        const JOIN: &str = " · ";
        let mut line = String::new();
        for part in parts {
            let fits = width(&line) + width(JOIN) + width(part) <= self.width;
            if line.is_empty() || !fits {
                if !line.is_empty() {
                    self.wrapped(&std::mem::take(&mut line), style);
                }
                line = part.clone();
            } else {
                line = format!("{line}{JOIN}{part}");
            }
        }
        if !line.is_empty() {
            self.wrapped(&line, style);
        }
    }

    /// One line cut to the width.
    pub fn line(&mut self, text: &str, style: Style) {
        self.lines
            .push(Line::styled(truncate(text, self.width), style));
    }

    /// `prefix` then a bracketed input box filling `box_width` columns (or the rest of the
    /// line), then `suffix`. While `typing`, the terminal cursor is placed in it.
    pub fn input(
        &mut self,
        prefix: Vec<Span<'static>>,
        field: &Input,
        box_width: Option<usize>,
        typing: bool,
        suffix: Span<'static>,
        theme: &Theme,
    ) {
        let used: usize = prefix.iter().map(|s| width(&s.content)).sum();
        let room = self.width.saturating_sub(used + 2 + width(&suffix.content));
        let box_width = box_width.unwrap_or(room).min(room).max(1);
        let (shown, cursor) = input::visible(field, box_width, typing);
        let bracket = if typing {
            theme.field_focused
        } else {
            theme.muted
        };
        let style = if typing {
            theme.field_editing
        } else {
            theme.field_value
        };
        if let Some(column) = cursor {
            self.cursor = Some((self.lines.len(), used + 1 + column));
        }
        let mut spans = prefix;
        spans.push(Span::styled("[", bracket));
        spans.push(Span::styled(shown, style));
        spans.push(Span::styled("]", bracket));
        spans.push(suffix);
        self.lines.push(Line::from(spans));
    }

    /// Draws the lines from the top of `area`; lines beyond its height are left out. Returns
    /// whether every line fitted whole, which decides whether the dialog may send its change.
    pub fn render(self, frame: &mut Frame, area: Rect) -> bool {
        let height = usize::from(area.height);
        let whole = self.lines.len() <= height
            && self
                .lines
                .iter()
                .all(|line| line.width() <= usize::from(area.width));
        if let Some((line, column)) = self.cursor
            && line < height
            && column < usize::from(area.width)
        {
            super::cursor::place(frame, (area.x + column as u16, area.y + line as u16));
        }
        let lines: Vec<Line> = self.lines.into_iter().take(height).collect();
        frame.render_widget(Paragraph::new(lines), area);
        whole
    }
}

/// The columns inside a dialog `width` wide on `screen`.
pub fn inner_width(screen: Rect, width: u16) -> usize {
    usize::from(width.min(screen.width).saturating_sub(2))
}

/// Draws `body` in a dialog `width` wide and as tall as its lines, as far as the screen allows.
/// Returns whether all of it fitted.
pub fn show(
    frame: &mut Frame,
    screen: Rect,
    width: u16,
    title: &str,
    body: Body,
    theme: &Theme,
) -> bool {
    let most = screen.height.saturating_sub(2);
    let height = u16::try_from(body.lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(most);
    let area = frame::centered(screen, width.min(screen.width), height);
    let inner = frame::dialog(frame, area, title, theme);
    body.render(frame, inner)
}

/// One button as drawn: disabled buttons are dimmed and cannot be pressed.
pub struct ButtonView {
    pub button: Button,
    pub text: String,
    pub focused: bool,
    pub enabled: bool,
}

impl ButtonView {
    pub fn new(button: Button, focus: Option<Button>) -> Self {
        Self {
            button,
            text: button.label().to_owned(),
            focused: focus == Some(button),
            enabled: true,
        }
    }

    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.text = text.into();
        self
    }

    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = enabled;
        self
    }
}

/// The button row under a confirmation: its buttons, the one in focus, and the one that
/// confirms, with what that one says ("Revoke 3 invitations").
pub struct ConfirmRow<'a> {
    pub buttons: &'a [Button],
    pub focus: Button,
    pub confirm: Button,
    pub text: &'a str,
}

impl ConfirmRow<'_> {
    /// The row drawn: every button as it is, but the confirming one, which says its `text`
    /// and is dimmed, and does nothing, while it cannot be pressed (`enabled`).
    pub fn line(&self, enabled: bool, theme: &Theme) -> Line<'static> {
        let views: Vec<ButtonView> = self
            .buttons
            .iter()
            .map(|b| {
                let view = ButtonView::new(*b, Some(self.focus));
                if *b == self.confirm {
                    view.text(self.text).enabled(enabled)
                } else {
                    view
                }
            })
            .collect();
        buttons(&views, theme)
    }
}

/// The buttons, centred. The focused one is marked with arrows as well as its style, so
/// focus shows without colour.
pub fn buttons(views: &[ButtonView], theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, view) in views.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        let text = if view.focused {
            format!("▶ {} ◀", view.text)
        } else {
            format!("[ {} ]", view.text)
        };
        let cannot_press = Modifier::DIM | Modifier::CROSSED_OUT;
        let style = match (view.focused, view.enabled) {
            (true, true) => theme.button_focused,
            (false, true) => theme.button,
            // Dimmed and struck through: on the button's own style while focused, else muted.
            (true, false) => theme.button.add_modifier(cannot_press),
            (false, false) => theme.muted.add_modifier(cannot_press),
        };
        spans.push(Span::styled(text, style));
    }
    Line::from(spans).alignment(Alignment::Center)
}

/// "⠋ Adding 3 members…" while the change is on its way, else the server's refusal.
pub fn submission_lines(
    submission: &Submission,
    sending: &str,
    spinner_frame: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if submission.is_sending() {
        return vec![Line::from(vec![
            Span::styled(spinner(spinner_frame).to_owned(), theme.spinner),
            Span::styled(format!(" {sending} (ctrl-c stops waiting)"), theme.muted),
        ])];
    }
    let Some(error) = &submission.error else {
        return Vec::new();
    };
    let text = if error.kind == ErrorKind::Cancelled {
        format!("! {}", error.message)
    } else if error.is_refusal() {
        // The server said no: nothing changed.
        format!("✗ Refused: {}", error.message)
    } else {
        // No verdict came back; the message says whether the change may have happened.
        format!("✗ Failed: {}", error.message)
    };
    wrap(&text, width)
        .into_iter()
        .map(|line| Line::styled(line, theme.field_error))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_list_entry_shows_its_bullet_once() {
        let mut body = Body::new(24);
        body.hanging(
            "  • ",
            "\"Helpdesk bot (staging)\" in \"Customer Support\", owner Fatima",
            Style::default(),
        );
        let lines: Vec<String> = body.lines.iter().map(ToString::to_string).collect();
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines[0].starts_with("  • "), "{lines:?}");
        for line in &lines[1..] {
            assert!(!line.contains('•'), "one bullet per entry: {lines:?}");
            assert!(
                line.starts_with("      "),
                "indented under the text: {lines:?}"
            );
        }
    }
}
