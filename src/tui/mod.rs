//! The terminal console: panes for organizations, workspaces, members, settings and API keys,
//! driven by the keyboard, over an async client that it never waits on.
//!
//! The shape is the one the design guide asks for: [`update::update`] turns messages into
//! state changes and effects without I/O; effects run on tokio tasks and come back as
//! messages; [`view`] draws the state and nothing else. Around that:
//! - [`event_loop`] feeds `update` and redraws, over any ratatui backend and clock;
//! - [`routing`] is the one table of who takes keys now, for the keys and the hint line;
//! - [`dialogs`] holds one folder per dialog, each behind the [`dialogs::Dialog`] trait;
//! - [`call`] is a request's round trip as data: the call, its payload, the reply;
//! - [`views`] holds the organization views (`:usage`, ...), one folder each behind
//!   [`views::View`];
//! - [`staging`] holds the changes collected instead of sent (`:stage`), which `:plan` applies.

pub mod call;
pub mod config_file;
pub mod console_backend;
pub mod dialogs;
pub mod effect;
pub mod event_loop;
pub mod fuzzy;
pub mod keymap;
pub mod logging;
pub mod memory;
pub mod msg;
pub mod panes;
pub mod redraw;
pub mod roles_short;
pub mod routing;
pub mod runner;
pub mod staging;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod views;
pub mod widgets;

#[cfg(test)]
pub mod testing;

#[cfg(test)]
mod render_tests;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use tokio::sync::mpsc::UnboundedSender;

use crate::actions::outcome::count_of;
use crate::client::Profile;
use crate::dirs::AppDirs;
use config_file::{ConfigFileError, Source};
use effect::EffectRunner;
use keymap::Keymap;
use msg::Msg;
use state::{App, ProfileInfo};
use theme::Theme;

#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("terminal: {0}")]
    Terminal(#[source] std::io::Error),
    #[error("{0}")]
    Settings(#[from] ConfigFileError),
    #[error("cannot read {path}: {error}")]
    ReadSettings { path: String, error: std::io::Error },
    #[error("no profile to open")]
    NoProfiles,
    #[error(
        "no profile named \"{}\" (see `mistral-admin profiles`)",
        crate::domain::secret_like::redact_secrets(.0)
    )]
    UnknownProfile(String),
}

/// How a console session ended, for the process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    /// The admin quit; changes still on their way were waited for.
    Quit,
    /// A signal ended the wait for changes still on their way: some may not have finished.
    StoppedWaiting(StopSignal),
    /// Changes were still on their way when the wait ran out: the server may yet make them.
    GaveUpWaiting,
}

/// A signal that ends the wait for changes at quit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopSignal {
    /// ctrl-c (SIGINT).
    Interrupt,
    Terminate,
    Hangup,
}

impl StopSignal {
    /// How the terminal names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Interrupt => "ctrl-c",
            Self::Terminate => "SIGTERM",
            Self::Hangup => "SIGHUP",
        }
    }

    /// The number of the signal (the same on every Unix for these three).
    fn number(self) -> u8 {
        match self {
            Self::Hangup => 1,
            Self::Interrupt => 2,
            Self::Terminate => 15,
        }
    }
}

impl Closed {
    /// 0 after a quit; after a signal, 128 + its number as shells give a process the signal
    /// ended, so a script or a supervisor sees that changes may not have finished; 5, the
    /// scripting commands' "outcome unknown", when the wait ran out with changes under way.
    pub fn exit_code(self) -> u8 {
        match self {
            Self::Quit => 0,
            Self::StoppedWaiting(signal) => 128 + signal.number(),
            Self::GaveUpWaiting => 5,
        }
    }
}

/// Everything a console session needs besides the connection to the server.
#[derive(Debug, Clone)]
pub struct Session {
    pub profiles: Vec<ProfileInfo>,
    pub initial_profile: String,
    pub read_only: bool,
    pub monochrome: bool,
    pub dirs: AppDirs,
}

/// What the command line hands the console.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    /// Concrete profiles: the embedded server's already carry their base URL and key.
    pub profiles: Vec<Profile>,
    pub initial_profile: String,
    /// `--read-only`.
    pub read_only: bool,
    pub monochrome: bool,
    pub dirs: AppDirs,
}

/// Runs the console over the Admin API client until the user quits. The terminal is
/// restored on every exit path.
pub async fn run(options: TuiOptions) -> Result<Closed, TuiError> {
    let session = Session {
        profiles: options.profiles.iter().map(profile_info).collect(),
        initial_profile: options.initial_profile,
        read_only: options.read_only,
        monochrome: options.monochrome,
        dirs: options.dirs,
    };
    let profiles = options.profiles;
    let journal = crate::actions::journal::Journal::in_data_dir(&session.dirs);
    run_session(session, move |sender| {
        runner::ClientRunner::new(profiles, sender).with_journal(journal)
    })
    .await
}

