//! The organization's people as the panes show them: who is in which workspace with which
//! roles (role names already resolved from the catalog).

use std::collections::HashMap;

use uuid::Uuid;

/// One organization member, with each workspace they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub org_roles: Vec<String>,
    /// `(workspace, role names)` for every workspace the person belongs to.
    pub memberships: Vec<(Uuid, Vec<String>)>,
}

/// A row of the Members tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub workspace_roles: Vec<String>,
    pub org_roles: Vec<String>,
}

/// Everyone in the organization.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    pub persons: Vec<Person>,
}

impl People {
    pub fn new(persons: Vec<Person>) -> Self {
        Self { persons }
    }

    /// The members of one workspace, in the directory's order.
    pub fn rows_for(&self, workspace: Uuid) -> Vec<MemberRow> {
        self.persons
            .iter()
            .filter_map(|p| {
                let (_, roles) = p.memberships.iter().find(|(ws, _)| *ws == workspace)?;
                Some(MemberRow {
                    user_id: p.user_id,
                    name: p.name.clone(),
                    email: p.email.clone(),
                    workspace_roles: roles.clone(),
                    org_roles: p.org_roles.clone(),
                })
            })
            .collect()
    }

    /// How many people belong to one workspace.
    pub fn count_in(&self, workspace: Uuid) -> usize {
        self.persons
            .iter()
            .filter(|p| p.memberships.iter().any(|(ws, _)| *ws == workspace))
            .count()
    }

    /// How many people belong to each workspace.
    pub fn counts(&self) -> HashMap<Uuid, usize> {
        let mut counts = HashMap::new();
        for person in &self.persons {
            for (ws, _) in &person.memberships {
                *counts.entry(*ws).or_insert(0) += 1;
            }
        }
        counts
    }
}
