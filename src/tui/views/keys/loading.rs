//! What the keys view asks for, all at once: every key, the directory (owners and workspace
//! members), active and archived workspaces, and the audit log's key creations (which name a
//! key's owner where the key list names only its creator).

use crate::actions::key_list::KeyBook;
use crate::client::{AdminClient, AuditQuery};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeysFetch;

impl Ask for KeysFetch {
    type Answer = KeyBook;

    fn label(&self) -> &'static str {
        "API keys"
    }

    async fn ask(self, client: AdminClient) -> Result<KeyBook, RemoteError> {
        let creations = AuditQuery {
            event_type: vec!["api_key.create".to_owned()],
            limit: Some(1000),
            ..Default::default()
        };
        let (keys, directory, (active, archived), audit) = futures::try_join!(
            client.list_all_api_keys(),
            client.load_directory(),
            client.list_every_workspace(),
            client.audit_logs(&creations),
        )
        .map_err(remote)?;
        Ok(KeyBook::new(keys, directory, active, archived, &audit))
    }

    #[cfg(test)]
    fn fixture(&self) -> KeyBook {
        super::tests::book()
    }
}
