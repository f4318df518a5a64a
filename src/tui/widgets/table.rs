//! Tables whose columns stay aligned whatever the text: widths are shared out by terminal
//! columns and every cell is cut and padded to its width before drawing.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::cells;
use super::text::{push_fitted, truncate, width};
use crate::tui::state::selection::page_offset;
use crate::tui::theme::Theme;

/// Columns between cells.
const GAP: usize = 1;
/// The marker column at the start of every row ("▶ " on the cursor row).
pub const MARKER_WIDTH: usize = 2;

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    /// Below this the column is hidden rather than cut to nothing.
    pub min: usize,
    /// Never wider than this, however much room there is.
    pub max: usize,
    pub align_right: bool,
    /// Takes the room left once every column has its content width.
    pub grow: bool,
}

impl Column {
    pub fn new(title: impl Into<String>, min: usize, max: usize) -> Self {
        Self {
            title: title.into(),
            min,
            max,
            align_right: false,
            grow: false,
        }
    }

    pub fn grow(mut self) -> Self {
        self.grow = true;
        self
    }

    pub fn right(mut self) -> Self {
        self.align_right = true;
        self
    }
}

/// One row: its cells (plain text, borrowed where the state holds it) and how the row is
/// drawn when not under the cursor.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub cells: Vec<Cow<'a, str>>,
    pub style: Style,
    /// Shown in the marker column when the cursor is elsewhere ("● " for the open item).
    pub marker: &'static str,
    /// Picked for an action on several rows: a tick in the marker column, cursor or not.
    pub marked: bool,
}

impl<'a> Row<'a> {
    pub fn new<C: Into<Cow<'a, str>>>(cells: impl IntoIterator<Item = C>, style: Style) -> Self {
        Self {
            cells: cells.into_iter().map(Into::into).collect(),
            style,
            marker: "  ",
            marked: false,
        }
    }
}

/// The rows of a long list that a table in `area_height` lines shows, so a pane builds cells
/// only for those. Column widths then follow the page on screen.
pub fn page(len: usize, selected: Option<usize>, area_height: u16, header: bool) -> Range<usize> {
    let body = usize::from(area_height).saturating_sub(usize::from(header));
    let start = page_offset(selected, body).min(len);
    start..(start + body).min(len)
}

/// Shares `available` columns out: every column gets its content width (bounded by its own
/// min and max) while room lasts; columns that no longer fit their minimum are hidden from
/// the right. Columns marked `grow` take what is left over.
pub fn allocate(columns: &[Column], rows: &[Row<'_>], available: usize) -> Vec<usize> {
    let wanted: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, col)| {
            let content = rows
                .iter()
                .filter_map(|r| r.cells.get(i))
                .map(|c| width(c))
                .chain([width(&col.title)])
                .max()
                .unwrap_or(0);
            content.clamp(col.min, col.max.max(col.min))
        })
        .collect();
    let mut shown = columns.len();
    let needed = |n: usize| -> usize {
        columns[..n].iter().map(|c| c.min).sum::<usize>() + GAP * n.saturating_sub(1)
    };
    while shown > 0 && needed(shown) > available {
        shown -= 1;
    }
    let mut widths: Vec<usize> = columns.iter().map(|c| c.min).collect();
    for w in widths.iter_mut().skip(shown) {
        *w = 0;
    }
    // What is left is shared in proportion to how much each column still wants, so one
    // long column cannot starve the others.
    let room = available.saturating_sub(needed(shown));
    let wants: Vec<usize> = (0..shown).map(|i| wanted[i] - widths[i]).collect();
    let total_want: usize = wants.iter().sum();
    if total_want <= room {
        for i in 0..shown {
            widths[i] += wants[i];
        }
        let mut spare = room - total_want;
        for i in (0..shown).filter(|i| columns[*i].grow) {
            let extra = spare.min(columns[i].max.saturating_sub(widths[i]));
            widths[i] += extra;
            spare -= extra;
        }
    } else {
        let mut given = 0;
        for i in 0..shown {
            let share = room * wants[i] / total_want;
            widths[i] += share;
            given += share;
        }
        for i in 0..shown {
            if given == room {
                break;
            }
            if widths[i] < wanted[i] {
                widths[i] += 1;
                given += 1;
            }
        }
    }
    widths
}

/// What a table needs to draw itself.
pub struct Table<'a> {
    pub columns: &'a [Column],
    pub rows: &'a [Row<'a>],
    pub selected: Option<usize>,
    pub focused: bool,
    /// Extra text after a column title, e.g. the sort arrow: `(column, suffix)`.
    pub title_suffix: Option<(usize, &'a str)>,
    /// Whether the first line shows the column titles.
    pub header: bool,
}

