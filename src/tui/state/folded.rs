//! Every person's name and email folded (case, accents) once per directory, kept in one
//! contiguous buffer so that the Members filter searches the whole directory with one pass of
//! one searcher instead of visiting thousands of separate strings.

use std::sync::Arc;

use crate::domain::text::fold;

use super::people::Person;

/// What a search records for a person without a match in name or email.
pub const NO_MATCH: u32 = u32::MAX;

/// `name NUL email NUL` for each person in the directory's order, and where each begins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldedTexts {
    text: String,
    /// Where each person's text begins, and one more entry: where the buffer ends.
    starts: Vec<u32>,
    /// Where each person's name ends (and the NUL before the email is), in the buffer.
    splits: Vec<u32>,
    /// What each was folded from, to tell whose must be folded again after a change.
    from: Vec<(Arc<str>, Arc<str>)>,
}

/// One person's folded text, borrowed from the buffer.
#[derive(Debug, Clone, Copy)]
pub struct Folded<'a> {
    both: &'a str,
    split: usize,
}

impl<'a> Folded<'a> {
    pub fn name(&self) -> &'a str {
        &self.both[..self.split]
    }

    pub fn email(&self) -> &'a str {
        &self.both[self.split + 1..]
    }

    /// The name, a NUL and the email: a needle without a NUL found here is in one of them.
    pub fn both(&self) -> &'a str {
        self.both
    }
}

impl FoldedTexts {
    pub fn len(&self) -> usize {
        self.splits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.splits.is_empty()
    }

    /// Folds and appends one person.
    pub fn push(&mut self, person: &Person) {
        let name = fold(&person.name);
        let email = fold(&person.email);
        self.push_folded(&name, &email, person);
    }

    /// Appends a name and email already folded, for tests that need no person.
    #[cfg(test)]
    pub fn push_text(&mut self, name: &str, email: &str) {
        let from = (Arc::from(name), Arc::from(email));
        self.push_raw(name, email);
        self.from.push(from);
    }

    fn push_folded(&mut self, name: &str, email: &str, person: &Person) {
        self.push_raw(name, email);
        self.from
            .push((Arc::clone(&person.name), Arc::clone(&person.email)));
    }

    fn push_raw(&mut self, name: &str, email: &str) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.text.push_str(name);
        self.splits.push(offset(self.text.len()));
        self.text.push('\0');
        self.text.push_str(email);
        self.text.push('\0');
        self.starts.push(offset(self.text.len()));
    }

    /// Brings the buffer in line with `persons` after they changed: a person whose name and
    /// email are the same strings as before is copied, not folded again.
    pub fn refresh(&mut self, persons: &[Person]) {
        let unchanged = self.len() == persons.len()
            && self.from.iter().zip(persons).all(|((name, email), p)| {
                Arc::ptr_eq(name, &p.name) && Arc::ptr_eq(email, &p.email)
            });
        if unchanged {
            return;
        }
        let old = std::mem::take(self);
        self.text.reserve(old.text.len());
        for (i, person) in persons.iter().enumerate() {
            match old.from.get(i) {
                Some((name, email))
                    if Arc::ptr_eq(name, &person.name) && Arc::ptr_eq(email, &person.email) =>
                {
                    let kept = old.get(i);
                    self.push_folded(kept.name(), kept.email(), person);
                }
                _ => self.push(person),
            }
        }
    }

    /// Person `index`'s folded name and email.
    pub fn get(&self, index: usize) -> Folded<'_> {
        let start = self.starts[index] as usize;
        // Without the NUL that closes the person's text.
        let end = self.starts[index + 1] as usize - 1;
        Folded {
            both: &self.text[start..end],
            split: self.splits[index] as usize - start,
        }
    }

    /// For every person, where in the buffer the first match of `needle` (folded, not empty)
    /// in their name or email ends, or [`NO_MATCH`]: one pass over the whole buffer, and a
    /// person's text is left at their first match.
    pub fn find_all(&self, needle: &str) -> Vec<u32> {
        let mut ends = vec![NO_MATCH; self.len()];
        if needle.contains('\0') {
            // Could match across a name and an email: each person is searched on their own.
            for (i, end) in ends.iter_mut().enumerate() {
                *end = self.find_in(i, needle, 0);
            }
            return ends;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let bytes = self.text.as_bytes();
        let mut from = 0;
        let mut person = 0;
        while let Some(at) = finder.find(&bytes[from..]).map(|at| from + at) {
            // Whose text the match is in: matches only move on, and most land in the next
            // person's text or one soon after, so walking on beats a binary search per match.
            while self.starts[person + 1] as usize <= at {
                person += 1;
            }
            ends[person] = offset(at + needle.len());
            from = self.starts[person + 1] as usize;
        }
        ends
    }

    /// Up to `len` bytes of the buffer from `at` (fewer at its end).
    pub fn bytes_from(&self, at: u32, len: usize) -> &[u8] {
        let bytes = self.text.as_bytes();
        let at = (at as usize).min(bytes.len());
        &bytes[at..(at + len).min(bytes.len())]
    }

    /// Whether the match that ends at `end` in the buffer goes on with `added` (without a
    /// NUL): it cannot run into the next person, whose text a NUL keeps apart.
    #[inline]
    pub fn continues(&self, end: u32, added: &[u8]) -> bool {
        let bytes = self.text.as_bytes();
        let at = end as usize;
        match added {
            // One typed character, most often: one byte compared, not a call to compare.
            &[byte] => bytes.get(at) == Some(&byte),
            added => bytes.get(at..at + added.len()) == Some(added),
        }
    }

    /// [`find_in`](Self::find_in) for a needle without a NUL, searched by `finder` (made once
    /// for many people) from `from`, a place in the buffer within or before person `index`'s
    /// text: where the first match at or after it ends, or [`NO_MATCH`].
    pub fn find_from(&self, index: usize, finder: &memchr::memmem::Finder<'_>, from: u32) -> u32 {
        let start = (self.starts[index]).max(from) as usize;
        let end = self.starts[index + 1] as usize - 1;
        let Some(text) = self.text.as_bytes().get(start..end) else {
            return NO_MATCH;
        };
        finder
            .find(text)
            .map_or(NO_MATCH, |at| offset(start + at + finder.needle().len()))
    }

    /// Where in the buffer the first match of `needle` in person `index`'s name or email at
    /// or after `from` (an offset in their text) ends, or [`NO_MATCH`].
    pub fn find_in(&self, index: usize, needle: &str, from: usize) -> u32 {
        let folded = self.get(index);
        let text = folded.both();
        let Some(rest) = text.get(from..) else {
            return NO_MATCH;
        };
        let at = if needle.contains('\0') {
            let split = folded.split;
            let name = text.get(from..split).and_then(|name| name.find(needle));
            name.map(|at| from + at).or_else(|| {
                let email_from = from.max(split + 1);
                text[email_from..].find(needle).map(|at| email_from + at)
            })
        } else {
            memchr::memmem::find(rest.as_bytes(), needle.as_bytes()).map(|at| from + at)
        };
        let start = self.starts[index] as usize;
        at.map_or(NO_MATCH, |at| offset(start + at + needle.len()))
    }
}

