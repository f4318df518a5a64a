//! Opening a database: a file in WAL mode, or a store in memory, each with one writer and
//! [`READERS`] read-only connections, migrated before the first request.
//!
//! A plain `:memory:` database exists only inside the connection that opened it, so readers
//! could not see it. SQLite's `memdb` file system instead keeps a store under a name that
//! every connection of this process can open, gone when the last of them closes: the server
//! names its store after a fresh UUID, so two servers in one process (the tests run many) never
//! share one. The store and its rollback journal never touch the disk. It has no WAL: a reader waits (within [`BUSY_TIMEOUT`]) while a write
//! transaction is open, and the writer's commit waits for the reads already running.

use std::path::Path;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use uuid::Uuid;

use super::{BUSY_TIMEOUT, Db, DbError, migrate};

/// Read-only connections kept beside the writer: more than the cores of the machines this runs
/// on, so a slow read (a page of 1,000 users) does not hold up the quick ones.
pub const READERS: usize = 4;

impl Db {
    /// Opens (creating if needed) a database file in WAL mode and brings its schema up to date.
    pub fn open_file(path: &Path) -> Result<Self, DbError> {
        Self::open_file_with(path, BUSY_TIMEOUT)
    }

    /// [`open_file`](Self::open_file) with another lock wait (`serve --busy-timeout`; tests
    /// use a short one).
    pub(crate) fn open_file_with(path: &Path, busy_timeout: Duration) -> Result<Self, DbError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::dirs::create_private_dir(parent).map_err(|source| DbError::Directory {
                path: parent.display().to_string(),
                source,
            })?;
        }
        crate::dirs::create_private_file(path).map_err(|source| DbError::Create {
            path: path.display().to_string(),
            source,
        })?;
        let shown = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| DbError::Open {
            path: shown.clone(),
            source,
        })?;
        // Before anything else: switching a new file to WAL already needs the lock.
        conn.busy_timeout(busy_timeout).map_err(DbError::Migrate)?;
        switch_to_wal(&conn, busy_timeout).map_err(DbError::Migrate)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(DbError::Migrate)?;
        let writer = prepare_writer(conn, busy_timeout)?;
        let readers = open_readers(busy_timeout, &shown, || {
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })?;
        Ok(Self::assemble(writer, readers))
    }

    /// A private in-memory database, gone when the server stops; for tests and `--memory`.
    pub fn open_memory() -> Result<Self, DbError> {
        Self::open_memory_with(BUSY_TIMEOUT)
    }

    /// [`open_memory`](Self::open_memory) where a read waits `busy_timeout` at most for a write
    /// transaction under way.
    pub(crate) fn open_memory_with(busy_timeout: Duration) -> Result<Self, DbError> {
        let uri = format!("file:/mistral-admin-{}?vfs=memdb", Uuid::new_v4());
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| DbError::Open {
            path: uri.clone(),
            source,
        })?;
        let writer = prepare_writer(conn, busy_timeout)?;
        let readers = open_readers(busy_timeout, &uri, || {
            Connection::open_with_flags(
                &uri,
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })?;
        Ok(Self::assemble(writer, readers))
    }

    fn assemble(writer: Connection, readers: Vec<Mutex<Connection>>) -> Self {
        Self {
            conn: Arc::new(Mutex::new(writer)),
            readers: Arc::new(readers),
            next_reader: Arc::new(AtomicUsize::new(0)),
        }
    }
}

/// Prepared statements each connection keeps: every query of a request's path stays parsed
/// (parsing a statement with a recursive CTE costs more than running it on a page), with room
/// for the variants by filter and chunk size.
const CACHED_STATEMENTS: usize = 128;

/// Keeps the cached statements cached: without the query planner's stability guarantee,
/// SQLite compiles a statement again whenever a new value is bound to a parameter that its
/// plan looked at (a page's `LIMIT`, a key compared with a partial index), which on a page of
/// members cost more than running the statements. The schema has no statistics (`ANALYZE`)
/// for values to change a plan anyway.
fn keep_statements(conn: &Connection) -> Result<(), DbError> {
    conn.set_prepared_statement_cache_capacity(CACHED_STATEMENTS);
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(DbError::Migrate)?;
    Ok(())
}

