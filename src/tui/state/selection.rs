//! A cursor that follows an item by id, so refreshes, sorting and filtering keep it on the
//! same row; when the item is gone it stays near where it was.

/// The cursor of one list. `K` is the item's stable id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection<K> {
    pub id: Option<K>,
    /// Where the cursor was last seen, used when its item disappears.
    pub index_hint: usize,
}

impl<K> Default for Selection<K> {
    fn default() -> Self {
        Self {
            id: None,
            index_hint: 0,
        }
    }
}

impl<K: PartialEq + Clone> Selection<K> {
    pub fn on(id: K) -> Self {
        Self {
            id: Some(id),
            index_hint: 0,
        }
    }

    /// The row the cursor is on among `ids` (in display order), or `None` for an empty list.
    pub fn resolve(&self, ids: &[K]) -> Option<usize> {
        self.resolve_by(ids.len(), |i, id| ids[i] == *id)
    }

    /// [`resolve`](Self::resolve) among `len` rows, `is(i, id)` telling whether row `i` is
    /// the item `id`: for a list whose ids are not gathered in one slice (a frame need not
    /// collect every row's id).
    pub fn resolve_by(&self, len: usize, is: impl Fn(usize, &K) -> bool) -> Option<usize> {
        if len == 0 {
            return None;
        }
        // Where it was last seen is where it usually still is: no search through every row.
        if let Some(id) = self.id.as_ref()
            && self.index_hint < len
            && is(self.index_hint, id)
        {
            return Some(self.index_hint);
        }
        self.id
            .as_ref()
            .and_then(|id| (0..len).position(|i| is(i, id)))
            .or(Some(self.index_hint.min(len - 1)))
    }

    /// The id under the cursor, if the list has rows.
    pub fn current(&self, ids: &[K]) -> Option<K> {
        self.resolve(ids).map(|i| ids[i].clone())
    }

    pub fn select_index(&mut self, ids: &[K], index: usize) {
        if ids.is_empty() {
            return;
        }
        let index = index.min(ids.len() - 1);
        self.id = Some(ids[index].clone());
        self.index_hint = index;
    }

    /// Moves by `delta` rows, stopping at the ends.
    pub fn step(&mut self, ids: &[K], delta: isize) {
        let Some(at) = self.resolve(ids) else { return };
        let target = at.saturating_add_signed(delta).min(ids.len() - 1);
        self.select_index(ids, target);
    }

    pub fn first(&mut self, ids: &[K]) {
        self.select_index(ids, 0);
    }

    pub fn last(&mut self, ids: &[K]) {
        self.select_index(ids, ids.len().saturating_sub(1));
    }

    /// Pins the cursor to the row it resolves to now (after the list changed).
    pub fn settle(&mut self, ids: &[K]) {
        if let Some(i) = self.resolve(ids) {
            self.select_index(ids, i);
        }
    }
}

/// The first row shown in a viewport of `height` rows so that `selected` is visible. Pages
/// flip whole, which needs no remembered scroll offset and keeps rows from jumping around.
pub fn page_offset(selected: Option<usize>, height: usize) -> usize {
    match (selected, height) {
        (Some(i), h) if h > 0 => i - i % h,
        _ => 0,
    }
}

/// [`page_offset`] for a list of `len` rows that keeps its height: the last page starts
/// early enough to fill the viewport, so reaching the end of a list never shrinks it (nor
/// the dialog sized to it).
pub fn full_page_offset(selected: Option<usize>, height: usize, len: usize) -> usize {
    page_offset(selected, height).min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_follows_its_item_when_rows_move() {
        let mut sel = Selection::default();
        sel.select_index(&['a', 'b', 'c'], 1);
        assert_eq!(sel.resolve(&['c', 'a', 'b']), Some(2));
        assert_eq!(sel.current(&['x', 'b']), Some('b'));
    }

    #[test]
    fn when_the_item_goes_the_cursor_stays_near() {
        let mut sel = Selection::default();
        sel.select_index(&['a', 'b', 'c', 'd'], 3);
        assert_eq!(sel.resolve(&['a', 'b']), Some(1));
        assert_eq!(sel.resolve(&[]), None);
    }

    #[test]
    fn stepping_stops_at_the_ends() {
        let ids = ['a', 'b', 'c'];
        let mut sel = Selection::default();
        sel.step(&ids, -1);
        assert_eq!(sel.current(&ids), Some('a'));
        sel.step(&ids, 10);
        assert_eq!(sel.current(&ids), Some('c'));
        sel.first(&ids);
        assert_eq!(sel.current(&ids), Some('a'));
        sel.last(&ids);
        assert_eq!(sel.current(&ids), Some('c'));
    }

    #[test]
    fn pages_flip_whole() {
        assert_eq!(page_offset(Some(0), 5), 0);
        assert_eq!(page_offset(Some(4), 5), 0);
        assert_eq!(page_offset(Some(5), 5), 5);
        assert_eq!(page_offset(Some(3), 0), 0);
        assert_eq!(page_offset(None, 5), 0);
        // Eleven rows, eight at a time: the last page is rows 3 to 10, not 8 to 10 alone.
        assert_eq!(full_page_offset(Some(10), 8, 11), 3);
        assert_eq!(full_page_offset(Some(7), 8, 11), 0);
        assert_eq!(full_page_offset(Some(2), 8, 3), 0);
    }
}
