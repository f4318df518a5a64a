//! Staging: while the switch is on, a change a dialog or the settings form would send is
//! collected here instead, as the plan engine's [`Change`]s (the same ones `plan` prints and
//! `apply` runs), per organization. `:plan` shows, drops and applies them; the status line
//! counts them; the Members tab marks the rows they touch.
//!
//! Two edits of the same thing (a member's roles twice, a group's name twice) make one change,
//! from the value the server holds to the last one asked for; one that comes back to that
//! value leaves nothing. The same change asked twice is staged once.

pub mod live;
#[cfg(test)]
mod tests;

use crate::domain::org::{Change, email_key, group_key, workspace_key};

/// One staged change, with the organization (profile) it is meant for.
#[derive(Debug, Clone, PartialEq)]
pub struct Staged {
    /// Stays the same while it is staged: what a drop names.
    pub id: u64,
    pub profile: usize,
    pub change: Change,
}

#[derive(Debug, Clone, Default)]
pub struct Staging {
    /// Changes are collected rather than sent.
    pub on: bool,
    items: Vec<Staged>,
    next_id: u64,
}

/// What a change is about, for merging two edits of it: the workspace, the member (or
/// field), and the kind of change.
fn target(change: &Change) -> Option<(String, String, &'static str)> {
    match change {
        Change::SetMemberRoles {
            workspace, email, ..
        } => Some((workspace_key(workspace), email_key(email), "roles")),
        Change::EditWorkspace {
            workspace, field, ..
        } => Some((workspace_key(workspace), field.name().to_owned(), "field")),
        Change::EditGroup { group, field, .. } => {
            Some((group_key(group), format!("{field:?}"), "group field"))
        }
        Change::SetGroupRoles {
            group, workspace, ..
        } => Some((group_key(group), workspace_key(workspace), "group roles")),
        _ => None,
    }
}

/// `earlier` then `later` as one change; `None` when together they change nothing.
fn merged(earlier: &Change, mut later: Change) -> Option<Change> {
    let changes = match (earlier, &mut later) {
        (
            Change::SetMemberRoles { before: first, .. },
            Change::SetMemberRoles { before, after, .. },
        )
        | (
            Change::SetGroupRoles { before: first, .. },
            Change::SetGroupRoles { before, after, .. },
        ) => from_first(first, before, after),
        (
            Change::EditWorkspace { before: first, .. },
            Change::EditWorkspace { before, after, .. },
        )
        | (Change::EditGroup { before: first, .. }, Change::EditGroup { before, after, .. }) => {
            from_first(first, before, after)
        }
        _ => true,
    };
    changes.then_some(later)
}

/// The later change starts where the first one did; says whether it still changes anything.
fn from_first<T: Clone + PartialEq>(first: &T, before: &mut T, after: &T) -> bool {
    before.clone_from(first);
    before != after
}

impl Staging {
    /// Turns the switch over; says whether it is on now.
    pub fn toggle(&mut self) -> bool {
        self.on = !self.on;
        self.on
    }

    /// The staged changes of one organization, in the order they were staged.
    pub fn of(&self, profile: usize) -> impl Iterator<Item = &Staged> {
        self.items.iter().filter(move |s| s.profile == profile)
    }

    pub fn count(&self, profile: usize) -> usize {
        self.of(profile).count()
    }

    pub fn changes(&self, profile: usize) -> Vec<Change> {
        self.of(profile).map(|s| s.change.clone()).collect()
    }

    /// Stages changes for an organization, merging each with an earlier edit of the same
    /// thing. Returns how many staged changes the organization has now.
    pub fn add(&mut self, profile: usize, changes: Vec<Change>) -> usize {
        for change in changes {
            // The same change asked twice (a member added to a group again, from a view that
            // shows the server's state) is staged once.
            if self.of(profile).any(|s| s.change == change) {
                continue;
            }
            let key = target(&change);
            let earlier = key.as_ref().and_then(|key| {
                self.items
                    .iter()
                    .position(|s| s.profile == profile && target(&s.change).as_ref() == Some(key))
            });
            match earlier {
                Some(index) => match merged(&self.items[index].change, change) {
                    Some(one) => self.items[index].change = one,
                    None => {
                        self.items.remove(index);
                    }
                },
                None => {
                    self.next_id += 1;
                    self.items.push(Staged {
                        id: self.next_id,
                        profile,
                        change,
                    });
                }
            }
        }
        self.count(profile)
    }

    /// Takes the changes with these ids out of the plan and returns them.
    pub fn remove(&mut self, ids: &[u64]) -> Vec<Staged> {
        let (gone, kept) = std::mem::take(&mut self.items)
            .into_iter()
            .partition(|s| ids.contains(&s.id));
        self.items = kept;
        gone
    }

    /// The ids of the staged changes of `profile` equal to these (what a run applied).
    pub fn ids_of(&self, profile: usize, changes: &[Change]) -> Vec<u64> {
        self.of(profile)
            .filter(|s| changes.contains(&s.change))
            .map(|s| s.id)
            .collect()
    }

    /// The diff mark of a staged change to a member of a workspace (`~`, `+`, `-`), for the
    /// Members tab.
    pub fn member_mark(&self, profile: usize, workspace: &str, email: &str) -> Option<char> {
        // Asked for every row of every frame: with nothing staged, nothing is folded.
        let mut staged = self.of(profile).peekable();
        staged.peek()?;
        let (workspace, email) = (workspace_key(workspace), email_key(email));
        staged.find_map(|s| match &s.change {
            Change::SetMemberRoles {
                workspace: w,
                email: e,
                ..
            }
            | Change::AddMember {
                workspace: w,
                email: e,
                ..
            }
            | Change::RemoveMember {
                workspace: w,
                email: e,
                ..
            } if workspace_key(w) == workspace && email_key(e) == email => Some(s.change.symbol()),
            _ => None,
        })
    }
}
