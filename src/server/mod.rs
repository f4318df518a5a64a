//! The local Admin API: Mistral's admin contract served over SQLite.
//!
//! It is the console's embedded default (a demo organization that works offline), what
//! `mistral-admin serve` runs for rehearsals and scripts, and the real server every test talks
//! to. Layout: `router` mounts the contract's operation table (`api::operations`) on
//! `handlers` (HTTP glue), which run `ops` (the rules and their SQL) in one `db` transaction per
//! request; `auth` resolves keys and `org` hands a handler its organization; `seed` fills a new
//! database.

mod auth;
mod clock;
mod connections;
mod credentials;
mod db;
mod error;
mod extract;
mod handlers;
mod listener;
mod ops;
mod org;
mod path_ids;
mod query;
mod read_only;
mod router;
pub mod seed;
mod state;
mod strict_json;
mod validate;
mod validate_groups;
mod validate_scim;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use uuid::Uuid;

pub use clock::Clock;
pub use connections::{ConnectionLimits, DEFAULT_HEADER_TIMEOUT, MAX_HEAD_BYTES};
pub use credentials::{MIN_FIXED_KEY_LENGTH, fixed_key_problem};
pub use db::{BUSY_TIMEOUT, DbError};
pub use ops::organizations::OrganizationSummary;
pub use seed::{Seed, SeededOrganization};

use crate::api::paths;
use crate::domain::SecretString;

/// Where the data lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// Private to this server and gone when it stops; for tests.
    Memory,
    /// A SQLite file in WAL mode, created if missing.
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub addr: SocketAddr,
    pub database: Database,
    /// What to create when the database holds no organization yet.
    pub seed: Seed,
    /// Fixes the admin key of the first organization instead of generating one.
    pub admin_key: Option<SecretString>,
    pub clock: Clock,
    /// Refuse every change with 403 (`serve --read-only`).
    pub read_only: bool,
    /// Deadlines and the cap on open connections.
    pub limits: ConnectionLimits,
    /// How long a connection waits for another process to release the database file before
    /// the request answers 503 (`serve --busy-timeout`).
    pub busy_timeout: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database: Database::Memory,
            seed: Seed::None,
            admin_key: None,
            clock: Clock::system(),
            read_only: false,
            limits: ConnectionLimits::default(),
            busy_timeout: BUSY_TIMEOUT,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Operation(String),
    /// A fixed admin key that would be weak or unusable; the message never shows the key.
    #[error("{0}")]
    WeakKey(String),
}

impl From<error::ApiError> for ServerError {
    fn from(err: error::ApiError) -> Self {
        Self::Operation(err.message())
    }
}

/// Issues a new admin key for one organization of a database file without serving it: how a
/// lost key is replaced. `org` matches an organization's name (ignoring case) or UUID; `None`
/// picks the first organization. Earlier keys with the same label are revoked.
pub async fn issue_admin_key_in(
    path: &std::path::Path,
    org: Option<&str>,
    label: &str,
) -> Result<(OrganizationSummary, SecretString), ServerError> {
    let db = db::Db::open_file(path)?;
    let orgs = db.read(ops::organizations::list).await?;
    let chosen = match org {
        None => orgs.first(),
        Some(wanted) => orgs.iter().find(|o| {
            o.name.eq_ignore_ascii_case(wanted) || o.uuid.to_string() == wanted.to_ascii_lowercase()
        }),
    }
    .cloned()
    .ok_or_else(|| {
        let known: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        ServerError::Operation(match org {
            Some(wanted) => format!(
                "no organization named {wanted:?} in {} (it has: {})",
                path.display(),
                known.join(", ")
            ),
            None => format!(
                "{} holds no organization yet; run `mistral-admin serve` once to seed it",
                path.display()
            ),
        })
    })?;
    let key = credentials::generate_key();
    let stored = key.clone();
    let label = label.to_owned();
    let now = Clock::system().now();
    db.write(move |tx| {
        ops::admin_keys::issue(tx, chosen.uuid, &label, &stored, now).map(|_| chosen)
    })
    .await
    .map(|chosen| (chosen, key))
    .map_err(Into::into)
}

