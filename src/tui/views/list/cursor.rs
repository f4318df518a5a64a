//! A list's cursor: it follows the id of the row it is on, so a sort, a filter or a reload
//! that moves the row moves the cursor with it; a row that went away leaves the cursor where
//! it was, within the rows left. It also keeps the line it is on, so a row drawn twice (a
//! group nested in two groups) keeps the line the cursor moved to.

/// What a cursor needs to know of the rows shown now, in the order shown.
pub trait Rows {
    type Id: Clone + PartialEq;

    fn count(&self) -> usize;

    /// The id of the row at `at`.
    fn id(&self, at: usize) -> Option<Self::Id>;

    /// Where the row `id` is (the first line it is on).
    fn position(&self, id: &Self::Id) -> Option<usize> {
        (0..self.count()).find(|&at| self.id(at).as_ref() == Some(id))
    }
}

impl<K: Clone + PartialEq> Rows for [K] {
    type Id = K;

    fn count(&self) -> usize {
        self.len()
    }

    fn id(&self, at: usize) -> Option<K> {
        self.get(at).cloned()
    }
}

impl<K: Clone + PartialEq> Rows for Vec<K> {
    type Id = K;

    fn count(&self) -> usize {
        self.len()
    }

    fn id(&self, at: usize) -> Option<K> {
        self.get(at).cloned()
    }
}

/// Rows known only by their place (a month's table, a tab of figures): the id is the line.
#[derive(Debug, Clone, Copy)]
pub struct Positions(pub usize);

impl Rows for Positions {
    type Id = usize;

    fn count(&self) -> usize {
        self.0
    }

    fn id(&self, at: usize) -> Option<usize> {
        (at < self.0).then_some(at)
    }

    fn position(&self, id: &usize) -> Option<usize> {
        self.id(*id)
    }
}

/// Where the cursor is: the row it follows, and the line it was last put on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor<K> {
    id: Option<K>,
    line: usize,
}

impl<K> Default for Cursor<K> {
    fn default() -> Self {
        Self { id: None, line: 0 }
    }
}

impl<K: Clone + PartialEq> Cursor<K> {
    /// The id it follows, once it was moved.
    pub fn id(&self) -> Option<&K> {
        self.id.as_ref()
    }

    /// The line under the cursor in `rows`: the line it was put on while that row is still
    /// there, else the row it follows, else the same line within the rows left.
    pub fn selected<R: Rows<Id = K> + ?Sized>(&self, rows: &R) -> Option<usize> {
        let count = rows.count();
        let last = count.checked_sub(1)?;
        let Some(id) = &self.id else {
            return Some(self.line.min(last));
        };
        if rows.id(self.line).as_ref() == Some(id) {
            return Some(self.line);
        }
        Some(rows.position(id).unwrap_or(self.line.min(last)))
    }

    /// The cursor put on line `at` of `rows`.
    pub fn at<R: Rows<Id = K> + ?Sized>(rows: &R, at: usize) -> Self {
        Self {
            id: rows.id(at),
            line: at,
        }
    }

    /// The cursor `delta` lines further, stopped at both ends (unmoved when there is no row).
    pub fn stepped<R: Rows<Id = K> + ?Sized>(&self, rows: &R, delta: isize) -> Self {
        let Some(at) = self.selected(rows) else {
            return self.clone();
        };
        let last = rows.count() - 1;
        let to = (at as isize).saturating_add(delta).clamp(0, last as isize);
        Self::at(rows, to as usize)
    }

    /// Puts the cursor on the line it stands for in `rows` as they are now, so finding it
    /// again costs nothing until the rows change (a long table, after a sort or a reload).
    pub fn settle<R: Rows<Id = K> + ?Sized>(&mut self, rows: &R) {
        if let Some(at) = self.selected(rows) {
            *self = Self::at(rows, at);
        }
    }

    /// The cursor on the row `id`, wherever it is drawn (a group just created).
    pub fn follow(&mut self, id: K) {
        self.id = Some(id);
    }

    /// Back to the first line (a new filter, another tab).
    pub fn reset(&mut self) {
        *self = Self { id: None, line: 0 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_follows_its_row_through_a_new_order() {
        let rows = vec!['a', 'b', 'c'];
        let cursor = Cursor::at(&rows, 1);
        assert_eq!(cursor.selected(&vec!['c', 'a', 'b']), Some(2));
        assert_eq!(cursor.id(), Some(&'b'));
    }

    #[test]
    fn a_row_that_went_away_leaves_the_cursor_on_its_line_within_the_rest() {
        let cursor = Cursor::at(&vec!['a', 'b', 'c'], 2);
        assert_eq!(cursor.selected(&vec!['a', 'b']), Some(1));
        assert_eq!(cursor.selected(&Vec::<char>::new()), None);
    }

    #[test]
    fn steps_stop_at_both_ends_and_a_line_drawn_twice_keeps_its_place() {
        let rows = vec!['a', 'b', 'a'];
        let end = Cursor::default().stepped(&rows, isize::MAX);
        assert_eq!(
            end.selected(&rows),
            Some(2),
            "the second line of a, not the first"
        );
        assert_eq!(end.stepped(&rows, -10).selected(&rows), Some(0));
        assert_eq!(
            Cursor::default().stepped(&Positions(0), 1),
            Cursor::default()
        );
    }
}
