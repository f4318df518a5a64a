//! What `update` asks the outside world to do. Effects run on tokio tasks and come back as
//! messages; `update` itself never waits on anything.

use std::time::Duration;

use uuid::Uuid;

use crate::api::{
    AdminWorkspaceIn, UpdateWorkspaceIn, WorkspaceMemberSingleIn, WorkspaceSettingsUpdate,
};

use super::state::RequestId;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Send a request on behalf of a profile; the answer arrives as `Msg::Reply` with `id`.
    Request {
        id: RequestId,
        profile: usize,
        call: Call,
    },
    /// Abort these requests if they are still running.
    Cancel(Vec<RequestId>),
    /// Send `Msg::FlashExpired(id)` after a while.
    ExpireFlash { id: u64, after: Duration },
}

/// One conversation with the Admin API.
#[derive(Debug, Clone, PartialEq)]
pub enum Call {
    /// The organization's details (`x-local` extension; `None` where the server lacks it).
    Organization,
    Workspaces {
        archived: bool,
    },
    /// Every member with their workspaces and roles resolved.
    People,
    ApiKeys,
    WorkspaceSettings(Uuid),
    SaveWorkspace(SaveWorkspace),
    /// `POST .../add-users`: organization members join the workspace.
    AddMembers {
        workspace: Uuid,
        members: Vec<WorkspaceMemberSingleIn>,
    },
    /// `PATCH .../users`: sets the roles of these members.
    SetMemberRoles {
        workspace: Uuid,
        members: Vec<WorkspaceMemberSingleIn>,
    },
    /// `DELETE .../remove-users`.
    RemoveMembers {
        workspace: Uuid,
        users: Vec<Uuid>,
    },
    /// `DELETE /workspaces/{id}`: archives, for good.
    ArchiveWorkspace(Uuid),
    /// `POST /workspaces`.
    CreateWorkspace(AdminWorkspaceIn),
}

impl Call {
    /// What the status line says while the call runs.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Workspaces { archived: false } => "workspaces",
            Self::Workspaces { archived: true } => "archived workspaces",
            Self::People => "members",
            Self::ApiKeys => "API keys",
            Self::WorkspaceSettings(_) => "settings",
            Self::SaveWorkspace(_) => "saving",
            Self::AddMembers { .. } => "adding members",
            Self::SetMemberRoles { .. } => "changing roles",
            Self::RemoveMembers { .. } => "removing members",
            Self::ArchiveWorkspace(_) => "archiving",
            Self::CreateWorkspace(_) => "creating workspace",
        }
    }
}

/// Saves the settings form: the workspace's own fields, then the extension settings. Either
/// part is left out when nothing in it changed.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveWorkspace {
    pub workspace: Uuid,
    pub details: Option<UpdateWorkspaceIn>,
    pub settings: Option<WorkspaceSettingsUpdate>,
}

/// Carries effects out. The console's runner talks to the Admin API through the client;
/// `update` knows nothing of it.
pub trait EffectRunner {
    fn run(&mut self, effect: Effect);
}
