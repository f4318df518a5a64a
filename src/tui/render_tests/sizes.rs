//! Any size works: tiny, odd and huge terminals never panic, in any state.

use super::*;
use crate::tui::testing::*;
use crate::tui::update::start;

fn states() -> Vec<App> {
    let mut states = Vec::new();
    let mut loading = new_app();
    let _ = start(&mut loading);
    states.push(loading);
    states.push(loaded_app());
    let mut app = loaded_after(r#"enter / "日本語のとても長いフィルター""#);
    states.push(app.clone());
    press_keys(&mut app, "esc 2 enter");
    type_text(&mut app, &"長い名前".repeat(40));
    states.push(app.clone());
    press_keys(&mut app, "enter q");
    states.push(app.clone());
    states.push(loaded_after("?"));
    states.push(loaded_after(r#"ctrl-p "a""#));
    states.push(loaded_after("ctrl-o"));
    states.push(loaded_after(r#": "ws" space"#));
    states.push(loaded_after("enter 3"));
    states
}

#[test]
fn no_size_panics_in_any_state() {
    let sizes = [
        (1, 1),
        (2, 1),
        (1, 2),
        (3, 3),
        (10, 3),
        (20, 5),
        (59, 14),
        (59, 40),
        (200, 14),
        (60, 15),
        (61, 16),
        (64, 17),
        (79, 23),
        (80, 24),
        (100, 30),
        (133, 41),
        (500, 200),
        (1000, 16),
    ];
    for app in states() {
        for (w, h) in sizes {
            let _ = draw(&app, &Theme::colour(), w, h);
            let _ = draw(&app, &Theme::monochrome(), w, h);
        }
    }
}

#[test]
fn below_the_minimum_a_notice_replaces_the_panes() {
    let app = loaded_app();
    let text = screen(&app, 59, 24);
    assert!(text.contains("Terminal too small"), "{text}");
    let text = screen(&app, 60, 15);
    assert!(!text.contains("Terminal too small"), "{text}");
    assert!(text.contains("Workspaces"));
}

#[test]
fn a_huge_terminal_uses_the_room() {
    let app = loaded_app();
    let text = screen(&app, 500, 200);
    assert!(text.contains("jane.doe@acme.example"));
    assert!(text.contains("Org roles"));
}
