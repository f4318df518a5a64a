//! The smaller ways to act on something unseen: `:ws` with several matches, the archived
//! toggle's hint, the list cursor on an opened archived workspace, a page that is a page,
//! the role picker's hidden rows, and emoji that push borders.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::picker::Picker;
use crate::tui::dialogs::reader::{Reader, Text};
use crate::tui::msg::Msg;
use crate::tui::render_tests::{draw, screen};
use crate::tui::theme::Theme;
use crate::tui::update::update;

#[test]
fn ws_with_several_matches_lists_them_to_choose_from() {
    let mut app = loaded_app();
    run_command(&mut app, "ws m");
    let Some(picker) = app.top_dialog::<Picker>() else {
        panic!("the picker lists the matches: {:?}", app.dialogs);
    };
    assert_eq!(picker.search.query.value(), "m");
    assert_eq!(open_name(&app), "Default Workspace", "nothing opened yet");
    assert!(
        flash_text(&app).contains("match \"m\": choose one"),
        "{:?}",
        app.flash
    );
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("Marketing") && text.contains("Data Platform"),
        "{text}"
    );
    press(&mut app, key(KeyCode::Esc));

    run_command(&mut app, "ws research");
    assert_eq!(open_name(&app), "Research", "one match opens at once");
    run_command(&mut app, "ws MARKETING");
    assert_eq!(open_name(&app), "Marketing", "an exact name opens at once");
}

#[test]
fn the_archived_toggle_says_where_it_goes() {
    let mut app = loaded_app();
    let hints = screen(&app, 80, 24);
    assert!(
        hints.lines().last().unwrap().contains("a archived"),
        "{hints}"
    );
    press(&mut app, key(KeyCode::Char('a')));
    let hints = screen(&app, 80, 24);
    let last = hints.lines().last().unwrap();
    assert!(
        last.contains("a active") && !last.contains("a archived"),
        "{last}"
    );
}

#[test]
fn opening_an_archived_workspace_puts_it_under_the_list_cursor() {
    let mut app = loaded_app();
    run_command(&mut app, "ws old prototypes");
    assert_eq!(open_name(&app), "Old Prototypes");
    let org = app.org();
    assert!(org.show_archived, "the list shows the archived workspaces");
    assert_eq!(workspace_under_cursor(&app), Some(id(ARCHIVED_WS)));
    run_command(&mut app, "ws research");
    assert!(!app.org().show_archived);
    assert_eq!(workspace_under_cursor(&app), Some(id(RESEARCH)));
}

#[test]
fn a_page_key_in_the_help_moves_by_what_shows() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    let page = crate::tui::dialogs::reader::help::page(&app);
    assert_eq!(page, 20, "24 rows: 22 for the help, 20 inside its border");
    press(&mut app, ctrl('f'));
    assert_eq!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Help)
            .map(|h| h.scroll),
        Some(page)
    );
    let text = screen(&app, 80, 24);
    assert!(text.contains("· 21-40 of"), "{text}");
    press(&mut app, ctrl('b'));
    assert_eq!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Help)
            .map(|h| h.scroll),
        Some(0)
    );
}

#[test]
fn a_page_key_in_a_list_moves_by_the_rows_it_shows() {
    let mut app = loaded_app();
    let list = app.org_mut().workspaces.get_mut().unwrap();
    for n in 0..30 {
        list.push(workspace(600 + n, &format!("Extra {n:02}"), "", 0));
    }
    let _ = update(
        &mut app,
        Msg::Resize {
            width: 80,
            height: 15,
        },
    );
    redraw(&mut app);
    // 15 rows less the status and hint lines leave 13; the switcher takes 4 of them and the
    // workspace list's border 2 of the other 9: a page is 7 rows.
    press(&mut app, key(KeyCode::PageDown));
    let ids = app.org().visible_workspace_ids();
    assert_eq!(app.org().list_cursor.resolve(&ids), Some(7));
    let text = screen(&app, 80, 15);
    assert!(
        text.contains("▶    Extra 01"),
        "the new page starts at the cursor: {text}"
    );
}

#[test]
fn the_role_picker_says_when_more_roles_are_below() {
    let app = loaded_after(r#"ctrl-p "Research" enter r"#);
    let text = screen(&app, 60, 15);
    assert!(text.contains(" below: ↓"), "{text}");
    let text = screen(&app, 100, 40);
    assert!(!text.contains(" below: ↓"), "all eleven fit: {text}");
}

#[test]
fn an_emoji_drawn_as_text_by_default_does_not_push_the_border() {
    let mut app = loaded_app();
    let list = app.org_mut().workspaces.get_mut().unwrap();
    list[1].icon = Some("🛡".into());
    let terminal = draw(&app, &Theme::colour(), 80, 24);
    let buffer = terminal.backend().buffer();
    let row = (0..24)
        .find(|y| (0..26).any(|x| buffer[(x, *y)].symbol().starts_with('🛡')))
        .expect("the icon is drawn");
    let x = (0..26)
        .find(|x| buffer[(*x, row)].symbol().starts_with('🛡'))
        .unwrap();
    assert_eq!(
        buffer[(x, row)].symbol(),
        "🛡\u{FE0F}",
        "asks for the two-column glyph the terminal draws anyway"
    );
    let border = buffer[(25, row)].symbol();
    assert!(
        matches!(border, "│" | "┃"),
        "the border stays in its column: {border:?}"
    );
}
