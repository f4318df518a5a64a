//! Who holds which role through groups, and what one group change would add or take away:
//! the preview shown before every change. It follows the server's rule (docs/local-server.md,
//! "Groups and effective access"): the members of a group nested inside another are members
//! of the outer one too, and every member receives each grant of every group they belong to.

use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use crate::actions::request_groups::GroupRequest;
use crate::api::{AdminUserGroupOut, GroupWorkspaceAssignmentOut, RoleOut};
use crate::domain::{OrgRole, WorkspaceRole};

pub use super::access_words::describe;

/// Where a role is held.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Organization,
    Workspace(Uuid),
}

/// One role one person holds somewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Grant {
    pub user: Uuid,
    pub place: Place,
    pub role: String,
}

/// A group as far as access goes: its direct members, the groups it sits in, its grants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Node {
    /// The group's name, for saying through which group someone holds a role.
    pub name: String,
    pub members: Vec<Uuid>,
    pub parents: Vec<Uuid>,
    /// Workspace and the role names the assignment grants there.
    pub assignments: Vec<(Uuid, Vec<String>)>,
    pub organization_role: Option<String>,
}

/// Every group of an organization, with what is needed to derive access through them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GroupAccess {
    pub nodes: HashMap<Uuid, Node>,
}

/// What a change does to access through groups; direct roles are not known here, so someone
/// who loses a role may still hold it directly.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccessChange {
    pub gained: Vec<Grant>,
    pub lost: Vec<Grant>,
}

impl AccessChange {
    pub fn is_empty(&self) -> bool {
        self.gained.is_empty() && self.lost.is_empty()
    }
}

