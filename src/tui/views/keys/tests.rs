//! The keys view: quick filters, the search that moves the cursor, and the dialogs its keys
//! open (delete on Cancel, rotate refused without an owner), with its fixture.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::fixtures;
use crate::tui::testing::*;

/// The action layer's small organization, Product archived.
pub fn book() -> KeyBook {
    let mut keys = fixtures::keys();
    keys[2].created_by = Some("left@northwind.example".into());
    let mut active = fixtures::workspaces();
    let product = active.remove(2);
    KeyBook::new(keys, fixtures::directory(), active, vec![product], &[])
}

fn open_keys() -> App {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char(':')));
    type_text(&mut app, "keys");
    press(&mut app, key(KeyCode::Enter));
    app
}

fn shown(app: &App) -> &KeysView {
    let open = app.view.as_ref().expect("a view is open");
    open.view.as_any().downcast_ref().expect("the keys view")
}

#[test]
fn the_quick_filter_steps_and_the_search_moves_the_cursor() {
    let mut app = open_keys();
    assert_eq!(shown(&app).rows(&app).len(), 3);
    press(&mut app, key(KeyCode::Char('f')));
    let names: Vec<String> = shown(&app)
        .rows(&app)
        .iter()
        .map(|r| r.key.name.clone().unwrap())
        .collect();
    assert_eq!(shown(&app).filter, KeyFilter::Expired);
    assert!(names.iter().all(|n| n == "old"), "{names:?}");
    for _ in 0..5 {
        press(&mut app, key(KeyCode::Char('f')));
    }
    assert_eq!(shown(&app).filter, KeyFilter::All);
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, "left");
    let view = shown(&app);
    assert_eq!(view.cursor, Some(fixtures::id(fixtures::OTHER_CI_KEY)));
    assert_eq!(view.rows(&app).len(), 3, "the search hides nothing");
}

#[test]
fn delete_opens_on_cancel_and_lists_the_selected_keys() {
    let mut app = open_keys();
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char(' ')));
    press(&mut app, key(KeyCode::Char('D')));
    let dialog = app.dialogs.last().expect("a confirmation");
    let run: &crate::tui::dialogs::key_run::KeyRun = dialog.as_any().downcast_ref().unwrap();
    assert_eq!(run.listed.len(), 2);
    assert_eq!(run.focus, crate::tui::dialogs::Button::Cancel);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(app.dialogs.is_empty(), "enter on Cancel closes");
    assert!(changes(&effects).is_empty(), "and sends nothing");
}

#[test]
fn rotating_a_key_whose_owner_left_is_refused_with_the_reason() {
    let mut app = open_keys();
    press(&mut app, key(KeyCode::Char('G')));
    press(&mut app, key(KeyCode::Char('R')));
    assert!(app.dialogs.is_empty());
    let flash = &app.flash.as_ref().unwrap().text;
    assert!(flash.contains("no longer a member"), "{flash}");
}

#[test]
fn read_only_refuses_every_change() {
    let mut app = open_keys();
    app.read_only = true;
    for letter in ['n', 'D', 'R'] {
        press(&mut app, key(KeyCode::Char(letter)));
        assert!(
            app.dialogs.is_empty(),
            "{letter} opened a dialog in read-only mode"
        );
    }
}
