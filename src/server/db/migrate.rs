//! Schema migrations, embedded in the binary and tracked with SQLite's `user_version`.

use rusqlite::Connection;

use super::DbError;

/// Every migration in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[include_str!("../../../assets/migrations/0001_initial.sql")];

pub fn run(conn: &mut Connection) -> Result<(), DbError> {
    let known = MIGRATIONS.len() as i64;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(DbError::Migrate)?;
    if found > known {
        return Err(DbError::TooNew { found, known });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction().map_err(DbError::Migrate)?;
        tx.execute_batch(sql).map_err(DbError::Migrate)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)
            .map_err(DbError::Migrate)?;
        tx.commit().map_err(DbError::Migrate)?;
    }
    Ok(())
}
