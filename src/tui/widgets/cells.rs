//! Writes styled lines straight into the screen buffer. Most of what a frame draws is ASCII or
//! precomposed Latin text, where every character is one grapheme one column wide: such text is
//! written a character per cell into the buffer's row, without ratatui's search for grapheme
//! boundaries and its per-cell position checks. Any other text (wide, combining, emoji) goes
//! through ratatui's own writer, so what lands in the buffer is the same either way.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{BorderType, Paragraph, Widget};
use unicode_width::UnicodeWidthChar;

/// Whether `c` takes exactly one cell as a grapheme of its own, whatever surrounds it, as long
/// as nothing combining follows it: printable ASCII, the Latin letters and signs below the
/// combining marks (U+0300; the soft hyphen excepted, which terminals disagree on), and the
/// one-column punctuation, arrows, box lines, shapes, ticks and braille the console draws its
/// markers, borders and spinner with (no emoji selector or joiner among them).
fn one_cell(c: char) -> bool {
    match c {
        ' '..='~' => true,
        '\u{AD}' => false,
        '\u{A0}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{2713}'
        | '\u{2717}'
        | '\u{2800}'..='\u{28FF}' => c.width() == Some(1),
        _ => false,
    }
}

/// Writes `line` from `(x, y)` on, at most `max_width` columns, as [`Buffer::set_line`] does;
/// returns the column after the last one written.
pub fn set_line(buffer: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> u16 {
    let mut x = x;
    let mut remaining = max_width;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let end = set_text(buffer, x, y, &span.content, remaining, style);
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    x
}

/// Writes `text` in `style` from `(x, y)` on, at most `max_width` columns and never past the
/// buffer's right edge, as [`Buffer::set_stringn`] does; returns the column after it.
pub fn set_text(
    buffer: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: u16,
    style: Style,
) -> u16 {
    let area = buffer.area;
    if !text.chars().all(one_cell) || y < area.top() || y >= area.bottom() || x < area.left() {
        return buffer
            .set_stringn(x, y, text, usize::from(max_width), style)
            .0;
    }
    let room = usize::from(area.right().saturating_sub(x).min(max_width));
    if room == 0 {
        return x;
    }
    let start = buffer.index_of(x, y);
    let row = &mut buffer.content[start..start + room];
    let mut written = 0;
    for (cell, c) in row.iter_mut().zip(text.chars()) {
        // Rows are mostly padding over cells the frame starts blank: a cell that already
        // shows the character keeps its symbol (building one costs more than comparing).
        if !shows(cell, c) {
            cell.set_char(c);
        }
        cell.set_style(style);
        written += 1;
    }
    x + written as u16
}

/// Whether the cell's symbol is the character `c` alone.
fn shows(cell: &Cell, c: char) -> bool {
    let symbol = cell.symbol().as_bytes();
    if c.is_ascii() {
        return symbol.len() == 1 && symbol[0] == c as u8;
    }
    let mut encoded = [0; 4];
    symbol == c.encode_utf8(&mut encoded).as_bytes()
}

/// Lays `style` over every cell of `area`, as [`Buffer::set_style`] does, a row at a time
/// rather than a position at a time (the whole screen gets the text colours every frame).
pub fn paint(buffer: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let start = buffer.index_of(area.x, y);
        for cell in &mut buffer.content[start..start + width] {
            cell.set_style(style);
        }
    }
}

/// What `Paragraph::new(line).style(style)` draws in `area`: the area in `style`, and the
/// line on its first row, cut at its width. A line of one-cell text is written directly; any
/// other goes through the paragraph itself, whose way with wide characters differs a little
/// from [`set_line`]'s.
pub fn one_line(buffer: &mut Buffer, area: Rect, line: Line<'_>, style: Style) {
    let direct = matches!(line.alignment, None | Some(Alignment::Left))
        && line
            .spans
            .iter()
            .all(|span| span.content.chars().all(one_cell));
    if !direct {
        return Paragraph::new(line).style(style).render(area, buffer);
    }
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    paint(buffer, area, style);
    set_line(buffer, area.x, area.y, &line, area.width);
}

