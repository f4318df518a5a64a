//! Everything that can happen to the console: keys, resizes, timers and answers from the
//! server. `update` turns each into state changes and effects.

use crossterm::event::KeyEvent;
use uuid::Uuid;

use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, ApiKeyExtendedOut,
    LocalOrganizationOut, RemoveWorkspaceMembersOut, WorkspaceEnrichedOut, WorkspaceOut,
    WorkspaceSettingsOut,
};

use super::state::people::People;
use super::state::{RemoteError, RequestId};

#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size in columns and rows.
    Resize {
        width: u16,
        height: u16,
    },
    /// Advance the spinner; only sent while requests run.
    SpinnerTick,
    FlashExpired(u64),
    Reply(Box<Reply>),
}

/// The answer to one `Effect::Request`.
#[derive(Debug, Clone)]
pub struct Reply {
    pub id: RequestId,
    pub profile: usize,
    pub outcome: Outcome,
}

pub type Answer<T> = Result<T, RemoteError>;

#[derive(Debug, Clone)]
pub enum Outcome {
    Organization(Answer<Option<LocalOrganizationOut>>),
    Workspaces {
        archived: bool,
        result: Answer<Vec<WorkspaceOut>>,
    },
    People(Answer<People>),
    ApiKeys(Answer<Vec<ApiKeyExtendedOut>>),
    WorkspaceSettings {
        workspace: Uuid,
        result: Answer<Option<WorkspaceSettingsOut>>,
    },
    SavedWorkspace {
        workspace: Uuid,
        result: SaveResult,
    },
    /// The answer to one of the dialogs' changes.
    Changed(Answer<Change>),
}

/// What the server said to a change sent from a dialog.
#[derive(Debug, Clone)]
pub enum Change {
    MembersAdded(AddUsersToWorkspaceOut),
    RolesSet(AddOrUpdateUsersToWorkspaceOut),
    MembersRemoved(RemoveWorkspaceMembersOut),
    Archived,
    Created(Box<WorkspaceEnrichedOut>),
}

#[derive(Debug, Clone)]
pub enum SaveResult {
    /// Everything sent was saved; each part is the server's new state (None if not sent).
    Saved {
        workspace: Option<WorkspaceOut>,
        settings: Option<WorkspaceSettingsOut>,
    },
    /// Nothing was saved.
    Failed(RemoteError),
    /// The workspace's own fields were saved, the extension settings were not.
    PartlySaved {
        workspace: WorkspaceOut,
        settings_error: RemoteError,
    },
}
