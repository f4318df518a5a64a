//! The SQLite handle: running each request in one transaction, on the writer or on a reader.
//!
//! rusqlite is synchronous, so every unit of work runs on tokio's blocking pool. One connection
//! does every write, which serialises writers as SQLite does anyway. A few read-only
//! connections serve every read beside it, so reads (the paged `GET`s a client fetches several
//! at a time, and the checks of every request's key) run on both cores at once instead of
//! queueing behind one connection. A file database reads consistent snapshots alongside the
//! writer in WAL mode; an in-memory one is a named store that all the connections open (see
//! `open`).
//!
//! Several processes may share one file: the console's embedded server, `serve`, and
//! `admin-key`. SQLite lets one of them write at a time, so every connection waits
//! [`BUSY_TIMEOUT`] for the lock, and write transactions start with `BEGIN IMMEDIATE` so that
//! the wait happens up front (a deferred transaction that upgrades to a write later can fail at
//! once in WAL mode, without waiting). A lock still held after the wait becomes a 503 (see
//! `error`), never a 500.

mod migrate;
mod open;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::error::ApiError;

/// How long a connection waits for another process to release the database, unless the server
/// is told otherwise (`ServerOptions::busy_timeout`, `serve --busy-timeout`). Writes take
/// milliseconds, but seeding the large organization holds the lock for seconds; the wait stays
/// well below the client's 30 s request timeout, so a caller gets a 503 it can act on rather
/// than a timeout.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

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
    #[error("cannot create the database {path}: {source}")]
    Create {
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
    /// Runs `work` in one write transaction (`BEGIN IMMEDIATE`), committed only if it returns
    /// `Ok`.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.on_writer(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = work(&tx)?;
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Copies the write-ahead log into the database file and empties it. Seeding writes a new
    /// database in one transaction, which leaves a copy of all of it in the log: SQLite reuses
    /// the log's file without shrinking it, so a `--seed huge` database took 420 MB on disk
    /// instead of 210 for as long as it was kept.
    pub async fn empty_log(&self) -> Result<(), ApiError> {
        self.on_writer(|conn| {
            // A database without a log (in memory) answers with a row saying so.
            conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
            Ok(())
        })
        .await
    }

    /// Runs `work` with the writing connection, off the async threads.
    async fn on_writer<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T, ApiError> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic inside `work` would poison the lock; the connection itself is still
            // usable (a transaction rolls back on unwind), so carry on with it.
            let mut conn = conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            work(&mut conn)
        })
        .await
        .map_err(|join| ApiError::internal(format!("database task failed: {join}")))?
    }

    /// Runs `work` in one read transaction, so it sees a consistent snapshot. `work` must not
    /// write: it runs on a read-only connection.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
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
}

#[cfg(test)]
mod tests {
    use axum::response::IntoResponse;

    use super::*;

    /// A second connection holding the write lock longer than this handle waits, as another
    /// process would: writes become a 503 with `Retry-After`, reads carry on.
    #[tokio::test]
    async fn a_write_that_stays_locked_out_is_a_503_not_a_500() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("locked.sqlite3");
        let db = Db::open_file_with(&path, Duration::from_millis(200)).unwrap();
        let other = Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();

        let err = db
            .write(|tx| {
                tx.execute_batch("CREATE TABLE t (x INTEGER)")?;
                Ok(())
            })
            .await
            .unwrap_err();
        assert!(matches!(err, ApiError::Unavailable(_)), "{err:?}");
        let response = err.into_response();
        assert_eq!(response.status(), 503);
        assert_eq!(response.headers()["retry-after"], "2");
        let body = axum::body::to_bytes(response.into_body(), 4096)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert!(
            body["detail"]
                .as_str()
                .unwrap()
                .contains("another mistral-admin process")
        );

        let read = db
            .read(|tx| {
                Ok(tx.query_row("SELECT COUNT(*) FROM organizations", [], |r| {
                    r.get::<_, i64>(0)
                })?)
            })
            .await;
        assert_eq!(read, Ok(0));
        other.execute_batch("COMMIT").unwrap();
        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t (x INTEGER)")?))
            .await
            .unwrap();
    }

    /// Handles opening one new file at once all end up on the same, complete schema; several
    /// rounds, since the race for the switch to WAL was lost only now and then.
    #[test]
    fn concurrent_opens_migrate_once() {
        for _ in 0..20 {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("race.sqlite3");
            let opens: Vec<_> = (0..4)
                .map(|_| {
                    let path = path.clone();
                    std::thread::spawn(move || Db::open_file(&path).map(|_| ()))
                })
                .collect();
            for open in opens {
                open.join().unwrap().unwrap();
            }
            let conn = Connection::open(&path).unwrap();
            let version: i64 = conn
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .unwrap();
            assert_eq!(version, migrate::KNOWN);
        }
    }
}
