//! `Redraw` against ratatui's own diff: on screens of mixed widths and styles it writes the
//! cells ratatui would, but for those that already look the same; and frames drawn through it
//! reach a terminal whole.

use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use unicode_width::UnicodeWidthStr;

use super::*;

/// Text a screen can hold: narrow, wide, combined, emoji with and without a variation selector.
const WORDS: [&str; 10] = [
    "abc",
    "名前",
    "👍",
    "❤️",
    "e\u{301}",
    " ",
    "xyz",
    "│",
    "ｶﾞ",
    "longer words here",
];
const STYLES: [Style; 6] = [
    Style::new(),
    Style::new().fg(Color::Red),
    Style::new().bg(Color::Blue),
    Style::new().add_modifier(Modifier::REVERSED),
    Style::new()
        .fg(Color::Rgb(1, 2, 3))
        .add_modifier(Modifier::BOLD),
    Style::new().underline_color(Color::Green),
];
/// What a cell may ask of the diff besides its looks.
const OPTIONS: [CellDiffOption; 3] = [
    CellDiffOption::None,
    CellDiffOption::Skip,
    CellDiffOption::AlwaysUpdate,
];

/// A small deterministic generator, so a failure can be replayed.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

/// Rewrites row `y` as a widget would: cleared, then words of random styles side by side,
/// cut where the next would not fit (so wide characters are whole, as ratatui assumes).
fn write_row(dice: &mut Dice, buffer: &mut Buffer, y: u16) {
    let area = buffer.area;
    for x in area.left()..area.right() {
        buffer[(x, y)].reset();
    }
    let mut x = area.x + dice.roll(3) as u16;
    while x < area.right() {
        let word = WORDS[dice.roll(WORDS.len())];
        let style = STYLES[dice.roll(STYLES.len())];
        let room = usize::from(area.right() - x);
        let (end, _) = buffer.set_stringn(x, y, word, room, style);
        x = end + dice.roll(2) as u16;
    }
    // Now and then a cell that asks to be skipped, or written always.
    if dice.roll(3) == 0 {
        let x = area.x + dice.roll(usize::from(area.width)) as u16;
        buffer[(x, y)].set_diff_option(OPTIONS[dice.roll(OPTIONS.len())]);
    }
}

fn screen(dice: &mut Dice, area: Rect) -> Buffer {
    let mut buffer = Buffer::empty(area);
    for y in area.top()..area.bottom() {
        write_row(dice, &mut buffer, y);
    }
    buffer
}

/// The next screen: the old one with a few rows rewritten (as most frames are).
fn changed(dice: &mut Dice, before: &Buffer, rows: usize) -> Buffer {
    let mut after = before.clone();
    for _ in 0..rows {
        let y = before.area.y + dice.roll(usize::from(before.area.height)) as u16;
        write_row(dice, &mut after, y);
    }
    after
}

fn updates_between(before: &Buffer, after: &Buffer) -> Vec<(u16, u16, Cell)> {
    let mut redraw = Redraw {
        shown: before.clone(),
        next: after.clone(),
        ..Redraw::default()
    };
    redraw
        .changed_cells()
        .iter()
        .map(|&(x, y)| (x, y, after[(x, y)].clone()))
        .collect()
}

/// Cells of a screen by column and row.
type Places = Vec<(u16, u16)>;

/// Where `Redraw` writes to turn `before` into `after`, and where ratatui's diff would.
fn places_written(before: &Buffer, after: &Buffer) -> (Places, Places) {
    let ours = updates_between(before, after)
        .iter()
        .map(|&(x, y, _)| (x, y))
        .collect();
    let theirs = before.diff(after).iter().map(|&(x, y, _)| (x, y)).collect();
    (ours, theirs)
}

/// The same symbol and style, said independently of `looks_same`.
fn shows_the_same(a: &Cell, b: &Cell) -> bool {
    (a.symbol(), a.style()) == (b.symbol(), b.style())
}

#[test]
fn it_writes_what_ratatui_would_except_cells_that_already_look_the_same() {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    for trial in 0..500 {
        let area = Rect::new(
            dice.roll(3) as u16,
            dice.roll(3) as u16,
            1 + dice.roll(30) as u16,
            1 + dice.roll(8) as u16,
        );
        let before = screen(&mut dice, area);
        let after = if trial % 4 == 0 {
            screen(&mut dice, area)
        } else {
            let rows = dice.roll(4);
            changed(&mut dice, &before, rows)
        };
        let (ours, theirs) = places_written(&before, &after);
        for place in &ours {
            assert!(
                theirs.contains(place),
                "trial {trial}: {place:?} written, ratatui would not"
            );
        }
        for &(x, y) in theirs.iter().filter(|place| !ours.contains(place)) {
            assert!(
                shows_the_same(&before[(x, y)], &after[(x, y)]),
                "trial {trial}: ({x}, {y}) left as {:?}, the frame has {:?}",
                before[(x, y)],
                after[(x, y)]
            );
        }
    }
}

#[test]
fn an_unchanged_frame_writes_nothing_and_a_one_row_change_writes_only_that_row() {
    let mut dice = Dice(7);
    let area = Rect::new(0, 0, 40, 10);
    let mut before = screen(&mut dice, area);
    // Without cells that ask to be written always.
    for cell in &mut before.content {
        cell.set_diff_option(CellDiffOption::None);
    }
    assert!(updates_between(&before, &before).is_empty());
    let mut after = before.clone();
    after.set_string(
        0,
        4,
        "a cursor row",
        Style::new().add_modifier(Modifier::REVERSED),
    );
    let rows: Vec<u16> = updates_between(&before, &after)
        .iter()
        .map(|(_, y, _)| *y)
        .collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|y| *y == 4), "{rows:?}");
}

