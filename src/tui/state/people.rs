//! The organization's people as the panes show them: who is in which workspace with which
//! roles (role names already resolved from the catalog).

use std::collections::HashMap;

use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::RoleOut;
use crate::domain::roles::normalize_workspace_role_names;

/// One organization member, with each workspace they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub org_roles: Vec<String>,
    /// `(workspace, role names)` for every workspace the person belongs to.
    pub memberships: Vec<(Uuid, Vec<String>)>,
    /// When they joined the organization, where the server says.
    pub joined: Option<OffsetDateTime>,
}

impl Person {
    /// The person's roles in a workspace, or `None` if they are not a member of it.
    pub fn roles_in(&self, workspace: Uuid) -> Option<&[String]> {
        self.memberships
            .iter()
            .find(|(ws, _)| *ws == workspace)
            .map(|(_, roles)| roles.as_slice())
    }
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

/// Everyone in the organization, and the workspace roles they can be given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    pub persons: Vec<Person>,
    /// The workspace role catalog (`GET /roles`), in the server's order.
    pub workspace_roles: Vec<RoleOut>,
}

impl People {
    pub fn new(persons: Vec<Person>) -> Self {
        Self {
            persons,
            workspace_roles: Vec::new(),
        }
    }

    pub fn with_workspace_roles(mut self, roles: Vec<RoleOut>) -> Self {
        self.workspace_roles = roles;
        self
    }

    pub fn person(&self, user: Uuid) -> Option<&Person> {
        self.persons.iter().find(|p| p.user_id == user)
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

    /// After the server added `users` to the workspace with `roles`: people who were members
    /// already are left as they were, as the server leaves them.
    pub fn add_to(&mut self, workspace: Uuid, users: &[Uuid], roles: &[String]) {
        for person in &mut self.persons {
            if users.contains(&person.user_id) && person.roles_in(workspace).is_none() {
                person
                    .memberships
                    .push((workspace, normalize_workspace_role_names(roles.to_vec())));
            }
        }
    }

    /// After the server set these members' roles in the workspace (adding anyone missing).
    pub fn set_roles(&mut self, workspace: Uuid, changes: &[(Uuid, Vec<String>)]) {
        for (user, roles) in changes {
            let Some(person) = self.persons.iter_mut().find(|p| p.user_id == *user) else {
                continue;
            };
            let roles = normalize_workspace_role_names(roles.clone());
            match person
                .memberships
                .iter_mut()
                .find(|(ws, _)| *ws == workspace)
            {
                Some((_, held)) => *held = roles,
                None => person.memberships.push((workspace, roles)),
            }
        }
    }

    /// After the server removed `users` from the workspace.
    pub fn remove_from(&mut self, workspace: Uuid, users: &[Uuid]) {
        for person in &mut self.persons {
            if users.contains(&person.user_id) {
                person.memberships.retain(|(ws, _)| *ws != workspace);
            }
        }
    }

    /// After the workspace was archived: nobody is a member of it any more.
    pub fn drop_workspace(&mut self, workspace: Uuid) {
        for person in &mut self.persons {
            person.memberships.retain(|(ws, _)| *ws != workspace);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn person(n: u128, memberships: Vec<(Uuid, Vec<String>)>) -> Person {
        Person {
            user_id: Uuid::from_u128(n),
            name: format!("P{n}"),
            email: format!("p{n}@x.example"),
            org_roles: vec!["member".into()],
            memberships,
            joined: None,
        }
    }

    fn roles(names: &[&str]) -> Vec<String> {
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
            &[(Uuid::from_u128(1), roles(&["dev", "workspace_admin"]))],
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
