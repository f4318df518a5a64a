//! The SQLite handle: opening, migrating, and running each request in one transaction.
//!
//! rusqlite is synchronous, so every unit of work runs on tokio's blocking pool. One connection
//! does every write, which serialises writers as SQLite does anyway. A file database also has a
//! few read-only connections: in WAL mode they read consistent snapshots alongside the writer,
//! so listings (the paged `GET`s a client fetches several at a time) run in parallel. An
//! in-memory database exists only inside its one connection, so there it does everything.

mod migrate;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use super::error::ApiError;

/// Read-only connections a file database keeps beside its writer.
const READERS: usize = 4;

#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    readers: Arc<Vec<Mutex<Connection>>>,
    next_reader: Arc<AtomicUsize>,
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
        let mut db = Self::prepare(conn)?;
        let readers = (0..READERS)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(|source| DbError::Open {
                    path: path.display().to_string(),
                    source,
                })?;
                reader
                    .busy_timeout(std::time::Duration::from_secs(5))
                    .map_err(DbError::Migrate)?;
                Ok(Mutex::new(reader))
            })
            .collect::<Result<Vec<_>, DbError>>()?;
        db.readers = Arc::new(readers);
        Ok(db)
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
            readers: Arc::new(Vec::new()),
            next_reader: Arc::new(AtomicUsize::new(0)),
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

    /// Runs `work` in one read transaction, so it sees a consistent snapshot. `work` must not
    /// write: on a file database it runs on a read-only connection.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        if self.readers.is_empty() {
            return self.run(TransactionBehavior::Deferred, false, work).await;
        }
        let readers = Arc::clone(&self.readers);
        let start = self.next_reader.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            // Take the first idle reader, starting from a rotating position; wait for one
            // only when all are busy.
            let idle = (0..readers.len())
                .map(|i| (start + i) % readers.len())
                .find_map(|i| readers[i].try_lock().ok());
            let mut conn = match idle {
                Some(conn) => conn,
                None => readers[start % readers.len()]
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()),
            };
            let tx = conn.transaction_with_behavior(TransactionBehavior::Deferred)?;
            work(&tx)
        })
        .await
        .map_err(|join| ApiError::internal(format!("database task failed: {join}")))?
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
