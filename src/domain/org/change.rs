//! One change to an organization, as the plan engine and the journal keep it: by names and
//! emails, with the value before and after, so it reads as a diff line, has an inverse (or a
//! reason it has none), and can be checked against the organization as it is now.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Group, Invitation, Limit, Workspace};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkspaceField {
    Name,
    Description,
    Icon,
    MembersCanCreateApiKeys,
    MonthlySpendCap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupField {
    Name,
    Description,
    TargetType,
    OrganizationRole,
    NestedIn,
}

/// A field's value before or after a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldValue {
    Text(String),
    Flag(bool),
    Limit(Limit),
    /// A role or a target that may be absent.
    Choice(Option<String>),
    Names(Vec<String>),
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => write!(f, "{text:?}"),
            Self::Flag(flag) => write!(f, "{flag}"),
            Self::Limit(limit) => write!(f, "{limit}"),
            Self::Choice(choice) => f.write_str(choice.as_deref().unwrap_or("none")),
            Self::Names(names) if names.is_empty() => f.write_str("(none)"),
            Self::Names(names) => f.write_str(&quoted(names)),
        }
    }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn roles(list: &[String]) -> String {
    if list.is_empty() {
        "(no role)".to_owned()
    } else {
        list.join(", ")
    }
}

/// When a change runs in `apply`: what others build on first, what takes access away last,
/// what cannot be undone at the very end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Create,
    Grant,
    Revoke,
    Destroy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    CreateWorkspace {
        workspace: Workspace,
    },
    EditWorkspace {
        workspace: String,
        field: WorkspaceField,
        before: FieldValue,
        after: FieldValue,
    },
    /// `explicit`: the file says `archived = true`; otherwise it only left the workspace out.
    ArchiveWorkspace {
        workspace: String,
        explicit: bool,
    },
    AddMember {
        workspace: String,
        email: String,
        roles: Vec<String>,
    },
    SetMemberRoles {
        workspace: String,
        email: String,
        before: Vec<String>,
        after: Vec<String>,
    },
    RemoveMember {
        workspace: String,
        email: String,
        roles: Vec<String>,
    },
    SetOrganizationRoles {
        email: String,
        before: Vec<String>,
        after: Vec<String>,
    },
    /// `explicit`: the file says `remove = true`; otherwise it only left the person out.
    RemovePerson {
        email: String,
        explicit: bool,
    },
    Invite {
        invitation: Invitation,
    },
    RevokeInvitation {
        invitation: Invitation,
    },
    CreateGroup {
        group: Group,
    },
    EditGroup {
        group: String,
        field: GroupField,
        before: FieldValue,
        after: FieldValue,
    },
    /// `explicit`: the file says `delete = true`; otherwise it only left the group out.
    DeleteGroup {
        group: String,
        explicit: bool,
    },
    AddGroupMember {
        group: String,
        email: String,
    },
    RemoveGroupMember {
        group: String,
        email: String,
    },
    AssignGroup {
        group: String,
        workspace: String,
        roles: Vec<String>,
    },
    SetGroupRoles {
        group: String,
        workspace: String,
        before: Vec<String>,
        after: Vec<String>,
    },
    UnassignGroup {
        group: String,
        workspace: String,
        roles: Vec<String>,
    },
    SetSpendLimit {
        before: Limit,
        after: Limit,
    },
    /// Something done that has no inverse the journal could apply (a key made or deleted),
    /// kept so the journal says what happened and why it cannot be undone.
    Irreversible {
        what: String,
        why: String,
    },
}

impl Change {
    pub fn phase(&self) -> Phase {
        match self {
            Self::CreateWorkspace { .. } | Self::CreateGroup { .. } => Phase::Create,
            Self::RemoveMember { .. }
            | Self::RevokeInvitation { .. }
            | Self::RemoveGroupMember { .. }
            | Self::UnassignGroup { .. } => Phase::Revoke,
            Self::ArchiveWorkspace { .. }
            | Self::RemovePerson { .. }
            | Self::DeleteGroup { .. }
            | Self::Irreversible { .. } => Phase::Destroy,
            _ => Phase::Grant,
        }
    }

    /// Archiving, removing someone from the organization, deleting a group.
    pub fn is_destructive(&self) -> bool {
        matches!(
            self,
            Self::ArchiveWorkspace { .. } | Self::RemovePerson { .. } | Self::DeleteGroup { .. }
        )
    }

    /// A destructive change the file asks for in so many words (`archived`, `remove`,
    /// `delete`), rather than by leaving something out.
    pub fn is_explicit(&self) -> bool {
        match self {
            Self::ArchiveWorkspace { explicit, .. }
            | Self::RemovePerson { explicit, .. }
            | Self::DeleteGroup { explicit, .. } => *explicit,
            _ => true,
        }
    }

