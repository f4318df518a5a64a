//! Moving around: lists, tabs, pickers, jump-back, organization switching, views kept.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::picker::Picker;
use crate::tui::dialogs::reader::{Reader, Text};
use crate::tui::state::members::MemberColumn;
use crate::tui::state::{Focus, Tab};

#[test]
fn the_first_load_opens_the_default_workspace_with_the_list_focused() {
    let app = loaded_app();
    assert_eq!(open_name(&app), "Default Workspace");
    assert_eq!(app.focus, Focus::Workspaces);
    assert_eq!(app.org().display_name(), Some("Acme Robotics"));
    assert!(app.in_flight.is_empty(), "everything answered");
    assert_eq!(member_names(&app).len(), 5);
}

#[test]
fn arrows_and_vim_keys_move_and_enter_opens() {
    let mut app = loaded_after("j down");
    assert_eq!(workspace_under_cursor(&app), Some(id(PRODUCT)));
    press_keys(&mut app, "k enter");
    assert_eq!(open_name(&app), "Research");
    assert_eq!(app.focus, Focus::Detail);
    press_keys(&mut app, "G esc");
    assert_eq!(app.focus, Focus::Workspaces, "esc goes back to the list");
    press(&mut app, key(KeyCode::Char('G')));
    let ids = app.org().visible_workspace_ids();
    assert_eq!(app.org().list_cursor.current(&ids), Some(id(JAPAN)));
    press(&mut app, key(KeyCode::Char('g')));
    assert_eq!(app.org().list_cursor.current(&ids), Some(id(DEFAULT_WS)));
}

#[test]
fn tab_and_shift_tab_cycle_the_panes() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Detail);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.focus, Focus::Organizations);
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn workspace_tabs_switch_with_brackets_and_numbers() {
    let mut app = loaded_after("enter ]");
    assert_eq!(app.org().open_view().unwrap().tab, Tab::Settings);
    press(&mut app, key(KeyCode::Char('3')));
    assert_eq!(app.org().open_view().unwrap().tab, Tab::ApiKeys);
    press(&mut app, key(KeyCode::Char(']')));
    assert_eq!(
        app.org().open_view().unwrap().tab,
        Tab::Members,
        "wraps around"
    );
    press(&mut app, key(KeyCode::Char('[')));
    assert_eq!(app.org().open_view().unwrap().tab, Tab::ApiKeys);
}

#[test]
fn the_workspace_filter_matches_as_you_type_and_esc_clears_it() {
    let mut app = loaded_after(r#"/ "DATA""#);
    let names = listed_workspaces(&app);
    assert_eq!(names, ["Data Platform"]);
    let ids = app.org().visible_workspace_ids();
    assert_eq!(
        app.org().list_cursor.current(&ids),
        Some(id(DATA)),
        "cursor on the match"
    );
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.org().list_filter.typing, "enter keeps the filter");
    assert_eq!(app.org().visible_workspaces().len(), 1);
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.quit, "q quits once the filter is no longer being typed");
}

#[test]
fn typing_q_in_a_filter_types_it() {
    let mut app = loaded_after(r#"/ "q-?""#);
    assert_eq!(app.org().list_filter.text(), "q-?");
    assert!(!app.quit);
    assert!(app.dialogs.is_empty());
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.org().list_filter.text(), "");
    assert_eq!(app.org().visible_workspaces().len(), 6);
}

#[test]
fn the_members_filter_matches_name_email_and_role_without_accents() {
    let mut app = loaded_after(r#"enter / "zoe""#);
    assert_eq!(member_names(&app), ["Zoë Martin"]);
    press_keys(&mut app, r#"esc / "billing""#);
    assert_eq!(member_names(&app), ["John Smith"], "matches the role");
    press_keys(&mut app, r#"esc / "taro.yamada@""#);
    assert_eq!(member_names(&app), ["山田太郎"], "matches the email");
}

#[test]
fn members_sort_by_column_and_reverse() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        member_names(&app),
        [
            "Ana Lucía Pérez",
            "Jane Doe",
            "John Smith",
            "Zoë Martin",
            "山田太郎"
        ]
    );
    press(&mut app, key(KeyCode::Char('S')));
    assert_eq!(member_names(&app)[0], "山田太郎");
    press(&mut app, key(KeyCode::Char('s')));
    let view = app.org().open_view().unwrap();
    assert_eq!(view.sort.column, MemberColumn::Email);
    assert!(!view.sort.descending);
    press(&mut app, key(KeyCode::Char('s')));
    assert_eq!(
        app.org().open_view().unwrap().sort.column,
        MemberColumn::WorkspaceRoles
    );
    assert_eq!(member_names(&app)[0], "John Smith", "billing sorts first");
}

#[test]
fn the_picker_opens_the_best_match_and_dash_jumps_back() {
    let mut app = loaded_app();
    press(&mut app, ctrl('p'));
    assert!(app.top_dialog::<Picker>().is_some());
    press_keys(&mut app, r#""mrkt" enter"#);
    assert!(app.dialogs.is_empty());
    assert_eq!(open_name(&app), "Marketing");
    press(&mut app, key(KeyCode::Char('-')));
    assert_eq!(open_name(&app), "Default Workspace");
    press(&mut app, key(KeyCode::Char('-')));
    assert_eq!(open_name(&app), "Marketing", "jumping back twice returns");
}

#[test]
fn the_picker_moves_and_esc_closes_without_opening() {
    let mut app = loaded_after("ctrl-p down esc");
    assert!(app.dialogs.is_empty());
    assert_eq!(open_name(&app), "Default Workspace");
    press_keys(&mut app, "ctrl-p down enter");
    assert_eq!(open_name(&app), "Research", "second in list order");
}

#[test]
fn jump_back_without_history_says_so() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('-')));
    assert_says(&app, "No previous workspace");
}

