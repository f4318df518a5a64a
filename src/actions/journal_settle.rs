//! Member changes as they came out. A member's roles in a workspace are their own united with
//! what their groups give there, and a member request changes only their own: removing
//! someone a group brings in leaves them in, and a role a group gives stays. So once a member
//! request has gone through, the members it named are read again, and the journal keeps the
//! change each one's roles really went through (none, when their groups give back all that
//! was taken), which undo can then take back.

use std::collections::HashMap;

use futures::{StreamExt, TryStreamExt, stream};
use uuid::Uuid;

use super::org_live::LiveOrg;
use super::request::Request;
use crate::api::{AdminOrganizationMemberOut, RolesOut, WorkspaceOut};
use crate::client::{AdminClient, ClientError, Directory};
use crate::domain::org::{Change, FieldValue, WorkspaceField, workspace_key};
use crate::domain::roles::normalize_workspace_role_names;

/// Members read at once when a change names several.
const IN_FLIGHT: usize = 8;

/// The people whose workspace roles `requests` change, each once, in the order named.
pub fn named_members(requests: &[Request]) -> Vec<Uuid> {
    let mut users = Vec::new();
    for request in requests {
        let named: Vec<Uuid> = match request {
            Request::AddMembers { members, .. } | Request::SetMemberRoles { members, .. } => {
                members.iter().map(|m| m.user_uuid).collect()
            }
            Request::RemoveMembers { users, .. } => users.clone(),
            _ => continue,
        };
        for user in named {
            if !users.contains(&user) {
                users.push(user);
            }
        }
    }
    users
}

/// The members named, each read on its own (never a page of the directory).
pub async fn members_named(
    client: &AdminClient,
    users: &[Uuid],
) -> Result<Vec<AdminOrganizationMemberOut>, ClientError> {
    stream::iter(users.to_vec())
        .map(|id| async move { client.get_user(id).await.map(|user| user.member) })
        .buffered(IN_FLIGHT)
        .try_collect()
        .await
}

/// The members `requests` named as they are now, their roles read through `catalog`; `None`
/// when the requests name nobody.
async fn read_after(
    client: &AdminClient,
    requests: &[Request],
    catalog: &RolesOut,
) -> Result<Option<Directory>, ClientError> {
    let users = named_members(requests);
    if users.is_empty() {
        return Ok(None);
    }
    let members = members_named(client, &users).await?;
    Ok(Some(Directory::new(members, Vec::new(), catalog)))
}

/// `changes`, what the `sent` requests asked, as they came out: the members they name read
/// again and each member change settled against them. When that read fails, the changes as
/// asked, with the error for the caller to report in its own way.
pub async fn as_they_came_out(
    client: &AdminClient,
    sent: &[Request],
    changes: Vec<Change>,
    before: &LiveOrg,
) -> (Vec<Change>, Option<ClientError>) {
    match read_after(client, sent, &before.ids.catalog).await {
        Ok(Some(after)) => (settle(changes, before, &after), None),
        Ok(None) => (changes, None),
        Err(error) => (changes, Some(error)),
    }
}

/// `changes` with each member change replaced by what the member's roles really went
/// through, from `before` to `after` (the members read again); a member not read again keeps
/// the change as recorded. The changes name workspaces as they were called when each ran,
/// while `before` knows them as they were called before them all, so renames are followed
/// back.
fn settle(changes: Vec<Change>, before: &LiveOrg, after: &Directory) -> Vec<Change> {
    let mut first_names = FirstNames::default();
    changes
        .into_iter()
        .filter_map(|change| {
            first_names.follow(&change);
            settled(change, &first_names, before, after)
        })
        .collect()
}

/// What each workspace renamed so far was called before the changes began, by the key of its
/// name now; a workspace created under a name has none.
#[derive(Default)]
struct FirstNames(HashMap<String, Option<String>>);

impl FirstNames {
    fn follow(&mut self, change: &Change) {
        match change {
            Change::EditWorkspace {
                workspace,
                field: WorkspaceField::Name,
                after: FieldValue::Text(new),
                ..
            } => {
                let first = self
                    .0
                    .remove(&workspace_key(workspace))
                    .unwrap_or_else(|| Some(workspace.clone()));
                self.0.insert(workspace_key(new), first);
            }
            Change::CreateWorkspace { workspace } => {
                self.0.insert(workspace_key(&workspace.name), None);
            }
            _ => {}
        }
    }

    /// The workspace called `name` now, as `before` knows it.
    fn in_before<'a>(&self, name: &str, before: &'a LiveOrg) -> Option<&'a WorkspaceOut> {
        match self.0.get(&workspace_key(name)) {
            Some(first) => before.ids.workspace(first.as_deref()?),
            None => before.ids.workspace(name),
        }
    }
}

