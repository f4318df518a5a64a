//! Names holding bidi controls: the terminal never receives the control itself, only a
//! visible escape, so a name cannot reorder the rest of its line or pass for another name.

use super::*;
use crate::tui::call::{Call, Payload};
use crate::tui::testing::*;
use crate::tui::update::start;

/// The first organization, with its default workspace renamed to hold a right-to-left
/// override (which turns "exe.txt" around) and the Research workspace a left-to-right isolate.
fn app_with_tricky_names() -> App {
    let mut app = new_app();
    let effects = start(&mut app);
    for (id, profile, call) in requests(&effects) {
        let result = match &call {
            Call::Workspaces { archived: false } if profile == 0 => {
                let mut list = active_workspaces(0);
                list[0].name = "Payroll \u{202E}txt.exe".into();
                list[1].name = "Research\u{2066} team".into();
                Ok(Payload::Workspaces(list))
            }
            other => outcome(profile, other),
        };
        deliver(&mut app, id, profile, call, result);
    }
    app
}

#[test]
fn bidi_controls_in_names_are_drawn_as_visible_escapes() {
    let app = app_with_tricky_names();
    let terminal = draw(&app, &crate::tui::theme::Theme::colour(), 100, 30);
    let buffer = terminal.backend().buffer();
    let cells: String = buffer.content().iter().map(|c| c.symbol()).collect();
    for control in ['\u{202E}', '\u{2066}'] {
        assert!(!cells.contains(control), "{control:?} reached the terminal");
    }
    let text = terminal.backend().to_string();
    let rows: Vec<&str> = text.lines().collect();
    // The open workspace's pane title and its row in the list both show the escape.
    assert!(
        rows.iter()
            .filter(|r| r.contains("Payroll <U+202E>txt.exe"))
            .count()
            >= 2,
        "{text}"
    );
    assert!(text.contains("Research<U+2066> team"), "{text}");
}
