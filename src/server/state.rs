//! What every handler shares: the database and the clock.

use super::clock::Clock;
use super::db::Db;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
}
