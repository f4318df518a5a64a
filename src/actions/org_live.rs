//! The live organization read through the client, as the plan engine describes it
//! ([`Organization`]), with the ids behind each name so changes can become requests.

use std::collections::HashMap;

use futures::{StreamExt, TryStreamExt, stream};
use uuid::Uuid;

use crate::api::{
    AdminUserGroupMemberOut, AdminUserGroupOut, GroupWorkspaceAssignmentOut, RolesOut,
    WorkspaceOut, WorkspaceSettingsOut,
};
use crate::client::{AdminClient, ClientError, Directory};
use crate::domain::OrgRole;
use crate::domain::org::renames::Renames;
use crate::domain::org::{
    self, Group, Invitation, Limit, Organization, Person, Workspace, email_key, group_key,
    workspace_key,
};
use crate::domain::roles::normalize_workspace_role_names;

/// Requests in flight at once when reading per-workspace settings or per-group details.
const IN_FLIGHT: usize = 8;

/// A group with its direct members and its workspace assignments.
pub type GroupDetail = (
    AdminUserGroupOut,
    Vec<AdminUserGroupMemberOut>,
    Vec<GroupWorkspaceAssignmentOut>,
);

/// Every group with its direct members and workspace assignments.
pub async fn group_details(client: &AdminClient) -> Result<Vec<GroupDetail>, ClientError> {
    let all = client.list_all_groups().await?;
    stream::iter(all)
        .map(|group| async move {
            let (members, assignments) = futures::try_join!(
                client.list_all_group_members(group.uuid),
                client.list_all_group_workspaces(group.uuid)
            )?;
            Ok::<_, ClientError>((group, members, assignments))
        })
        .buffered(IN_FLIGHT)
        .try_collect()
        .await
}

/// Access through groups as the server gives it, read whole: what a member keeps in a
/// workspace whatever their own membership says.
pub async fn group_access(
    client: &AdminClient,
) -> Result<super::groups::access::GroupAccess, ClientError> {
    let details = group_details(client).await?;
    let members: Vec<Vec<Uuid>> = details
        .iter()
        .map(|(_, members, _)| members.iter().map(|m| m.user_uuid).collect())
        .collect();
    Ok(super::groups::access::GroupAccess::new(
        details
            .iter()
            .zip(&members)
            .map(|((group, _, assignments), ids)| (group, ids.as_slice(), assignments.as_slice())),
    ))
}

/// What to read of the organization; what is not read stays empty in the description.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// Workspaces, people, invitations and the role catalog.
    pub people: bool,
    /// Each workspace's local-server settings (one request per workspace).
    pub settings: bool,
    /// Groups with their members and assignments (two requests per group).
    pub groups: bool,
    /// The organization's monthly spending limit.
    pub spend: bool,
    /// The API keys, for their names.
    pub keys: bool,
}

impl Reading {
    pub const ALL: Self = Self {
        people: true,
        settings: true,
        groups: true,
        spend: true,
        keys: true,
    };
}

/// Runs `read` only when `wanted`, else answers the default.
pub async fn when<T: Default>(
    wanted: bool,
    read: impl std::future::Future<Output = Result<T, ClientError>>,
) -> Result<T, ClientError> {
    if wanted { read.await } else { Ok(T::default()) }
}

/// The ids behind the names of a [`LiveOrg`], and the role catalog.
#[derive(Debug, Clone)]
pub struct Ids {
    /// Active workspaces by [`workspace_key`].
    pub workspaces: HashMap<String, WorkspaceOut>,
    /// Organization members by [`email_key`].
    pub users: HashMap<String, Uuid>,
    /// Groups by [`group_key`].
    pub groups: HashMap<String, Uuid>,
    /// Pending invitations by [`email_key`].
    pub invites: HashMap<String, Uuid>,
    /// Expired invitations' addresses by id: only what resending one replaces is named.
    pub expired_invites: HashMap<Uuid, String>,
    pub catalog: RolesOut,
}

impl Ids {
    /// No ids yet, roles read through `catalog`.
    pub fn new(catalog: RolesOut) -> Self {
        Self {
            workspaces: HashMap::new(),
            users: HashMap::new(),
            groups: HashMap::new(),
            invites: HashMap::new(),
            expired_invites: HashMap::new(),
            catalog,
        }
    }

    pub fn workspace(&self, name: &str) -> Option<&WorkspaceOut> {
        self.workspaces.get(&workspace_key(name))
    }

