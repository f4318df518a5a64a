//! The hint line and the keys agree: what the hint line offers is what the key does, and a
//! key it leaves out either does nothing or says why, never acts unannounced.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::dialogs::notice::Notice;
use crate::tui::panes::hints::hints;
use crate::tui::state::{FlashLevel, Tab};

/// The words on the hint line now.
fn words(app: &App) -> Vec<&'static str> {
    hints(app).into_iter().map(|(_, word)| word).collect()
}

fn members_of(app: &mut App, name: &str) {
    open_workspace_named(app, name);
    assert_eq!(app.org().open_view().unwrap().tab, Tab::Members);
}

#[test]
fn in_a_read_only_session_the_member_keys_are_not_offered_and_say_why() {
    let mut app = loaded_app();
    members_of(&mut app, "Research");
    for word in ["add", "select", "roles", "remove", "sort"] {
        assert!(
            words(&app).contains(&word),
            "{word} offered while changes are allowed"
        );
    }
    app.read_only = true;
    let offered = words(&app);
    for word in ["add", "select", "roles", "remove"] {
        assert!(!offered.contains(&word), "{word} offered in read-only mode");
    }
    assert!(offered.contains(&"sort"), "reading keys stay: {offered:?}");
    for key_char in ['a', ' ', '*', 'r', 'x'] {
        app.flash = None;
        press(&mut app, key(KeyCode::Char(key_char)));
        let flash = app.flash.as_ref().expect("the key says why");
        assert_eq!(flash.level, FlashLevel::Error, "{key_char:?}");
        assert!(
            flash.text.contains("--read-only"),
            "{key_char:?}: {flash:?}"
        );
        assert!(app.dialogs.is_empty(), "{key_char:?} opened nothing");
        assert!(
            app.org().open_view().unwrap().marked.is_empty(),
            "{key_char:?}"
        );
    }
}

#[test]
fn the_default_workspace_does_not_offer_removal_and_explains_it() {
    let mut app = loaded_app();
    members_of(&mut app, "Research");
    assert!(words(&app).contains(&"remove"));
    members_of(&mut app, "Default Workspace");
    assert!(!words(&app).contains(&"remove"), "{:?}", words(&app));
    press(&mut app, key(KeyCode::Char('x')));
    let notice = app.top_dialog::<Notice>().expect("a notice explains");
    assert!(notice.text.contains("default workspace"), "{}", notice.text);
}

#[test]
fn the_api_keys_tab_offers_neither_open_nor_filter_and_those_keys_do_nothing() {
    let mut app = loaded_after("enter 3");
    assert_eq!(app.org().open_view().unwrap().tab, Tab::ApiKeys);
    let offered = words(&app);
    assert!(
        offered.contains(&"move") && offered.contains(&"tab"),
        "{offered:?}"
    );
    assert!(!offered.contains(&"open") && !offered.contains(&"filter"));
    for key_event in [key(KeyCode::Enter), key(KeyCode::Char('/'))] {
        let before = format!("{:?}", app.org().open_view().unwrap().tab);
        let effects = press(&mut app, key_event);
        assert!(effects.is_empty() && app.dialogs.is_empty() && app.flash.is_none());
        assert_eq!(format!("{:?}", app.org().open_view().unwrap().tab), before);
    }
}

#[test]
fn a_dialog_offers_its_own_keys_and_nothing_of_the_panes() {
    let mut app = loaded_app();
    members_of(&mut app, "Research");
    press(&mut app, key(KeyCode::Char('x')));
    let offered = words(&app);
    assert!(
        offered.contains(&"press") && offered.contains(&"cancel"),
        "{offered:?}"
    );
    assert!(
        !offered.contains(&"quit") && !offered.contains(&"add"),
        "{offered:?}"
    );
}
