//! The round trip of one request, as data: the call `update` asks for, the payload its answer
//! carries, and the reply that brings them back together with the request's id and profile.
//! Adding an endpoint to the console is a variant here (with its label and how it is made)
//! and a handler in `update::responses`.

use std::sync::atomic::{AtomicBool, Ordering};

use uuid::Uuid;

use crate::actions::groups::access::GroupAccess;
use crate::actions::{self, Request};
use crate::api::{
    ApiKeyExtendedOut, LocalOrganizationOut, RoleOut, WorkspaceOut, WorkspaceSettingsOut,
};
use crate::client::{AdminClient, ErrorKind};

use super::dialogs::remove_members::{
    self,
    after::{NotRemoved, Stays},
};
use super::runner::convert;
use super::state::people::{People, Person, Progress};
use super::state::{RemoteError, RequestId};
use super::views::fetch::Ending;
use super::views::{Fetcher, ViewData};

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
    /// A workspace's extension settings (`None` where the server lacks them).
    WorkspaceSettings(Uuid),
    /// Changes, sent in order through the shared action layer; a refusal stops the rest.
    Change(Vec<Request>),
    /// What an organization view asks for; the view reads the answer.
    View(Fetcher),
    /// After a removal the server answered with people it did not remove: each of them as
    /// listed now, and the groups, to say which a group keeps and which were gone already.
    NotRemoved(NotRemoved),
    /// Access through the organization's groups: what the role editor's preview says a group
    /// keeps, and whether a group still makes someone workspace_admin.
    GroupAccess,
}

/// What an answer carries, one kind per kind of call.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    Organization(Option<LocalOrganizationOut>),
    Workspaces(Vec<WorkspaceOut>),
    People(People),
    /// The directory has been handed over whole in the [`PeoplePage`]s before this answer:
    /// the console assembles it from them rather than receive everyone a second time.
    PeoplePaged {
        workspace_roles: Vec<RoleOut>,
    },
    ApiKeys(Vec<ApiKeyExtendedOut>),
    WorkspaceSettings(Option<WorkspaceSettingsOut>),
    Changed(Applied),
    View(ViewData),
    Stays(Stays),
    GroupAccess(GroupAccess),
}

/// The payload of each kind, or `None` for another kind: `update` takes the one its call asked
/// for.
macro_rules! payload_of {
    ($($name:ident: $variant:ident($type:ty)),* $(,)?) => {
        impl Payload {
            $(
                pub fn $name(self) -> Option<$type> {
                    match self {
                        Self::$variant(value) => Some(value),
                        _ => None,
                    }
                }
            )*
        }
    };
}

payload_of! {
    organization: Organization(Option<LocalOrganizationOut>),
    workspaces: Workspaces(Vec<WorkspaceOut>),
    people: People(People),
    api_keys: ApiKeys(Vec<ApiKeyExtendedOut>),
    workspace_settings: WorkspaceSettings(Option<WorkspaceSettingsOut>),
    applied: Changed(Applied),
    view: View(ViewData),
    stays: Stays(Stays),
    group_access: GroupAccess(GroupAccess),
}

/// What a change did: the server's reply to each request that went through, in order, and
/// the refusal that stopped the rest when one came after others had gone through (a save's
/// settings after its name). A change refused at its first request is an `Err` instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    pub replies: Vec<actions::Reply>,
    pub stopped: Option<RemoteError>,
}

/// The answer to one `Effect::Request`: which request, for which profile, what was asked,
/// and what came back.
#[derive(Debug, Clone)]
pub struct Reply {
    pub id: RequestId,
    pub profile: usize,
    pub call: Call,
    pub result: Result<Payload, RemoteError>,
}

/// Part of an answer that comes before the rest: a page of the directory as it arrives, so
/// the Members tab can show its first rows while the rest pages in.
#[derive(Debug, Clone, PartialEq)]
pub struct PeoplePage {
    pub persons: Vec<Person>,
    /// The workspace role catalog, with the first page.
    pub catalog: Option<Vec<RoleOut>>,
    pub progress: Progress,
}