/// Turns on foreign keys and brings the schema up to date, on the connection that writes.
fn prepare_writer(mut conn: Connection, busy_timeout: Duration) -> Result<Connection, DbError> {
    keep_statements(&conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(DbError::Migrate)?;
    conn.busy_timeout(busy_timeout).map_err(DbError::Migrate)?;
    migrate::run(&mut conn)?;
    Ok(conn)
}

/// [`READERS`] connections made by `open`, each waiting `busy_timeout` for a lock.
fn open_readers(
    busy_timeout: Duration,
    shown: &str,
    open: impl Fn() -> rusqlite::Result<Connection>,
) -> Result<Vec<Mutex<Connection>>, DbError> {
    (0..READERS)
        .map(|_| {
            let reader = open().map_err(|source| DbError::Open {
                path: shown.to_owned(),
                source,
            })?;
            reader
                .busy_timeout(busy_timeout)
                .map_err(DbError::Migrate)?;
            keep_statements(&reader)?;
            Ok(Mutex::new(reader))
        })
        .collect()
}

/// Puts the file in WAL mode. When another process switches the same new file at the same
/// moment, SQLite answers SQLITE_BUSY at once rather than through the busy handler, so this
/// waits and retries itself, for as long as the busy timeout allows.
fn switch_to_wal(conn: &Connection, busy_timeout: Duration) -> rusqlite::Result<()> {
    let deadline = Instant::now() + busy_timeout;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(err) if crate::server::error::is_busy(&err) && Instant::now() < deadline => {
                std::thread::sleep(WAL_SWITCH_RETRY);
            }
            other => return other,
        }
    }
}

/// The pause between two attempts to switch a new file to WAL.
const WAL_SWITCH_RETRY: Duration = Duration::from_millis(10);

#[cfg(test)]
mod tests {
    use super::*;

    /// The readers of an in-memory database see what the writer committed, and two servers'
    /// stores stay apart.
    #[tokio::test]
    async fn in_memory_readers_share_the_writers_store_and_nothing_else() {
        let first = Db::open_memory().unwrap();
        let second = Db::open_memory().unwrap();
        first
            .write(|tx| {
                Ok(tx.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (7)")?)
            })
            .await
            .unwrap();
        for _ in 0..READERS * 2 {
            let seen = first
                .read(|tx| Ok(tx.query_row("SELECT x FROM t", [], |r| r.get::<_, i64>(0))?))
                .await;
            assert_eq!(seen, Ok(7));
        }
        let elsewhere = second
            .read(|tx| {
                Ok(tx.query_row(
                    "SELECT COUNT(*) FROM sqlite_schema WHERE name = 't'",
                    [],
                    |r| r.get::<_, i64>(0),
                )?)
            })
            .await;
        assert_eq!(elsewhere, Ok(0));
    }

    /// A read that starts while a write transaction is open waits for it and then sees the
    /// commit, rather than failing.
    #[tokio::test]
    async fn an_in_memory_read_waits_for_an_open_write() {
        let db = Db::open_memory().unwrap();
        db.write(|tx| Ok(tx.execute_batch("CREATE TABLE t (x INTEGER)")?))
            .await
            .unwrap();
        let (started, started_seen) = std::sync::mpsc::channel();
        let writer = db.clone();
        let write = tokio::spawn(async move {
            writer
                .write(move |tx| {
                    tx.execute("INSERT INTO t VALUES (1)", [])?;
                    started.send(()).unwrap();
                    std::thread::sleep(Duration::from_millis(100));
                    Ok(())
                })
                .await
        });
        tokio::task::spawn_blocking(move || started_seen.recv().unwrap())
            .await
            .unwrap();
        let seen = db
            .read(|tx| Ok(tx.query_row("SELECT COUNT(*) FROM t", [], |r| r.get::<_, i64>(0))?))
            .await;
        write.await.unwrap().unwrap();
        assert_eq!(seen, Ok(1));
    }
}
