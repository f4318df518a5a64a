//! The organization's people as the panes show them: who is in which workspace with which
//! roles (role names already resolved from the catalog).
//!
//! Built once per directory load and kept compact: names and emails are shared (`Arc<str>`)
//! with every row made from them, each distinct list of role names is stored once, and what
//! every key press needs (names folded for the filter, who is where, how many per workspace)
//! is derived here once instead of per key or per frame.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::RoleOut;
use crate::domain::roles::normalize_workspace_role_names;

use super::folded::{Folded, FoldedTexts};

/// A list of role names, highest first; every equal list in a directory is one allocation.
pub type RoleNames = Arc<[String]>;

/// One organization member, with each workspace they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: Uuid,
    pub name: Arc<str>,
    pub email: Arc<str>,
    pub org_roles: RoleNames,
    /// `(workspace, role names)` for every workspace the person belongs to.
    pub memberships: Vec<(Uuid, RoleNames)>,
    /// When they joined the organization, where the server says.
    pub joined: Option<OffsetDateTime>,
}

impl Person {
    /// The person's roles in a workspace, or `None` if they are not a member of it.
    pub fn roles_in(&self, workspace: Uuid) -> Option<&[String]> {
        self.roles_shared(workspace).map(|roles| &roles[..])
    }

    fn roles_shared(&self, workspace: Uuid) -> Option<&RoleNames> {
        self.memberships
            .iter()
            .find(|(ws, _)| *ws == workspace)
            .map(|(_, roles)| roles)
    }
}

/// A row of the Members tab. Its strings are the directory's own, shared, not copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub name: Arc<str>,
    pub email: Arc<str>,
    pub workspace_roles: RoleNames,
    pub org_roles: RoleNames,
}

/// How much of the directory has arrived while it pages in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub loaded: usize,
    /// What the server says the listing holds, when it says.
    pub total: Option<usize>,
}

impl Progress {
    /// "3,000 of 10,000" (or "3,000 so far" without a total).
    pub fn figure(&self) -> String {
        match self.total {
            Some(total) => format!("{} of {}", thousands(self.loaded), thousands(total)),
            None => format!("{} so far", thousands(self.loaded)),
        }
    }
}

/// `12345` as "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Everyone in the organization, and the workspace roles they can be given.
///
/// `persons` may be changed directly only inside [`super::OrgState::patch_people`] (or before
/// the directory is accepted), which derives the indexes again afterwards.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    pub persons: Vec<Person>,
    /// The workspace role catalog (`GET /roles`), in the server's order.
    pub workspace_roles: Vec<RoleOut>,
    /// Set while only the first pages have arrived: this is not everyone yet.
    pub partial: Option<Progress>,
    /// Boxed: a `People` travels in messages, and these indexes are most of its size.
    derived: Box<Derived>,
}

/// What is worked out from `persons` once, not per key or per frame.
#[derive(Debug, Clone, Default, PartialEq)]
struct Derived {
    by_id: HashMap<Uuid, usize>,
    /// Parallel to `persons`.
    folded: FoldedTexts,
    /// Parallel to `persons`: their ids side by side, for a filter's rows.
    user_ids: Vec<Uuid>,
    counts: HashMap<Uuid, usize>,
    roles: HashSet<RoleNames>,
}

impl People {
    pub fn new(persons: Vec<Person>) -> Self {
        let mut people = Self {
            persons,
            ..Self::default()
        };
        people.reindex();
        people
    }

    pub fn with_workspace_roles(mut self, roles: Vec<RoleOut>) -> Self {
        self.workspace_roles = roles;
        self
    }

    /// Derives the indexes again after `persons` changed; names are folded again only where
    /// they changed, role lists are shared again where equal.
    pub fn reindex(&mut self) {
        let derived = &mut self.derived;
        derived.folded.refresh(&self.persons);
        for person in &mut self.persons {
            person.org_roles = intern(&mut derived.roles, &person.org_roles);
            for (_, roles) in &mut person.memberships {
                *roles = intern(&mut derived.roles, roles);
            }
        }
        derived.by_id.clear();
        derived.counts.clear();
        derived.user_ids.clear();
        derived
            .user_ids
            .extend(self.persons.iter().map(|p| p.user_id));
        for (i, person) in self.persons.iter().enumerate() {
            // The first of two entries for one person wins, as in the listing.
            derived.by_id.entry(person.user_id).or_insert(i);
            for (ws, _) in &person.memberships {
                *derived.counts.entry(*ws).or_insert(0) += 1;
            }
        }
    }

