//! Render tests on ratatui's `TestBackend`: snapshots of every pane and dialog at 80x24 and
//! 160x48, the loading, empty and error states, monochrome, and odd sizes.

mod bidi;
mod dialogs;
mod navigation_dialogs;
mod org_views;
mod panes;
mod people;
mod roles;
mod shots;
mod sizes;
mod staging;
mod styles;
mod views;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::view;

pub fn draw(app: &App, theme: &Theme, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| {
            view::render(frame, app, theme);
        })
        .expect("draw");
    terminal
}

/// The screen as text, one quoted line per row (TestBackend's own format).
pub fn screen(app: &App, width: u16, height: u16) -> String {
    draw(app, &Theme::colour(), width, height)
        .backend()
        .to_string()
}

/// The screen's text followed by where the modifiers are, so a monochrome snapshot shows
/// what makes focus, selection and errors visible without colour.
pub fn styled_screen(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let terminal = draw(app, theme, width, height);
    let buffer = terminal.backend().buffer();
    let mut out = terminal.backend().to_string();
    out.push_str("\nmodifiers:\n");
    for y in 0..buffer.area.height {
        for (start, end, modifier) in runs(buffer, y) {
            out.push_str(&format!(
                "  row {y:>2} cols {start:>3}-{end:<3} {modifier:?}\n"
            ));
        }
    }
    out
}

fn runs(buffer: &Buffer, y: u16) -> Vec<(u16, u16, Modifier)> {
    let mut runs: Vec<(u16, u16, Modifier)> = Vec::new();
    for x in 0..buffer.area.width {
        let modifier = buffer[(x, y)].modifier;
        match runs.last_mut() {
            Some((_, end, m)) if *m == modifier && *end + 1 == x => *end = x,
            _ => runs.push((x, x, modifier)),
        }
    }
    runs.retain(|(_, _, m)| !m.is_empty());
    runs
}

/// Each view opened by its `:` command draws without a colour at 80x24 and 160x48 in the
/// monochrome theme.
pub fn assert_no_colour(commands: &[&str]) {
    for command in commands {
        let app = crate::tui::testing::command_opened(command);
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(&app, &Theme::monochrome(), w, h);
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{command} {w}x{h}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{command} {w}x{h}");
            }
        }
    }
}

/// The column where `text` starts on row `y`, counting in cells.
pub fn find_text(buffer: &Buffer, y: u16, text: &str) -> Option<u16> {
    let cells: Vec<(u16, &str)> = (0..buffer.area.width)
        .map(|x| (x, buffer[(x, y)].symbol()))
        .collect();
    let joined: String = cells.iter().map(|(_, s)| *s).collect();
    let byte = joined.find(text)?;
    let mut seen = 0;
    for (x, symbol) in cells {
        if seen == byte {
            return Some(x);
        }
        seen += symbol.len();
    }
    None
}
