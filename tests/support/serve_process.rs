//! Runs the real `mistral-admin serve` binary for a test: starts it on a free port, waits for
//! its banner (which names the real port), and kills it when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long a starting server may take to print its banner on a busy machine.
const BANNER_TIMEOUT: Duration = Duration::from_secs(60);

pub struct ServeProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`, from the banner.
    pub origin: String,
    pub banner: Vec<String>,
}

impl ServeProcess {
    /// `mistral-admin serve --addr 127.0.0.1:0 ARGS...`, without `MISTRAL_ADMIN_API_KEY`.
    pub fn start(args: &[&str]) -> Self {
        Self::start_with(args, |_| {})
    }

    /// Like [`start`](Self::start), with `configure` applied to the command last (to set or
    /// remove environment variables such as `MISTRAL_ADMIN_API_KEY` or the data directory).
    pub fn start_with(args: &[&str], configure: impl FnOnce(&mut Command)) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_mistral-admin"));
        command
            .arg("serve")
            .args(["--addr", "127.0.0.1:0"])
            .args(args)
            .env_remove("MISTRAL_ADMIN_API_KEY")
            .env("MISTRAL_ADMIN_LOG", "warn");
        configure(&mut command);
        Self::spawn(command, Stdio::null())
    }

    /// Runs `command` (a `serve` command line, perhaps wrapped in a shell) with stderr sent to
    /// `stderr`, and waits for its banner.
    pub fn spawn(mut command: Command, stderr: Stdio) -> Self {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the mistral-admin binary starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (lines, banner_lines) = mpsc::channel();
        // Keeps reading after the banner so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let mut banner = Vec::new();
        loop {
            let line = banner_lines
                .recv_timeout(BANNER_TIMEOUT)
                .unwrap_or_else(|_| panic!("no complete banner from serve; got {banner:?}"));
            let done = line.starts_with("Try:");
            banner.push(line);
            if done {
                break;
            }
        }
        let first = &banner[0];
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("the banner names the base URL: {first}"));
        let origin = url
            .strip_suffix("/v1/admin")
            .unwrap_or_else(|| panic!("the base URL ends in /v1/admin: {url}"))
            .to_owned();
        assert!(
            !origin.ends_with(":0"),
            "the banner shows the real port: {origin}"
        );
        Self {
            child,
            origin,
            banner,
        }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh random admin key, shaped like the ones the server makes.
pub fn random_key() -> String {
    use rand::Rng;
    rand::rng()
        .sample_iter(rand::distr::Alphanumeric)
        .take(32)
        .map(char::from)
        .collect()
}
