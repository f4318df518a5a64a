//! Lookups by email or folded name in constant time, for diffing organizations of thousands
//! of people: the description's own lookups scan, which is fine for a few changes but not
//! for comparing every membership of the largest organizations.

use std::collections::HashMap;

use super::keys::{email_key, group_key, workspace_key};
use super::{Group, Invitation, Organization, Person, Workspace};

pub(super) struct Index<'a> {
    pub org: &'a Organization,
    people: HashMap<String, &'a Person>,
    /// Active workspaces only.
    workspaces: HashMap<String, &'a Workspace>,
    groups: HashMap<String, &'a Group>,
    invitations: HashMap<String, &'a Invitation>,
}

impl<'a> Index<'a> {
    pub fn of(org: &'a Organization) -> Self {
        // The first of several with one key wins, as the description's own lookups find it.
        fn first<'a, T>(items: impl Iterator<Item = (String, &'a T)>) -> HashMap<String, &'a T> {
            let mut map = HashMap::new();
            for (key, item) in items {
                map.entry(key).or_insert(item);
            }
            map
        }
        Self {
            org,
            people: first(org.people.iter().map(|p| (email_key(&p.email), p))),
            workspaces: first(
                org.workspaces
                    .iter()
                    .filter(|w| !w.archived)
                    .map(|w| (workspace_key(&w.name), w)),
            ),
            groups: first(org.groups.iter().map(|g| (group_key(&g.name), g))),
            invitations: first(org.invitations.iter().map(|i| (email_key(&i.email), i))),
        }
    }

    pub fn person(&self, email: &str) -> Option<&'a Person> {
        self.people.get(&email_key(email)).copied()
    }

    pub fn workspace(&self, name: &str) -> Option<&'a Workspace> {
        self.workspaces.get(&workspace_key(name)).copied()
    }

    pub fn group(&self, name: &str) -> Option<&'a Group> {
        self.groups.get(&group_key(name)).copied()
    }

    pub fn invitation(&self, email: &str) -> Option<&'a Invitation> {
        self.invitations.get(&email_key(email)).copied()
    }
}