impl GroupAccess {
    /// Builds it from the listings: each group with its direct members and assignments.
    pub fn new<'a>(
        groups: impl IntoIterator<
            Item = (
                &'a AdminUserGroupOut,
                &'a [Uuid],
                &'a [GroupWorkspaceAssignmentOut],
            ),
        >,
    ) -> Self {
        let nodes = groups
            .into_iter()
            .map(|(group, members, assignments)| {
                let node = Node {
                    name: group.name.clone(),
                    members: members.to_vec(),
                    parents: group.parent_group_ids.clone(),
                    assignments: assignments
                        .iter()
                        .map(|a| {
                            let roles = a.roles.iter().map(|r| r.name.clone()).collect();
                            (a.workspace_uuid, roles)
                        })
                        .collect(),
                    organization_role: group
                        .organization_role
                        .as_deref()
                        .map(|r| OrgRole::parse_any(r).map_or(r.to_owned(), |o| o.name().into())),
                };
                (group.uuid, node)
            })
            .collect();
        Self { nodes }
    }

    /// Everyone in `group`: its direct members and those of every group nested inside it.
    pub fn effective_members(&self, group: Uuid) -> BTreeSet<Uuid> {
        let mut seen = BTreeSet::from([group]);
        let mut queue = vec![group];
        let mut people = BTreeSet::new();
        while let Some(at) = queue.pop() {
            if let Some(node) = self.nodes.get(&at) {
                people.extend(node.members.iter().copied());
            }
            for (id, node) in &self.nodes {
                if node.parents.contains(&at) && seen.insert(*id) {
                    queue.push(*id);
                }
            }
        }
        people
    }

    /// The groups through which `user` holds roles in `workspace`, by name, each with the
    /// roles it gives there: what stays when their own membership is removed or changed.
    pub fn through(&self, user: Uuid, workspace: Uuid) -> Vec<(String, Vec<String>)> {
        let mut found: Vec<(String, Vec<String>)> = self
            .nodes
            .iter()
            .filter_map(|(id, node)| {
                let (_, roles) = node.assignments.iter().find(|(w, _)| *w == workspace)?;
                let reaches = !roles.is_empty() && self.effective_members(*id).contains(&user);
                reaches.then(|| (node.name.clone(), roles.clone()))
            })
            .collect();
        found.sort();
        found
    }

    /// The organization roles `user` holds through groups, each with the group that gives
    /// it, by group name.
    pub fn organization_roles_through(&self, user: Uuid) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = self
            .nodes
            .iter()
            .filter_map(|(id, node)| {
                let role = node.organization_role.clone()?;
                self.effective_members(*id)
                    .contains(&user)
                    .then(|| (node.name.clone(), role))
            })
            .collect();
        found.sort();
        found
    }

    /// Every role held through a group.
    pub fn grants(&self) -> BTreeSet<Grant> {
        let mut all = BTreeSet::new();
        for (id, node) in &self.nodes {
            if node.assignments.is_empty() && node.organization_role.is_none() {
                continue;
            }
            for user in self.effective_members(*id) {
                for (workspace, roles) in &node.assignments {
                    for role in roles {
                        all.insert(Grant {
                            user,
                            place: Place::Workspace(*workspace),
                            role: role.clone(),
                        });
                    }
                }
                if let Some(role) = &node.organization_role {
                    all.insert(Grant {
                        user,
                        place: Place::Organization,
                        role: role.clone(),
                    });
                }
            }
        }
        all
    }

    /// What sending `request` would change, read against this state. Provisioning is a copy
    /// into direct membership: what it gives is listed as gained.
    pub fn preview(&self, request: &GroupRequest, catalog: &[RoleOut]) -> AccessChange {
        if let GroupRequest::Provision { body } = request {
            let role = body
                .workspace_role_name
                .map(|r| r.name().to_owned())
                .or_else(|| body.workspace_role.clone())
                .unwrap_or_default();
            let gained = self
                .effective_members(body.user_group_uuid)
                .into_iter()
                .map(|user| Grant {
                    user,
                    place: Place::Workspace(body.workspace_uuid),
                    role: role.clone(),
                })
                .collect();
            return AccessChange {
                gained,
                lost: Vec::new(),
            };
        }
        let before = self.grants();
        let after = self.after(request, catalog).grants();
        AccessChange {
            gained: after.difference(&before).cloned().collect(),
            lost: before.difference(&after).cloned().collect(),
        }
    }

    /// This state once `request` has gone through.
    pub fn after(&self, request: &GroupRequest, catalog: &[RoleOut]) -> Self {
        let mut next = self.clone();
        let names = |by_name: &Option<Vec<WorkspaceRole>>, by_id: &Option<Vec<String>>| {
            role_names(by_name, by_id, catalog)
        };
        match request {
            GroupRequest::Create { .. } | GroupRequest::Provision { .. } => {}
            GroupRequest::Update { group, body } => {
                if let (Some(node), Some(parents)) =
                    (next.nodes.get_mut(group), &body.parent_group_ids)
                {
                    node.parents = parents.clone();
                }
            }
            GroupRequest::Delete { group } => {
                next.nodes.remove(group);
                for node in next.nodes.values_mut() {
                    node.parents.retain(|p| p != group);
                }
            }
            GroupRequest::AddMembers { group, users } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    let fresh: Vec<Uuid> = users
                        .iter()
                        .filter(|u| !node.members.contains(u))
                        .copied()
                        .collect();
                    node.members.extend(fresh);
                }
            }
            GroupRequest::RemoveMembers { group, users } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    node.members.retain(|m| !users.contains(m));
                }
            }
            GroupRequest::SetNested { group, children } => {
                for (id, node) in next.nodes.iter_mut() {
                    let inside = children.contains(id);
                    node.parents.retain(|p| p != group);
                    if inside {
                        node.parents.push(*group);
                    }
                }
            }
            GroupRequest::Assign { group, body } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    let roles = names(&body.role_names, &body.roles);
                    node.assignments.retain(|(w, _)| *w != body.workspace_uuid);
                    node.assignments.push((body.workspace_uuid, roles));
                }
            }
            GroupRequest::UpdateAssignment {
                group,
                workspace,
                body,
            } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    let roles = names(&body.role_names, &body.roles);
                    for (w, held) in node.assignments.iter_mut() {
                        if w == workspace {
                            *held = roles.clone();
                        }
                    }
                }
            }
            GroupRequest::Unassign { group, workspace } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    node.assignments.retain(|(w, _)| w != workspace);
                }
            }
            GroupRequest::SetOrganizationRole { group, body } => {
                if let Some(node) = next.nodes.get_mut(group) {
                    let code = &body.organization_role;
                    node.organization_role = Some(
                        OrgRole::parse_any(code).map_or(code.clone(), |r| r.name().to_owned()),
                    );
                }
            }
        }
        next
    }
}

/// Role names from an assignment body: names as given, else UUIDs or codes read against the
/// catalog.
fn role_names(
    by_name: &Option<Vec<WorkspaceRole>>,
    by_id: &Option<Vec<String>>,
    catalog: &[RoleOut],
) -> Vec<String> {
    if let Some(names) = by_name {
        return names.iter().map(|r| r.name().to_owned()).collect();
    }
    by_id
        .iter()
        .flatten()
        .map(|value| {
            catalog
                .iter()
                .find(|r| r.uuid.to_string() == *value)
                .map(|r| r.name.clone())
                .or_else(|| WorkspaceRole::parse_any(value).map(|r| r.name().to_owned()))
                .unwrap_or_else(|| value.clone())
        })
        .collect()
}
