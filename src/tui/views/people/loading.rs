//! What the people view asks for: the directory (members, invitations, role catalog), every
//! API key, and from the audit log who created each key and who sent each invitation; a
//! person's recent audit entries for the detail pane; and one request of a confirmed change
//! at a time (see [`super::run`]).

use std::any::Any;
use std::collections::HashMap;
use std::sync::Arc;

use futures::FutureExt;
use futures::future::BoxFuture;
use uuid::Uuid;

#[cfg(test)]
use crate::actions::Reply;
use crate::actions::groups::access::GroupAccess;
use crate::actions::org_live::group_access;
use crate::actions::{Request, execute};
use crate::api::{ApiKeyExtendedOut, AuditLogOut};
use crate::client::{AdminClient, AuditQuery, Directory};
use crate::tui::views::fetch::{Fetch, FetchAnswer, ViewData, answer, remote};

use super::run::Batch;

/// Audit entries read to learn key owners and inviters (the newest first).
const AUDIT_READ: u32 = 1000;
/// Entries shown in a person's detail pane.
pub const RECENT_ENTRIES: u32 = 8;

/// Everything a load brings, together: the view builds its tables from it and keeps only
/// [`Held`]; a dialog is opened from a load of its own, so it plans on what the server has
/// now, and the whole directory lives only as long as that dialog.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub directory: Arc<Directory>,
    pub keys: Arc<Vec<ApiKeyExtendedOut>>,
    /// Key id to the user who owns it, where the audit log says.
    pub owners: Arc<HashMap<Uuid, Uuid>>,
    /// Invitation id to who sent it last, where the audit log says.
    pub inviters: Arc<HashMap<Uuid, String>>,
    /// What the organization's groups give, read only for a dialog that must tell a
    /// person's own roles from a group's (see [`PeopleFetch::with_groups`]).
    pub groups: Option<Arc<GroupAccess>>,
}

/// What the view keeps of a load besides its tables: the keys and who owns them, for a
/// member's detail. Not the directory: at ten thousand members it is most of the console's
/// memory, and nothing drawn needs it once the rows are built.
#[derive(Debug, Clone)]
pub struct Held {
    pub keys: Arc<Vec<ApiKeyExtendedOut>>,
    /// Key id to the user who owns it, where the audit log says.
    pub owners: Arc<HashMap<Uuid, Uuid>>,
    /// The name of every workspace someone belongs to, as the load gave it (the console's
    /// workspace list may lack one, such as an archived workspace not listed).
    pub workspace_names: Arc<HashMap<Uuid, String>>,
}

impl Held {
    pub fn of(loaded: &Loaded) -> Self {
        let workspace_names = (loaded.directory.members().iter())
            .flat_map(|m| m.workspaces.iter().flatten())
            .map(|w| (w.uuid, w.name.clone()))
            .collect();
        Self {
            keys: Arc::clone(&loaded.keys),
            owners: Arc::clone(&loaded.owners),
            workspace_names: Arc::new(workspace_names),
        }
    }
}

/// Who did something, as the audit log names them: their email, else the name given.
pub fn actor_name(entry: &AuditLogOut) -> String {
    let meta = &entry.actor_metadata;
    meta.get("email")
        .or_else(|| meta.get("name"))
        .cloned()
        .unwrap_or_else(|| entry.actor_type.to_lowercase())
}

fn inviters(entries: &[AuditLogOut]) -> HashMap<Uuid, String> {
    let mut by_invite = HashMap::new();
    // Newest first: the first entry seen for an invitation is its latest sending.
    for entry in entries {
        if let Some(id) = entry
            .target_metadata
            .get("invite_uuid")
            .and_then(|v| Uuid::parse_str(v).ok())
        {
            by_invite.entry(id).or_insert_with(|| actor_name(entry));
        }
    }
    by_invite
}

/// `GET /users` (every page), `GET /roles`, `GET /api-keys` (every page) and two audit reads;
/// with `with_groups`, the groups too, with their members and assignments.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PeopleFetch {
    pub with_groups: bool,
}

impl Fetch for PeopleFetch {
    fn label(&self) -> &'static str {
        "people"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, FetchAnswer> {
        let with_groups = self.with_groups;
        async move {
            let created = AuditQuery {
                event_type: vec!["api_key.create".to_owned()],
                limit: Some(AUDIT_READ),
                ..AuditQuery::default()
            };
            let invited = AuditQuery {
                event_type: vec![
                    "organization.invite.send".to_owned(),
                    "organization.invite.resend".to_owned(),
                ],
                limit: Some(AUDIT_READ),
                ..AuditQuery::default()
            };
            let groups = async {
                match with_groups {
                    true => group_access(&client).await.map(|a| Some(Arc::new(a))),
                    false => Ok(None),
                }
            };
            let result = futures::try_join!(
                client.load_directory(),
                client.list_all_api_keys(),
                client.audit_logs(&created),
                client.audit_logs(&invited),
                groups,
            );
            let loaded = result.map(|(directory, keys, created, invited, groups)| Loaded {
                directory: Arc::new(directory),
                keys: Arc::new(keys),
                owners: Arc::new(crate::actions::keys::owners_from_audit(&created)),
                inviters: Arc::new(inviters(&invited)),
                groups,
            });
            // The pages' text and the audit entries were parsed and dropped on the way: a
            // directory's worth of memory the console would otherwise keep without using it.
            crate::tui::memory::give_back_freed();
            answer(loaded)
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> FetchAnswer {
        Ok(ViewData::new(super::tests::loaded()))
    }
}

/// A person's latest audit entries, as the actor.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditFetch {
    pub user: Uuid,
}

impl Fetch for AuditFetch {
    fn label(&self) -> &'static str {
        "audit entries"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, FetchAnswer> {
        let query = AuditQuery {
            actor_user_uuid: Some(self.user),
            limit: Some(RECENT_ENTRIES),
            sort: Some("descending".to_owned()),
            ..AuditQuery::default()
        };
        async move { answer(client.audit_logs(&query).await) }.boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> FetchAnswer {
        Ok(ViewData::new(Vec::<AuditLogOut>::new()))
    }
}

/// One request of a confirmed change: step `index` of `batch`.
#[derive(Debug, Clone)]
pub struct StepFetch {
    pub batch: Arc<Batch>,
    pub index: usize,
}

impl Fetch for StepFetch {
    fn label(&self) -> &'static str {
        "change"
    }

    fn change(&self) -> Option<&'static str> {
        let request = &self.batch.plan.steps.get(self.index)?.request;
        Some(crate::tui::staging::live::unstaged_intent(request))
    }

    fn sends(&self) -> Option<&Request> {
        Some(&self.batch.plan.steps.get(self.index)?.request)
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, FetchAnswer> {
        let request = self.batch.plan.steps[self.index].request.clone();
        async move {
            execute::send(&client, &request)
                .await
                .map(ViewData::new)
                .map_err(remote)
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> FetchAnswer {
        Ok(ViewData::new(Reply::GroupChanged))
    }
}
