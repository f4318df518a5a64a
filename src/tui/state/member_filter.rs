//! The Members tab's rows after its filter and sort, worked out so that a key press costs what
//! changed, not what the organization holds: a workspace's members are sorted once per
//! directory and sort order (on names folded when the directory loaded), and a query that
//! grows only narrows the rows the shorter one found, reading the folded text front to back
//! where their matches ended; a character that keeps every row shares the rows it had.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use uuid::Uuid;

use crate::domain::text::fold;
use crate::tui::roles_short;

use super::folded::NO_MATCH;
use super::match_places::Places;
use super::members::{MemberColumn, MemberSort};
use super::people::{MemberRow, People, RoleNames};

/// The rows shown, as places in the directory, and their ids, shared with whoever asks again
/// before anything changes. A row itself is made only when it is drawn or acted on: a frame
/// shows a page of them, so a key costs the same with 30 members or 10,000.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// Indexes into `People::persons`, in the table's order.
    pub hits: Rc<Vec<u32>>,
    pub ids: Rc<Vec<Uuid>>,
}

impl Shown {
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The rows at `range` of the table (clamped to it), for `workspace`.
    pub fn rows(
        &self,
        people: &People,
        workspace: Uuid,
        range: std::ops::Range<usize>,
    ) -> Vec<MemberRow> {
        let end = range.end.min(self.hits.len());
        let start = range.start.min(end);
        self.hits[start..end]
            .iter()
            .filter_map(|&i| people.row(i as usize, workspace))
            .collect()
    }

    /// Every row, in the table's order: for an action on what is shown, not for a frame.
    pub fn all_rows(&self, people: &People, workspace: Uuid) -> Vec<MemberRow> {
        self.rows(people, workspace, 0..self.hits.len())
    }
}

/// What the last answers were computed from and what they found.
#[derive(Debug, Clone, Default)]
pub struct MemberList {
    sorted: Option<Sorted>,
    /// The answers to the queries typed since the last fresh search, each containing the one
    /// below it: a character erased goes back to an answer already found.
    typed: Vec<Narrowed>,
}

/// How many answers [`MemberList`] keeps for erased characters; each can hold a row per member.
const REMEMBERED_QUERIES: usize = 16;

/// One workspace's members in the order of one sort, as indexes into `People::persons`
/// with their ids beside them: a filter's rows and ids are picked from these in order.
#[derive(Debug, Clone)]
struct Sorted {
    workspace: Uuid,
    version: u64,
    sort: MemberSort,
    rows: Shown,
}

/// The rows a folded query let through, in `Sorted` order, and the same rows in the
/// directory's order with where their matches ended: a query one character longer reads
/// the folded text from front to back at those places instead of hopping through it in the
/// table's order.
#[derive(Debug, Clone)]
struct Narrowed {
    needle: String,
    shown: Shown,
    /// Where each row's match ended, less `shift`, in the directory's order.
    places: Places,
    /// Added to every end in `places` but [`NO_MATCH`]: a query grown by characters every
    /// row's match went on with shares its shorter query's rows and places.
    shift: u32,
}

impl MemberList {
    /// The rows of `workspace` matching `filter` (name, email or any role, full or short name;
    /// case- and accent-insensitive), sorted by `sort` with ties by name, email, then id.
    /// `version` names the directory: a new one sorts again.
    pub fn rows(
        &mut self,
        people: &People,
        version: u64,
        workspace: Uuid,
        filter: &str,
        sort: MemberSort,
    ) -> Shown {
        let same_base = self
            .sorted
            .as_ref()
            .is_some_and(|s| s.workspace == workspace && s.version == version && s.sort == sort);
        if !same_base {
            let order = sorted(people, workspace, sort);
            let ids = order.iter().map(|&i| people.user_id(i as usize)).collect();
            self.sorted = Some(Sorted {
                workspace,
                version,
                sort,
                rows: Shown {
                    hits: Rc::new(order),
                    ids: Rc::new(ids),
                },
            });
            self.typed.clear();
        }
        let needle = fold(filter.trim());
        // Back to the longest query typed before that this one contains (the same one after
        // an erased character); whatever matches this one matches that one.
        while let Some(top) = self.typed.last() {
            if top.needle == needle {
                return top.shown.clone();
            }
            if needle.contains(top.needle.as_str()) {
                break;
            }
            self.typed.pop();
        }
        let everyone = &self.sorted.as_ref().expect("sorted above").rows;
        let search = Search::new(people, workspace, needle);
        let narrowed = match self.typed.last() {
            Some(shorter) if !shorter.needle.is_empty() && !search.needle.contains('\0') => {
                match search.needle.strip_prefix(shorter.needle.as_str()) {
                    Some(added) => {
                        let added = added.to_owned();
                        search.grown(shorter, &added)
                    }
                    None => search.fresh(&shorter.shown),
                }
            }
            Some(shorter) => search.fresh(&shorter.shown),
            None => search.fresh(everyone),
        };
        let shown = narrowed.shown.clone();
        if self.typed.len() == REMEMBERED_QUERIES {
            self.typed.remove(0);
        }
        self.typed.push(narrowed);
        shown
    }
}

