//! Where each row's match of a Members filter ended, and the few bytes of folded text after
//! it: the next characters typed are checked against those bytes, read in order beside the
//! places, instead of at 100,000 places scattered through the folded text, most of which the
//! frame drawn in between has pushed out of the processor's caches.

use std::rc::Rc;

use super::folded::{FoldedTexts, NO_MATCH};

/// How many bytes after each match are kept beside it.
const AHEAD: usize = 8;

/// `(index into People::persons, where the match in their name or email ended, less the
/// query's shift)` in the directory's order, [`NO_MATCH`] for a row let through by a role;
/// and beside each, the [`AHEAD`] bytes of folded text that followed the match at shift
/// `read_at` (zeros past the buffer's end).
#[derive(Debug, Clone, Default)]
pub struct Places {
    ends: Rc<Vec<(u32, u32)>>,
    ahead: Rc<Vec<u64>>,
    read_at: u32,
}

impl Places {
    /// `ends` as found at `shift`, with the bytes after each read from `texts`.
    pub fn read(texts: &FoldedTexts, ends: Vec<(u32, u32)>, shift: u32) -> Self {
        let ahead = bytes_after(texts, &ends, shift);
        Self {
            ends: Rc::new(ends),
            ahead: Rc::new(ahead),
            read_at: shift,
        }
    }

    pub fn ends(&self) -> &[(u32, u32)] {
        &self.ends
    }

    /// The same places for a query grown by `added` (no NUL in it) from shift `shift`, when
    /// every row's match goes on with it; `None` when one does not (or a row has no match).
    pub fn all_go_on(&self, texts: &FoldedTexts, shift: u32, added: &[u8]) -> Option<Self> {
        let used = (shift - self.read_at) as usize;
        if used + added.len() <= AHEAD {
            let want = word(added) << (8 * used);
            let mask = mask(added.len()) << (8 * used);
            let all = (self.ends.iter().zip(self.ahead.iter()))
                .all(|(&(_, end), &after)| end != NO_MATCH && after & mask == want);
            return all.then(|| self.clone());
        }
        // The bytes kept are used up: the text is read, and the next ones kept.
        let all = self
            .ends
            .iter()
            .all(|&(_, end)| end != NO_MATCH && texts.continues(end + shift, added));
        let grown = shift + added.len() as u32;
        all.then(|| Self {
            ends: Rc::clone(&self.ends),
            ahead: Rc::new(bytes_after(texts, &self.ends, grown)),
            read_at: grown,
        })
    }
}

fn bytes_after(texts: &FoldedTexts, ends: &[(u32, u32)], shift: u32) -> Vec<u64> {
    ends.iter()
        .map(|&(_, end)| match end {
            NO_MATCH => 0,
            end => match texts.bytes_from(end + shift, AHEAD) {
                // One load, but at the buffer's very end.
                &[a, b, c, d, e, f, g, h] => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
                fewer => word(fewer),
            },
        })
        .collect()
}

/// Up to [`AHEAD`] bytes as one word, the first in its lowest byte.
fn word(bytes: &[u8]) -> u64 {
    let mut packed = [0u8; AHEAD];
    packed[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(packed)
}

/// The low `len` bytes of a word.
fn mask(len: usize) -> u64 {
    match len {
        AHEAD => u64::MAX,
        len => (1u64 << (8 * len)) - 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_bytes_are_checked_beside_the_places_until_they_run_out() {
        let mut texts = FoldedTexts::default();
        texts.push_text("ann", "ann.lee@northwind.example");
        texts.push_text("bob", "bob@northwind.example");
        // Both matches of "@" end where "northwind.example" begins.
        let ends: Vec<(u32, u32)> = (0..2)
            .map(|i| (i, texts.find_in(i as usize, "@", 0)))
            .collect();
        let places = Places::read(&texts, ends, 0);
        let mut shift = 0;
        let mut at = places;
        for byte in b"northwind.exam" {
            at = at
                .all_go_on(&texts, shift, &[*byte])
                .unwrap_or_else(|| panic!("{} goes on", *byte as char));
            shift += 1;
        }
        assert!(
            at.read_at > 0,
            "the kept bytes were read again once used up"
        );
        assert!(at.all_go_on(&texts, shift, b"x").is_none());
        assert!(at.all_go_on(&texts, shift, b"ple").is_some());
        // Past the end of a person's text comes a NUL, which no typed character is.
        assert!(at.all_go_on(&texts, shift, b"plex").is_none());
    }

    #[test]
    fn a_row_without_a_match_stops_sharing() {
        let mut texts = FoldedTexts::default();
        texts.push_text("ann", "ann@x");
        let places = Places::read(&texts, vec![(0, NO_MATCH)], 0);
        assert!(places.all_go_on(&texts, 0, b"a").is_none());
    }
}