/// A position in the buffer; a directory whose folded text passes 4 GB is not a console's.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("the folded directory fits in 4 GB")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, email: &str) -> Person {
        Person {
            user_id: uuid::Uuid::new_v4(),
            name: name.into(),
            email: email.into(),
            org_roles: Arc::from(Vec::<String>::new()),
            memberships: Vec::new(),
            joined: None,
        }
    }

    #[test]
    fn one_pass_finds_each_persons_first_match_and_nothing_across_two_people() {
        let persons = [
            person("Zoë Martin", "zoe@x.example"),
            person("Ana", "ana@y.example"),
            person("Bob", "bo@z.example"),
        ];
        let mut texts = FoldedTexts::default();
        for p in &persons {
            texts.push(p);
        }
        assert_eq!(texts.get(0).name(), "zoe martin");
        assert_eq!(texts.get(0).email(), "zoe@x.example");
        // Person 0's text takes 25 bytes with its closing NUL, person 1's 18.
        assert_eq!(texts.find_all("zoe"), vec![3, NO_MATCH, NO_MATCH]);
        assert_eq!(texts.find_all("example"), vec![24, 25 + 17, 25 + 18 + 16]);
        assert!(texts.continues(3, b" mar") && !texts.continues(24, b"x"));
        // "ana" ends one person's text and "bob" begins the next: no match spans them.
        assert_eq!(texts.find_all("examplebob"), vec![NO_MATCH; 3]);
        assert_eq!(texts.find_all("a@"), vec![NO_MATCH, 25 + 8, NO_MATCH]);
        assert_eq!(
            texts.find_in(1, "a", 1),
            25 + 3,
            "the next match after the first"
        );
        let finder = memchr::memmem::Finder::new("a");
        assert_eq!(
            texts.find_from(1, &finder, 0),
            25 + 1,
            "from before their text"
        );
        assert_eq!(
            texts.find_from(1, &finder, 25 + 1),
            25 + 3,
            "from within it"
        );
        assert_eq!(
            texts.find_from(1, &finder, 25 + 17),
            NO_MATCH,
            "nothing after their text's end is theirs"
        );
        // A needle with a NUL is looked for in the name and in the email, never across them.
        assert_eq!(texts.find_all("martin\0zoe"), vec![NO_MATCH; 3]);
        assert_eq!(texts.find_all("ana\0bob"), vec![NO_MATCH; 3]);
    }

    #[test]
    fn a_refresh_folds_only_who_changed() {
        let mut persons = vec![person("Ana", "a@x"), person("Bob", "b@x")];
        let mut texts = FoldedTexts::default();
        texts.refresh(&persons);
        assert_eq!(texts.len(), 2);
        persons[0].name = "Ånna".into();
        persons.push(person("Cy", "c@x"));
        texts.refresh(&persons);
        let names: Vec<_> = (0..3).map(|i| texts.get(i).name()).collect();
        assert_eq!(names, ["anna", "bob", "cy"]);
        // "anna\0a@x\0" comes first.
        assert_eq!(texts.find_all("b@"), vec![NO_MATCH, 9 + 6, NO_MATCH]);
        persons.remove(1);
        texts.refresh(&persons);
        assert_eq!(texts.len(), 2);
        assert_eq!(texts.get(1).email(), "c@x");
    }
}
