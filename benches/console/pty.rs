//! The console in a pseudo-terminal, timed: every chunk the program writes is kept with the
//! instant it was read, so a key's cost is the time from writing it to the last byte of the
//! frame it caused, and a frame's size is the bytes between.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// A frame is over once output has paused this long (the console writes a frame at once).
pub const QUIET: Duration = Duration::from_millis(25);
/// Longer than anything measured takes; a figure that reaches it says so.
const PATIENCE: Duration = Duration::from_secs(120);

type Check = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

struct Shared {
    parser: vt100::Parser,
    /// When each chunk was read, and how long it was.
    chunks: Vec<(Instant, usize)>,
    /// A condition the reader checks after every chunk, and when it first held.
    watch: Option<(Check, Option<Instant>)>,
    closed: bool,
}

pub struct Console {
    shared: Arc<Mutex<Shared>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    pub started: Instant,
}

impl Console {
    /// Starts `program args` in a `cols` x `rows` terminal with `env`, watching for `check`
    /// from the first byte on.
    pub fn start(
        program: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        (cols, rows): (u16, u16),
        check: impl Fn(&vt100::Screen) -> bool + Send + 'static,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("MISTRAL_ADMIN_PROFILE");
        for (name, value) in env {
            command.env(name, value);
        }
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(rows, cols, 0),
            chunks: Vec::new(),
            watch: Some((Box::new(check), None)),
            closed: false,
        }));
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start the console");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let sink = Arc::clone(&shared);
        thread::spawn(move || {
            // Keeps the master open for as long as the program runs.
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let at = Instant::now();
                        let mut shared = sink.lock().unwrap();
                        shared.parser.process(&buf[..n]);
                        shared.chunks.push((at, n));
                        let Shared { parser, watch, .. } = &mut *shared;
                        if let Some((check, seen @ None)) = watch
                            && check(parser.screen())
                        {
                            *seen = Some(at);
                        }
                    }
                }
            }
            sink.lock().unwrap().closed = true;
        });
        Self {
            shared,
            writer,
            child,
            started,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the console runs")
    }

    /// When the watched condition first held, waiting for it.
    pub fn watched(&self) -> Instant {
        let deadline = Instant::now() + PATIENCE;
        loop {
            {
                let shared = self.shared.lock().unwrap();
                if let Some((_, Some(at))) = &shared.watch {
                    return *at;
                }
                assert!(
                    !shared.closed,
                    "the console exited:\n{}",
                    shared.parser.screen().contents()
                );
            }
            assert!(
                Instant::now() < deadline,
                "never showed:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(1));
        }
    }

    pub fn screen(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    /// Waits until the screen satisfies `check` and output has paused for `pause`.
    pub fn settle(&self, pause: Duration, check: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            {
                let shared = self.shared.lock().unwrap();
                let quiet = shared
                    .chunks
                    .last()
                    .is_none_or(|(at, _)| at.elapsed() >= pause);
                if quiet && check(&shared.parser.screen().contents()) {
                    return;
                }
            }
            assert!(
                Instant::now() < deadline,
                "did not settle:\n{}",
                self.screen()
            );
            thread::sleep(Duration::from_millis(2));
        }
    }

    /// Writes `keys` and waits for the frame they cause: the time from the write to its last
    /// byte, and its bytes. `None` when nothing was drawn.
    pub fn key(&mut self, keys: &str) -> Option<(Duration, usize)> {
        let before = self.shared.lock().unwrap().chunks.len();
        let sent = Instant::now();
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
        let deadline = sent + Duration::from_secs(10);
        loop {
            thread::sleep(Duration::from_millis(1));
            let shared = self.shared.lock().unwrap();
            let after = &shared.chunks[before..];
            if let Some((last, _)) = after.last()
                && last.elapsed() >= QUIET
            {
                let bytes = after.iter().map(|(_, n)| n).sum();
                return Some((last.duration_since(sent), bytes));
            }
            if Instant::now() > deadline {
                return None;
            }
        }
    }

    /// Bytes written over `span` with no input.
    pub fn idle_bytes(&self, span: Duration) -> usize {
        let before = self.shared.lock().unwrap().chunks.len();
        thread::sleep(span);
        let shared = self.shared.lock().unwrap();
        shared.chunks[before..].iter().map(|(_, n)| n).sum()
    }

    /// CPU time the console's threads have used so far, in ms (from /proc, in nanoseconds).
    pub fn cpu_ms(&self) -> f64 {
        let tasks = std::fs::read_dir(format!("/proc/{}/task", self.pid())).expect("tasks");
        let mut ns = 0u64;
        for task in tasks.flatten() {
            let stat = std::fs::read_to_string(task.path().join("schedstat")).unwrap_or_default();
            ns += stat
                .split_whitespace()
                .next()
                .and_then(|n| n.parse::<u64>().ok())
                .unwrap_or(0);
        }
        ns as f64 / 1e6
    }

    /// The console's resident memory, in MB, from /proc.
    pub fn rss_mb(&self) -> f64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("the console's /proc status");
        let line = status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .expect("VmRSS");
        let kb: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
        kb / 1024.0
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        let _ = self.writer.write_all(b"q");
        let _ = self.writer.flush();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