fn settled(
    change: Change,
    first_names: &FirstNames,
    before: &LiveOrg,
    after: &Directory,
) -> Option<Change> {
    let (workspace, email, held) = match &change {
        Change::AddMember {
            workspace, email, ..
        } => (workspace, email, None),
        Change::SetMemberRoles {
            workspace,
            email,
            before,
            ..
        } => (workspace, email, Some(before.clone())),
        Change::RemoveMember {
            workspace,
            email,
            roles,
        } => (workspace, email, Some(roles.clone())),
        Change::SetOwnRoles {
            workspace: Some(workspace),
            email,
            ..
        } => (workspace, email, None),
        _ => return Some(change),
    };
    let place = first_names.in_before(workspace, before);
    let (Some(place), Some(user)) = (place, before.ids.user(email)) else {
        return Some(change);
    };
    if after.user(user).is_none() {
        return Some(change);
    }
    let now = after
        .workspace_members(place.uuid)
        .into_iter()
        .find(|m| m.user.uuid == user)
        .map(|m| normalize_workspace_role_names(m.roles.clone()));
    match change {
        // Their own roles changed whatever they hold now: kept, with what they hold in total
        // as read, which is what undo expects to find.
        Change::SetOwnRoles {
            workspace,
            email,
            before,
            own_before,
            own_after,
            ..
        } => Some(Change::SetOwnRoles {
            workspace,
            email,
            before,
            after: now.unwrap_or_default(),
            own_before,
            own_after,
        }),
        _ => transition(workspace.clone(), email.clone(), held, now),
    }
}

/// The change from the roles a member held (`None`: not a member) to those they hold now.
fn transition(
    workspace: String,
    email: String,
    held: Option<Vec<String>>,
    now: Option<Vec<String>>,
) -> Option<Change> {
    match (held, now) {
        (None, None) => None,
        (None, Some(roles)) => Some(Change::AddMember {
            workspace,
            email,
            roles,
        }),
        (Some(roles), None) => Some(Change::RemoveMember {
            workspace,
            email,
            roles,
        }),
        (Some(before), Some(after)) if before != after => Some(Change::SetMemberRoles {
            workspace,
            email,
            before,
            after,
        }),
        (Some(_), Some(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(names: &[&str]) -> Option<Vec<String>> {
        Some(names.iter().map(|r| r.to_string()).collect())
    }

    #[test]
    fn each_member_change_is_kept_as_the_roles_really_went() {
        let at = |held, now| transition("Research".into(), "taro@x.io".into(), held, now);
        assert_eq!(
            at(roles(&["dev", "observability_viewer"]), roles(&["dev"])),
            Some(Change::SetMemberRoles {
                workspace: "Research".into(),
                email: "taro@x.io".into(),
                before: vec!["dev".into(), "observability_viewer".into()],
                after: vec!["dev".into()],
            }),
            "a removal a group partly gave back"
        );
        assert_eq!(at(roles(&["dev"]), roles(&["dev"])), None, "all given back");
        assert!(matches!(
            at(roles(&["dev"]), None),
            Some(Change::RemoveMember { .. })
        ));
        assert!(matches!(
            at(None, roles(&["dev"])),
            Some(Change::AddMember { .. })
        ));
        assert_eq!(at(None, None), None);
    }

    /// Jane's observability_viewer taken away in Research after Research was renamed in the
    /// same batch, and given back by a group: nothing changed, and nothing is journaled.
    #[test]
    fn a_member_change_after_a_rename_in_the_same_batch_is_settled_too() {
        use crate::actions::fixtures::{directory, workspaces};
        let before = LiveOrg::build(&workspaces(), &[], &directory(), &[], &HashMap::new());
        let jane = "jane.doe@northwind.example".to_owned();
        let roles = |names: &[&str]| names.iter().map(|r| r.to_string()).collect::<Vec<_>>();
        let changes = vec![
            Change::EditWorkspace {
                workspace: "Research".into(),
                field: WorkspaceField::Name,
                before: FieldValue::Text("Research".into()),
                after: FieldValue::Text("R&D".into()),
            },
            Change::SetMemberRoles {
                workspace: "R&D".into(),
                email: jane.clone(),
                before: roles(&["dev", "observability_viewer"]),
                after: roles(&["dev"]),
            },
        ];
        // Read again, Jane holds in Research what she held: a group gave the role back.
        let settled = settle(changes.clone(), &before, &directory());
        assert_eq!(settled, changes[..1], "only the rename is journaled");
    }
}
