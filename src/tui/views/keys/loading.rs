//! What the keys view asks for, all at once: every key, the directory (owners and workspace
//! members), active and archived workspaces, and the audit log's key creations (which name a
//! key's owner where the key list names only its creator).

use std::any::Any;

use futures::FutureExt;
use futures::future::BoxFuture;

use crate::actions::key_list::KeyBook;
use crate::client::{AdminClient, AuditQuery};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Fetch, ViewData, answer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeysFetch;

impl Fetch for KeysFetch {
    fn label(&self) -> &'static str {
        "API keys"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        async move {
            let creations = AuditQuery {
                event_type: vec!["api_key.create".to_owned()],
                limit: Some(1000),
                ..Default::default()
            };
            let loaded = futures::try_join!(
                client.list_all_api_keys(),
                client.load_directory(),
                client.list_all_workspaces(false),
                client.list_all_workspaces(true),
                client.audit_logs(&creations),
            );
            answer(loaded.map(|(keys, directory, active, archived, audit)| {
                KeyBook::new(keys, directory, active, archived, &audit)
            }))
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        Ok(ViewData::new(super::tests::book()))
    }
}
