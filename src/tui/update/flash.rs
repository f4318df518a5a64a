//! Messages on the status line: shown at once, kept in the message log, and cleared by a
//! timer the event loop runs (an error stays longer, to be read).

use std::time::Duration;

use crate::tui::effect::Effect;
use crate::tui::state::{App, Flash, FlashLevel, Logged, MESSAGES_KEPT};

const FLASH_TIME: Duration = Duration::from_secs(4);
const ERROR_FLASH_TIME: Duration = Duration::from_secs(8);

/// Shows a message on the status line and schedules its removal; the message log keeps it.
pub fn show(app: &mut App, level: FlashLevel, text: impl Into<String>) -> Effect {
    let id = app.next_id();
    let text = text.into();
    let logged = Logged {
        level,
        text: text.clone(),
    };
    // The same message again (a key pressed twice) is logged once.
    if app.messages.last() != Some(&logged) {
        if app.messages.len() == MESSAGES_KEPT {
            app.messages.remove(0);
        }
        app.messages.push(logged);
    }
    app.flash = Some(Flash { id, level, text });
    Effect::ExpireFlash {
        id,
        after: time_for(level),
    }
}

/// Adds `words` after the message the status line shows, keeping that message in sight (with
/// a fresh timer, so it is not cleared the moment after); `None` when none is shown. The log
/// already holds the message, and `words` alone say nothing worth keeping there.
pub fn beside_shown(app: &mut App, words: &str) -> Option<Effect> {
    let shown = app.flash.as_ref()?;
    let (level, mut text) = (shown.level, shown.text.clone());
    if !text.ends_with(words) {
        text = format!("{text} · {words}");
    }
    let id = app.next_id();
    app.flash = Some(Flash { id, level, text });
    Some(Effect::ExpireFlash {
        id,
        after: time_for(level),
    })
}

fn time_for(level: FlashLevel) -> Duration {
    if level == FlashLevel::Error {
        ERROR_FLASH_TIME
    } else {
        FLASH_TIME
    }
}

pub fn info(app: &mut App, text: impl Into<String>) -> Vec<Effect> {
    vec![show(app, FlashLevel::Info, text)]
}

pub fn error(app: &mut App, text: impl Into<String>) -> Vec<Effect> {
    vec![show(app, FlashLevel::Error, text)]
}