fn profile_info(profile: &Profile) -> ProfileInfo {
    ProfileInfo {
        name: profile.name.clone(),
        is_local: profile.is_local,
        read_only: profile.read_only,
        base_url: profile.base_url.clone(),
    }
}

/// The keymap with the user's overrides, or a readable error naming their file.
pub fn load_keymap(dirs: &AppDirs) -> Result<Keymap, TuiError> {
    let path = dirs.keymap_file();
    let text = read_optional(&path)?;
    Ok(Keymap::load(
        text.as_deref().map(|t| (Source::File(path.clone()), t)),
    )?)
}

/// The theme for the mode, with the user's overrides.
pub fn load_theme(dirs: &AppDirs, monochrome: bool) -> Result<Theme, TuiError> {
    let path = dirs.theme_file();
    let text = read_optional(&path)?;
    Ok(Theme::load(
        monochrome,
        text.as_deref().map(|t| (Source::File(path.clone()), t)),
    )?)
}

fn read_optional(path: &Path) -> Result<Option<String>, TuiError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(TuiError::ReadSettings {
            path: path.display().to_string(),
            error,
        }),
    }
}

/// Runs a console session with the given effect runner. Settings are checked before the
/// screen changes, so a bad keymap or theme is reported on a normal terminal; the terminal
/// is restored on every way out.
pub async fn run_session<R, F>(session: Session, make_runner: F) -> Result<Closed, TuiError>
where
    R: EffectRunner,
    F: FnOnce(UnboundedSender<Msg>) -> R,
{
    if session.profiles.is_empty() {
        return Err(TuiError::NoProfiles);
    }
    let initial = session
        .profiles
        .iter()
        .position(|p| p.name == session.initial_profile)
        .ok_or_else(|| TuiError::UnknownProfile(session.initial_profile.clone()))?;
    let keymap = load_keymap(&session.dirs)?;
    let theme = load_theme(&session.dirs, session.monochrome)?;
    let _log_guard = logging::init(&session.dirs.log_dir());
    tracing::info!(profiles = session.profiles.len(), "console starting");

    let (sender, replies) = tokio::sync::mpsc::unbounded_channel();
    let mut runner = make_runner(sender.clone());
    let mut app = App::new(session.profiles, initial, session.read_only, keymap);
    app.journal = Some(crate::actions::journal::Journal::in_data_dir(&session.dirs));
    let mut screen = terminal::TerminalSession::enter().map_err(TuiError::Terminal)?;
    let inbox = event_loop::Inbox {
        replies,
        sender,
        stop: event_loop::stop_signals(),
    };
    let size_watch = screen.size_watch().clone();
    let result = event_loop::run(
        screen.terminal(),
        &mut app,
        &theme,
        &mut runner,
        size_watch.watch(crossterm::event::EventStream::new()),
        inbox,
        &event_loop::SystemClock,
    )
    .await;
    drop(screen);
    let closed = finish_changes(&mut runner).await;
    tracing::info!(?closed, "console closed");
    result.map(|()| closed)
}

/// How long the console waits, once closed, for changes already sent. A change ends within
/// its request's time limit (30 s) and retries, and its journal entry needs one more read of
/// the organization, with the same limits; past this the task is given up, and said to be.
const CHANGES_FINISH_WITHIN: Duration = Duration::from_secs(120);

/// What the restored terminal says while `under_way` changes are waited for, `journaled` of
/// them ones the journal records once they end; it promises the journal only those.
fn waiting_line(under_way: usize, journaled: usize) -> String {
    let why = match journaled {
        0 => String::new(),
        1 if under_way == 1 => ", so that the journal records it".to_owned(),
        n if n == under_way => ", so that the journal records them".to_owned(),
        n => format!(", so that the journal records {n} of them"),
    };
    format!(
        "Waiting for {} already sent to finish{why} (ctrl-c leaves without waiting)…",
        count_of(under_way, "change", "changes"),
    )
}

