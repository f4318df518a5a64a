//! A search moves the cursor to what it found: after the filter changes, the cursor is on the
//! first row (the best match), not on whichever row it was on before and still matches.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::tui::dialogs::add_members::AddMembers;
use crate::tui::dialogs::edit_roles::EditRoles;

fn ticked_names(app: &App) -> Vec<String> {
    let d = app
        .top_dialog::<AddMembers>()
        .expect("the Add Members dialog is open");
    d.selected_people().iter().map(|c| c.name.clone()).collect()
}

#[test]
fn add_members_space_after_a_search_ticks_the_best_match() {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    press(&mut app, key(KeyCode::Char('a')));
    // John Smith is first alphabetically, so the cursor starts on him; "ta" matches him too
    // (john.smith@acme), but 山田太郎's email starts with it.
    press_keys(&mut app, r#"/ "ta""#);
    let d = app.top_dialog::<AddMembers>().expect("dialog");
    let shown: Vec<&str> = d
        .shown
        .iter()
        .map(|(i, _)| d.candidates[*i].name.as_str())
        .collect();
    assert_eq!(shown, ["山田太郎", "John Smith"], "best match first");
    press_keys(&mut app, "enter space");
    assert_eq!(ticked_names(&app), ["山田太郎"]);
}

#[test]
fn the_workspace_filter_puts_the_cursor_on_the_first_match() {
    let mut app = loaded_app();
    // The cursor on Marketing, which "ar" still matches, after Research.
    press_keys(&mut app, "j j j j");
    assert_eq!(workspace_under_cursor(&app), Some(id(MARKETING)));
    press_keys(&mut app, r#"/ "ar""#);
    let names = listed_workspaces(&app);
    assert_eq!(names, ["Research", "Marketing"]);
    press_keys(&mut app, "enter enter");
    assert_eq!(open_name(&app), "Research");
}

#[test]
fn the_members_filter_puts_the_cursor_on_the_first_match() {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    press(&mut app, key(KeyCode::Char('G')));
    assert_eq!(
        member_names(&app).last().map(String::as_str),
        Some("Zoë Martin")
    );
    press_keys(&mut app, r#"/ "a" enter"#);
    assert_eq!(member_names(&app)[0], "Ana Lucía Pérez");
    let effects = press(&mut app, key(KeyCode::Char('r')));
    assert!(effects.is_empty());
    let d = app
        .top_dialog::<EditRoles>()
        .expect("the role editor opens");
    let names: Vec<&str> = d.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Ana Lucía Pérez"],
        "on the row the search put first"
    );
}

#[test]
fn a_selection_the_search_hides_is_named_before_adding() {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    press_keys(&mut app, r#"a space / "yamada" enter"#);
    let text = crate::tui::render_tests::screen(&app, 80, 24);
    assert!(
        text.contains("Selected: John Smith (hidden by the search)"),
        "{text}"
    );
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let sent = changes(&effects);
    assert!(
        matches!(sent.as_slice(), [Request::AddMembers { members, .. }] if members.len() == 1),
        "the hidden person is added, as the dialog said: {sent:?}"
    );
}
