//! Pane and dialog frames, and the honest placeholders a pane shows instead of data.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::cells;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, ErrorKind, RemoteError};
use crate::tui::theme::Theme;

/// Draws a pane's frame in `area` and returns the room inside it. The focused pane gets a thick
/// border, so focus shows without colour.
pub fn pane(frame: &mut Frame, area: Rect, title: Line<'_>, focused: bool, theme: &Theme) -> Rect {
    let (border, title_style, kind) = if focused {
        (theme.border_focused, theme.title_focused, BorderType::Thick)
    } else {
        (theme.border, theme.title, BorderType::Plain)
    };
    // Titles carry names straight from the server; they are made safe here like any cut text.
    let mut title = title;
    for span in &mut title.spans {
        if let std::borrow::Cow::Owned(safe) = super::text::shown(&span.content) {
            span.content = safe.into();
        }
    }
    let title = title.style(title_style);
    let block = Block::bordered().border_type(kind).border_style(border);
    let inner = block.inner(area);
    let buffer = frame.buffer_mut();
    if !cells::draw_border(buffer, area, kind, border, &title) {
        block.title(title).render(area, buffer);
    }
    inner
}

/// A dialog's frame, cleared underneath; double border so it stands out from the panes.
pub fn dialog(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    frame.render_widget(Clear, area);
    clear_wide_overhang(frame, area);
    let block = Block::bordered()
        .border_type(BorderType::Double)
        .border_style(theme.modal_border)
        .title(Span::styled(format!(" {title} "), theme.modal_border))
        .style(theme.text);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// A wide character (an emoji, CJK) that starts just left of `area` would spill its second
/// half over the dialog's left border; it is blanked so the border stays whole.
fn clear_wide_overhang(frame: &mut Frame, area: Rect) {
    let Some(x) = area.x.checked_sub(1) else {
        return;
    };
    let buffer = frame.buffer_mut();
    for y in area.top()..area.bottom() {
        if let Some(cell) = buffer.cell_mut((x, y))
            && super::text::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
    }
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A line of text in the middle of a pane: "Loading…", "No members", an error.
pub fn placeholder(frame: &mut Frame, area: Rect, lines: Vec<Line<'_>>) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let top = area.height.saturating_sub(lines.len() as u16) / 3;
    centred_lines(frame, area, top, lines);
}

/// Lines centred across `area`, wrapped, from `top` rows down.
pub fn centred_lines(frame: &mut Frame, area: Rect, top: u16, lines: Vec<Line<'_>>) {
    let area = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}

pub fn loading_line<'a>(what: &str, spinner: &'a str, theme: &Theme) -> Vec<Line<'a>> {
    vec![Line::from(vec![
        Span::styled(spinner, theme.spinner),
        Span::styled(format!(" Loading {what}…"), theme.muted),
    ])]
}

/// A failed load: what failed, the server's words, and the key that tries again (from the
/// live keymap, so it is right after a user rebinds it).
pub fn error_lines<'a>(what: &str, error: &RemoteError, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let retry = app
        .keymap
        .keys(Context::Global, Action::Refresh)
        .first()
        .map(|key| key.to_string());
    if error.kind == ErrorKind::Cancelled {
        let mut lines = vec![Line::styled(
            format!("Loading {what} was cancelled"),
            theme.muted,
        )];
        lines.extend(retry.map(|key| Line::styled(format!("{key} loads again"), theme.muted)));
        return lines;
    }
    let mut lines = vec![
        Line::styled(format!("✗ Could not load {what}"), theme.flash_error),
        Line::styled(error.message.clone(), theme.field_error),
    ];
    lines.extend(retry.map(|key| Line::styled(format!("{key} tries again"), theme.muted)));
    lines
}

pub fn empty_line<'a>(text: impl Into<String>, theme: &Theme) -> Vec<Line<'a>> {
    vec![Line::styled(text.into(), theme.muted)]
}

/// Splits a one-line strip off the bottom of `area` (for a filter line).
pub fn split_bottom(area: Rect) -> (Rect, Rect) {
    if area.height == 0 {
        return (area, area);
    }
    let top = Rect {
        height: area.height - 1,
        ..area
    };
    let bottom = Rect {
        y: area.y + area.height - 1,
        height: 1,
        ..area
    };
    (top, bottom)
}

pub fn styled(text: impl Into<String>, style: Style) -> Span<'static> {
    Span::styled(text.into(), style)
}
