//! Snapshots taken the same way by every render test: a console brought to a screen by keys,
//! then shown as is, with its change left on its way, or refused; one screen at several sizes
//! and themes; a console walked through by keys with snapshots along the way. Each is filed
//! under the module that asks for it (`module_path!()`), where that module's own assertions
//! would put it.

use crate::tui::state::{App, ErrorKind, RemoteError};
use crossterm::event::KeyEvent;

use crate::tui::testing::{press_answered, press_keys, press_only, script_keys};
use crate::tui::theme::Theme;

use super::{screen, styled_screen};

/// How a screen is shown in a snapshot.
#[derive(Debug, Clone, Copy)]
pub enum Look {
    /// The text at this size.
    Text(u16, u16),
    /// The text and where the modifiers are, in monochrome.
    Monochrome(u16, u16),
    /// The text and where the modifiers are, in colour.
    Colour(u16, u16),
}

impl Look {
    /// The snapshot's name: `name` with the look after it (`_80x24`, `_monochrome_80x24`).
    pub fn name(self, name: &str) -> String {
        match self {
            Self::Text(w, h) => format!("{name}_{w}x{h}"),
            Self::Monochrome(w, h) => format!("{name}_monochrome_{w}x{h}"),
            Self::Colour(w, h) => format!("{name}_colour_{w}x{h}"),
        }
    }

    pub fn show(self, app: &App) -> String {
        match self {
            Self::Text(w, h) => screen(app, w, h),
            Self::Monochrome(w, h) => styled_screen(app, &Theme::monochrome(), w, h),
            Self::Colour(w, h) => styled_screen(app, &Theme::colour(), w, h),
        }
    }
}

/// Colour and monochrome (its styles drawn as marks), each at 80x24 and 160x48.
pub const EVERY_WAY: &[Look] = &[
    Look::Text(80, 24),
    Look::Text(160, 48),
    Look::Monochrome(80, 24),
    Look::Monochrome(160, 48),
];

/// Both sizes, and the styles drawn as marks at 80x24 in monochrome.
pub const BOTH_SIZES: &[Look] = &[
    Look::Text(80, 24),
    Look::Text(160, 48),
    Look::Monochrome(80, 24),
];

/// Both sizes, and the styles drawn as marks at 80x24 in monochrome and in colour.
pub const BOTH_SIZES_AND_STYLES: &[Look] = &[
    Look::Text(80, 24),
    Look::Text(160, 48),
    Look::Monochrome(80, 24),
    Look::Colour(80, 24),
];

/// Asserts `shown` as the snapshot `name` of `module`.
pub fn assert_filed(module: &str, name: &str, shown: String) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    let file = format!("{}__{name}", module.replace("::", "__"));
    settings.bind(|| insta::assert_snapshot!(file, shown));
}

/// Asserts `app` in each look, as the snapshots `{name}_{look}` of `module`.
pub fn assert_looks(module: &str, name: &str, app: &App, looks: &[Look]) {
    for look in looks {
        assert_filed(module, &look.name(name), look.show(app));
    }
}

/// One console walked through by keys: where it starts, then each step's keys and the name of
/// the snapshots taken after them.
pub struct Walk {
    pub from: fn() -> App,
    pub steps: &'static [(&'static str, &'static str)],
}

impl Walk {
    pub const fn new(from: fn() -> App, steps: &'static [(&'static str, &'static str)]) -> Self {
        Self { from, steps }
    }
}

/// Asserts every step of every walk in each look, as snapshots of `module`.
pub fn assert_walks(module: &str, walks: &[Walk], looks: &[Look]) {
    for walk in walks {
        let mut app = (walk.from)();
        for (script, name) in walk.steps {
            press_keys(&mut app, script);
            assert_looks(module, name, &app, looks);
        }
    }
}

/// Asserts every shot, as snapshots of `module`.
pub fn assert_shots(module: &str, shots: &[Shot]) {
    for shot in shots {
        assert_filed(module, shot.name, shot.take());
    }
}

/// What happens after a shot's keys.
#[derive(Debug, Clone, Copy)]
pub enum Then {
    /// Nothing: the screen as the keys left it.
    Shown,
    /// These keys send the top dialog's change, which is left unanswered.
    Unanswered(&'static str),
    /// These keys send the top dialog's change, which the server refuses so.
    Refused(&'static str, ErrorKind, &'static str),
}

/// One snapshot reached by keys: its name (the look included), where it starts, the keys.
pub struct Shot {
    pub name: &'static str,
    pub from: fn() -> App,
    pub script: &'static str,
    pub then: Then,
    pub look: Look,
}

impl Shot {
    /// A screen at 80x24 reached by keys alone.
    pub const fn keys(name: &'static str, from: fn() -> App, script: &'static str) -> Self {
        Self {
            name,
            from,
            script,
            then: Then::Shown,
            look: Look::Text(80, 24),
        }
    }

    pub const fn then(mut self, then: Then) -> Self {
        self.then = then;
        self
    }

    pub const fn look(mut self, look: Look) -> Self {
        self.look = look;
        self
    }

    /// The screen the shot shows.
    pub fn take(&self) -> String {
        let mut app = (self.from)();
        press_keys(&mut app, self.script);
        match self.then {
            Then::Shown => {}
            Then::Unanswered(send) => {
                press_only(&mut app, one_key(send));
            }
            Then::Refused(send, kind, message) => {
                press_answered(
                    &mut app,
                    one_key(send),
                    Err(RemoteError::new(kind, message)),
                );
            }
        }
        self.look.show(&app)
    }
}

fn one_key(script: &str) -> KeyEvent {
    match script_keys(script)[..] {
        [key] => key,
        _ => panic!("not one key: {script:?}"),
    }
}