    pub fn user(&self, email: &str) -> Option<Uuid> {
        self.users.get(&email_key(email)).copied()
    }

    pub fn group(&self, name: &str) -> Option<Uuid> {
        self.groups.get(&group_key(name)).copied()
    }
}

/// The organization as it is, described and indexed.
#[derive(Debug, Clone)]
pub struct LiveOrg {
    pub model: Organization,
    pub ids: Ids,
    /// The ids of workspaces and groups by id, for naming what a request refers to.
    pub workspace_names: HashMap<Uuid, String>,
    pub group_names: HashMap<Uuid, String>,
    /// API keys by id, as the journal names them (see [`key_name`]); read only when asked.
    pub key_names: HashMap<Uuid, String>,
    /// The renames applied since it was read, for changes that name the old names.
    pub renames: Renames,
}

/// An API key as the journal names it: its name in quotes, else its hidden form.
pub fn key_name(key: &crate::api::ApiKeyExtendedOut) -> String {
    match key.name.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(name) => format!("\"{name}\""),
        None => key.hidden_key.clone(),
    }
}

impl LiveOrg {
    /// Reads the organization.
    pub async fn load(client: &AdminClient, reading: Reading) -> Result<Self, ClientError> {
        let people = reading.people;
        let (active, archived, directory, limits, organization, groups, keys) = futures::try_join!(
            when(people, client.list_all_workspaces(false)),
            when(people, client.list_all_workspaces(true)),
            async {
                match people {
                    true => client.load_directory().await.map(Some),
                    false => Ok(None),
                }
            },
            async {
                match reading.spend {
                    true => client.spend_limit().await.map(Some),
                    false => Ok(None),
                }
            },
            when(people, client.local_organization()),
            when(reading.groups, group_details(client)),
            when(reading.keys, client.list_all_api_keys())
        )?;
        let settings = if reading.settings && client.has_extensions().await? {
            settings_of(client, &active).await?
        } else {
            HashMap::new()
        };
        let directory =
            directory.unwrap_or_else(|| Directory::new(Vec::new(), Vec::new(), &empty_catalog()));
        let mut live = Self::build(&active, &archived, &directory, &groups, &settings);
        live.key_names = keys.iter().map(|k| (k.key_id, key_name(k))).collect();
        live.model.organization = organization.map(|o| o.name);
        live.model.monthly_spend_limit =
            limits.map(|limits| Limit::from_option(super::spend::current_limit(&limits)));
        live.model.normalize();
        Ok(live)
    }

    /// Describes what was read; what was not read is given empty (a directory of a few
    /// members describes those members alone). Call [`Organization::normalize`] after.
    pub fn build(
        active: &[WorkspaceOut],
        archived: &[WorkspaceOut],
        directory: &Directory,
        groups: &[GroupDetail],
        settings: &HashMap<Uuid, WorkspaceSettingsOut>,
    ) -> Self {
        let email_of = |id: Uuid| {
            directory
                .user(id)
                .and_then(|m| m.email.clone())
                .map_or_else(|| id.to_string(), |e| email_key(&e))
        };
        let mut model = Organization::default();
        let mut ids = Ids::new(directory.role_catalog().clone());
        for out in active {
            let mut workspace = described_workspace(out, false, settings.get(&out.uuid));
            for member in directory.workspace_members(out.uuid) {
                workspace
                    .members
                    .insert(email_of(member.user.uuid), member.roles.clone());
            }
            model.workspaces.push(workspace);
            ids.workspaces.insert(workspace_key(&out.name), out.clone());
        }
        model.workspaces.extend(
            archived
                .iter()
                .map(|out| described_workspace(out, true, None)),
        );
        for member in directory.members() {
            let email = email_of(member.uuid);
            ids.users.insert(email.clone(), member.uuid);
            model.people.push(Person {
                email,
                name: member.name.clone().unwrap_or_default(),
                roles: directory.org_roles(member.uuid),
                remove: false,
            });
        }
        let workspace_names: HashMap<Uuid, String> = active
            .iter()
            .chain(archived)
            .map(|w| (w.uuid, w.name.clone()))
            .collect();
        for invite in directory.invites().iter().filter(|i| i.expired) {
            ids.expired_invites
                .insert(invite.uuid, email_key(&invite.email));
        }
        for invite in directory.invites().iter().filter(|i| !i.expired) {
            ids.invites.insert(email_key(&invite.email), invite.uuid);
            model.invitations.push(Invitation {
                email: email_key(&invite.email),
                roles: invite
                    .raw_roles
                    .iter()
                    .map(|r| {
                        OrgRole::parse_any(r).map_or_else(|| r.clone(), |r| r.name().to_owned())
                    })
                    .collect(),
                // An archived workspace grants nothing, so an invitation names active ones.
                workspaces: invite
                    .workspace_uuids
                    .iter()
                    .filter_map(|w| active.iter().find(|a| a.uuid == *w))
                    .map(|w| w.name.clone())
                    .collect(),
            });
        }
        let group_names: HashMap<Uuid, String> = groups
            .iter()
            .map(|(g, _, _)| (g.uuid, g.name.clone()))
            .collect();
        for (group, members, assignments) in groups {
            ids.groups.insert(group_key(&group.name), group.uuid);
            model.groups.push(described_group(
                group,
                members,
                assignments,
                &email_of,
                &group_names,
            ));
        }
        Self {
            model,
            ids,
            workspace_names,
            group_names,
            key_names: HashMap::new(),
            renames: Renames::default(),
        }
    }

