//! The help overlay: every binding of the live keymap, by context.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keymap::help::line_count;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::frame;
use crate::tui::widgets::text::{fit, truncate, width};

fn dialog_area(screen: Rect) -> Rect {
    frame::centered(
        screen,
        screen.width.saturating_sub(4).min(90),
        screen.height.saturating_sub(2),
    )
}

/// How far the help can scroll on the current screen: its lines less those that fit.
pub fn max_scroll(app: &App) -> u16 {
    let (width, height) = app.screen;
    let visible = dialog_area(Rect::new(0, 0, width, height))
        .height
        .saturating_sub(2);
    let lines = line_count(&app.keymap.help_sections());
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(visible)
}

pub fn render(frame: &mut Frame, screen: Rect, app: &App, scroll: u16, theme: &Theme) {
    let area = dialog_area(screen);
    let room = usize::from(area.width.saturating_sub(2));
    let visible = usize::from(area.height.saturating_sub(2));
    let sections = app.keymap.help_sections();
    let longest = sections
        .iter()
        .flat_map(|s| s.entries.iter().map(|(k, _)| width(k)))
        .max()
        .unwrap_or(0);
    let key_width = longest.min(room / 3).max(4);
    let mut lines = Vec::new();
    for section in sections {
        lines.push(Line::styled(section.title, theme.header));
        for (keys, description) in section.entries {
            lines.push(Line::from(vec![
                Span::styled(format!("  {} ", fit(&keys, key_width)), theme.hint_key),
                Span::styled(
                    truncate(description, room.saturating_sub(key_width + 3)),
                    theme.text,
                ),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let max_scroll = lines.len().saturating_sub(visible) as u16;
    let scroll = scroll.min(max_scroll);
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    let mut title = format!("Keys · {close} closes");
    if max_scroll > 0 {
        // Where the window is, so it is plain that there is more to scroll to.
        let first = usize::from(scroll) + 1;
        let last = (usize::from(scroll) + visible).min(lines.len());
        let more = if usize::from(scroll) < usize::from(max_scroll) {
            " ↓"
        } else {
            ""
        };
        title.push_str(&format!(" · {first}-{last} of {}{more}", lines.len()));
    }
    let inner = frame::dialog(frame, area, &title, theme);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}
