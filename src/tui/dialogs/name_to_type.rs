//! The field of a confirmation that cannot be undone where the admin types a name (the
//! workspace's, the group's, the member's email), marked with whether it matches yet.

use ratatui::text::Span;
use tui_input::Input as TextInput;

use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::Body;

/// Adds the field to `body`: at most `widest` columns, leaving room for the mark after it.
pub fn name_to_type(
    body: &mut Body,
    typed: &TextInput,
    matches: bool,
    widest: usize,
    editable: bool,
    theme: &Theme,
) {
    let (mark, style) = if matches {
        ("  ✓ matches", theme.flash_success)
    } else if typed.value().is_empty() {
        ("", theme.muted)
    } else {
        ("  ✗ does not match", theme.field_error)
    };
    let width = widest.min(body.width.saturating_sub(16));
    body.input(
        Vec::new(),
        typed,
        Some(width),
        editable,
        Span::styled(mark, style),
        theme,
    );
}