/// A running local server. Dropping it stops accepting connections.
pub struct LocalServer {
    addr: SocketAddr,
    state: state::AppState,
    seeded: Vec<SeededOrganization>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl LocalServer {
    /// Binds `options.addr`, opens the database, seeds it if it is empty, and starts serving.
    ///
    /// The port comes first: a server that cannot listen must not seed a new database, whose
    /// admin keys are printed only by the start that made them.
    pub async fn start(options: ServerOptions) -> Result<Self, ServerError> {
        if let Some(problem) = options
            .admin_key
            .as_ref()
            .and_then(|key| credentials::fixed_key_problem(key.expose()))
        {
            return Err(ServerError::WeakKey(problem));
        }
        let listener =
            TcpListener::bind(options.addr)
                .await
                .map_err(|source| ServerError::Bind {
                    addr: options.addr,
                    source,
                })?;
        let addr = listener.local_addr().map_err(|source| ServerError::Bind {
            addr: options.addr,
            source,
        })?;
        let busy_timeout = options.busy_timeout;
        let db = match &options.database {
            Database::Memory => db::Db::open_memory_with(busy_timeout)?,
            Database::File(path) => {
                let path = path.clone();
                tokio::task::spawn_blocking(move || db::Db::open_file_with(&path, busy_timeout))
                    .await
                    .map_err(|join| {
                        ServerError::Operation(format!("opening the database: {join}"))
                    })??
            }
        };
        let state = state::AppState {
            db,
            clock: options.clock.clone(),
            sessions: state::SessionKeys::default(),
            read_only: options.read_only,
        };
        let seeded = seed::run(&state, options.seed, options.admin_key.clone()).await?;
        if !seeded.is_empty() {
            state.db.empty_log().await?;
        }
        let (shutdown, stop) = oneshot::channel();
        let app = router::build(state.clone());
        let task = tokio::spawn(connections::serve(listener, app, options.limits, stop));
        tracing::info!(base_url = %format!("http://{addr}{}", paths::ADMIN_PREFIX), "local Admin API listening");
        Ok(Self {
            addr,
            state,
            seeded,
            shutdown: Some(shutdown),
            task: Some(task),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `http://127.0.0.1:PORT/v1/admin`, the base URL a client needs.
    pub fn admin_base_url(&self) -> String {
        format!("{}{}", self.origin(), paths::ADMIN_PREFIX)
    }

    /// Organizations created by this start's seeding, with their fresh admin keys.
    pub fn seeded(&self) -> &[SeededOrganization] {
        &self.seeded
    }

    /// Every organization this server hosts, in creation order.
    pub async fn organizations(&self) -> Result<Vec<OrganizationSummary>, ServerError> {
        Ok(self.state.db.read(ops::organizations::list).await?)
    }

    /// Creates an organization with a default workspace, one `organization_admin`, and an
    /// admin key.
    pub async fn create_organization(&self, name: &str) -> Result<SeededOrganization, ServerError> {
        Ok(seed::create_bare_organization(&self.state, name).await?)
    }

    /// A new admin key for `org`. Earlier keys with the same label are revoked, so a process
    /// that re-issues its key on every start never accumulates live keys.
    pub async fn issue_admin_key(
        &self,
        org: Uuid,
        label: &str,
    ) -> Result<SecretString, ServerError> {
        let key = credentials::generate_key();
        let stored = key.clone();
        let label = label.to_owned();
        let now = self.state.clock.now();
        self.state
            .db
            .write(move |tx| ops::admin_keys::issue(tx, org, &label, &stored, now))
            .await?;
        Ok(key)
    }

    /// An admin key for `org` that exists only in this process's memory and dies with it; the
    /// embedded console uses one per organization. Nothing is stored, so several processes on
    /// the same database never invalidate each other's keys.
    pub async fn session_admin_key(
        &self,
        org: Uuid,
        label: &str,
    ) -> Result<SecretString, ServerError> {
        let known = self.organizations().await?.iter().any(|o| o.uuid == org);
        if !known {
            return Err(ServerError::Operation(format!(
                "no organization {org} on this server"
            )));
        }
        let key = credentials::generate_key();
        self.state.sessions.add(org, label, &key);
        Ok(key)
    }

    /// Revokes every live admin key of `org` with this label.
    pub async fn revoke_admin_keys(&self, org: Uuid, label: &str) -> Result<usize, ServerError> {
        let label = label.to_owned();
        let now = self.state.clock.now();
        Ok(self
            .state
            .db
            .write(move |tx| ops::admin_keys::revoke(tx, org, &label, now))
            .await?)
    }

    /// Serves until `signal` completes, then shuts down gracefully.
    pub async fn run_until(mut self, signal: impl std::future::Future<Output = ()>) {
        signal.await;
        self.stop().await;
    }

    /// Stops accepting connections and waits for the server task to end.
    pub async fn shutdown(mut self) {
        self.stop().await;
    }

    async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for LocalServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
