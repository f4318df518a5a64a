//! A dialog of text to read that scrolls: the help, the message log, a member's details. Its
//! title says which lines show, so it is plain when there is more; a page key moves by what
//! one screen shows.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::frame;
use crate::tui::theme::Theme;

/// Where the reader goes on `screen`: `width` wide at most, and as tall as its `lines` as far as
/// the screen allows.
pub fn area(screen: Rect, width: u16, lines: usize) -> Rect {
    let tallest = screen.height.saturating_sub(2);
    let height = u16::try_from(lines.saturating_add(2))
        .unwrap_or(u16::MAX)
        .min(tallest);
    frame::centered(screen, screen.width.saturating_sub(4).min(width), height)
}

/// The columns inside a reader `width` wide on a screen `screen` wide.
pub fn inner_width(screen_width: u16, width: u16) -> usize {
    usize::from(screen_width.saturating_sub(4).min(width).saturating_sub(2))
}

/// How many lines show at once: what a page key scrolls by.
pub fn page(screen: (u16, u16), width: u16, lines: usize) -> u16 {
    area(Rect::new(0, 0, screen.0, screen.1), width, lines)
        .height
        .saturating_sub(2)
}

/// How far `lines` lines can scroll on `screen`.
pub fn max_scroll(screen: (u16, u16), width: u16, lines: usize) -> u16 {
    let page = usize::from(page(screen, width, lines));
    u16::try_from(lines.saturating_sub(page)).unwrap_or(u16::MAX)
}

/// Draws the lines from `scroll`, with "first-last of total" in the title when they do not all
/// fit. Returns whether the reader had room to show anything.
pub fn render(
    frame: &mut Frame,
    screen: Rect,
    width: u16,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
    theme: &Theme,
) -> bool {
    let area = area(screen, width, lines.len());
    let visible = usize::from(area.height.saturating_sub(2));
    let total = lines.len();
    let last_scroll = u16::try_from(total.saturating_sub(visible)).unwrap_or(u16::MAX);
    let scroll = scroll.min(last_scroll);
    let mut title = title.to_owned();
    if last_scroll > 0 {
        let first = usize::from(scroll) + 1;
        let last = (usize::from(scroll) + visible).min(total);
        let more = if scroll < last_scroll { " ↓" } else { "" };
        title.push_str(&format!(" · {first}-{last} of {total}{more}"));
    }
    let inner = frame::dialog(frame, area, &title, theme);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    inner.height > 0 && inner.width > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_what_shows() {
        // 24 rows: 22 for the reader, 20 inside its border.
        assert_eq!(page((80, 24), 90, 100), 20);
        assert_eq!(max_scroll((80, 24), 90, 100), 80);
        assert_eq!(page((80, 24), 90, 5), 5, "sized to a short text");
        assert_eq!(max_scroll((80, 24), 90, 5), 0);
        assert_eq!(page((3, 1), 90, 100), 0);
    }
}
