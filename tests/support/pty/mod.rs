//! Runs the real `mistral-admin` binary in a pseudo-terminal and reads its screen with a
//! terminal emulator (vt100), for end-to-end tests of the console.
//!
//! Every console gets its own scratch config and data directories, so the embedded server
//! seeds a fresh demo database. Waiting is always "until the screen shows X, or a generous
//! timeout", never a fixed sleep.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

mod demo;
#[allow(unused_imports)]
pub use demo::*;

/// How long to wait for the screen to show something; generous for a loaded 2-core machine.
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub const ESC: &str = "\x1b";
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const BACKTAB: &str = "\x1b[Z";
pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";

/// The control-key byte for a letter: `ctrl('p')` is what ctrl-p sends.
pub fn ctrl(letter: char) -> String {
    char::from((letter.to_ascii_lowercase() as u8) & 0x1f).to_string()
}

/// Scratch directories for one console and whatever the test does afterwards.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn config_dir(&self) -> PathBuf {
        self.dir.path().join("config")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir().join("local.sqlite3")
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a `config.toml` with one profile, `name`, for the server at `base_url` (its
    /// admin base URL), whose key the console reads from the variable `key_env`.
    pub fn with_profile(&self, name: &str, base_url: &str, key_env: &str) {
        std::fs::create_dir_all(self.config_dir()).expect("config directory");
        std::fs::write(
            self.config_dir().join("config.toml"),
            format!("[profiles.{name}]\nbase_url = \"{base_url}\"\nkey_env = \"{key_env}\"\n"),
        )
        .expect("config.toml");
    }
}

struct Shared {
    parser: vt100::Parser,
    raw: Vec<u8>,
    closed: bool,
    /// When the program last wrote anything: a wait returns only once output has paused, so
    /// that it never judges a frame that a pty read split in two.
    last_output: Instant,
}

/// How long output must pause before a screen counts as a whole frame. The console draws a frame
/// in one write and its spinner ticks every 100 ms, so a pause this long always comes.
const SETTLE: Duration = Duration::from_millis(50);

pub struct Console {
    shared: Arc<Mutex<Shared>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Console {
    /// Starts the binary with `args` in a `cols` x `rows` terminal, using `home`'s directories.
    pub fn start(home: &Home, args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_with_env(home, args, cols, rows, &[])
    }

    pub fn start_with_env(
        home: &Home,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let program = Path::new(env!("CARGO_BIN_EXE_mistral-admin"));
        Self::start_program(home, program, args, cols, rows, env)
    }

    /// Starts any program in the pseudo-terminal, with `home`'s directories.
    pub fn start_program(
        home: &Home,
        program: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
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
        command.cwd(home.path());
        command.env("MISTRAL_ADMIN_CONFIG_DIR", home.config_dir());
        command.env("MISTRAL_ADMIN_DATA_DIR", home.data_dir());
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("MISTRAL_ADMIN_PROFILE");
        command.env_remove("MISTRAL_ADMIN_API_KEY");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start mistral-admin");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            closed: false,
            last_output: Instant::now(),
        }));
        let sink = Arc::clone(&shared);
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut shared = sink.lock().unwrap();
                        shared.parser.process(&buf[..n]);
                        shared.raw.extend_from_slice(&buf[..n]);
                        shared.last_output = Instant::now();
                    }
                }
            }
            sink.lock().unwrap().closed = true;
        });
        Self {
            shared,
            writer,
            child,
            master: pair.master,
            reader: Some(reader),
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    /// Everything the program wrote, escape sequences included.
    pub fn raw_output(&self) -> Vec<u8> {
        self.shared.lock().unwrap().raw.clone()
    }

    /// Waits until `check` holds for a settled screen (see [`SETTLE`]); panics with the screen
    /// after `TIMEOUT`.
    pub fn wait_until(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            {
                let shared = self.shared.lock().unwrap();
                let screen = shared.parser.screen();
                let settled = shared.closed || shared.last_output.elapsed() >= SETTLE;
                if settled && check(screen) {
                    return screen.contents();
                }
                if shared.closed {
                    panic!(
                        "the console exited while waiting for {what}; last screen:\n{}",
                        screen.contents()
                    );
                }
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text))
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to go"), |s| !s.contents().contains(text))
    }

    /// Waits until a row containing `anchor` also contains `text`.
    pub fn wait_for_row(&mut self, anchor: &str, text: &str) -> String {
        self.wait_until(&format!("a row with {anchor:?} and {text:?}"), |s| {
            s.contents()
                .lines()
                .any(|line| line.contains(anchor) && line.contains(text))
        })
    }

    /// Types keys: text is sent as typed, control keys as their bytes.
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("write to pty");
        self.writer.flush().expect("flush pty");
    }

    /// Resizes the terminal, as a window manager would: the program is told (SIGWINCH) and
    /// the emulator takes the new size, so what it reads next is drawn at that size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.shared
            .lock()
            .unwrap()
            .parser
            .screen_mut()
            .set_size(rows, cols);
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pseudo-terminal");
    }

    /// The program's process id, for sending it signals.
    pub fn process_id(&self) -> Option<u32> {
        self.child.process_id()
    }

    /// Whether the program ends within `limit` (it is left running if not).
    pub fn exits_within(&mut self, limit: Duration) -> bool {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if self.child.try_wait().expect("child status").is_some() {
                return true;
            }
            thread::sleep(Duration::from_millis(25));
        }
        false
    }

    /// Waits for the program to end and for its last output to be read.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if Instant::now() > deadline {
                let screen = self.screen();
                let _ = self.child.kill();
                panic!("the console did not exit; screen:\n{screen}");
            }
            thread::sleep(Duration::from_millis(25));
        }
    }
}

impl Drop for Console {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Where `needle` last occurs in `haystack`.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
