//! The `/` search of a list: a one-line field typed into while it is open. It finds, it never
//! hides: the list moves its cursor to what the view's rule finds, and every row stays drawn.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;

use crate::tui::fuzzy::Query;
use crate::tui::theme::Theme;
use crate::tui::widgets::input;

/// The field and whether it takes the keys now.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub input: tui_input::Input,
    pub typing: bool,
}

impl Search {
    /// `/`: a new, empty search takes the keys.
    pub fn start(&mut self) {
        self.typing = true;
        self.input = tui_input::Input::default();
    }

    /// Enter: the keys go back to the list; what was typed stays shown.
    pub fn done(&mut self) {
        self.typing = false;
    }

    /// Esc: the search goes.
    pub fn clear(&mut self) {
        self.typing = false;
        self.input = tui_input::Input::default();
    }

    pub fn value(&self) -> &str {
        self.input.value()
    }

    /// Whether its line is drawn under the rows: while typed into, or while it holds text.
    pub fn shown(&self) -> bool {
        self.typing || !self.value().is_empty()
    }

    /// Draws `/` and the field in a one-line `area`.
    pub fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if area.height == 0 {
            return;
        }
        frame.render_widget(Paragraph::new(Span::styled("/", theme.hint_key)), area);
        let field = Rect {
            x: area.x + 1,
            width: area.width.saturating_sub(1),
            ..area
        };
        input::render(frame, field, &self.input, theme.field_editing, self.typing);
    }
}

/// The line whose text matches `query` best (fuzzily: letters in order, case and accents
/// ignored); the first of equal matches. The rule most lists search by.
pub fn best(texts: impl IntoIterator<Item = String>, query: &str) -> Option<usize> {
    let query = Query::new(query);
    let mut best: Option<(i64, usize)> = None;
    for (at, text) in texts.into_iter().enumerate() {
        if let Some(found) = query.score(&text)
            && best.is_none_or(|(score, _)| found.score > score)
        {
            best = Some((found.score, at));
        }
    }
    best.map(|(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_match_wins_and_the_first_of_equals() {
        let names = || ["mistral-small", "mistral-large", "codestral"].map(String::from);
        assert_eq!(best(names(), "large"), Some(1));
        assert_eq!(best(names(), "mistral"), Some(0));
        assert_eq!(best(names(), "qqq"), None);
    }
}
