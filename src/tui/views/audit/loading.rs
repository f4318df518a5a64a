//! What the audit view asks for: the names its entries' ids stand for (once), pages of
//! entries (the newest, then older ones as the cursor nears the end, then newer ones while
//! following, after a pause), and the export, written off the console's thread.

use std::path::PathBuf;
use std::time::Duration;

use crate::actions::audit_trail::AuditNames;
use crate::api::AuditLogOut;
use crate::client::{AdminClient, AuditQuery, ErrorKind};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// Entries asked for at a time.
pub const PAGE: u32 = 100;
/// How long following waits between two looks for new entries.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq)]
pub struct NamesFetch;

impl Ask for NamesFetch {
    type Answer = AuditNames;

    fn label(&self) -> &'static str {
        "names for the audit log"
    }

    async fn ask(self, client: AdminClient) -> Result<AuditNames, RemoteError> {
        let (directory, (mut active, archived), keys) = futures::try_join!(
            client.load_directory(),
            client.list_every_workspace(),
            client.list_all_api_keys(),
        )
        .map_err(remote)?;
        active.extend(archived);
        Ok(AuditNames::new(&directory, &active, &keys))
    }

    #[cfg(test)]
    fn fixture(&self) -> AuditNames {
        super::tests::names()
    }
}

/// Which end of the trail a page extends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// The newest entries, replacing what was loaded (opening, a new filter, refresh).
    First,
    /// Entries older than the oldest loaded.
    Older,
    /// Entries newer than the newest loaded, after a pause (following).
    Newer,
}

#[derive(Debug, Clone)]
pub struct PageFetch {
    pub kind: PageKind,
    pub query: AuditQuery,
    pub wait: Duration,
}

impl Ask for PageFetch {
    type Answer = Vec<AuditLogOut>;

    fn label(&self) -> &'static str {
        match self.kind {
            PageKind::First => "audit log",
            PageKind::Older => "older audit entries",
            PageKind::Newer => "new audit entries",
        }
    }

    async fn ask(self, client: AdminClient) -> Result<Vec<AuditLogOut>, RemoteError> {
        if !self.wait.is_zero() {
            tokio::time::sleep(self.wait).await;
        }
        client.audit_logs(&self.query).await.map_err(remote)
    }

    #[cfg(test)]
    fn fixture(&self) -> Vec<AuditLogOut> {
        match self.kind {
            PageKind::First => super::tests::entries(),
            _ => Vec::new(),
        }
    }
}

/// The export: the file's text written at `path`.
#[derive(Debug, Clone)]
pub struct ExportFetch {
    pub path: PathBuf,
    /// The path as the admin typed it, to give back if the write fails.
    pub typed: String,
    pub text: String,
    pub count: usize,
}

/// What an export did, for the status line.
#[derive(Debug, Clone, PartialEq)]
pub struct Exported {
    pub path: PathBuf,
    pub count: usize,
}

impl Ask for ExportFetch {
    type Answer = Exported;

    fn label(&self) -> &'static str {
        "exporting"
    }

    async fn ask(self, _client: AdminClient) -> Result<Exported, RemoteError> {
        let Self {
            path, text, count, ..
        } = self;
        let written = async {
            use tokio::io::AsyncWriteExt;
            let mut file = tokio::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .await?;
            file.write_all(text.as_bytes()).await?;
            file.flush().await
        };
        match written.await {
            Ok(()) => Ok(Exported { path, count }),
            Err(error) => Err(RemoteError::new(
                ErrorKind::Config,
                format!("cannot write {}: {error}", path.display()),
            )),
        }
    }

    #[cfg(test)]
    fn fixture(&self) -> Exported {
        Exported {
            path: self.path.clone(),
            count: self.count,
        }
    }
}
