//! The keys view: quick filters, the search that moves the cursor, and the dialogs its keys
//! open (delete on Cancel, rotate refused without an owner), with its fixture.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::fixtures;
use crate::tui::testing::*;
use crate::tui::views::testing::{opened, search, shown_as};

/// The action layer's small organization, Product archived.
pub fn book() -> KeyBook {
    let mut keys = fixtures::keys();
    keys[2].created_by = Some("left@northwind.example".into());
    let mut active = fixtures::workspaces();
    let product = active.remove(2);
    KeyBook::new(keys, fixtures::directory(), active, vec![product], &[])
}

fn shown(app: &App) -> &KeysView {
    shown_as(app)
}

#[test]
fn the_quick_filter_steps_and_the_search_moves_the_cursor() {
    let mut app = opened("keys");
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
    search(&mut app, "left");
    let view = shown(&app);
    assert_eq!(
        view.list.cursor.id(),
        Some(&fixtures::id(fixtures::OTHER_CI_KEY))
    );
    assert_eq!(view.rows(&app).len(), 3, "the search hides nothing");
}

#[test]
fn delete_opens_on_cancel_and_lists_the_selected_keys() {
    let mut app = opened("keys");
    // The first two keys marked, then delete.
    press_keys(&mut app, "space space D");
    let run = run(&app).expect("a confirmation");
    assert_eq!(run.listed.len(), 2);
    assert_eq!(run.focus, crate::tui::dialogs::Button::Cancel);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(app.dialogs.is_empty(), "enter on Cancel closes");
    assert!(changes(&effects).is_empty(), "and sends nothing");
}

#[test]
fn rotating_a_key_whose_owner_left_is_refused_with_the_reason() {
    let mut app = opened("keys");
    press_keys(&mut app, "G R");
    assert!(app.dialogs.is_empty());
    assert_says(&app, "no longer a member");
}

fn run(app: &App) -> Option<&crate::tui::dialogs::key_run::KeyRun> {
    app.top_dialog()
}

/// The new-key form opened and "deploy" typed as the name.
fn name_a_new_key(app: &mut App) {
    press_keys(app, "n tab tab \"deploy\"");
}

#[test]
fn a_bulk_deletion_goes_one_key_at_a_time_and_counts() {
    let mut app = opened("keys");
    // The first two keys marked, then delete.
    press_keys(&mut app, "space space D");
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(changes(&effects).len(), 1, "one request at a time");
    let (id, profile, call) = requests(&effects).remove(0);
    let next = crate::tui::update::update(&mut app, answer(id, profile, call));
    redraw(&mut app);
    assert_eq!(run(&app).expect("still open").done_steps, 1);
    assert!(
        screen_text(&app).contains("Done 1/2"),
        "{}",
        screen_text(&app)
    );
    assert_eq!(changes(&next).len(), 1, "the second goes by itself");
    // ctrl-c between two requests: the dialog stays and says how far it got.
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Key(ctrl('c')));
    redraw(&mut app);
    let stopped = run(&app).expect("the dialog stays");
    assert_eq!(stopped.done_steps, 1);
    assert!(!stopped.submission.is_sending());
    assert!(screen_text(&app).contains("Done 1/2"));
}

#[test]
fn a_new_key_is_shown_once_in_its_own_dialog() {
    let mut app = opened("keys");
    name_a_new_key(&mut app);
    press(&mut app, ctrl('s'));
    let shown: &crate::tui::dialogs::key_shown::KeyShown =
        app.top_dialog().expect("the key, shown once");
    assert_eq!(shown.key.name.as_deref(), Some("deploy"));
    assert!(screen_text(&app).contains("fixture-plaintext-key-0123456789"));
    let effects = press_only(&mut app, key(KeyCode::Char('y')));
    assert!(effects.iter().any(|e| matches!(e, crate::tui::effect::Effect::Copy(c) if c.0 == "fixture-plaintext-key-0123456789")));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty());
    assert!(
        !screen_text(&app).contains("fixture-plaintext-key"),
        "gone with the dialog"
    );
    assert!(
        !format!("{:?}", effects).contains("fixture-plaintext"),
        "Debug hides it"
    );
}

fn screen_text(app: &App) -> String {
    crate::tui::render_tests::screen(app, 100, 30)
}

#[test]
fn a_refused_key_stays_in_the_form_with_what_was_typed() {
    let mut app = opened("keys");
    name_a_new_key(&mut app);
    let refusal = crate::tui::state::RemoteError::new(
        crate::client::ErrorKind::Validation,
        "expiration_date: the key policy allows 90 days at most",
    );
    press_answered(&mut app, ctrl('s'), Err(refusal));
    redraw(&mut app);
    let form: &crate::tui::dialogs::new_key::NewKeyForm = app.top_dialog().expect("the form stays");
    assert_eq!(form.name.value(), "deploy");
    assert!(screen_text(&app).contains("the key policy allows 90 days at most"));
}

#[test]
fn space_steps_a_choice_but_never_presses_create() {
    let mut app = opened("keys");
    name_a_new_key(&mut app);
    // From the name: the expiry, Cancel, then the Create button.
    press_keys(&mut app, "tab tab tab");
    let form: &crate::tui::dialogs::new_key::NewKeyForm = app.top_dialog().expect("the form");
    assert_eq!(form.focus, crate::tui::dialogs::new_key::KeyField::Create);
    let effects = press_only(&mut app, key(KeyCode::Char(' ')));
    assert!(
        changes(&effects).is_empty(),
        "space on Create sends nothing"
    );
    assert!(
        app.top_dialog::<crate::tui::dialogs::new_key::NewKeyForm>()
            .is_some()
    );
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(changes(&effects).len(), 1, "enter creates the key");
}
