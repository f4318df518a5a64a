//! What the spending view asks for: the organization's limit (`GET /spend-limit`) and the
//! active workspaces, whose spending caps the local server's extension adds to the list.

use std::any::Any;

use futures::FutureExt;
use futures::future::BoxFuture;

use crate::api::{LimitsOut, WorkspaceOut};
use crate::client::AdminClient;
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Fetch, ViewData, answer};

/// The limit and the workspaces, as loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    pub limits: LimitsOut,
    pub workspaces: Vec<WorkspaceOut>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendFetch;

impl Fetch for SpendFetch {
    fn label(&self) -> &'static str {
        "spending limit"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        async move {
            let loaded =
                futures::try_join!(client.spend_limit(), client.list_all_workspaces(false));
            answer(loaded.map(|(limits, workspaces)| Spending { limits, workspaces }))
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        Ok(ViewData::new(super::tests::spending()))
    }
}
