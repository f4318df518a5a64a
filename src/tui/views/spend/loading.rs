//! What the spending view asks for: the organization's limit (`GET /spend-limit`) and the
//! active workspaces, whose spending caps the local server's extension adds to the list.

use crate::api::{LimitsOut, WorkspaceOut};
use crate::client::AdminClient;
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// The limit and the workspaces, as loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct Spending {
    pub limits: LimitsOut,
    pub workspaces: Vec<WorkspaceOut>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpendFetch;

impl Ask for SpendFetch {
    type Answer = Spending;

    fn label(&self) -> &'static str {
        "spending limit"
    }

    async fn ask(self, client: AdminClient) -> Result<Spending, RemoteError> {
        let (limits, workspaces) =
            futures::try_join!(client.spend_limit(), client.list_all_workspaces(false))
                .map_err(remote)?;
        Ok(Spending { limits, workspaces })
    }

    #[cfg(test)]
    fn fixture(&self) -> Spending {
        super::tests::spending()
    }
}
