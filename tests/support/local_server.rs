//! The one way a test starts the local server in its own process: `local_server()` describes
//! it (in memory, nothing seeded, the system clock, a free port of 127.0.0.1 unless told
//! otherwise) and `.start()` brings it up. Tests that need the server as a separate process
//! use [`ServeProcess`](super::serve_process::ServeProcess) instead.

use std::path::Path;

use mistral_admin::domain::SecretString;
use mistral_admin::server::{Clock, ConnectionLimits, Database, LocalServer, Seed, ServerOptions};

/// A local server still to be started; each method changes one of its options.
#[must_use = "a server starts only with .start()"]
pub struct LocalServerSpec {
    options: ServerOptions,
}

/// The local server as most tests want it: an in-memory database that no other test sees,
/// nothing seeded, the system clock, and a free port of 127.0.0.1.
pub fn local_server() -> LocalServerSpec {
    LocalServerSpec {
        options: ServerOptions::default(),
    }
}

impl LocalServerSpec {
    /// What to create when the database holds no organization yet.
    pub fn seed(mut self, seed: Seed) -> Self {
        self.options.seed = seed;
        self
    }

    /// A database file (usually in a temporary directory) instead of memory, for tests that
    /// reopen it, share it between servers or read it from outside.
    pub fn file(self, path: &Path) -> Self {
        self.database(Database::File(path.to_path_buf()))
    }

    pub fn database(mut self, database: Database) -> Self {
        self.options.database = database;
        self
    }

    /// A clock of the test's own, usually `Clock::manual(..)` so that time moves on request.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.options.clock = clock;
        self
    }

    /// Fixes the admin key of the first organization the seed creates.
    pub fn admin_key(mut self, key: Option<&str>) -> Self {
        self.options.admin_key = key.map(SecretString::new);
        self
    }

    /// Connection limits of the test's own (a short header deadline, a small cap).
    pub fn limits(mut self, limits: ConnectionLimits) -> Self {
        self.options.limits = limits;
        self
    }

    /// How long a request waits for another process's lock on the database file before its
    /// 503; tests of that answer use a short wait.
    pub fn busy_timeout(mut self, wait: std::time::Duration) -> Self {
        self.options.busy_timeout = wait;
        self
    }

    /// Starts the server; a server that cannot start fails the test with the reason.
    pub async fn start(self) -> LocalServer {
        LocalServer::start(self.options)
            .await
            .unwrap_or_else(|error| panic!("the local server starts: {error}"))
    }
}
