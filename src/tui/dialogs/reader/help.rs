//! The help's text: every binding of the live keymap, by context, then the short role names
//! the Members table uses when it is narrow.

use ratatui::text::{Line, Span};

use crate::tui::keymap::{Action, Context};
use crate::tui::roles_short;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::{fit, truncate, width};

/// The widest the help gets.
pub const WIDTH: u16 = 90;

/// The help's lines for a screen `screen_width` wide.
pub fn lines(app: &App, screen_width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let room = reader::inner_width(screen_width, WIDTH);
    let sections = app.keymap.help_sections();
    let longest = sections
        .iter()
        .flat_map(|s| s.entries.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0);
    let key_width = longest.min(room / 3).max(4);
    let mut lines = Vec::new();
    let entry = |lines: &mut Vec<Line<'static>>, key: &str, text: &str| {
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", fit(key, key_width)), theme.hint_key),
            Span::styled(
                truncate(text, room.saturating_sub(key_width + 3)),
                theme.text,
            ),
        ]));
    };
    for section in sections {
        lines.push(Line::styled(section.title, theme.header));
        for (keys, description) in section.entries {
            entry(&mut lines, &keys, description);
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(roles_short::HELP_TITLE, theme.header));
    for (short, full) in roles_short::table() {
        entry(&mut lines, short, full);
    }
    lines
}

/// How far the help can scroll on the current screen.
pub fn max_scroll(app: &App) -> u16 {
    let count = lines(app, app.screen.0, &Theme::default()).len();
    reader::max_scroll(app.screen, WIDTH, count)
}

/// How many lines a page key scrolls the help by: what one screen shows.
pub fn page(app: &App) -> u16 {
    let count = lines(app, app.screen.0, &Theme::default()).len();
    reader::page(app.screen, WIDTH, count)
}

/// The help's title, with the key that closes it.
pub fn title(app: &App) -> String {
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    format!("Keys · {close} closes")
}
