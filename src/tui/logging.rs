//! Logs go to a file in the data directory, never to the screen the console draws on.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Environment variable with a tracing filter, e.g. `MISTRAL_ADMIN_LOG=debug`.
pub const LOG_ENV: &str = "MISTRAL_ADMIN_LOG";

/// Starts logging to `dir/mistral-admin.log.<date>`. Returns the guard that flushes the file
/// when dropped, or `None` if logging could not start (the console runs anyway) or another
/// part of the program already installed a subscriber.
pub fn init(dir: &Path) -> Option<WorkerGuard> {
    if tracing::dispatcher::has_been_set() {
        return None;
    }
    std::fs::create_dir_all(dir).ok()?;
    let appender = tracing_appender::rolling::daily(dir, "mistral-admin.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
