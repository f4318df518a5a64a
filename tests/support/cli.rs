//! The scripting commands as a script runs them: the real binary, with scratch config and
//! data directories, talking to a local server in this process (its base URL on the command
//! line, its key in `MISTRAL_ADMIN_API_KEY`), and a client with the same key to check on the
//! server what a command changed.

use std::path::Path;

use mistral_admin::client::{AdminClient, AuditQuery};
use mistral_admin::server::{LocalServer, Seed};
use serde_json::Value;

use super::client::test_client;
use super::local_server;

/// What one run of the binary left: its exit code and both streams.
#[derive(Debug, Clone)]
pub struct Run {
    pub args: Vec<String>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts the exit code, showing the whole run if it differs.
    pub fn expect(self, code: i32) -> Self {
        assert_eq!(self.code, code, "{self:#?}");
        self
    }

    pub fn ok(self) -> Self {
        self.expect(0)
    }

    /// Stdout parsed as one JSON document.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {self:#?}"))
    }

    /// Stdout parsed as JSON Lines.
    pub fn jsonl(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }
}

/// Runs the binary with `args`, its files under `home`, and only the environment given here.
pub async fn run_in(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
    command
        .args(args)
        .env("MISTRAL_ADMIN_CONFIG_DIR", home.join("config"))
        .env("MISTRAL_ADMIN_DATA_DIR", home.join("data"))
        .env("NO_COLOR", "1")
        .env_remove("MISTRAL_ADMIN_PROFILE")
        .env_remove("MISTRAL_ADMIN_API_KEY")
        .env_remove("MISTRAL_ADMIN_LOG");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().await.expect("the binary runs");
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A local server with the demo organizations, and the binary pointed at the first one.
pub struct Scripted {
    pub server: LocalServer,
    pub key: String,
    /// A client with the same key, to check what the commands did.
    pub api: AdminClient,
    home: tempfile::TempDir,
}

impl Scripted {
    pub async fn demo() -> Self {
        let server = local_server().seed(Seed::Demo).start().await;
        let key = server.seeded()[0].admin_key.expose().to_owned();
        let api = test_client(&server.admin_base_url(), &key);
        Self {
            server,
            key,
            api,
            home: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// `mistral-admin ARGS... --base-url URL` with the organization's key.
    pub async fn run(&self, args: &[&str]) -> Run {
        let url = self.server.admin_base_url();
        let mut all = args.to_vec();
        all.extend(["--base-url", url.as_str()]);
        run_in(self.home(), &all, &[("MISTRAL_ADMIN_API_KEY", &self.key)]).await
    }

    /// The newest audit entry's id: a change made since shows as a higher one.
    pub async fn last_audit_id(&self) -> i64 {
        let query = AuditQuery {
            limit: Some(1),
            ..AuditQuery::default()
        };
        let entries = self.api.audit_logs(&query).await.expect("audit log");
        entries.first().map_or(0, |e| e.log_id)
    }

    /// The audit entries newer than `since`, oldest first, as `event_type`s.
    pub async fn audit_since(&self, since: i64) -> Vec<String> {
        let query = AuditQuery {
            limit: Some(1000),
            ..AuditQuery::default()
        };
        let mut events: Vec<_> = self
            .api
            .audit_logs(&query)
            .await
            .expect("audit log")
            .into_iter()
            .filter(|e| e.log_id > since)
            .collect();
        events.sort_by_key(|e| e.log_id);
        events.into_iter().map(|e| e.event_type).collect()
    }
}
