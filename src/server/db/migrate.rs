//! Schema migrations, embedded in the binary and tracked with SQLite's `user_version`.
//!
//! Two processes may open an old database at the same moment (the console and `serve` after
//! an upgrade), so each step runs in an immediate transaction that re-reads the version under
//! the write lock: the second process waits, then finds the step done and skips it.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::domain::text::name_key;

use super::DbError;

/// Every migration in order; the schema version is the number applied.
/// Never edit one that has shipped: databases that already applied it would not see the change.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../assets/migrations/0001_initial.sql"),
    include_str!("../../../assets/migrations/0002_invitations_by_email.sql"),
    include_str!("../../../assets/migrations/0003_workspace_name_keys.sql"),
    include_str!("../../../assets/migrations/0004_user_groups.sql"),
    include_str!("../../../assets/migrations/0005_usage.sql"),
    include_str!("../../../assets/migrations/0006_scim.sql"),
    include_str!("../../../assets/migrations/0007_vibe_analytics.sql"),
    include_str!("../../../assets/migrations/0008_kept_counts.sql"),
    include_str!("../../../assets/migrations/0009_listing_generation.sql"),
];

/// Work a migration step needs that SQL cannot do, run after that step's SQL in the same
/// transaction: (schema version the step reaches, what to run).
const RUST_STEPS: &[(i64, RustStep)] = &[(3, rekey_workspace_names)];

/// A migration step written in Rust.
type RustStep = fn(&Transaction<'_>) -> rusqlite::Result<()>;

/// Recomputes every workspace's name key with the current [`name_key`] rule. A key that would
/// clash with another active workspace's (two lookalikes created before the rule) stays as it
/// was: both workspaces keep working, and no new lookalike of either can be created.
fn rekey_workspace_names(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let rows: Vec<(String, String, String)> = tx
        .prepare("SELECT uuid, name, name_key FROM workspaces ORDER BY created_at, uuid")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<Result<_, _>>()?;
    let mut update = tx.prepare("UPDATE OR IGNORE workspaces SET name_key = ?1 WHERE uuid = ?2")?;
    for (uuid, name, old_key) in rows {
        let key = name_key(&name);
        if key != old_key {
            update.execute([key, uuid])?;
        }
    }
    Ok(())
}

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
        let reached = index as i64 + 1;
        for (_, step) in RUST_STEPS.iter().filter(|(at, _)| *at == reached) {
            step(&tx).map_err(DbError::Migrate)?;
        }
        tx.pragma_update(None, "user_version", reached)
            .map_err(DbError::Migrate)?;
        tx.commit().map_err(DbError::Migrate)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database written before name keys left out invisible characters: after the upgrade a
    /// name with a zero-width space has the plain key, and of two active lookalikes made
    /// before the rule, the one whose new key is taken keeps its old key (both stay usable).
    #[test]
    fn upgrading_recomputes_name_keys_without_breaking_old_lookalikes() {
        let mut conn = Connection::open_in_memory().unwrap();
        for sql in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute(
            "INSERT INTO organizations (uuid, name, plan, currency, created_at, position) VALUES ('org', 'Acme', 'Enterprise', 'EUR', 0, 0)",
            [],
        )
        .unwrap();
        let insert = |uuid: &str, name: &str, key: &str, at: i64| {
            conn.execute(
                "INSERT INTO workspaces (uuid, org_uuid, name, name_key, created_at) VALUES (?1, 'org', ?2, ?3, ?4)",
                rusqlite::params![uuid, name, key, at],
            )
            .unwrap();
        };
        insert("a", "Rese\u{200B}arch", "rese\u{200B}arch", 1);
        insert("b", "Spo\u{200B}of", "spo\u{200B}of", 2);
        insert("c", "Spoof", "spoof", 3);
        run(&mut conn).unwrap();
        let key = |uuid: &str| -> String {
            conn.query_row(
                "SELECT name_key FROM workspaces WHERE uuid = ?1",
                [uuid],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(key("a"), "research");
        assert_eq!(key("b"), "spo\u{200B}of");
        assert_eq!(key("c"), "spoof");
        assert_eq!(
            conn.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))
                .unwrap(),
            KNOWN
        );
    }
}