pub fn render(frame: &mut Frame, area: Rect, table: &Table<'_>, theme: &Theme) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let available = usize::from(area.width).saturating_sub(MARKER_WIDTH);
    let widths = allocate(table.columns, table.rows, available);
    let buffer = frame.buffer_mut();
    let mut rows_y = area.top()..area.bottom();
    if table.header
        && let Some(y) = rows_y.next()
    {
        let header_cells: Vec<Cow<'_, str>> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match table.title_suffix {
                // The title gives way, not the sort arrow: it is the only sign of the order.
                Some((col, suffix)) if col == i => {
                    let room = widths[i].saturating_sub(width(suffix));
                    Cow::Owned(format!("{}{suffix}", truncate(&c.title, room)))
                }
                _ => Cow::Borrowed(c.title.as_str()),
            })
            .collect();
        let mut header = String::new();
        join_cells(&mut header, &header_cells, table.columns, &widths);
        let line = Line::from(vec![
            Span::raw(" ".repeat(MARKER_WIDTH)),
            Span::styled(header, theme.header),
        ]);
        cells::set_line(buffer, area.left(), y, &line, area.width);
    }
    let shown_widths = widths.iter().filter(|w| **w > 0);
    let used = shown_widths.clone().sum::<usize>() + GAP * shown_widths.count().saturating_sub(1);
    let body_height = usize::from(area.height) - usize::from(table.header);
    let offset = page_offset(table.selected, body_height);
    // One line of text reused for every row: a frame allocates nothing per row here.
    let mut padded = String::with_capacity(available * 2);
    let rows = table.rows.iter().enumerate().skip(offset).take(body_height);
    for ((index, row), y) in rows.zip(rows_y) {
        let under_cursor = table.selected == Some(index);
        let (marker, style) = if under_cursor {
            let style = if table.focused {
                theme.cursor
            } else {
                theme.cursor_unfocused
            };
            (if row.marked { "▶✓" } else { "▶ " }, style)
        } else if row.marked {
            ("✓ ", row.style)
        } else {
            (row.marker, row.style)
        };
        // Every cell is fitted to its column, so the row's width is known without measuring it.
        padded.clear();
        join_cells(&mut padded, &row.cells, table.columns, &widths);
        padded.extend(std::iter::repeat_n(' ', available.saturating_sub(used)));
        // Written straight into the buffer, the marker and then the cells, without a
        // paragraph's wrapping and alignment machinery.
        let marker_style = if under_cursor {
            style
        } else {
            theme.open_marker
        };
        let left = area.left();
        let after_marker = cells::set_text(buffer, left, y, marker, area.width, marker_style);
        let room = area.width.saturating_sub(after_marker - left);
        cells::set_text(buffer, after_marker, y, &padded, room, style);
    }
}

/// Appends the cells to `out`, each fitted to its column's width, with the gap between them.
fn join_cells(out: &mut String, cells: &[Cow<'_, str>], columns: &[Column], widths: &[usize]) {
    let start = out.len();
    for (i, w) in widths.iter().enumerate() {
        if *w == 0 {
            continue;
        }
        if out.len() > start {
            out.extend(std::iter::repeat_n(' ', GAP));
        }
        let cell = cells.get(i).map(Cow::as_ref).unwrap_or("");
        push_fitted(out, cell, *w, columns[i].align_right);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols() -> Vec<Column> {
        vec![
            Column::new("Name", 8, 30).grow(),
            Column::new("Email", 10, 40),
            Column::new("Roles", 6, 20),
        ]
    }

    fn row(cells: &[&str]) -> Row<'static> {
        Row::new(cells.iter().map(|c| c.to_string()), Style::default())
    }

    #[test]
    fn widths_never_exceed_the_room_and_hide_from_the_right() {
        let rows = [row(&["Jane Doe", "jane@example.com", "workspace_admin"])];
        for room in 0..120 {
            let widths = allocate(&cols(), &rows, room);
            let used: usize = widths.iter().sum::<usize>()
                + GAP * widths.iter().filter(|w| **w > 0).count().saturating_sub(1);
            assert!(used <= room, "room {room}: {widths:?}");
        }
        assert_eq!(
            allocate(&cols(), &rows, 20)[2],
            0,
            "last column hidden first"
        );
        assert_eq!(allocate(&cols(), &rows, 5), vec![0, 0, 0]);
    }

    #[test]
    fn columns_get_their_content_width_when_there_is_room() {
        let rows = [row(&["Jane Doe", "jane@example.com", "admin"])];
        assert_eq!(allocate(&cols(), &rows, 100), vec![30, 16, 6]);
    }

    #[test]
    fn a_tight_fit_is_shared_in_proportion() {
        let rows = [row(&[
            "Ana Lucía Pérez",
            "ana.perez@acme.example",
            "workspace_contributor",
        ])];
        let widths = allocate(&cols(), &rows, 40);
        assert_eq!(widths.iter().sum::<usize>() + 2, 40);
        assert!(
            widths[0] > 8 && widths[1] > 10 && widths[2] > 6,
            "{widths:?}"
        );
    }

    #[test]
    fn wide_characters_keep_the_columns_aligned() {
        let rows = [
            row(&["山田太郎", "taro@example.jp", "dev"]),
            row(&["Zoe\u{308} Martin", "zoe@example.fr", "dev"]),
            row(&["Plain", "p@example.com", "dev"]),
        ];
        let widths = allocate(&cols(), &rows, 40);
        let lines: Vec<String> = rows
            .iter()
            .map(|r| {
                let mut line = String::new();
                join_cells(&mut line, &r.cells, &cols(), &widths);
                line
            })
            .collect();
        let w: Vec<usize> = lines.iter().map(|l| width(l)).collect();
        assert!(w.windows(2).all(|p| p[0] == p[1]), "{lines:#?}");
        let email_at: Vec<usize> = lines
            .iter()
            .map(|l| width(&l[..l.find('@').unwrap()]))
            .collect();
        let starts: Vec<usize> = lines
            .iter()
            .zip(&email_at)
            .map(|(l, at)| at - width(l[..l.find('@').unwrap()].rsplit(' ').next().unwrap()))
            .collect();
        assert!(starts.windows(2).all(|p| p[0] == p[1]), "{lines:#?}");
    }
}