    /// The changes that turn this organization into `wanted` (normalized here), with the
    /// deletions it asks for run or skipped as `apply` will.
    pub fn diff(&self, wanted: &mut Organization, deletions: org::Deletions) -> org::Diff {
        wanted.normalize();
        let mut found = org::diff_when(&self.model, wanted, deletions);
        found
            .problems
            .extend(super::org_roles::unknown_roles(wanted, &self.ids.catalog));
        found
    }
}

/// A group as the plan engine describes it: members by email (`email_of`), the groups it
/// sits in by name (`group_names`), its assignments by workspace name. The console's staging
/// describes the groups it has loaded with it too, so both read a group the same way.
pub fn described_group(
    group: &AdminUserGroupOut,
    members: &[AdminUserGroupMemberOut],
    assignments: &[GroupWorkspaceAssignmentOut],
    email_of: &dyn Fn(Uuid) -> String,
    group_names: &HashMap<Uuid, String>,
) -> Group {
    Group {
        name: group.name.clone(),
        description: group.description.clone().unwrap_or_default(),
        target_type: group.target_type.clone(),
        organization_role: group
            .organization_role
            .as_deref()
            .map(|r| OrgRole::parse_any(r).map_or_else(|| r.to_owned(), |r| r.name().to_owned())),
        externally_managed: group.externally_managed == Some(true),
        delete: false,
        members: members.iter().map(|m| email_of(m.user_uuid)).collect(),
        nested_in: group
            .parent_group_ids
            .iter()
            .map(|p| group_names.get(p).cloned().unwrap_or(p.to_string()))
            .collect(),
        workspaces: assignments
            .iter()
            .map(|a| {
                let names = a.roles.iter().map(|r| r.name.clone()).collect();
                (
                    a.workspace_name.clone(),
                    normalize_workspace_role_names(names),
                )
            })
            .collect(),
    }
}

/// A role catalog that was not read: no role names anything.
pub fn empty_catalog() -> RolesOut {
    RolesOut {
        organization_roles: Vec::new(),
        workspace_roles: Vec::new(),
    }
}

/// A workspace as the plan engine describes it, without its members: its settings when they
/// were read (an archived workspace's are not).
pub fn described_workspace(
    out: &WorkspaceOut,
    archived: bool,
    settings: Option<&WorkspaceSettingsOut>,
) -> Workspace {
    Workspace {
        name: out.name.clone(),
        description: out.description.clone().unwrap_or_default(),
        icon: out.icon.clone().unwrap_or_default(),
        default: out.is_default,
        archived,
        members_can_create_api_keys: settings.map(|s| s.members_can_create_api_keys),
        monthly_spend_cap: settings.map(|s| Limit::from_option(s.monthly_spend_cap)),
        ..Workspace::default()
    }
}

async fn settings_of(
    client: &AdminClient,
    active: &[WorkspaceOut],
) -> Result<HashMap<Uuid, WorkspaceSettingsOut>, ClientError> {
    // By id, not by reference: the future must be `Send` for any borrow, so the console can
    // read the organization on a request's task.
    let ids: Vec<Uuid> = active.iter().map(|w| w.uuid).collect();
    let found: Vec<Option<WorkspaceSettingsOut>> = stream::iter(ids)
        .map(|id| client.workspace_settings(id))
        .buffered(IN_FLIGHT)
        .try_collect()
        .await?;
    Ok(found
        .into_iter()
        .flatten()
        .map(|s| (s.workspace_uuid, s))
        .collect())
}
