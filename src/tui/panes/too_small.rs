//! What shows instead of the panes when the terminal is smaller than they need. While it shows,
//! no key reaches what it hides (see `update::keys`), so what it says about keys is all that
//! works: quit, and ctrl-c.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::widgets::frame;

pub fn render(frame: &mut Frame, area: Rect, minimum: (u16, u16), app: &App, theme: &Theme) {
    let mut lines = vec![
        Line::styled("Terminal too small", theme.notice),
        Line::styled(
            format!(
                "{}x{}; needs {}x{}",
                area.width, area.height, minimum.0, minimum.1
            ),
            theme.text,
        ),
        Line::styled(what_works(app), theme.muted),
    ];
    // What the last key did (a refusal, a cancel) has no status line to go to here.
    if let Some(flash) = &app.flash {
        let style = match flash.level {
            FlashLevel::Error => theme.flash_error,
            FlashLevel::Success => theme.flash_success,
            FlashLevel::Info => theme.flash_info,
        };
        lines.push(Line::styled(flash.text.clone(), style));
    }
    let top = area.height.saturating_sub(3) / 2;
    frame::centred_lines(frame, area, top, lines);
}

/// The keys that work on this screen, from the live keymap.
pub fn what_works(app: &App) -> String {
    let quit = app
        .keymap
        .keys(Context::Global, Action::Quit)
        .first()
        .map(ToString::to_string);
    if app.org().has_unsaved_changes() {
        return "Enlarge it to save or discard your unsaved changes".to_owned();
    }
    match quit {
        Some(key) => format!("Enlarge it, or {key} to quit"),
        None => "Enlarge it".to_owned(),
    }
}
