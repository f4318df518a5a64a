//! What the role editor knows of the organization's groups. A request sets a member's own
//! roles only, and a role a group gives stays whatever is sent: the preview says which (in
//! the words `members set-roles` prints) and counts someone a group makes workspace_admin as
//! keeping it. So the groups are read as the editor opens, and Apply waits for them: the
//! preview never offers a change told from a guess. A read that fails is said whole, and the
//! next preview asked for reads them again; the ticks stay.

use crate::actions::groups::access::GroupAccess;
use crate::actions::members::group_notes;
use crate::actions::plan::RoleChange;
use crate::api::WorkspaceOut;
use crate::tui::call::{Call, Payload};
use crate::tui::state::{RemoteError, RequestId};

/// Where the read of the groups is.
#[derive(Debug, Clone, PartialEq)]
pub enum GroupsRead {
    /// Asked for; the request's id once it is on its way.
    Reading(Option<RequestId>),
    Read(GroupAccess),
    /// Why they could not be read.
    Failed(String),
}

impl GroupsRead {
    /// The read to start, when none is on its way or done: as the editor opens, and again
    /// after one that failed.
    pub fn to_start(&self) -> Option<Call> {
        matches!(self, Self::Reading(None)).then_some(Call::GroupAccess)
    }

    /// Asks again after a failure; says whether a read must start.
    pub fn retry(&mut self) -> bool {
        if matches!(self, Self::Failed(_)) {
            *self = Self::Reading(None);
        }
        matches!(self, Self::Reading(None))
    }

    pub fn started(&mut self, id: RequestId) {
        if matches!(self, Self::Reading(_)) {
            *self = Self::Reading(Some(id));
        }
    }

    /// Takes the answer to `id` if it is the one awaited.
    pub fn answered(&mut self, id: RequestId, result: &Result<Payload, RemoteError>) {
        if *self != Self::Reading(Some(id)) {
            return;
        }
        *self = match result {
            Ok(Payload::GroupAccess(access)) => Self::Read(access.clone()),
            Ok(_) => Self::Failed("internal error: an answer of another kind".into()),
            Err(error) => Self::Failed(error.message.clone()),
        };
    }

    /// ctrl-c dropped the read on its way.
    pub fn stopped(&mut self) {
        if matches!(self, Self::Reading(Some(_))) {
            *self = Self::Failed("stopped with ctrl-c".into());
        }
    }

    pub fn access(&self) -> Option<&GroupAccess> {
        match self {
            Self::Read(access) => Some(access),
            _ => None,
        }
    }

    /// What the preview says of the groups: their notes once read, else that they are being
    /// read or why they could not be.
    pub fn said(&self, workspace: &WorkspaceOut, changes: &[RoleChange]) -> Said {
        match self {
            Self::Read(access) => Said::Notes(group_notes(workspace, changes, access)),
            Self::Reading(_) => Said::Waiting(
                "Reading what the organization's groups give these members… Apply waits for it"
                    .into(),
            ),
            Self::Failed(error) => Said::Waiting(format!(
                "What the organization's groups give these members could not be read: {error}. Apply waits for it: Back keeps the ticks, and the next preview reads the groups again"
            )),
        }
    }

    /// Why Apply does nothing yet, while the groups are not read.
    pub fn refusal(&self) -> Option<String> {
        match self {
            Self::Read(_) => None,
            Self::Reading(_) => {
                Some("Nothing sent: what groups give these members is still being read".into())
            }
            Self::Failed(error) => Some(format!(
                "Nothing sent: what groups give these members could not be read ({error})"
            )),
        }
    }
}

/// The preview's words about groups.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// Who keeps which role through a group (none when groups give nothing here).
    Notes(Vec<String>),
    /// Not read yet, or not readable: Apply waits.
    Waiting(String),
}