#[test]
fn a_wide_character_ending_a_row_takes_the_row_below_into_ratatuis_diff() {
    // A wide character in the last column (ratatui's widgets never put one there, a cell
    // set by hand can), with a background that stays on the terminal where it stood.
    let area = Rect::new(0, 0, 4, 2);
    let mut before = Buffer::empty(area);
    before[(3, 0)].set_symbol("名").set_bg(Color::Blue);
    let mut after = before.clone();
    after[(3, 0)].set_symbol("a").set_bg(Color::Reset);
    let (ours, theirs) = places_written(&before, &after);
    assert!(
        theirs.len() > 1,
        "ratatui writes the row below too: {theirs:?}"
    );
    assert_eq!(ours, theirs);
}

#[test]
fn cells_look_the_same_exactly_when_they_are_equal_but_a_blank_is_a_space() {
    let plain = Cell::new("a");
    let mut red = plain.clone();
    red.set_fg(Color::Red);
    let mut blue = plain.clone();
    blue.set_bg(Color::Blue);
    #[allow(deprecated)]
    let skip_field = {
        let mut cell = plain.clone();
        cell.skip = true;
        cell
    };
    let mut underlined = plain.clone();
    underlined.underline_color = Color::Green;
    let mut bold = plain.clone();
    bold.modifier = Modifier::BOLD;
    let mut skipped = plain.clone();
    skipped.set_diff_option(CellDiffOption::Skip);
    let cells = [
        plain.clone(),
        red,
        blue,
        skip_field,
        underlined,
        bold,
        skipped,
        Cell::new("b"),
        // Symbols of the same length in bytes: two, three and eight.
        Cell::new("é"),
        Cell::new("è"),
        Cell::new("名"),
        Cell::new("前"),
        Cell::new("│"),
        Cell::new("┃"),
        Cell::new("👍🏽"),
        Cell::new("👍🏿"),
    ];
    for a in &cells {
        for b in &cells {
            assert_eq!(looks_same(a, b), a == b, "{a:?} / {b:?}");
        }
    }
    let mut space = Cell::EMPTY;
    space.set_symbol(" ");
    assert!(looks_same(&Cell::EMPTY, &space));
    let mut always = plain.clone();
    always.set_diff_option(CellDiffOption::AlwaysUpdate);
    assert!(
        !looks_same(&always, &always),
        "a cell that asks to be written always is"
    );
}

fn frame_of<'a>(text: &'a [&'a str]) -> impl FnOnce(&mut Frame) + 'a {
    move |frame: &mut Frame| {
        for (y, line) in text.iter().enumerate() {
            frame
                .buffer_mut()
                .set_string(0, y as u16, line, Style::new());
        }
    }
}

#[test]
fn frames_drawn_through_it_reach_the_terminal_whole_across_resizes() {
    let steps: [((u16, u16), &[&str]); 6] = [
        ((12, 3), &["first", "名前 here", "x"]),
        ((12, 3), &["first", "then", "x"]),
        // Taller only, then wider, then narrower and shorter: each resize clears the
        // screen, so rows that match the frame before must still be written.
        ((12, 4), &["first", "then", "x", "y"]),
        ((14, 4), &["first", "then", "x", "y"]),
        ((8, 2), &["after", "resize"]),
        // Every frame starts from blank cells, whatever the one before held.
        ((8, 2), &["a"]),
    ];
    let mut terminal = Terminal::new(TestBackend::new(12, 3)).expect("test terminal");
    let mut redraw = Redraw::default();
    for ((width, height), lines) in steps {
        terminal.backend_mut().resize(width, height);
        redraw.draw(&mut terminal, frame_of(lines)).expect("draw");
        let shown = (0..usize::from(height)).map(|y| {
            let line = lines.get(y).copied().unwrap_or_default();
            format!("{line}{}", " ".repeat(usize::from(width) - line.width()))
        });
        terminal.backend().assert_buffer_lines(shown);
    }
}

#[test]
fn the_cursor_is_shown_where_the_frame_puts_it_and_hidden_otherwise() {
    let mut terminal = Terminal::new(TestBackend::new(10, 2)).expect("test terminal");
    let mut redraw = Redraw::default();
    redraw
        .draw(&mut terminal, |frame: &mut Frame| {
            cursor::place(frame, (3, 1));
        })
        .expect("draw");
    assert_eq!(
        terminal.get_cursor_position().expect("cursor"),
        Position::new(3, 1)
    );
    terminal.backend_mut().assert_cursor_position((3, 1));
    redraw
        .draw(&mut terminal, |_: &mut Frame| {})
        .expect("draw");
    assert!(!terminal.backend().cursor_visible());
    // A position placed outside a frame (a test drawing on its own) does not leak into one.
    terminal
        .draw(|frame| cursor::place(frame, (1, 1)))
        .expect("draw");
    terminal.hide_cursor().expect("hide");
    redraw
        .draw(&mut terminal, |_: &mut Frame| {})
        .expect("draw");
    assert!(!terminal.backend().cursor_visible());
}
