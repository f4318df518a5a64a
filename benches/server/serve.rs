//! One `mistral-admin serve` process for the figures: started on a file database in a
//! temporary directory with a fixed admin key, read for its address, measured through /proc,
//! and stopped with ctrl-c as a person would stop it.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The admin key every measured server gets: fixed, so the bench needs no parsing of keys.
pub const KEY: &str = "benchBenchBenchBenchBenchBench42";

/// The binary to measure: `MISTRAL_ADMIN_BENCH_BIN` (another build, to compare), or this one.
pub fn binary() -> PathBuf {
    std::env::var_os("MISTRAL_ADMIN_BENCH_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_mistral-admin")))
}

pub struct Served {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// Kept until the server is stopped: the database lives here.
    dir: PathBuf,
}

impl Served {
    /// Starts `serve --seed SEED` on a new file and waits for its banner; `None` when the
    /// binary refuses the seed (an older build without `huge`).
    pub fn start(seed: &str) -> Option<Self> {
        let dir = std::env::temp_dir().join(format!(
            "mistral-admin-serverbench-{}-{seed}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        let mut child = Command::new(binary())
            .args(["serve", "--addr", "127.0.0.1:0", "--seed", seed, "--db"])
            .arg(dir.join("bench.sqlite3"))
            .env("MISTRAL_ADMIN_API_KEY", KEY)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(dir.join("serve.log")).expect("log file"))
            .spawn()
            .expect("the server binary runs");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut origin = None;
        for line in lines.by_ref() {
            let Ok(line) = line else { break };
            if let Some(rest) = line.strip_prefix("Local Mistral Admin API at ") {
                origin = rest.split("/v1/admin").next().map(str::to_owned);
                break;
            }
        }
        // The rest of the banner (and anything after it) is read and dropped: a closed pipe
        // would fail the server's next line of output.
        std::thread::spawn(move || lines.for_each(drop));
        match origin {
            Some(origin) => Some(Self { child, origin, dir }),
            None => {
                let _ = child.wait();
                let _ = std::fs::remove_dir_all(&dir);
                None
            }
        }
    }

    pub fn admin_base_url(&self) -> String {
        format!("{}/v1/admin", self.origin)
    }

    /// The end of what the server logged, for a failed measurement.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.dir.join("serve.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// The server's resident memory, in MB, from /proc.
    pub fn rss_mb(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb / 1024.0)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("the server's log ended with:\n{}", self.log_tail());
        }
        // SAFETY: kill only sends a signal to the child this bench started.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGINT);
        }
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
