//! Puts a drawn frame on the terminal: only the rows that differ from what it shows.
//!
//! ratatui's own flush compares every cell of the new frame with the last one, with the
//! derived `Cell` equality (a `memcmp` call per symbol) and a Unicode width lookup per cell:
//! about as long as drawing the frame. A console frame changes a few rows (a one-row move
//! changes two), so the rows are compared first, a cell at a time without either, and only
//! the rows that differ go through ratatui's diff, which keeps its handling of wide
//! characters. What the terminal shows is kept here, so ratatui's second buffer is not used;
//! where the frame put the cursor comes from [`cursor`], as ratatui keeps it to itself.

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::widgets::cursor;

/// What the terminal shows, and the buffers a frame's rows are compared in.
#[derive(Debug, Default)]
pub struct Redraw {
    /// The cells on the terminal after the last frame.
    shown: Buffer,
    /// The frame being put on the terminal (taken from ratatui's current buffer).
    next: Buffer,
    /// One run of differing rows, before and after, as ratatui's diff takes them.
    run_before: Buffer,
    run_after: Buffer,
    /// Where the last frame wrote, kept so that a frame allocates no list of its own.
    changed: Vec<(u16, u16)>,
}

impl Redraw {
    /// Draws a frame with `render` and writes what changed, as `Terminal::draw` would: the
    /// size checked first (a resize clears the screen), the cursor shown where the frame put
    /// it or hidden, the output flushed once.
    pub fn draw<B, R>(&mut self, terminal: &mut Terminal<B>, render: R) -> Result<(), B::Error>
    where
        B: Backend,
        R: FnOnce(&mut Frame),
    {
        terminal.autoresize()?;
        let mut frame = terminal.get_frame();
        cursor::take();
        render(&mut frame);
        let cursor = cursor::take();
        let area = frame.area();
        // The drawn frame comes here; the terminal renders the next one into a blank buffer.
        std::mem::swap(terminal.current_buffer_mut(), &mut self.next);
        if self.shown.area != self.next.area {
            // The first frame, or a new size (ratatui has just cleared the screen): blank.
            self.shown = Buffer::empty(self.next.area);
        }
        self.changed_cells();
        let (changed, next) = (&self.changed, &self.next);
        terminal
            .backend_mut()
            .draw(changed.iter().map(|&(x, y)| (x, y, &next[(x, y)])))?;
        match cursor {
            None => terminal.hide_cursor()?,
            Some(position) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(position)?;
            }
        }
        terminal.backend_mut().flush()?;
        std::mem::swap(&mut self.shown, &mut self.next);
        let spare = terminal.current_buffer_mut();
        spare.resize(area);
        spare.reset();
        Ok(())
    }

    /// Where to write to turn what is shown into the next frame: ratatui's diff of each run
    /// of rows that differ, never a cell of a row that does not.
    fn changed_cells(&mut self) -> &[(u16, u16)] {
        let mut changed = std::mem::take(&mut self.changed);
        changed.clear();
        let width = usize::from(self.next.area.width);
        if width == 0 {
            self.changed = changed;
            return &self.changed;
        }
        let rows = self.next.content.len().min(self.shown.content.len()) / width;
        let differs = |redraw: &Self, at: usize| {
            !same_row(row_of(&redraw.shown, at), row_of(&redraw.next, at))
        };
        let mut row = 0;
        while row < rows {
            if !differs(self, row) {
                row += 1;
                continue;
            }
            let start = row;
            row += 1;
            // A run goes on through differing rows, and past a row ending in a wide
            // character, whose trailing cells ratatui's diff may write on the row below.
            while row < rows
                && (differs(self, row)
                    || ends_wide(row_of(&self.shown, row - 1))
                    || ends_wide(row_of(&self.next, row - 1)))
            {
                row += 1;
            }
            self.diff_run(start, row, &mut changed);
        }
        self.changed = changed;
        &self.changed
    }

    /// ratatui's diff of rows `start..end`, as positions on the screen.
    fn diff_run(&mut self, start: usize, end: usize, updates: &mut Vec<(u16, u16)>) {
        let area = self.next.area;
        let width = usize::from(area.width);
        let run = Rect {
            x: area.x,
            // Rows are counted within the area, whose height is a u16.
            y: area.y + start as u16,
            width: area.width,
            height: (end - start) as u16,
        };
        let cells = start * width..end * width;
        copy_into(
            &mut self.run_before,
            run,
            &self.shown.content[cells.clone()],
        );
        copy_into(&mut self.run_after, run, &self.next.content[cells]);
        updates.extend(
            self.run_before
                .diff_iter(&self.run_after)
                .map(|(x, y, _)| (x, y)),
        );
    }
}

/// Row `row` of `buffer` (counted from its top).
fn row_of(buffer: &Buffer, row: usize) -> &[Cell] {
    let width = usize::from(buffer.area.width);
    &buffer.content[row * width..(row + 1) * width]
}

/// Makes `buffer` cover `area` with `cells`, reusing its allocation (and the cells' own).
fn copy_into(buffer: &mut Buffer, area: Rect, cells: &[Cell]) {
    buffer.area = area;
    buffer.content.truncate(cells.len());
    let kept = buffer.content.len();
    buffer.content.clone_from_slice(&cells[..kept]);
    buffer.content.extend_from_slice(&cells[kept..]);
}

fn same_row(shown: &[Cell], next: &[Cell]) -> bool {
    shown.len() == next.len() && shown.iter().zip(next).all(|(a, b)| looks_same(a, b))
}

/// Whether a cell shows as another does, so that writing it again would change nothing: the
/// same symbol (an empty cell's and a space's are both a space), colours and modifiers, and
/// the same diff option (except one that asks always to be written).
#[allow(deprecated)] // `skip` is still read by ratatui's diff, so it is compared too.
fn looks_same(shown: &Cell, next: &Cell) -> bool {
    let (a, b) = (shown.symbol().as_bytes(), next.symbol().as_bytes());
    // Most symbols are one character of up to four bytes (letters, borders, marks): compared
    // byte by byte inline, not with a `memcmp` call per cell.
    let same_symbol = a.len() == b.len()
        && if a.len() <= 4 {
            a.iter().zip(b).all(|(x, y)| x == y)
        } else {
            a == b
        };
    same_symbol
        && shown.fg == next.fg
        && shown.bg == next.bg
        && shown.underline_color == next.underline_color
        && shown.modifier == next.modifier
        && shown.diff_option == next.diff_option
        && next.diff_option != CellDiffOption::AlwaysUpdate
        && shown.skip == next.skip
}

/// Whether the last cell of a row may hold a character wider than one column: a wide one, one
/// given a width, or any cluster of several characters (ratatui widens some that Unicode calls
/// narrow).
fn ends_wide(row: &[Cell]) -> bool {
    row.last().is_some_and(|cell| {
        let symbol = cell.symbol();
        matches!(cell.diff_option, CellDiffOption::ForcedWidth(width) if width.get() > 1)
            || symbol.len() > 1 && (symbol.width() > 1 || symbol.chars().nth(1).is_some())
    })
}

#[cfg(test)]
#[path = "redraw_tests.rs"]
mod tests;