/// A [`PeoplePage`] on its way back, tagged like a [`Reply`].
#[derive(Debug, Clone)]
pub struct Partial {
    pub id: RequestId,
    pub profile: usize,
    pub page: PeoplePage,
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
            Self::Change(requests) => requests.first().map_or("saving", change_label),
            Self::View(fetcher) => fetcher.0.label(),
            Self::NotRemoved(_) => "who stays",
            Self::GroupAccess => "groups",
        }
    }

    /// The changes of the organization the call sends, for the journal: a `Change`'s requests,
    /// or the one a view's fetch sends (a step of a `:people` run). `None` for a read.
    pub fn changes(&self) -> Option<Vec<Request>> {
        match self {
            Self::Change(requests) => Some(requests.clone()),
            Self::View(fetcher) => fetcher.0.sends().cloned().map(|request| vec![request]),
            _ => None,
        }
    }

    /// How a view's fetch ends when the console stops waiting for it or closes (see
    /// [`Fetch::ending`](super::views::fetch::Fetch::ending)). A call that sends
    /// [`changes`](Self::changes) is stopped and journaled by the runner instead; the other
    /// calls are reads, dropped.
    pub fn ending(&self) -> Ending {
        match self {
            Self::View(fetcher) => fetcher.0.ending(),
            _ => Ending::Dropped,
        }
    }

    /// Whether stopping the call lets it finish rather than tearing it down, as the runner
    /// does: a change finishes its request under way (and is journaled), a view's run of
    /// changes stops after the change on its way. Its answer still comes.
    /// The runner holds to the same rule: [`sends_changes`](Self::sends_changes) picks its
    /// own stop flag, anything else its [`ending`](Self::ending).
    pub fn finishes_when_stopped(&self) -> bool {
        self.sends_changes() || self.ending().is_waited_for()
    }

    /// The final word on a read that follows a change, for when it is cancelled: the change's
    /// outcome, with what the read was for marked as not read.
    pub fn told_if_cancelled(&self) -> Option<String> {
        match self {
            Self::NotRemoved(asked) => Some(asked.unexplained("cancelled before it answered")),
            _ => None,
        }
    }

    /// Whether the call sends changes the runner journals (as [`changes`](Self::changes)
    /// lists them), without copying them.
    pub fn sends_changes(&self) -> bool {
        match self {
            Self::Change(_) => true,
            Self::View(fetcher) => fetcher.0.sends().is_some(),
            _ => false,
        }
    }

    /// Makes the call through the client; the directory comes back whole.
    pub async fn perform(&self, client: &AdminClient) -> Result<Payload, RemoteError> {
        let mut pages = Vec::new();
        let payload = self
            .perform_reporting(client, |page| pages.push(page))
            .await?;
        Ok(match payload {
            Payload::PeoplePaged { workspace_roles } => {
                let mut people = People::default();
                for page in pages {
                    people.extend(page.persons);
                }
                Payload::People(people.with_workspace_roles(workspace_roles))
            }
            other => other,
        })
    }

    /// [`perform`](Self::perform), handing the directory's pages to `report` as they arrive
    /// and answering [`Payload::PeoplePaged`] once they are all there.
    pub async fn perform_reporting(
        &self,
        client: &AdminClient,
        report: impl FnMut(PeoplePage),
    ) -> Result<Payload, RemoteError> {
        let error = |e: crate::client::ClientError| convert::error(&e);
        Ok(match self {
            Self::Organization => {
                Payload::Organization(client.local_organization().await.map_err(error)?)
            }
            Self::Workspaces { archived } => {
                Payload::Workspaces(client.list_all_workspaces(*archived).await.map_err(error)?)
            }
            Self::People => Payload::PeoplePaged {
                workspace_roles: load_people(client, report).await?,
            },
            Self::ApiKeys => Payload::ApiKeys(client.list_all_api_keys().await.map_err(error)?),
            Self::WorkspaceSettings(workspace) => Payload::WorkspaceSettings(
                client.workspace_settings(*workspace).await.map_err(error)?,
            ),
            Self::Change(requests) => {
                Payload::Changed(change(client, requests, &AtomicBool::new(false)).await?)
            }
            Self::View(fetcher) => Payload::View(fetcher.0.fetch(client.clone()).await?),
            Self::GroupAccess => Payload::GroupAccess(
                actions::org_live::group_access(client)
                    .await
                    .map_err(error)?,
            ),
            Self::NotRemoved(asked) => Payload::Stays(
                remove_members::after::read(client, asked)
                    .await
                    .map_err(error)?,
            ),
        })
    }
}

/// How many people the first page of the directory holds: few, so that the first rows show
/// at once, fetched beside the role catalog; the rest comes in whole pages.
const FIRST_PEOPLE: u32 = 100;

/// The role catalog and a small first page of the directory side by side, then every other
/// page, each reported as it arrives with everyone on it listed once (as first listed); the
/// answer is the workspace role catalog. Nothing is kept here: whoever receives the pages
/// holds the directory, once.
async fn load_people(
    client: &AdminClient,
    mut report: impl FnMut(PeoplePage),
) -> Result<Vec<RoleOut>, RemoteError> {
    let error = |e: crate::client::ClientError| convert::error(&e);
    let (roles, first) =
        futures::try_join!(client.roles(), client.list_users(1, FIRST_PEOPLE, None))
            .map_err(error)?;
    let mut catalog = Some(roles.workspace_roles.clone());
    client
        .walk_users(first, FIRST_PEOPLE, |page| {
            let persons = convert::persons(page.members, &roles);
            report(PeoplePage {
                persons,
                catalog: catalog.take(),
                progress: Progress {
                    loaded: page.received,
                    total: page.total,
                },
            });
        })
        .await
        .map_err(error)?;
    Ok(roles.workspace_roles)
}

fn change_label(request: &Request) -> &'static str {
    match request {
        Request::UpdateWorkspace { .. } | Request::UpdateWorkspaceSettings { .. } => "saving",
        Request::AddMembers { .. } => "adding members",
        Request::SetMemberRoles { .. } => "changing roles",
        Request::RemoveMembers { .. } => "removing members",
        Request::ArchiveWorkspace { .. } => "archiving",
        Request::CreateWorkspace { .. } => "creating workspace",
        _ => "changing",
    }
}

/// Sends the requests in order and stops at the first refusal: a later request depends on
/// the earlier ones having been made. Once `stop` is set (the admin pressed ctrl-c), the
/// request under way is finished, so its outcome is known, and the next one is not sent.
pub async fn change(
    client: &AdminClient,
    requests: &[Request],
    stop: &AtomicBool,
) -> Result<Applied, RemoteError> {
    let mut replies = Vec::new();
    for request in requests {
        if stop.load(Ordering::Relaxed) {
            let stopped = RemoteError::new(ErrorKind::Cancelled, "stopped with ctrl-c");
            if replies.is_empty() {
                return Err(stopped);
            }
            return Ok(Applied {
                replies,
                stopped: Some(stopped),
            });
        }
        match actions::execute::send(client, request).await {
            Ok(reply) => replies.push(reply),
            Err(e) if replies.is_empty() => return Err(convert::error(&e)),
            Err(e) => {
                return Ok(Applied {
                    replies,
                    stopped: Some(convert::error(&e)),
                });
            }
        }
    }
    Ok(Applied {
        replies,
        stopped: None,
    })
}
