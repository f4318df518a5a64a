//! Monochrome: no colour anywhere, and every state still visible through modifiers.

use crossterm::event::KeyCode;
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};

use super::*;
use crate::tui::testing::*;

fn mono() -> Theme {
    Theme::monochrome()
}

#[test]
fn monochrome_main_screen_80x24() {
    assert_snapshot!(styled_screen(&loaded_app(), &mono(), 80, 24));
}

#[test]
fn monochrome_settings_with_an_error_80x24() {
    let app = loaded_after("enter 2 enter ctrl-u enter");
    assert_snapshot!(styled_screen(&app, &mono(), 80, 24));
}

#[test]
fn monochrome_picker_160x48() {
    let app = loaded_after(r#"ctrl-p "re""#);
    assert_snapshot!(styled_screen(&app, &mono(), 160, 48));
}

/// A handful of screens covering every pane and dialog.
fn screens() -> Vec<App> {
    let mut list = vec![loaded_app()];
    let mut app = loaded_after("enter 2");
    list.push(app.clone());
    press(&mut app, key(KeyCode::Char('3')));
    list.push(app.clone());
    press(&mut app, key(KeyCode::Char('?')));
    list.push(app);
    let mut app = loaded_app();
    press(&mut app, ctrl('o'));
    list.push(app);
    list
}

#[test]
fn monochrome_draws_no_colour_at_all() {
    for app in screens() {
        for (w, h) in [(80, 24), (160, 48)] {
            let terminal = draw(&app, &mono(), w, h);
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.fg, Color::Reset, "fg at {w}x{h}");
                assert_eq!(cell.bg, Color::Reset, "bg at {w}x{h}");
            }
        }
    }
}

#[test]
fn in_monochrome_the_cursor_row_is_reversed_and_focus_is_a_thick_border() {
    let app = loaded_app();
    let terminal = draw(&app, &mono(), 80, 24);
    let buffer = terminal.backend().buffer();
    let y = (0..24)
        .find(|y| find_text(buffer, *y, "▶ 🏠").is_some())
        .expect("cursor row of the focused list");
    let x = find_text(buffer, y, "▶ 🏠").unwrap();
    assert!(buffer[(x, y)].modifier.contains(Modifier::REVERSED));
    let thick = (0..24).any(|y| find_text(buffer, y, "┏").is_some());
    assert!(thick, "the focused pane has a thick border");
}

#[test]
fn the_colour_theme_uses_colour() {
    let terminal = draw(&loaded_app(), &Theme::colour(), 80, 24);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .any(|c| c.bg != Color::Reset)
    );
}

#[test]
fn expired_keys_are_dimmed_like_the_keys_of_an_archived_workspace() {
    let mut app = loaded_after("enter 3");
    // The cursor on the key that never expires, so the other row shows its own style.
    press(&mut app, key(KeyCode::Char('j')));
    let theme = Theme::colour();
    let fg_of = |app: &App, text: &str| {
        let terminal = draw(app, &theme, 160, 48);
        let buffer = terminal.backend().buffer();
        let y = (0..48)
            .find(|y| find_text(buffer, *y, text).is_some())
            .unwrap_or_else(|| panic!("{text} on screen"));
        buffer[(find_text(buffer, y, text).unwrap(), y)].fg
    };
    // ci-pipeline's last day is 2026-12-31.
    assert_eq!(
        fg_of(&app, "ci-pipeline"),
        theme.text.fg.unwrap_or(Color::Reset)
    );
    app.today = time::macros::date!(2027 - 01 - 01);
    assert_eq!(
        fg_of(&app, "ci-pipeline"),
        theme.archived.fg.unwrap_or(Color::Reset)
    );
    assert_ne!(theme.archived.fg, theme.text.fg, "the two styles differ");
}
