//! What `:undo` asks for: the journal's newest change set of this organization that can be
//! taken back, with its inverse checked against the organization as it is now.

use crate::actions::journal::Journal;
use crate::actions::org_run::{UndoPreview, undo_preview};
use crate::client::{AdminClient, ErrorKind};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::Ask;

#[derive(Debug, Clone)]
pub struct PreviewFetch {
    pub journal: Option<Journal>,
}

impl Ask for PreviewFetch {
    type Answer = UndoPreview;

    fn label(&self) -> &'static str {
        "reading the journal"
    }

    async fn ask(self, client: AdminClient) -> Result<UndoPreview, RemoteError> {
        let Some(journal) = self.journal else {
            return Err(RemoteError::new(
                ErrorKind::Config,
                "this session keeps no journal",
            ));
        };
        undo_preview(&client, &journal)
            .await
            .map_err(|why| RemoteError::new(ErrorKind::Unexpected, why))
    }

    #[cfg(test)]
    fn fixture(&self) -> UndoPreview {
        UndoPreview {
            plan: None,
            conflicts: Vec::new(),
        }
    }
}