#[test]
fn the_command_line_opens_workspaces_and_reports_mistakes() {
    let mut app = loaded_app();
    run_command(&mut app, "ws product");
    assert_eq!(open_name(&app), "Product");
    run_command(&mut app, "ws zzzz");
    assert_eq!(open_name(&app), "Product");
    assert_says(&app, "zzzz");
    run_command(&mut app, "launch");
    assert_says(&app, "Unknown command");
}

#[test]
fn each_workspace_keeps_its_tab_filter_and_cursor() {
    let mut app = loaded_after(r#"enter / "j" enter down"#);
    let names = member_names(&app);
    assert_eq!(names, ["Jane Doe", "John Smith"]);
    open_workspace_named(&mut app, "Research");
    press_keys(&mut app, "3 -");
    let view = app.org().open_view().unwrap();
    assert_eq!(view.tab, Tab::Members);
    assert_eq!(view.members_filter.text(), "j");
    assert_eq!(view.members_cursor.id, Some(id(JOHN)));
    press(&mut app, key(KeyCode::Char('-')));
    assert_eq!(app.org().open_view().unwrap().tab, Tab::ApiKeys);
}

#[test]
fn switching_organization_reloads_it_and_keeps_each_view() {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Data Platform");
    press_keys(&mut app, r#"ctrl-o "globex""#);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(app.current, 1);
    let calls: Vec<_> = requests(&effects)
        .into_iter()
        .map(|(_, p, c)| (p, c.label()))
        .collect();
    assert!(calls.contains(&(1, "workspaces")));
    assert!(calls.contains(&(1, "members")));
    answer_all(&mut app, effects);
    assert_eq!(open_name(&app), "Default Workspace");
    assert_eq!(app.org().display_name(), Some("Globex Research"));

    press_keys(&mut app, r#"ctrl-o "acme""#);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(app.current, 0);
    assert_eq!(
        open_name(&app),
        "Data Platform",
        "shown at once, from the last visit"
    );
    assert!(!requests(&effects).is_empty(), "and reloaded");
    answer_all(&mut app, effects);
    assert_eq!(open_name(&app), "Data Platform");
}

#[test]
fn the_organization_pane_switches_with_enter() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.focus, Focus::Organizations);
    press(&mut app, key(KeyCode::Char('j')));
    assert_eq!(app.org_cursor, 1);
    assert_eq!(app.current, 0, "moving is not switching");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.current, 1);
}

#[test]
fn the_archived_toggle_lists_the_archived_workspaces_loaded_at_start() {
    let mut app = loaded_app();
    let effects = press_only(&mut app, key(KeyCode::Char('a')));
    assert!(
        requests(&effects).is_empty(),
        "loaded with the organization"
    );
    let names = listed_workspaces(&app);
    assert_eq!(names, ["Old Prototypes"]);
    let effects = press_only(&mut app, key(KeyCode::Char('a')));
    assert!(requests(&effects).is_empty());
    let effects = press_only(&mut app, key(KeyCode::Char('a')));
    assert!(requests(&effects).is_empty(), "loaded once");
}

#[test]
fn help_opens_with_question_mark_and_takes_every_key_until_closed() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    assert!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Help)
            .is_some()
    );
    press(&mut app, key(KeyCode::Char('j')));
    assert_eq!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Help)
            .map(|h| h.scroll),
        Some(1)
    );
    press(&mut app, key(KeyCode::Char('a')));
    assert!(!app.org().show_archived, "keys do not reach the panes");
    press(&mut app, key(KeyCode::Char('q')));
    assert!(app.dialogs.is_empty());
    assert!(!app.quit, "q closed the help, it did not quit");
}

#[test]
fn pasted_text_goes_into_the_filter_being_typed() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('/')));
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Paste("mark\neting".into()));
    assert_eq!(app.org().list_filter.text(), "mark eting");
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Paste("x".into()));
    press(&mut app, key(KeyCode::Esc));
    crate::tui::update::update(&mut app, crate::tui::msg::Msg::Paste("ignored".into()));
    assert_eq!(app.org().list_filter.text(), "");
}

#[test]
fn help_scrolls_no_further_than_its_last_page() {
    let mut app = loaded_app();
    crate::tui::update::update(
        &mut app,
        crate::tui::msg::Msg::Resize {
            width: 80,
            height: 24,
        },
    );
    press_keys(
        &mut app,
        "? pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn",
    );
    let Some(bottom) = app
        .top_dialog::<Reader>()
        .filter(|r| r.text == Text::Help)
        .map(|h| h.scroll)
    else {
        panic!("help closed")
    };
    assert_eq!(bottom, crate::tui::dialogs::reader::help::max_scroll(&app));
    assert!(bottom > 0);
    press(&mut app, key(KeyCode::Up));
    assert_eq!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Help)
            .map(|h| h.scroll),
        Some(bottom - 1)
    );
    crate::tui::update::update(
        &mut app,
        crate::tui::msg::Msg::Resize {
            width: 200,
            height: 100,
        },
    );
    assert!(
        crate::tui::dialogs::reader::help::max_scroll(&app) < bottom,
        "a taller screen shows more"
    );
}
