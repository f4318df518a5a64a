//! Logs go to a file in the data directory, never to the screen the console draws on.

use std::path::Path;

use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

/// Environment variable with a tracing filter, e.g. `MISTRAL_ADMIN_LOG=debug`.
pub const LOG_ENV: &str = "MISTRAL_ADMIN_LOG";
/// The log files' names start with this; the date follows.
const LOG_FILE_PREFIX: &str = "mistral-admin.log";

/// Log lines name organizations, workspaces and people: the files are the user's alone (0600),
/// even those an older version or a looser umask created.
fn make_logs_private(dir: &Path) {
    #[cfg(unix)]
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        use std::os::unix::fs::PermissionsExt;
        let is_log = entry
            .file_name()
            .to_string_lossy()
            .starts_with(LOG_FILE_PREFIX);
        if is_log && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o600));
        }
    }
}

/// Starts logging to `dir/mistral-admin.log.<date>`. Returns the guard that flushes the file
/// when dropped, or `None` if logging could not start (the console runs anyway) or another
/// part of the program already installed a subscriber.
pub fn init(dir: &Path) -> Option<WorkerGuard> {
    if tracing::dispatcher::has_been_set() {
        return None;
    }
    crate::dirs::create_private_dir(dir).ok()?;
    let appender = tracing_appender::rolling::daily(dir, LOG_FILE_PREFIX);
    make_logs_private(dir);
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
