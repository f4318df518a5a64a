//! The Members tab's rows after its filter and sort, worked out so that a key press costs what
//! changed, not what the organization holds: a workspace's members are sorted once per
//! directory and sort order (on names folded when the directory loaded), and a query that
//! grows only narrows the rows the shorter one found.

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use uuid::Uuid;

use crate::domain::text::fold;
use crate::tui::roles_short;

use super::folded::NO_MATCH;
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

/// One workspace's members in the order of one sort, as indexes into `People::persons`.
#[derive(Debug, Clone)]
struct Sorted {
    workspace: Uuid,
    version: u64,
    sort: MemberSort,
    order: Vec<u32>,
}

/// The rows a folded query let through, in `Sorted` order.
#[derive(Debug, Clone)]
struct Narrowed {
    needle: String,
    shown: Shown,
    /// Parallel to `shown.hits`: where in the folded text the match in the person's name or
    /// email ended ([`NO_MATCH`] for a match on a role), so that a query one character longer is first
    /// tried right there.
    ends: Vec<u32>,
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
            self.sorted = Some(Sorted {
                workspace,
                version,
                sort,
                order: sorted(people, workspace, sort),
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
        let order = &self.sorted.as_ref().expect("sorted above").order;
        let narrowed = match self.typed.last() {
            Some(shorter) => {
                let grown = needle
                    .strip_prefix(shorter.needle.as_str())
                    .filter(|_| !shorter.needle.is_empty());
                let before = grown.map(|added| (&shorter.ends[..], added));
                narrow(people, workspace, &shorter.shown.hits, before, &needle)
            }
            None => narrow(people, workspace, order, None, &needle),
        };
        let (hits, ends) = narrowed;
        let ids = hits.iter().map(|&i| people.user_id(i as usize)).collect();
        let shown = Shown {
            hits: Rc::new(hits),
            ids: Rc::new(ids),
        };
        if self.typed.len() == REMEMBERED_QUERIES {
            self.typed.remove(0);
        }
        self.typed.push(Narrowed {
            needle,
            shown: shown.clone(),
            ends,
        });
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
        let primary = a.0.cmp(&b.0);
        let primary = if sort.descending {
            primary.reverse()
        } else {
            primary
        };
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

/// The candidates matching the folded `needle`, in their order, each with where its match in
/// name-and-email ended. `before`, for a query that grew at its end: where the shorter one's
/// match ended for each candidate, and what was added; most matches then extend in place, and
/// only the others are searched again. Otherwise the whole directory's folded text is
/// searched once and the candidates pick their results from it.
fn narrow(
    people: &People,
    workspace: Uuid,
    candidates: &[u32],
    before: Option<(&[u32], &str)>,
    needle: &str,
) -> (Vec<u32>, Vec<u32>) {
    if needle.is_empty() {
        return (candidates.to_vec(), vec![NO_MATCH; candidates.len()]);
    }
    // A directory has a handful of distinct role lists: each is tried once per query.
    let mut roles_match: HashMap<*const String, bool> = HashMap::new();
    let mut any_role = |roles: &RoleNames| {
        *roles_match
            .entry(Arc::as_ptr(roles) as *const String)
            .or_insert_with(|| {
                roles.iter().any(|role| {
                    fold(role).contains(needle) || fold(roles_short::short(role)).contains(needle)
                })
            })
    };
    let texts = people.folded_texts();
    let everyone = before.is_none().then(|| texts.find_all(needle));
    // Extending in place compares bytes: a needle with a NUL is looked for properly instead.
    let before = before.filter(|_| !needle.contains('\0'));
    let mut hits = Vec::with_capacity(candidates.len());
    let mut ends = Vec::with_capacity(candidates.len());
    for (k, &i) in candidates.iter().enumerate() {
        let end = match (&everyone, before) {
            (Some(everyone), _) => everyone[i as usize],
            (None, Some((previous, added))) => {
                let end = previous[k];
                if end != NO_MATCH && texts.continues(end, added) {
                    end + added.len() as u32
                } else {
                    texts.find_in(i as usize, needle, 0)
                }
            }
            (None, None) => texts.find_in(i as usize, needle, 0),
        };
        if end != NO_MATCH {
            hits.push(i);
            ends.push(end);
            continue;
        }
        let person = &people.persons[i as usize];
        let on_a_role = person
            .memberships
            .iter()
            .find(|(ws, _)| *ws == workspace)
            .is_some_and(|(_, roles)| any_role(roles))
            || any_role(&person.org_roles);
        if on_a_role {
            hits.push(i);
            ends.push(NO_MATCH);
        }
    }
    (hits, ends)
}

#[cfg(test)]
#[path = "member_filter_tests.rs"]
mod tests;
