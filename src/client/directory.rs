//! The organization's people and who belongs to which workspace, with role names resolved.
//!
//! The contract has no "members of one workspace" endpoint: membership is only visible in each
//! user's `workspaces[]` from `GET /users`. A `Directory` is built from that listing and the role
//! catalog, answers membership questions locally, and is patched after the client's own
//! successful changes (the `apply_*` methods) so a view stays right without a full reload.

use std::collections::HashMap;

use uuid::Uuid;

use crate::api::{
    AdminOrganizationMemberOut, MemberWorkspaceInfo, OrganizationInviteOut, RolesOut,
    WorkspaceEnrichedOut, WorkspaceOut,
};
use crate::domain::roles::normalize_workspace_role_names;
use crate::domain::{OrgRole, WorkspaceRole};

/// A member of one workspace, with the names of the roles held there.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceMember<'a> {
    pub user: &'a AdminOrganizationMemberOut,
    pub roles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Directory {
    members: Vec<AdminOrganizationMemberOut>,
    invites: Vec<OrganizationInviteOut>,
    roles: RolesOut,
    by_id: HashMap<Uuid, usize>,
}

impl Directory {
    pub fn new(
        members: Vec<AdminOrganizationMemberOut>,
        invites: Vec<OrganizationInviteOut>,
        roles: &RolesOut,
    ) -> Self {
        let mut directory = Self {
            members,
            invites,
            roles: roles.clone(),
            by_id: HashMap::new(),
        };
        directory.reindex();
        directory
    }

