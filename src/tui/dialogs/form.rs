//! A form's field label, padded to the form's label column: the focused field's is marked
//! with an arrow as well as its style, so focus shows without colour.

use ratatui::text::Span;

use crate::tui::theme::Theme;
use crate::tui::widgets::text::fit;

pub fn field_label(text: &str, focused: bool, width: usize, theme: &Theme) -> Span<'static> {
    let (marker, style) = if focused {
        ("▶ ", theme.field_focused)
    } else {
        ("  ", theme.field_label)
    };
    Span::styled(format!("{marker}{}", fit(text, width)), style)
}