/// The members of `workspace` in `sort` order.
fn sorted(people: &People, workspace: Uuid, sort: MemberSort) -> Vec<u32> {
    let mut keyed: Vec<(Cow<'_, str>, u32)> = people
        .member_indexes(workspace)
        .into_iter()
        .map(|i| {
            let folded = people.folded(i as usize);
            let person = &people.persons[i as usize];
            let key = match sort.column {
                MemberColumn::Name => Cow::Borrowed(folded.name()),
                MemberColumn::Email => Cow::Borrowed(folded.email()),
                MemberColumn::WorkspaceRoles => {
                    Cow::Owned(person.roles_in(workspace).unwrap_or_default().join(","))
                }
                MemberColumn::OrgRoles => Cow::Owned(person.org_roles.join(",")),
            };
            (key, i)
        })
        .collect();
    keyed.sort_by(|a, b| {
        let primary = sort.directed(a.0.cmp(&b.0));
        let (pa, pb) = (&people.persons[a.1 as usize], &people.persons[b.1 as usize]);
        primary
            .then_with(|| {
                people
                    .folded(a.1 as usize)
                    .name()
                    .cmp(people.folded(b.1 as usize).name())
            })
            .then_with(|| pa.email.cmp(&pb.email))
            .then_with(|| pa.user_id.cmp(&pb.user_id))
    });
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// One folded query looked for among a workspace's members.
struct Search<'a> {
    people: &'a People,
    workspace: Uuid,
    needle: String,
    /// A directory has a handful of distinct role lists: each is tried once per query.
    roles_match: HashMap<*const String, bool>,
}

impl<'a> Search<'a> {
    fn new(people: &'a People, workspace: Uuid, needle: String) -> Self {
        Self {
            people,
            workspace,
            needle,
            roles_match: HashMap::new(),
        }
    }

    /// Whether one of person `index`'s roles here or in the organization holds the needle.
    fn on_a_role(&mut self, index: u32) -> bool {
        let person = &self.people.persons[index as usize];
        let workspace = self.workspace;
        let here = person
            .memberships
            .iter()
            .find(|(ws, _)| *ws == workspace)
            .map(|(_, roles)| roles);
        here.into_iter()
            .chain([&person.org_roles])
            .any(|roles| self.any_role(roles))
    }

    fn any_role(&mut self, roles: &RoleNames) -> bool {
        let needle = self.needle.as_str();
        *self
            .roles_match
            .entry(Arc::as_ptr(roles) as *const String)
            .or_insert_with(|| {
                roles.iter().any(|role| {
                    fold(role).contains(needle) || fold(roles_short::short(role)).contains(needle)
                })
            })
    }

    /// The `candidates` (in the table's order) matching the needle: the directory's folded
    /// text is searched once and the candidates pick their results from it.
    fn fresh(mut self, candidates: &Shown) -> Narrowed {
        if self.needle.is_empty() {
            return Narrowed {
                needle: self.needle,
                shown: candidates.clone(),
                places: Places::default(),
                shift: 0,
            };
        }
        let people = self.people;
        let everyone = people.folded_texts().find_all(&self.needle);
        let mut kept = vec![false; everyone.len()];
        for &i in candidates.hits.iter() {
            if everyone[i as usize] != NO_MATCH || self.on_a_role(i) {
                kept[i as usize] = true;
            }
        }
        let places = (0..everyone.len() as u32)
            .filter(|&i| kept[i as usize])
            .map(|i| (i, everyone[i as usize]))
            .collect();
        self.finish(candidates, &kept, places, 0)
    }

    /// `shorter`'s rows that match the needle, which is `shorter`'s grown by `added` at its
    /// end (no NUL in it). Most matches go on with `added` where they ended and are not
    /// searched again; when every row's does, the rows themselves are shared.
    fn grown(mut self, shorter: &Narrowed, added: &str) -> Narrowed {
        let people = self.people;
        let texts = people.folded_texts();
        let shift = shorter.shift + added.len() as u32;
        if let Some(places) = shorter
            .places
            .all_go_on(texts, shorter.shift, added.as_bytes())
        {
            return Narrowed {
                needle: self.needle,
                shown: shorter.shown.clone(),
                places,
                shift,
            };
        }
        let goes_on =
            |end: u32| end != NO_MATCH && texts.continues(end + shorter.shift, added.as_bytes());
        let mut places = Vec::with_capacity(shorter.places.ends().len());
        let finder = memchr::memmem::Finder::new(self.needle.as_bytes()).into_owned();
        let shorter_len = shorter.needle.len() as u32;
        for &(i, end) in shorter.places.ends() {
            let end = if goes_on(end) {
                end
            } else if end != NO_MATCH {
                // Later in their text, perhaps, but not before where the shorter query's first
                // match began: every match of this one begins with one of that. A row let
                // through by a role had no match in its text for the shorter query, so it has
                // none for this one.
                let began = end + shorter.shift - shorter_len;
                match texts.find_from(i as usize, &finder, began) {
                    NO_MATCH if self.on_a_role(i) => NO_MATCH,
                    NO_MATCH => continue,
                    found => found - shift,
                }
            } else if self.on_a_role(i) {
                NO_MATCH
            } else {
                continue;
            };
            places.push((i, end));
        }
        let mut kept = vec![false; texts.len()];
        for &(i, _) in &places {
            kept[i as usize] = true;
        }
        self.finish(&shorter.shown, &kept, places, shift)
    }

    /// The rows of `candidates` that are `kept` (by index into `People::persons`), in their
    /// order, with their ids read beside them rather than looked up one by one.
    fn finish(
        self,
        candidates: &Shown,
        kept: &[bool],
        places: Vec<(u32, u32)>,
        shift: u32,
    ) -> Narrowed {
        let mut hits = Vec::with_capacity(places.len());
        let mut ids = Vec::with_capacity(places.len());
        for (&i, &id) in candidates.hits.iter().zip(candidates.ids.iter()) {
            if kept[i as usize] {
                hits.push(i);
                ids.push(id);
            }
        }
        Narrowed {
            needle: self.needle,
            shown: Shown {
                hits: Rc::new(hits),
                ids: Rc::new(ids),
            },
            places: Places::read(self.people.folded_texts(), places, shift),
            shift,
        }
    }
}

#[cfg(test)]
#[path = "member_filter_tests.rs"]
mod tests;