    /// Appends people who arrived with a later page; anyone already here is kept as first
    /// listed (a row can shift between pages while the organization changes).
    pub fn extend(&mut self, persons: Vec<Person>) {
        for mut person in persons {
            if self.derived.by_id.contains_key(&person.user_id) {
                continue;
            }
            person.org_roles = intern(&mut self.derived.roles, &person.org_roles);
            for (ws, roles) in &mut person.memberships {
                *roles = intern(&mut self.derived.roles, roles);
                *self.derived.counts.entry(*ws).or_insert(0) += 1;
            }
            self.derived
                .by_id
                .insert(person.user_id, self.persons.len());
            self.derived.folded.push(&person);
            self.derived.user_ids.push(person.user_id);
            self.persons.push(person);
        }
    }

    pub fn person(&self, user: Uuid) -> Option<&Person> {
        self.derived.by_id.get(&user).map(|&i| &self.persons[i])
    }

    /// The id of `persons[index]`.
    pub fn user_id(&self, index: usize) -> Uuid {
        self.derived.user_ids[index]
    }

    /// The folded name and email of `persons[index]`.
    pub fn folded(&self, index: usize) -> Folded<'_> {
        self.derived.folded.get(index)
    }

    /// Everyone's folded names and emails, parallel to `persons`, for the filter's searches.
    pub fn folded_texts(&self) -> &FoldedTexts {
        &self.derived.folded
    }

    pub fn role(&self, name: &str) -> Option<&RoleOut> {
        self.workspace_roles.iter().find(|r| r.name == name)
    }

    /// Organization members who are not in the workspace: who can be added to it.
    pub fn non_members_of(&self, workspace: Uuid) -> Vec<&Person> {
        self.persons
            .iter()
            .filter(|p| p.roles_in(workspace).is_none())
            .collect()
    }

    /// The shared list equal to `roles`, so that equal lists are stored once.
    pub fn intern(&mut self, roles: &[String]) -> RoleNames {
        intern(&mut self.derived.roles, roles)
    }

    /// After the server added `users` to the workspace with `roles`: people who were members
    /// already are left as they were, as the server leaves them.
    pub fn add_to(&mut self, workspace: Uuid, users: &[Uuid], roles: &[String]) {
        let roles = self.intern(&normalize_workspace_role_names(roles.to_vec()));
        let users: HashSet<Uuid> = users.iter().copied().collect();
        for person in &mut self.persons {
            if users.contains(&person.user_id) && person.roles_in(workspace).is_none() {
                person.memberships.push((workspace, Arc::clone(&roles)));
                *self.derived.counts.entry(workspace).or_insert(0) += 1;
            }
        }
    }

    /// After the server set these members' roles in the workspace (adding anyone missing).
    pub fn set_roles(&mut self, workspace: Uuid, changes: &[(Uuid, Vec<String>)]) {
        for (user, roles) in changes {
            let roles = self.intern(&normalize_workspace_role_names(roles.clone()));
            let Some(&i) = self.derived.by_id.get(user) else {
                continue;
            };
            let person = &mut self.persons[i];
            match person
                .memberships
                .iter_mut()
                .find(|(ws, _)| *ws == workspace)
            {
                Some((_, held)) => *held = roles,
                None => {
                    person.memberships.push((workspace, roles));
                    *self.derived.counts.entry(workspace).or_insert(0) += 1;
                }
            }
        }
    }

    /// After the server removed `users` from the workspace.
    pub fn remove_from(&mut self, workspace: Uuid, users: &[Uuid]) {
        let users: HashSet<Uuid> = users.iter().copied().collect();
        for person in &mut self.persons {
            if users.contains(&person.user_id) {
                let before = person.memberships.len();
                person.memberships.retain(|(ws, _)| *ws != workspace);
                if person.memberships.len() < before
                    && let Some(count) = self.derived.counts.get_mut(&workspace)
                {
                    *count = count.saturating_sub(1);
                }
            }
        }
    }

    /// After the workspace was archived: nobody is a member of it any more.
    pub fn drop_workspace(&mut self, workspace: Uuid) {
        for person in &mut self.persons {
            person.memberships.retain(|(ws, _)| *ws != workspace);
        }
        self.derived.counts.remove(&workspace);
    }

    /// `persons[index]`'s row in one workspace, if they are a member of it.
    pub fn row(&self, index: usize, workspace: Uuid) -> Option<MemberRow> {
        let person = &self.persons[index];
        let roles = person.roles_shared(workspace)?;
        Some(MemberRow {
            user_id: person.user_id,
            name: Arc::clone(&person.name),
            email: Arc::clone(&person.email),
            workspace_roles: Arc::clone(roles),
            org_roles: Arc::clone(&person.org_roles),
        })
    }

    /// The members of one workspace, in the directory's order.
    pub fn rows_for(&self, workspace: Uuid) -> Vec<MemberRow> {
        (0..self.persons.len())
            .filter_map(|i| self.row(i, workspace))
            .collect()
    }

    /// Where the members of one workspace are in `persons`, in the directory's order.
    pub fn member_indexes(&self, workspace: Uuid) -> Vec<u32> {
        self.persons
            .iter()
            .enumerate()
            .filter(|(_, p)| p.roles_in(workspace).is_some())
            .map(|(i, _)| i as u32)
            .collect()
    }

    /// How many people belong to one workspace (kept, not counted).
    pub fn count_in(&self, workspace: Uuid) -> usize {
        self.derived.counts.get(&workspace).copied().unwrap_or(0)
    }

    /// How many people belong to each workspace.
    pub fn counts(&self) -> &HashMap<Uuid, usize> {
        &self.derived.counts
    }
}