/// Draws a frame around `area` with `title` on its top edge, as ratatui's
/// `Block::bordered().border_type(kind).border_style(style).title(title)` does, but a row at a
/// time and without that block's pass over every cell inside (which sets no style). Draws
/// nothing and returns false where the two could differ: a title that is not one-cell text on
/// the left, an area smaller than its corners or not wholly on the buffer.
pub fn draw_border(
    buffer: &mut Buffer,
    area: Rect,
    kind: BorderType,
    style: Style,
    title: &Line<'_>,
) -> bool {
    let on_buffer = area.intersection(buffer.area) == area;
    let plain_title = matches!(title.alignment, None | Some(Alignment::Left))
        && title
            .spans
            .iter()
            .all(|span| span.content.chars().all(one_cell));
    if area.width < 2 || area.height < 2 || !on_buffer || !plain_title {
        return false;
    }
    let set = kind.to_border_set();
    let width = usize::from(area.width);
    let mut edge = |y: u16, first: &str, fill: &str, last: &str| {
        let start = buffer.index_of(area.x, y);
        let row = &mut buffer.content[start..start + width];
        row[0].set_symbol(first).set_style(style);
        for cell in &mut row[1..width - 1] {
            cell.set_symbol(fill).set_style(style);
        }
        row[width - 1].set_symbol(last).set_style(style);
    };
    edge(area.top(), set.top_left, set.horizontal_top, set.top_right);
    edge(
        area.bottom() - 1,
        set.bottom_left,
        set.horizontal_bottom,
        set.bottom_right,
    );
    for y in area.top() + 1..area.bottom() - 1 {
        let start = buffer.index_of(area.x, y);
        buffer.content[start]
            .set_symbol(set.vertical_left)
            .set_style(style);
        buffer.content[start + width - 1]
            .set_symbol(set.vertical_right)
            .set_style(style);
    }
    set_line(buffer, area.x + 1, area.y, title, area.width - 2);
    true
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    use super::*;

    /// Writes `line` both ways into buffers holding the same old content, and compares them.
    fn same_as_ratatui(line: &Line<'_>, x: u16, max_width: u16) {
        let area = Rect::new(0, 0, 12, 2);
        let mut old = Buffer::empty(area);
        old.set_string(0, 1, "previous text", Style::new().red());
        let (mut ours, mut theirs) = (old.clone(), old);
        let ours_end = set_line(&mut ours, x, 1, line, max_width);
        let (theirs_end, _) = theirs.set_line(x, 1, line, max_width);
        assert_eq!(ours, theirs, "{line:?}");
        assert_eq!(ours_end, theirs_end, "{line:?}");
    }

    #[test]
    fn writes_what_ratatui_writes() {
        let style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
        let lines = [
            Line::from("plain ascii"),
            Line::from(vec![Span::styled("▶ ", style), Span::raw("Zoé Ünal")]),
            Line::from(vec![
                Span::raw("cut…"),
                Span::styled("more text here", style),
            ]),
            Line::from("e\u{301}toile combined"),
            Line::from("山田太郎 wide"),
            Line::from("tab\tand\u{7}bell"),
            Line::from("soft\u{AD}hyphen"),
            Line::from("🛡 shield").style(Style::new().on_blue()),
            Line::from(""),
            Line::from("● env ▶✓ ─┃ ⠋ ✗ • · ▲▼ ⚠ ★ ⬛ “quoted” ‰ ⁞"),
            Line::from("▶\u{FE0F} selected, ⚠\u{FE0F} and a\u{200D}b"),
        ];
        for line in &lines {
            for (x, max) in [(0, 12), (3, 12), (0, 5), (11, 4), (0, 0)] {
                same_as_ratatui(line, x, max);
            }
        }
    }

    #[test]
    fn paints_what_ratatui_paints() {
        let style = Style::new()
            .fg(Color::Cyan)
            .on_black()
            .add_modifier(Modifier::BOLD);
        for area in [
            Rect::new(0, 0, 16, 3),
            Rect::new(2, 1, 5, 4),
            Rect::new(20, 0, 3, 3),
        ] {
            let mut old = Buffer::empty(Rect::new(0, 0, 16, 3));
            old.set_string(0, 1, "previous text!!!", Style::new().red().italic());
            let (mut ours, mut theirs) = (old.clone(), old);
            paint(&mut ours, area, style);
            theirs.set_style(area, style);
            assert_eq!(ours, theirs, "{area:?}");
        }
    }

    #[test]
    fn one_line_draws_what_a_paragraph_draws() {
        let style = Style::new().on_blue();
        let lines = [
            Line::from(vec![
                Span::styled(" LOCAL ", style.bold()),
                Span::raw(" env · Org"),
            ]),
            Line::from("a line longer than the area it is drawn in"),
            Line::from("山田 wide 🛡 and e\u{301}"),
            Line::from("centred").centered(),
        ];
        for line in lines {
            let area = Rect::new(1, 0, 14, 2);
            let mut old = Buffer::empty(Rect::new(0, 0, 16, 2));
            old.set_string(0, 0, "previous text!!!", Style::new().red());
            let (mut ours, mut theirs) = (old.clone(), old);
            one_line(&mut ours, area, line.clone(), style);
            Paragraph::new(line.clone())
                .style(style)
                .render(area, &mut theirs);
            assert_eq!(ours, theirs, "{line:?}");
        }
    }

    #[test]
    fn borders_what_a_ratatui_block_borders() {
        use ratatui::widgets::Block;
        let titles = [
            Line::from(""),
            Line::from(" Workspaces (500) "),
            Line::from(vec![
                Span::styled(" Default ", Style::new().bold()),
                Span::raw("(default) · stale "),
            ]),
            Line::from(" a title far too long for the narrow frames below ")
                .style(Style::new().red()),
        ];
        let areas = [
            Rect::new(0, 0, 2, 2),
            Rect::new(1, 1, 5, 3),
            Rect::new(0, 0, 20, 6),
            Rect::new(3, 2, 17, 4),
        ];
        for kind in [BorderType::Plain, BorderType::Thick, BorderType::Double] {
            for title in &titles {
                for area in areas {
                    let style = Style::new().fg(Color::Cyan);
                    let mut old = Buffer::empty(Rect::new(0, 0, 20, 6));
                    old.set_string(0, 1, "previous text here..", Style::new().green());
                    let (mut ours, mut theirs) = (old.clone(), old);
                    assert!(draw_border(&mut ours, area, kind, style, title));
                    Block::bordered()
                        .border_type(kind)
                        .border_style(style)
                        .title(title.clone())
                        .render(area, &mut theirs);
                    assert_eq!(ours, theirs, "{kind:?} {area:?} {title:?}");
                }
            }
        }
    }

    #[test]
    fn leaves_wide_titles_and_small_or_outlying_areas_to_ratatui() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 10, 4));
        let before = buffer.clone();
        let plain = Line::from(" t ");
        let style = Style::new();
        let wide = Line::from(" 山田 ");
        let centred = plain.clone().centered();
        let refused = [
            (Rect::new(0, 0, 6, 3), &wide),
            (Rect::new(0, 0, 1, 3), &plain),
            (Rect::new(0, 0, 6, 1), &plain),
            (Rect::new(6, 0, 6, 3), &plain),
            (Rect::new(0, 0, 6, 3), &centred),
        ];
        for (area, title) in refused {
            let drawn = draw_border(&mut buffer, area, BorderType::Plain, style, title);
            assert!(!drawn, "{area:?} {title:?}");
        }
        assert_eq!(buffer, before);
    }
}
