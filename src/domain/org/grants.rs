//! What groups give, as a description reads it: the workspace and organization roles each
//! person holds through the groups they belong to, directly or through nesting (a member of a
//! group nested inside another receives the outer group's grants too). The server reports a
//! member's roles as their own united with these, so the plan engine needs them to tell which
//! roles a change of someone's own roles can take away.

use std::collections::{HashMap, HashSet};

use super::keys::{email_key, group_key, workspace_key};
use super::{Group, Organization};

/// Roles given through groups, with the groups that give them (by name, for the reader).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Granted {
    pub roles: Vec<String>,
    pub groups: Vec<String>,
}

impl Granted {
    fn add(&mut self, roles: &[String], group: &str) {
        for role in roles {
            if !self.roles.contains(role) {
                self.roles.push(role.clone());
            }
        }
        if !self.groups.iter().any(|g| g == group) {
            self.groups.push(group.to_owned());
        }
    }
}

/// Whether the deletions a file asks for (`delete = true`) run: only with `--allow-destroy`;
/// without it `apply` skips them, and what a group marked for deletion gives stays.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Deletions {
    #[default]
    Run,
    Skipped,
}

#[derive(Debug, Clone, Default)]
pub struct Grants {
    /// By (workspace key, email key); active workspaces only, since an archived one grants
    /// nothing.
    workspace: HashMap<(String, String), Granted>,
    /// By email key.
    organization: HashMap<String, Granted>,
}

impl Grants {
    /// What the groups of `org` give.
    pub fn of(org: &Organization) -> Self {
        Self::given_by(org.groups.iter().collect(), org)
    }

    /// What groups will give once `wanted` is applied to `live`: the file's groups, and the
    /// live groups it leaves out, which stay (leaving a group out of the file is drift that
    /// `apply` shows, never a deletion). A group the file deletes gives nothing when
    /// `deletions` run; when they are skipped (no `--allow-destroy`) it stays as it is.
    pub fn once_applied(live: &Organization, wanted: &Organization, deletions: Deletions) -> Self {
        let listed: HashSet<String> = wanted.groups.iter().map(|g| group_key(&g.name)).collect();
        let skipped = deletions == Deletions::Skipped;
        let groups = wanted
            .groups
            .iter()
            .filter_map(|g| match g.delete && skipped {
                true => live.group(&g.name),
                false => Some(g),
            })
            .chain(
                live.groups
                    .iter()
                    .filter(|g| !listed.contains(&group_key(&g.name))),
            )
            .collect();
        Self::given_by(groups, wanted)
    }

    /// What `groups` give in the active workspaces of `org`.
    fn given_by(groups: Vec<&Group>, org: &Organization) -> Self {
        let by_key: HashMap<String, &Group> =
            groups.iter().map(|g| (group_key(&g.name), *g)).collect();
        let mut grants = Self::default();
        for group in groups.iter().filter(|g| !g.delete) {
            let giving = enclosing(group, &by_key);
            for member in &group.members {
                let email = email_key(member);
                for giver in &giving {
                    grants.add_from(org, giver, &email);
                }
            }
        }
        grants
    }

    fn add_from(&mut self, org: &Organization, giver: &Group, email: &str) {
        if let Some(role) = &giver.organization_role {
            self.organization
                .entry(email.to_owned())
                .or_default()
                .add(std::slice::from_ref(role), &giver.name);
        }
        for (place, roles) in &giver.workspaces {
            if org.workspace(place).is_none() {
                continue;
            }
            self.workspace
                .entry((workspace_key(place), email.to_owned()))
                .or_default()
                .add(roles, &giver.name);
        }
    }

    /// The workspace roles `email` holds in `workspace` through groups.
    pub fn in_workspace(&self, workspace: &str, email: &str) -> Option<&Granted> {
        self.workspace
            .get(&(workspace_key(workspace), email_key(email)))
    }

    /// The organization roles `email` holds through groups.
    pub fn in_organization(&self, email: &str) -> Option<&Granted> {
        self.organization.get(&email_key(email))
    }
}

/// The group and every group it sits inside, once each, however deep (a loop stops where it
/// closes); groups being deleted give nothing.
fn enclosing<'a>(group: &'a Group, by_key: &HashMap<String, &'a Group>) -> Vec<&'a Group> {
    let mut seen = HashSet::from([group_key(&group.name)]);
    let mut found = vec![group];
    let mut next = 0;
    while let Some(current) = found.get(next).copied() {
        next += 1;
        for parent in &current.nested_in {
            let key = group_key(parent);
            if let Some(outer) = by_key.get(&key).filter(|g| !g.delete)
                && seen.insert(key)
            {
                found.push(outer);
            }
        }
    }
    found
}