    fn reindex(&mut self) {
        self.by_id = self
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.uuid, i))
            .collect();
    }

    pub fn members(&self) -> &[AdminOrganizationMemberOut] {
        &self.members
    }

    pub fn invites(&self) -> &[OrganizationInviteOut] {
        &self.invites
    }

    /// The role catalog the names were resolved with.
    pub fn role_catalog(&self) -> &RolesOut {
        &self.roles
    }

    pub fn user(&self, id: Uuid) -> Option<&AdminOrganizationMemberOut> {
        self.by_id.get(&id).map(|&i| &self.members[i])
    }

    /// The workspace's members in listing order, with their role names there.
    pub fn workspace_members(&self, workspace: Uuid) -> Vec<WorkspaceMember<'_>> {
        self.members
            .iter()
            .filter_map(|user| {
                let entry = membership(user, workspace)?;
                Some(WorkspaceMember {
                    user,
                    roles: self.workspace_role_names(&entry.raw_roles),
                })
            })
            .collect()
    }

    /// The names of a user's organization roles, highest first; unknown values as they came.
    pub fn org_roles(&self, user: Uuid) -> Vec<String> {
        match self.user(user) {
            Some(member) => Self::org_roles_of(&self.roles, member),
            None => Vec::new(),
        }
    }

    /// [`org_roles`](Self::org_roles) of one listed member, resolved with `roles`: for a
    /// caller converting pages as they arrive, before there is a whole directory.
    pub fn org_roles_of(roles: &RolesOut, member: &AdminOrganizationMemberOut) -> Vec<String> {
        let mut names: Vec<String> = member
            .raw_roles
            .iter()
            .map(|value| match roles.organization_role(value) {
                Some(role) => role.name.clone(),
                None => value.clone(),
            })
            .collect();
        names.sort_by_key(|name| {
            let rank = OrgRole::from_name(name).map_or(u8::MAX, OrgRole::precedence);
            (rank, name.clone())
        });
        names.dedup();
        names
    }

    /// Organization members who are not in the workspace: who can be added to it.
    pub fn non_members_of(&self, workspace: Uuid) -> Vec<&AdminOrganizationMemberOut> {
        self.members
            .iter()
            .filter(|user| membership(user, workspace).is_none())
            .collect()
    }

    pub fn member_count(&self, workspace: Uuid) -> usize {
        self.members
            .iter()
            .filter(|user| membership(user, workspace).is_some())
            .count()
    }

    fn workspace_role_names(&self, values: &[String]) -> Vec<String> {
        workspace_role_names(&self.roles, values)
    }

    /// Each workspace one listed member belongs to (once, by id), with the names of the
    /// roles held there, resolved with `roles`.
    pub fn workspaces_of(
        roles: &RolesOut,
        member: &AdminOrganizationMemberOut,
    ) -> Vec<(Uuid, Vec<String>)> {
        let mut held: Vec<(Uuid, Vec<String>)> = Vec::new();
        for entry in member.workspaces.iter().flatten() {
            if !held.iter().any(|(ws, _)| *ws == entry.uuid) {
                held.push((entry.uuid, workspace_role_names(roles, &entry.raw_roles)));
            }
        }
        held.sort_by_key(|(ws, _)| *ws);
        held
    }

    /// After a successful `POST .../add-users`: newcomers join with their roles (or the
    /// default role), and people who were already members are left as they were.
    pub fn apply_added(&mut self, workspace: &WorkspaceOut, members: &[(Uuid, Vec<String>)]) {
        let newcomers: Vec<(Uuid, Vec<String>)> = members
            .iter()
            .filter(|(user, _)| {
                self.user(*user)
                    .is_some_and(|m| membership(m, workspace.uuid).is_none())
            })
            .cloned()
            .collect();
        self.apply_upsert(workspace, &newcomers, true);
    }

    /// After `POST /workspaces`: `admin` administers it, and with `add_all_members` everyone
    /// else in the organization joins with the default role.
    pub fn apply_workspace_created(
        &mut self,
        workspace: &WorkspaceEnrichedOut,
        admin: Uuid,
        add_all_members: bool,
    ) {
        let plain = WorkspaceOut {
            uuid: workspace.uuid,
            name: workspace.name.clone(),
            description: workspace.description.clone(),
            icon: workspace.icon.clone(),
            members_count: workspace.members_count,
            spend_limit: workspace.spend_limit.clone(),
            is_default: workspace.is_default,
        };
        let mut members = vec![(admin, vec![WorkspaceRole::WorkspaceAdmin.name().to_owned()])];
        if add_all_members {
            members.extend(
                self.members
                    .iter()
                    .filter(|m| m.uuid != admin)
                    .map(|m| (m.uuid, Vec::new())),
            );
        }
        self.apply_upsert(&plain, &members, false);
    }

    /// After a successful add or add-or-update of `members` (user, role names) in `workspace`.
    /// An empty role list keeps an existing member's roles when the request left them alone
    /// (`keep_existing_roles_when_empty`); a new member without roles gets the server's default,
    /// `workspace_contributor`.
    pub fn apply_upsert(
        &mut self,
        workspace: &WorkspaceOut,
        members: &[(Uuid, Vec<String>)],
        keep_existing_roles_when_empty: bool,
    ) {
        for (user, roles) in members {
            let Some(&index) = self.by_id.get(user) else {
                continue;
            };
            let entries = self.members[index].workspaces.get_or_insert_with(Vec::new);
            let existing = entries.iter_mut().find(|e| e.uuid == workspace.uuid);
            let names = match (existing.as_ref(), roles.is_empty()) {
                (Some(_), true) if keep_existing_roles_when_empty => continue,
                (_, true) => vec![WorkspaceRole::DEFAULT_FOR_NEW_MEMBER.name().to_owned()],
                (_, false) => normalize_workspace_role_names(roles.clone()),
            };
            let raw_role = names.first().cloned().unwrap_or_default();
            match existing {
                Some(entry) => {
                    entry.raw_roles = names;
                    entry.raw_role = raw_role;
                    entry.name = workspace.name.clone();
                }
                None => entries.push(MemberWorkspaceInfo {
                    uuid: workspace.uuid,
                    name: workspace.name.clone(),
                    is_default: workspace.is_default,
                    raw_roles: names,
                    raw_role,
                }),
            }
        }
    }

    /// After a successful removal of `users` from `workspace`.
    pub fn apply_removed(&mut self, workspace: Uuid, users: &[Uuid]) {
        for user in users {
            if let Some(&index) = self.by_id.get(user)
                && let Some(entries) = self.members[index].workspaces.as_mut()
            {
                entries.retain(|e| e.uuid != workspace);
            }
        }
    }

    /// After a member was removed from the organization (and so from every workspace).
    pub fn apply_user_deleted(&mut self, user: Uuid) {
        self.members.retain(|m| m.uuid != user);
        self.reindex();
    }

    /// After a workspace was archived: nobody is a member of it any more.
    pub fn apply_workspace_archived(&mut self, workspace: Uuid) {
        for member in &mut self.members {
            if let Some(entries) = member.workspaces.as_mut() {
                entries.retain(|e| e.uuid != workspace);
            }
        }
        for invite in &mut self.invites {
            invite.workspace_uuids.retain(|w| *w != workspace);
        }
    }

    /// After a workspace was renamed: memberships carry its name.
    pub fn apply_workspace_renamed(&mut self, workspace: &WorkspaceOut) {
        for member in &mut self.members {
            for entry in member.workspaces.iter_mut().flatten() {
                if entry.uuid == workspace.uuid {
                    entry.name = workspace.name.clone();
                }
            }
        }
    }

    /// After `PATCH /users/{id}` returned the member as it now is.
    pub fn apply_member_updated(&mut self, member: AdminOrganizationMemberOut) {
        match self.by_id.get(&member.uuid) {
            Some(&index) => {
                // The update reply may leave out memberships; keep the ones we know.
                let mut member = member;
                if member.workspaces.is_none() {
                    member.workspaces = self.members[index].workspaces.take();
                }
                self.members[index] = member;
            }
            None => {
                self.members.push(member);
                self.reindex();
            }
        }
    }

    /// After an invitation was withdrawn.
    pub fn apply_invite_deleted(&mut self, invite: Uuid) {
        self.invites.retain(|i| i.uuid != invite);
    }
}

fn workspace_role_names(roles: &RolesOut, values: &[String]) -> Vec<String> {
    let names = values
        .iter()
        .map(|value| match roles.workspace_role(value) {
            Some(role) => role.name.clone(),
            None => value.clone(),
        })
        .collect();
    normalize_workspace_role_names(names)
}

fn membership(user: &AdminOrganizationMemberOut, workspace: Uuid) -> Option<&MemberWorkspaceInfo> {
    user.workspaces
        .iter()
        .flatten()
        .find(|e| e.uuid == workspace)
}

#[cfg(test)]
#[path = "directory_tests.rs"]
mod tests;