    /// `+`, `~` or `-`, as a diff marks it.
    pub fn symbol(&self) -> char {
        match self {
            Self::CreateWorkspace { .. }
            | Self::AddMember { .. }
            | Self::Invite { .. }
            | Self::CreateGroup { .. }
            | Self::AddGroupMember { .. }
            | Self::AssignGroup { .. } => '+',
            Self::ArchiveWorkspace { .. }
            | Self::RemoveMember { .. }
            | Self::RemovePerson { .. }
            | Self::RevokeInvitation { .. }
            | Self::DeleteGroup { .. }
            | Self::RemoveGroupMember { .. }
            | Self::UnassignGroup { .. } => '-',
            Self::Irreversible { .. } => '!',
            _ => '~',
        }
    }

    /// What the change does, in one line without its symbol.
    pub fn describe(&self) -> String {
        match self {
            Self::CreateWorkspace { workspace } => {
                let admin = super::diff::new_workspace_admin(workspace).unwrap_or("nobody");
                format!(
                    "workspace {:?}: create, with {admin} as its admin and {} member(s)",
                    workspace.name,
                    workspace.members.len()
                )
            }
            Self::EditWorkspace {
                workspace,
                field,
                before,
                after,
            } => format!(
                "workspace {workspace:?} {}: {before} -> {after}",
                workspace_field(*field)
            ),
            Self::ArchiveWorkspace {
                workspace,
                explicit: true,
            } => {
                format!("workspace {workspace:?}: archive (cannot be undone)")
            }
            Self::ArchiveWorkspace {
                workspace,
                explicit: false,
            } => format!(
                "workspace {workspace:?}: not in the file (to archive it, list it with archived = true)"
            ),
            Self::AddMember {
                workspace,
                email,
                roles: r,
            } => {
                format!("{workspace:?} member {email}: {}", roles(r))
            }
            Self::SetMemberRoles {
                workspace,
                email,
                before,
                after,
            } => {
                format!(
                    "{workspace:?} member {email}: {} -> {}",
                    roles(before),
                    roles(after)
                )
            }
            Self::RemoveMember {
                workspace,
                email,
                roles: r,
            } => {
                format!("{workspace:?} member {email} ({})", roles(r))
            }
            Self::SetOrganizationRoles {
                email,
                before,
                after,
            } => {
                format!("person {email}: {} -> {}", roles(before), roles(after))
            }
            Self::RemovePerson {
                email,
                explicit: true,
            } => {
                format!("person {email}: remove from the organization (cannot be undone)")
            }
            Self::RemovePerson {
                email,
                explicit: false,
            } => format!(
                "person {email}: not in the file (to remove them, list them with remove = true)"
            ),
            Self::Invite { invitation } | Self::RevokeInvitation { invitation } => {
                let mut text = format!(
                    "invitation {}: {}",
                    invitation.email,
                    roles(&invitation.roles)
                );
                if !invitation.workspaces.is_empty() {
                    text.push_str(&format!(" in {}", quoted(&invitation.workspaces)));
                }
                text
            }
            Self::CreateGroup { group } => format!(
                "group {:?}: create, with {} member(s) and {} workspace(s)",
                group.name,
                group.members.len(),
                group.workspaces.len()
            ),
            Self::EditGroup {
                group,
                field,
                before,
                after,
            } => {
                format!(
                    "group {group:?} {}: {before} -> {after}",
                    group_field(*field)
                )
            }
            Self::DeleteGroup {
                group,
                explicit: true,
            } => {
                format!("group {group:?}: delete (cannot be undone)")
            }
            Self::DeleteGroup {
                group,
                explicit: false,
            } => format!(
                "group {group:?}: not in the file (to delete it, list it with delete = true)"
            ),
            Self::AddGroupMember { group, email } | Self::RemoveGroupMember { group, email } => {
                format!("group {group:?} member {email}")
            }
            Self::AssignGroup {
                group,
                workspace,
                roles: r,
            }
            | Self::UnassignGroup {
                group,
                workspace,
                roles: r,
            } => {
                format!("group {group:?} in {workspace:?}: {}", roles(r))
            }
            Self::SetGroupRoles {
                group,
                workspace,
                before,
                after,
            } => format!(
                "group {group:?} in {workspace:?}: {} -> {}",
                roles(before),
                roles(after)
            ),
            Self::SetSpendLimit { before, after } => {
                format!("monthly spending limit: {before} -> {after}")
            }
            Self::Irreversible { what, .. } => what.clone(),
        }
    }

    /// The diff line: `~ "Research" member jane@x.io: dev -> workspace_admin`.
    pub fn line(&self) -> String {
        format!("{} {}", self.symbol(), self.describe())
    }

    /// The change that takes this one back, or why there is none.
    pub fn inverse(&self) -> Result<Change, String> {
        super::inverse::inverse(self)
    }
}

fn workspace_field(field: WorkspaceField) -> &'static str {
    match field {
        WorkspaceField::Name => "name",
        WorkspaceField::Description => "description",
        WorkspaceField::Icon => "icon",
        WorkspaceField::MembersCanCreateApiKeys => "members_can_create_api_keys",
        WorkspaceField::MonthlySpendCap => "monthly_spend_cap",
    }
}

fn group_field(field: GroupField) -> &'static str {
    match field {
        GroupField::Name => "name",
        GroupField::Description => "description",
        GroupField::TargetType => "target_type",
        GroupField::OrganizationRole => "organization_role",
        GroupField::NestedIn => "nested_in",
    }
}
