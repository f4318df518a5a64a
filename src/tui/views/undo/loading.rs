//! What `:undo` asks for: the journal's newest change set of this organization that can be
//! taken back, with its inverse checked against the organization as it is now.

use std::any::Any;

use futures::FutureExt;
use futures::future::BoxFuture;

use crate::actions::journal::Journal;
use crate::actions::org_run::undo_preview;
use crate::client::{AdminClient, ErrorKind};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Fetch, ViewData};

#[derive(Debug, Clone)]
pub struct PreviewFetch {
    pub journal: Option<Journal>,
}

impl Fetch for PreviewFetch {
    fn label(&self) -> &'static str {
        "reading the journal"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        let journal = self.journal.clone();
        async move {
            let Some(journal) = journal else {
                return Err(RemoteError::new(
                    ErrorKind::Config,
                    "this session keeps no journal",
                ));
            };
            undo_preview(&client, &journal)
                .await
                .map(ViewData::new)
                .map_err(|why| RemoteError::new(ErrorKind::Unexpected, why))
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        Ok(ViewData::new(crate::actions::org_run::UndoPreview {
            plan: None,
            conflicts: Vec::new(),
        }))
    }
}