/// Someone's roles in one place (a workspace, the organization) before and after a file is
/// applied. Their own roles cannot be read apart from what groups give (the server reports the
/// two united), so what they hold on their own is only known to lie between `now` without
/// `given_now` and all of `now`.
#[derive(Debug, Clone, Copy)]
pub struct Holding<'a> {
    /// What they hold in total now.
    pub now: &'a [String],
    /// What groups give them now.
    pub given_now: &'a [String],
    /// What the file lists for them, if it lists them.
    pub listed: Option<&'a [String]>,
    /// What groups will give them once the file is applied.
    pub given_then: &'a [String],
}

impl Holding<'_> {
    /// What they should hold in total: what the file lists, with what groups will give (a
    /// file cannot take away a group's grant without changing the group). Unordered.
    pub fn wanted(&self) -> Vec<String> {
        let mut total: Vec<String> = self.listed.unwrap_or_default().to_vec();
        for role in self.given_then {
            if !total.contains(role) {
                total.push(role.clone());
            }
        }
        total
    }

    /// Whether they end up holding [`wanted`](Self::wanted) whatever their own roles are,
    /// once the groups give what the file says: then their own roles need no change.
    pub fn settled(&self) -> bool {
        let total = self.wanted();
        let wanted = set(&total);
        let then = set(self.given_then);
        let own_at_least: HashSet<&str> = set(self.now)
            .difference(&set(self.given_now))
            .copied()
            .collect();
        let own_at_most = set(self.now);
        own_at_least.union(&then).copied().collect::<HashSet<_>>() == wanted
            && own_at_most.union(&then).copied().collect::<HashSet<_>>() == wanted
    }

    /// Whether a group gives them something here, now or once applied: only then can their
    /// own roles differ from what they hold.
    pub fn through_groups(&self) -> bool {
        !(self.given_now.is_empty() && self.given_then.is_empty())
    }

    /// The roles surely their own now: what they hold that no group gives.
    pub fn own_now(&self) -> Vec<String> {
        let given = set(self.given_now);
        self.now
            .iter()
            .filter(|r| !given.contains(r.as_str()))
            .cloned()
            .collect()
    }

    /// The fewest own roles that make them hold [`wanted`](Self::wanted) once groups give
    /// what the file says: what it wants that no group will give, and what is surely their
    /// own now and stays wanted. A role that may be theirs or a group's (held now, given by a
    /// group now and then) stays the group's: made their own, it would outlive the group's
    /// grant, access nobody asked for. Unordered; may be empty.
    pub fn own_after(&self) -> Vec<String> {
        let wanted = self.wanted();
        let (then, own_now) = (set(self.given_then), self.own_now());
        wanted
            .iter()
            .filter(|r| !then.contains(r.as_str()) || own_now.contains(r))
            .cloned()
            .collect()
    }

    /// The own roles that bring back what they hold now, as undo sends them: what is surely
    /// their own, and what [`own_after`](Self::own_after) makes their own of what they hold.
    /// Keeping the latter never takes below `now`, even when the group that gave it is gone
    /// for good (deleted); when it comes back, it gives the rest. Unordered.
    pub fn own_before(&self) -> Vec<String> {
        let mut own = self.own_now();
        for role in self.own_after() {
            if self.now.contains(&role) && !own.contains(&role) {
                own.push(role);
            }
        }
        own
    }

    /// The roles the file keeps that a group gives now and will not once applied: what their
    /// own roles take over from the group.
    pub fn taken_over(&self) -> Vec<String> {
        let (then, wanted) = (set(self.given_then), self.wanted());
        self.given_now
            .iter()
            .filter(|r| !then.contains(r.as_str()) && wanted.contains(r))
            .cloned()
            .collect()
    }

    /// The roles the file leaves out that they hold now and a group keeps giving.
    pub fn kept_by_groups(&self) -> Vec<String> {
        let listed = set(self.listed.unwrap_or_default());
        self.given_then
            .iter()
            .filter(|r| !listed.contains(r.as_str()) && self.now.contains(r))
            .cloned()
            .collect()
    }
}

fn set(roles: &[String]) -> HashSet<&str> {
    roles.iter().map(String::as_str).collect()
}