fn intern(table: &mut HashSet<RoleNames>, roles: &[String]) -> RoleNames {
    if let Some(shared) = table.get(roles) {
        return Arc::clone(shared);
    }
    let shared: RoleNames = roles.into();
    table.insert(Arc::clone(&shared));
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(n: u128, memberships: Vec<(Uuid, RoleNames)>) -> Person {
        Person {
            user_id: Uuid::from_u128(n),
            name: format!("P{n}").into(),
            email: format!("p{n}@x.example").into(),
            org_roles: roles(&["member"]),
            memberships,
            joined: None,
        }
    }

    fn roles(names: &[&str]) -> RoleNames {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn changes_made_on_the_server_show_at_once() {
        let ws = Uuid::from_u128(100);
        let mut people = People::new(vec![
            person(1, vec![(ws, roles(&["dev"]))]),
            person(2, Vec::new()),
            person(3, Vec::new()),
        ]);
        assert_eq!(people.non_members_of(ws).len(), 2);

        people.add_to(
            ws,
            &[Uuid::from_u128(1), Uuid::from_u128(2)],
            &roles(&["billing"]),
        );
        let one = people.person(Uuid::from_u128(1)).unwrap();
        assert_eq!(
            one.roles_in(ws),
            Some(&roles(&["dev"])[..]),
            "existing member untouched"
        );
        let two = people.person(Uuid::from_u128(2)).unwrap();
        assert_eq!(two.roles_in(ws), Some(&roles(&["billing"])[..]));

        people.set_roles(
            ws,
            &[(
                Uuid::from_u128(1),
                roles(&["dev", "workspace_admin"]).to_vec(),
            )],
        );
        let one = people.person(Uuid::from_u128(1)).unwrap();
        assert_eq!(
            one.roles_in(ws),
            Some(&roles(&["workspace_admin", "dev"])[..]),
            "highest role first"
        );

        people.remove_from(ws, &[Uuid::from_u128(2)]);
        assert_eq!(people.count_in(ws), 1);
        people.drop_workspace(ws);
        assert_eq!(people.count_in(ws), 0);
    }
}
