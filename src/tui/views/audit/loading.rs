//! What the audit view asks for: the names its entries' ids stand for (once), pages of
//! entries (the newest, then older ones as the cursor nears the end, then newer ones while
//! following, after a pause), and the export, written off the console's thread.

use std::any::Any;
use std::path::PathBuf;
use std::time::Duration;

use futures::FutureExt;
use futures::future::BoxFuture;

use crate::actions::audit_trail::AuditNames;
use crate::client::{AdminClient, AuditQuery, ErrorKind};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Fetch, ViewData, answer};

/// Entries asked for at a time.
pub const PAGE: u32 = 100;
/// How long following waits between two looks for new entries.
pub const FOLLOW_EVERY: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, PartialEq)]
pub struct NamesFetch;

impl Fetch for NamesFetch {
    fn label(&self) -> &'static str {
        "names for the audit log"
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        async move {
            let loaded = futures::try_join!(
                client.load_directory(),
                client.list_all_workspaces(false),
                client.list_all_workspaces(true),
                client.list_all_api_keys(),
            );
            answer(loaded.map(|(directory, mut active, archived, keys)| {
                active.extend(archived);
                AuditNames::new(&directory, &active, &keys)
            }))
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        Ok(ViewData::new(super::tests::names()))
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

impl Fetch for PageFetch {
    fn label(&self) -> &'static str {
        match self.kind {
            PageKind::First => "audit log",
            PageKind::Older => "older audit entries",
            PageKind::Newer => "new audit entries",
        }
    }

    fn fetch(&self, client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        let (query, wait) = (self.query.clone(), self.wait);
        async move {
            if !wait.is_zero() {
                tokio::time::sleep(wait).await;
            }
            answer(client.audit_logs(&query).await)
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        let entries: Vec<crate::api::AuditLogOut> = match self.kind {
            PageKind::First => super::tests::entries(),
            _ => Vec::new(),
        };
        Ok(ViewData::new(entries))
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

impl Fetch for ExportFetch {
    fn label(&self) -> &'static str {
        "exporting"
    }

    fn fetch(&self, _client: AdminClient) -> BoxFuture<'static, Result<ViewData, RemoteError>> {
        let (path, text, count) = (self.path.clone(), self.text.clone(), self.count);
        async move {
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
                Ok(()) => Ok(ViewData::new(Exported { path, count })),
                Err(error) => Err(RemoteError::new(
                    ErrorKind::Config,
                    format!("cannot write {}: {error}", path.display()),
                )),
            }
        }
        .boxed()
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    #[cfg(test)]
    fn fixture(&self) -> Result<ViewData, RemoteError> {
        Ok(ViewData::new(Exported {
            path: self.path.clone(),
            count: self.count,
        }))
    }
}
