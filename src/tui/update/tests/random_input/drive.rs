//! What the random walk feeds the console: keys (some nudged towards confirming the dialog on
//! top), pastes, terminal sizes, and a server that answers at once, late, or with a refusal.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rand::Rng;
use rand::rngs::StdRng;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::tui::call::{Call, Payload};
use crate::tui::effect::Effect;
use crate::tui::state::{App, ErrorKind, RemoteError};
use crate::tui::testing::*;
use crate::tui::theme::Theme;

/// Keys that do something somewhere, weighted towards those that open and confirm dialogs.
const CHARS: &str = "aaxXxXrrnnsS*/-:jjkkgGhl123[]dd    ";
pub(super) const WORDS: [&str; 8] = [
    "Research",
    "Marketing",
    "zoe",
    "ws m",
    "messages",
    "Data Platform",
    "a\nb\tc",
    "日本",
];

pub(super) fn key_of(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

pub(super) fn random_key(rng: &mut StdRng) -> KeyEvent {
    let plain = KeyModifiers::NONE;
    match rng.random_range(0..100) {
        0..40 => {
            let chars: Vec<char> = CHARS.chars().collect();
            key_of(
                KeyCode::Char(chars[rng.random_range(0..chars.len())]),
                plain,
            )
        }
        40..72 => {
            let named = [
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Backspace,
                KeyCode::Delete,
            ];
            key_of(named[rng.random_range(0..named.len())], plain)
        }
        72..84 => {
            let letters = "csrpofbaujkcs";
            let c = letters
                .chars()
                .nth(rng.random_range(0..letters.len()))
                .unwrap();
            key_of(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        _ => {
            let c = match rng.random_range(0..4) {
                0 => char::from(rng.random_range(b'a'..=b'z')),
                1 => char::from(rng.random_range(b'A'..=b'Z')),
                2 => char::from(rng.random_range(b'0'..=b'9')),
                _ => ['é', 'ö', '日', '—', '🛡', '.', '?', 'm'][rng.random_range(0..8)],
            };
            key_of(KeyCode::Char(c), plain)
        }
    }
}

/// A key that moves the dialog on top towards sending its change: without a nudge, a random
/// walk seldom gets through a dialog, and the point is to test the ones that do.
pub(super) fn guided_key(rng: &mut StdRng, app: &App) -> KeyEvent {
    use KeyCode::{BackTab, Char, Down, Enter, Tab};
    let plain = |code| key_of(code, KeyModifiers::NONE);
    let pick = |rng: &mut StdRng, keys: &[KeyCode]| plain(keys[rng.random_range(0..keys.len())]);
    match app.dialogs.last().map(|d| d.name()) {
        None => pick(
            rng,
            &[
                Char('x'),
                Char('x'),
                Char('*'),
                Char('r'),
                Char('a'),
                Char('X'),
                Char('X'),
                Char('n'),
                Char(' '),
                Char('2'),
                Char('1'),
                Char('j'),
                Char('j'),
                Enter,
                Enter,
                Tab,
                Down,
            ],
        ),
        Some("add members") => pick(rng, &[Char(' '), Char(' '), Enter, Tab, Down]),
        Some("roles") => pick(rng, &[Char(' '), Enter, Down, Char('j')]),
        Some("roles preview" | "remove members" | "archive") => {
            pick(rng, &[Tab, Enter, Enter, BackTab])
        }
        Some("new workspace") => {
            if rng.random_bool(0.2) {
                key_of(Char('s'), KeyModifiers::CONTROL)
            } else {
                pick(
                    rng,
                    &[Char('w'), Char('s'), Tab, Tab, Enter, Enter, Char(' ')],
                )
            }
        }
        Some("admin picker") => pick(rng, &[Enter, Down]),
        Some("unsaved changes") => pick(rng, &[Char('s'), Enter, Tab]),
        Some(_) => pick(rng, &[KeyCode::Esc]),
    }
}

pub(super) fn random_size(rng: &mut StdRng) -> (u16, u16) {
    match rng.random_range(0..10) {
        0 => (1, 1),
        1..3 => (rng.random_range(1..60), rng.random_range(1..15)),
        3..6 => (rng.random_range(60..70), rng.random_range(15..18)),
        _ => (rng.random_range(60..100), rng.random_range(15..30)),
    }
}

/// A refusal, whatever was asked.
pub(super) fn failure() -> RemoteError {
    RemoteError::new(ErrorKind::Conflict, "Refused by the test's server")
}

/// The console as the event loop keeps it: the app, the frame last drawn (and a terminal of
/// its size to render the next one with), and the answers the server has not given yet.
pub(super) struct Session {
    pub(super) app: App,
    theme: Theme,
    terminal: Terminal<TestBackend>,
    last: Buffer,
    pub(super) held: Vec<(crate::tui::state::RequestId, usize, Call)>,
}

impl Session {
    pub(super) fn new() -> Self {
        let mut app = loaded_app();
        // A dozen more people in Research, so that its dialogs (removing or changing the roles
        // of everyone) are taller than a small terminal.
        app.org_mut().patch_people(|people| {
            for n in 0..12u128 {
                people.persons.push(crate::tui::state::people::Person {
                    user_id: id(300 + n),
                    name: format!("Extra Person {n:02}").into(),
                    email: format!("extra{n}@acme.example").into(),
                    org_roles: vec!["member".to_owned()].into(),
                    memberships: vec![(id(RESEARCH), vec!["dev".to_owned()].into())],
                    joined: None,
                });
            }
        });
        let (width, height) = app.screen;
        let mut session = Self {
            app,
            theme: Theme::colour(),
            terminal: Terminal::new(TestBackend::new(width, height)).expect("terminal"),
            last: Buffer::empty(Rect::new(0, 0, width, height)),
            held: Vec::new(),
        };
        session.draw();
        session
    }

    /// Draws the screen at its size and records what it showed, as the loop does. Each frame
    /// is rendered into a blank buffer, kept as the last frame, so that the text checked is
    /// this frame's alone; nothing is written to a backend (the checks read the cells, and
    /// most steps send nothing to check).
    pub(super) fn draw(&mut self) {
        let (width, height) = self.app.screen;
        let area = Rect::new(0, 0, width, height);
        if self.last.area != area {
            self.terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
            self.last = Buffer::empty(area);
        }
        self.app.seen = render_unwritten(&mut self.terminal, &self.app, &self.theme);
        std::mem::swap(self.terminal.current_buffer_mut(), &mut self.last);
    }

    /// The last frame as text, as a terminal that had only this frame written to it shows it.
    pub(super) fn frame(&self) -> String {
        let mut shown = TestBackend::new(self.last.area.width, self.last.area.height);
        let cells = self.last.content.iter().enumerate().map(|(i, cell)| {
            let (x, y) = self.last.pos_of(i);
            (x, y, cell)
        });
        shown.draw(cells).expect("test backend");
        shown.to_string()
    }

    /// Answers some of the requests in `effects` now (some with a failure) and holds the rest;
    /// returns every effect the answers caused, for checking.
    pub(super) fn serve(&mut self, rng: &mut StdRng, effects: Vec<Effect>) -> Vec<Effect> {
        let mut caused = Vec::new();
        let mut queue = effects;
        while let Some(effect) = (!queue.is_empty()).then(|| queue.remove(0)) {
            let Effect::Request { id, profile, call } = effect else {
                continue;
            };
            match rng.random_range(0..100) {
                0..80 => {
                    let result = outcome(profile, &call);
                    let more = self.deliver(id, profile, call, result);
                    caused.extend(more.clone());
                    queue.extend(more);
                }
                80..90 => {
                    let more = self.deliver(id, profile, call, Err(failure()));
                    caused.extend(more.clone());
                    queue.extend(more);
                }
                _ => self.held.push((id, profile, call)),
            }
        }
        caused
    }

    pub(super) fn deliver(
        &mut self,
        id: crate::tui::state::RequestId,
        profile: usize,
        call: Call,
        result: Result<Payload, RemoteError>,
    ) -> Vec<Effect> {
        deliver(&mut self.app, id, profile, call, result)
    }
}
