//! The SQLite handle: opening, migrating, and running each request in one transaction.
//!
//! rusqlite is synchronous, so every unit of work runs on tokio's blocking pool. A single
//! connection serialises writers, which is what SQLite does anyway; requests are short, and
//! one connection keeps the in-memory mode (one database per connection) behaving exactly like
//! the file mode.

mod migrate;

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::error::ApiError;

#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error("cannot create the directory for the database {path}: {source}")]
    Directory {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot migrate the database: {0}")]
    Migrate(rusqlite::Error),
    #[error(
        "the database was written by a newer mistral-admin (schema {found}, this build knows {known})"
    )]
    TooNew { found: i64, known: i64 },
}

impl Db {
    /// Opens (creating if needed) a database file in WAL mode and brings its schema up to date.
    pub fn open_file(path: &Path) -> Result<Self, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| DbError::Directory {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|source| DbError::Open {
            path: path.display().to_string(),
            source,
        })?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(DbError::Migrate)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(DbError::Migrate)?;
        Self::prepare(conn)
    }

    /// A private in-memory database, gone when the server stops; for tests.
    pub fn open_memory() -> Result<Self, DbError> {
        let conn = Connection::open_in_memory().map_err(|source| DbError::Open {
            path: ":memory:".into(),
            source,
        })?;
        Self::prepare(conn)
    }

    fn prepare(mut conn: Connection) -> Result<Self, DbError> {
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(DbError::Migrate)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(DbError::Migrate)?;
        migrate::run(&mut conn)?;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Runs `work` in one write transaction, committed only if it returns `Ok`.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.run(TransactionBehavior::Immediate, true, work).await
    }

    /// Runs `work` in one read transaction, so it sees a consistent snapshot.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.run(TransactionBehavior::Deferred, false, work).await
    }

    async fn run<T, F>(
        &self,
        behavior: TransactionBehavior,
        commit: bool,
        work: F,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic inside `work` would poison the lock; the connection itself is still
            // usable (the transaction rolled back on unwind), so carry on with it.
            let mut conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let tx = conn.transaction_with_behavior(behavior)?;
            let out = work(&tx)?;
            if commit {
                tx.commit()?;
            }
            Ok(out)
        })
        .await
        .map_err(|join| ApiError::internal(format!("database task failed: {join}")))?
    }
}
