//! Schema migrations, embedded in the binary and tracked with SQLite's `user_version`.
//!
//! Two processes may open an old database at the same moment (the console and `serve` after
//! an upgrade), so each step runs in an immediate transaction that re-reads the version under
//! the write lock: the second process waits, then finds the step done and skips it.

use rusqlite::{Connection, TransactionBehavior};

use super::DbError;

/// Every migration in order; the schema version is the number applied.
/// Never edit one that has shipped: databases that already applied it would not see the change.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../assets/migrations/0001_initial.sql"),
    include_str!("../../../assets/migrations/0002_invitations_by_email.sql"),
    include_str!("../../../assets/migrations/0004_user_groups.sql"),
    include_str!("../../../assets/migrations/0005_usage.sql"),
    include_str!("../../../assets/migrations/0006_scim.sql"),
    include_str!("../../../assets/migrations/0007_vibe_analytics.sql"),
];

fn version(conn: &Connection) -> Result<i64, DbError> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(DbError::Migrate)
}

/// The schema version this build writes.
#[cfg(test)]
pub const KNOWN: i64 = MIGRATIONS.len() as i64;

pub fn run(conn: &mut Connection) -> Result<(), DbError> {
    let known = MIGRATIONS.len() as i64;
    let found = version(conn)?;
    if found > known {
        return Err(DbError::TooNew { found, known });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(DbError::Migrate)?;
        if version(&tx)? > index as i64 {
            continue;
        }
        tx.execute_batch(sql).map_err(DbError::Migrate)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(DbError::Migrate)?;
        tx.commit().map_err(DbError::Migrate)?;
    }
    Ok(())
}
