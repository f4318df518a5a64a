//! One change to an organization, as the plan engine and the journal keep it: by names and
//! emails, with the value before and after, so it reads as a diff line, has an inverse (or a
//! reason it has none), and can be checked against the organization as it is now.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::admins::is_admin;
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

impl WorkspaceField {
    /// The field as an organization file names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Description => "description",
            Self::Icon => "icon",
            Self::MembersCanCreateApiKeys => "members_can_create_api_keys",
            Self::MonthlySpendCap => "monthly_spend_cap",
        }
    }
}

impl GroupField {
    /// The field as an organization file names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Description => "description",
            Self::TargetType => "target_type",
            Self::OrganizationRole => "organization_role",
            Self::NestedIn => "nested_in",
        }
    }
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

pub(super) fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("{n:?}"))
        .collect::<Vec<_>>()
        .join(", ")
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
    /// Someone's own roles set where groups give them roles too: in `workspace`, or with none,
    /// in the organization. The server reports own roles united with what groups give, so
    /// `before` and `after` are what they hold in total, as the admin sees it; `own_after` is
    /// what is sent as their own to get there, and `own_before` what undo sends to bring
    /// `before` back (in a workspace, no own roles: their own membership ends and groups keep
    /// them in).
    SetOwnRoles {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        workspace: Option<String>,
        email: String,
        before: Vec<String>,
        after: Vec<String>,
        own_before: Vec<String>,
        own_after: Vec<String>,
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
    /// A pending invitation sent again with other roles or workspaces: the server gives the
    /// invitation the new ones (and its seven days start over), so the old ones are lost
    /// unless this is taken back.
    ReplaceInvitation {
        before: Invitation,
        after: Invitation,
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

/// A workspace or group renamed by a change: its name before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rename<'a> {
    Workspace { old: &'a str, new: &'a str },
    Group { old: &'a str, new: &'a str },
}

impl Change {
    /// The workspace or group this change renames, if it is a rename.
    pub fn rename(&self) -> Option<Rename<'_>> {
        match self {
            Self::EditWorkspace {
                workspace,
                field: WorkspaceField::Name,
                after: FieldValue::Text(new),
                ..
            } => Some(Rename::Workspace {
                old: workspace,
                new,
            }),
            Self::EditGroup {
                group,
                field: GroupField::Name,
                after: FieldValue::Text(new),
                ..
            } => Some(Rename::Group { old: group, new }),
            _ => None,
        }
    }

    pub fn phase(&self) -> Phase {
        match self {
            Self::CreateWorkspace { .. } | Self::CreateGroup { .. } => Phase::Create,
            // Taking organization_admin away waits for the grants, so an admin made by the
            // same run is one before the server is asked to demote the last old one.
            Self::SetOrganizationRoles { before, after, .. }
                if is_admin(before) && !is_admin(after) =>
            {
                Phase::Revoke
            }
            // Own roles that drop something held wait for the grants, so a group taking a
            // role over gives it first; own roles that only grow run with the grants, before
            // a group stops giving what they take over.
            Self::SetOwnRoles {
                before, own_after, ..
            } if before.iter().any(|r| !own_after.contains(r)) => Phase::Revoke,
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
            Self::SetOwnRoles { before, .. } if before.is_empty() => '+',
            Self::SetOwnRoles {
                workspace: Some(_),
                after,
                ..
            } if after.is_empty() => '-',
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

    /// The diff line: `~ "Research" member jane@x.io: dev -> workspace_admin`.
    pub fn line(&self) -> String {
        format!("{} {}", self.symbol(), self.describe())
    }

    /// The change that takes this one back, or why there is none.
    pub fn inverse(&self) -> Result<Change, String> {
        super::inverse::inverse(self)
    }
}
