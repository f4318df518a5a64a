//! The help's text: every binding of the live keymap, by context, then the short role names
//! the Members table uses when it is narrow.

use ratatui::text::{Line, Span};

use crate::tui::keymap::help::HelpSection;
use crate::tui::keymap::{Action, Context};
use crate::tui::roles_short;
use crate::tui::routing::{self, Layer, Offer};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::{fit, truncate, width};

/// The widest the help gets.
pub const WIDTH: u16 = 90;

/// The help's lines for a screen `screen_width` wide.
pub fn lines(app: &App, screen_width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let room = reader::inner_width(screen_width, WIDTH);
    let sections = sections(app);
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

/// The help's sections for what it was opened over: the keys as they act there first. Of
/// the global keys, those the place passes over are left out (a view has no panes to step
/// through); its own keys are listed whole, though some act only on a tab or a selection.
fn sections(app: &App) -> Vec<HelpSection> {
    let under = routing::routes_under(app, app.dialogs.len().saturating_sub(1));
    let active: Vec<Context> = under
        .iter()
        .filter_map(|route| match route.layer {
            Layer::Keys(context) => Some(context),
            Layer::Text => None,
        })
        .collect();
    app.keymap.help_sections_for(&active, |context, action| {
        // ctrl-c is read before any handler is asked, so it acts wherever help is opened.
        context != Context::Global
            || action == Action::Interrupt
            || under
                .iter()
                .find(|route| route.layer == Layer::Keys(Context::Global))
                .is_none_or(|route| (route.handler.offer)(app, action) != Offer::Ignores)
    })
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