/// A change on its way when the console closes may still be made by the server: it is waited
/// for, on the restored terminal, so that the journal records it. ctrl-c, SIGTERM or SIGHUP
/// there stop waiting at once, naming the changes that may not have finished; the session
/// then ends with that signal's exit status.
async fn finish_changes<R: EffectRunner>(runner: &mut R) -> Closed {
    let under_way = runner.changes_under_way();
    // Written without panicking: after SIGHUP the terminal is gone, and a panic here would
    // tear down the very changes waited for.
    let say = |text: String| {
        let _ = writeln!(std::io::stderr(), "{text}");
    };
    if under_way == 0 {
        runner.settle(CHANGES_FINISH_WITHIN).await;
        return Closed::Quit;
    }
    let interrupted = stop_waiting_signals();
    say(waiting_line(under_way, runner.journaled_under_way()));
    let waited = tokio::select! {
        going = runner.settle(CHANGES_FINISH_WITHIN) => Ok(going),
        signal = interrupted => Err(signal),
    };
    let going = match waited {
        Ok(going) => going,
        Err(signal) => {
            let unfinished = runner.unfinished();
            say(stopped_waiting_line(signal.name(), &unfinished));
            // Everything had finished: the session ended as a quit does.
            return match unfinished.is_empty() {
                true => Closed::Quit,
                false => Closed::StoppedWaiting(signal),
            };
        }
    };
    if going == 0 {
        return Closed::Quit;
    }
    say(format!(
        "{} still under way after {} s: the server may yet make {}; `mistral-admin journal` shows what was recorded.",
        count_of(going, "change", "changes"),
        CHANGES_FINISH_WITHIN.as_secs(),
        if going == 1 { "it" } else { "them" },
    ));
    Closed::GaveUpWaiting
}

/// The signals that stop the wait for changes: ctrl-c, SIGTERM and SIGHUP, listened to from
/// now on (the terminal is back to normal, so ctrl-c is a signal again); gives the one that came.
fn stop_waiting_signals() -> impl Future<Output = StopSignal> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let kinds = [
            (SignalKind::interrupt(), StopSignal::Interrupt),
            (SignalKind::terminate(), StopSignal::Terminate),
            (SignalKind::hangup(), StopSignal::Hangup),
        ];
        let streams: Vec<_> = kinds
            .into_iter()
            .filter_map(|(kind, name)| signal(kind).ok().map(|stream| (stream, name)))
            .collect();
        async move {
            let waits = streams.into_iter().map(|(mut stream, name)| {
                Box::pin(async move {
                    stream.recv().await;
                    name
                })
            });
            if waits.len() == 0 {
                return std::future::pending().await;
            }
            futures::future::select_all(waits).await.0
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
        StopSignal::Interrupt
    }
}

/// What the terminal says when `signal` stopped the wait with `unfinished` changes left.
fn stopped_waiting_line(signal: &str, unfinished: &[String]) -> String {
    if unfinished.is_empty() {
        return format!("Stopped waiting ({signal}): every change had finished.");
    }
    let them = if unfinished.len() == 1 { "it" } else { "them" };
    let mut text = format!(
        "Stopped waiting ({signal}): {} may not have finished; the server may yet make {them}, and the journal may not record {them}:",
        count_of(unfinished.len(), "change", "changes"),
    );
    for what in unfinished {
        text.push_str(&format!("\n  {what}"));
    }
    text.push_str("\n`mistral-admin journal` shows what was recorded.");
    text
}

#[cfg(test)]
mod waiting_line_tests {
    use super::{Closed, StopSignal, waiting_line};

    #[test]
    fn a_signal_that_ends_the_wait_gives_the_shells_exit_status() {
        assert_eq!(Closed::Quit.exit_code(), 0);
        assert_eq!(
            Closed::StoppedWaiting(StopSignal::Interrupt).exit_code(),
            130
        );
        assert_eq!(
            Closed::StoppedWaiting(StopSignal::Terminate).exit_code(),
            143
        );
        assert_eq!(Closed::StoppedWaiting(StopSignal::Hangup).exit_code(), 129);
        assert_eq!(Closed::GaveUpWaiting.exit_code(), 5);
    }

    /// A runner with one change that never finishes in time.
    struct Stuck;

    impl crate::tui::effect::EffectRunner for Stuck {
        fn run(&mut self, _: crate::tui::effect::Effect) {}
        fn changes_under_way(&self) -> usize {
            1
        }
        async fn settle(&mut self, _: std::time::Duration) -> usize {
            1
        }
    }

    #[tokio::test]
    async fn a_wait_that_runs_out_with_a_change_under_way_ends_as_outcome_unknown() {
        assert_eq!(
            super::finish_changes(&mut Stuck).await,
            Closed::GaveUpWaiting
        );
    }

    #[test]
    fn the_journal_is_promised_only_the_changes_it_records() {
        assert_eq!(
            waiting_line(1, 1),
            "Waiting for 1 change already sent to finish, so that the journal records it (ctrl-c leaves without waiting)…"
        );
        assert_eq!(
            waiting_line(2, 2),
            "Waiting for 2 changes already sent to finish, so that the journal records them (ctrl-c leaves without waiting)…"
        );
        // A SCIM sync's start alone: nothing for the journal.
        assert_eq!(
            waiting_line(1, 0),
            "Waiting for 1 change already sent to finish (ctrl-c leaves without waiting)…"
        );
        assert_eq!(
            waiting_line(3, 1),
            "Waiting for 3 changes already sent to finish, so that the journal records 1 of them (ctrl-c leaves without waiting)…"
        );
    }
}
