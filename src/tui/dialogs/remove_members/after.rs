//! Who a removal did not remove, and why. The server lists together, as not removed, those a
//! group keeps in the workspace and those who were no longer in it (another client removed
//! them meanwhile); telling them apart takes one more read, made on the console's request
//! machinery once the removal has answered: the people not removed as the server lists them
//! now, and the organization's groups. The outcome then names the group that keeps each one,
//! in the words the `members remove` command uses.

use futures::{StreamExt, TryStreamExt, stream};
use uuid::Uuid;

use crate::actions::groups::access::GroupAccess;
use crate::actions::members::kept_through;
use crate::actions::org_live::group_access;
use crate::actions::outcome::{self, count_of};
use crate::api::RemoveWorkspaceMembersOut;
use crate::client::{AdminClient, ClientError, ErrorKind};

/// Requests in flight at once when reading the people not removed.
const IN_FLIGHT: usize = 8;

/// A removal the server answered with people it did not remove: what the message needs
/// once the read that explains them is back.
#[derive(Debug, Clone, PartialEq)]
pub struct NotRemoved {
    pub workspace: Uuid,
    pub workspace_name: String,
    /// Everyone the removal named, `(user, name)`.
    pub targets: Vec<(Uuid, String)>,
    pub out: RemoveWorkspaceMembersOut,
}

/// What was read after the removal.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stays {
    /// Of the people not removed, those the server still lists in the workspace.
    pub listed: Vec<Uuid>,
    /// Access through the organization's groups.
    pub access: GroupAccess,
}

impl NotRemoved {
    /// The people the server did not remove.
    pub fn users(&self) -> &[Uuid] {
        self.out.not_deleted_members.as_deref().unwrap_or_default()
    }

    fn name_of(&self, user: Uuid) -> String {
        self.targets
            .iter()
            .find(|(id, _)| *id == user)
            .map_or_else(|| user.to_string(), |(_, name)| name.clone())
    }

    /// What the status line says while the read is on its way: what was removed, and that
    /// the reason for the rest is being read (not guessed).
    pub fn reading(&self) -> String {
        let removed = RemoveWorkspaceMembersOut {
            deleted_members_count: self.out.deleted_members_count,
            not_deleted_members: None,
        };
        format!(
            "{}; reading why {} not removed…",
            outcome::removed(&self.workspace_name, &removed, &[]),
            count_of(self.users().len(), "person was", "people were")
        )
    }

    /// The outcome, with each person not removed explained: the group keeping them there
    /// (named), or that they were no longer in it.
    pub fn explained(&self, stays: &Stays) -> String {
        let clauses: Vec<(Uuid, String)> = self
            .users()
            .iter()
            .map(|user| (*user, self.why(*user, stays)))
            .collect();
        outcome::removed(&self.workspace_name, &self.out, &clauses)
    }

    fn why(&self, user: Uuid, stays: &Stays) -> String {
        let name = self.name_of(user);
        if !stays.listed.contains(&user) {
            return format!("{name} no longer belonged to it");
        }
        match kept_through(&stays.access, user, self.workspace) {
            Some(held) => format!("{name} keeps {held}"),
            // Listed, yet no group reaches them: their own membership is back (added again
            // since), which is what the server says; nothing is guessed about a group.
            None => format!("{name} is in it again, not through a group"),
        }
    }

    /// The outcome when the read failed: the removal as counted, and the people not removed
    /// named, with why they could not be explained.
    pub fn unexplained(&self, error: &str) -> String {
        let clauses: Vec<(Uuid, String)> = self
            .users()
            .iter()
            .map(|user| {
                let name = self.name_of(*user);
                (
                    *user,
                    format!("{name} was not removed (why could not be read: {error})"),
                )
            })
            .collect();
        outcome::removed(&self.workspace_name, &self.out, &clauses)
    }
}

/// Reads, side by side, each person not removed (to see whether the server still lists them
/// in the workspace; someone who has left the organization is not found) and the groups.
pub async fn read(client: &AdminClient, asked: &NotRemoved) -> Result<Stays, ClientError> {
    let workspace = asked.workspace;
    let users = asked.users().to_vec();
    let listed = stream::iter(users)
        .map(|user| async move {
            match client.get_user(user).await {
                Ok(found) => Ok(found
                    .member
                    .workspaces
                    .unwrap_or_default()
                    .iter()
                    .any(|w| w.uuid == workspace)
                    .then_some(user)),
                Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
                Err(e) => Err(e),
            }
        })
        .buffered(IN_FLIGHT)
        .try_collect::<Vec<Option<Uuid>>>();
    let (listed, access) = futures::try_join!(listed, group_access(client))?;
    Ok(Stays {
        listed: listed.into_iter().flatten().collect(),
        access,
    })
}
