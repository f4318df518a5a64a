//! Test helpers for the console's pure tests: a console on the fixture organizations, keys
//! pressed through `update` with a frame drawn after each, and requests answered from the
//! fixtures. This replaces the network in tests of `update` and rendering only; the
//! end-to-end tests use the real binary and server.

mod fixtures;
mod keys;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use time::macros::date;

use crate::actions::Request;
use crate::tui::call::{Call, Payload, Reply};
use crate::tui::effect::Effect;
use crate::tui::keymap::Keymap;
use crate::tui::msg::Msg;
use crate::tui::state::{App, RemoteError, RequestId, Sighting};
use crate::tui::theme::Theme;
use crate::tui::update::{start, update};
use crate::tui::view;

pub use fixtures::*;
pub use keys::{
    command_opened, loaded_after, press_keys, run_command, script_keys, settings_without_extension,
};

/// Draws the screen at the size the console knows and records what it showed, as the event
/// loop does after every message: keys then act on what this frame showed.
pub fn redraw(app: &mut App) {
    let (width, height) = app.screen;
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    app.seen = render_unwritten(&mut terminal, app, &Theme::colour());
}

/// Renders `app` into `terminal`'s next frame, from blank cells, without writing it to the
/// backend (a test reads what the frame showed, or its cells in `current_buffer_mut`): what
/// the frame showed whole.
pub fn render_unwritten(
    terminal: &mut Terminal<TestBackend>,
    app: &App,
    theme: &Theme,
) -> Sighting {
    terminal.current_buffer_mut().reset();
    view::render(&mut terminal.get_frame(), app, theme)
}

/// A console on the fixture profiles, before anything loaded.
pub fn new_app() -> App {
    let mut app = App::new(
        profiles(),
        0,
        false,
        Keymap::builtin().expect("built-in keymap"),
    );
    // A fixed day, before every fixture key's expiration: snapshots must not change with the date.
    app.today = date!(2026 - 06 - 01);
    redraw(&mut app);
    app
}

/// Requests among `effects`, in order.
pub fn requests(effects: &[Effect]) -> Vec<(RequestId, usize, Call)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Request { id, profile, call } => Some((*id, *profile, call.clone())),
            _ => None,
        })
        .collect()
}

/// Answers every request in `effects` (and those the answers cause) from the fixture.
/// Returns the effects that are not requests.
pub fn answer_all(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue = effects;
    let mut rest = Vec::new();
    let mut guard = 0;
    while let Some(effect) = (!queue.is_empty()).then(|| queue.remove(0)) {
        guard += 1;
        assert!(guard < 1000, "requests keep coming");
        match effect {
            Effect::Request { id, profile, call } => {
                let result = outcome(profile, &call);
                queue.extend(deliver(app, id, profile, call, result));
            }
            other => rest.push(other),
        }
    }
    rest
}

/// Hands `update` the answer to a request, as the effect runner would.
pub fn deliver(
    app: &mut App,
    id: RequestId,
    profile: usize,
    call: Call,
    result: Result<Payload, RemoteError>,
) -> Vec<Effect> {
    update(app, answer_with(id, profile, call, result))
}

/// A console whose first loads were answered from the fixture, but for the ones `fails`
/// picks, which got `error` (what they cause in turn stays unanswered).
pub fn loaded_but(fails: impl Fn(&Call) -> bool, error: RemoteError) -> App {
    let mut app = new_app();
    let effects = start(&mut app);
    for (id, profile, call) in requests(&effects) {
        let result = if fails(&call) {
            Err(error.clone())
        } else {
            outcome(profile, &call)
        };
        deliver(&mut app, id, profile, call, result);
    }
    app
}

/// A console with the first organization loaded and its default workspace open.
pub fn loaded_app() -> App {
    let mut app = new_app();
    let effects = start(&mut app);
    answer_all(&mut app, effects);
    redraw(&mut app);
    app
}

pub fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new_with_kind(KeyCode::Char(c), KeyModifiers::CONTROL, KeyEventKind::Press)
}

/// Presses a key and answers whatever it requested; returns the other effects. The screen is
/// drawn again afterwards, as the event loop does.
pub fn press(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let effects = update(app, Msg::Key(key));
    let rest = answer_all(app, effects);
    redraw(app);
    rest
}

/// Presses a key without answering its requests; returns every effect.
pub fn press_only(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let effects = update(app, Msg::Key(key));
    redraw(app);
    effects
}

/// Presses a key and answers the first request it made with `result`, leaving any other
/// unanswered; returns what the answer caused.
pub fn press_answered(
    app: &mut App,
    key: KeyEvent,
    result: Result<Payload, RemoteError>,
) -> Vec<Effect> {
    let effects = press_only(app, key);
    let (id, profile, call) = requests(&effects)[0].clone();
    deliver(app, id, profile, call, result)
}

/// Types text one key at a time.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

/// The workspaces the list shows now, by name.
pub fn listed_workspaces(app: &App) -> Vec<String> {
    app.org()
        .visible_workspaces()
        .iter()
        .map(|w| w.name.clone())
        .collect()
}

/// A keymap as a user's file with this text makes it.
pub fn user_keymap(text: &str) -> Keymap {
    let file = crate::tui::config_file::Source::File("keymap.toml".into());
    Keymap::load(Some((file, text))).expect("a valid keymap")
}

/// The workspace under the list's cursor.
pub fn workspace_under_cursor(app: &App) -> Option<uuid::Uuid> {
    let org = app.org();
    org.list_cursor.current(&org.visible_workspace_ids())
}

/// What the status line says now, or nothing.
pub fn flash_text(app: &App) -> String {
    app.flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default()
}

/// Asserts that the status line says `part`, showing what it says when it does not.
#[track_caller]
pub fn assert_says(app: &App, part: &str) {
    let said = flash_text(app);
    assert!(said.contains(part), "{said}");
}

/// Asserts that the status line begins with `start`, showing what it says when it does not.
#[track_caller]
pub fn assert_says_first(app: &App, start: &str) {
    let said = flash_text(app);
    assert!(said.starts_with(start), "{said}");
}

/// The fixture's answer to a request, as the message the effect runner would send.
pub fn answer(id: RequestId, profile: usize, call: Call) -> Msg {
    let result = outcome(profile, &call);
    answer_with(id, profile, call, result)
}

fn answer_with(
    id: RequestId,
    profile: usize,
    call: Call,
    result: Result<Payload, RemoteError>,
) -> Msg {
    Msg::Reply(Box::new(Reply {
        id,
        profile,
        call,
        result,
    }))
}

/// The requests among `effects` that would change the organization, in order.
pub fn changes(effects: &[Effect]) -> Vec<Request> {
    requests(effects)
        .into_iter()
        .filter_map(|(_, _, call)| match call {
            Call::Change(requests) => Some(requests),
            _ => None,
        })
        .flatten()
        .collect()
}
