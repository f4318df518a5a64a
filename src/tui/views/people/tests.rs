//! The people view: its fixture, the search that moves the cursor, sorting, selecting, the
//! detail pane, and the dialogs it opens.

use std::collections::HashMap;

use crossterm::event::KeyCode;

use super::*;
use crate::actions::fixtures::{self, id};
use crate::tui::testing::*;
use crate::tui::views::testing::{flash, opened, search, search_to, shown_as};

/// The action layer's small organization as the view loads it: four members (Zoë the only
/// admin), one invitation sent by Zoë, three keys created by Jane Doe.
pub fn loaded() -> Loaded {
    Loaded {
        directory: Arc::new(fixtures::directory()),
        keys: Arc::new(fixtures::keys()),
        owners: Arc::new(HashMap::new()),
        inviters: Arc::new(HashMap::from([(
            id(30),
            "zoe@northwind.example".to_owned(),
        )])),
        groups: None,
    }
}

/// The people view open over a console that keeps the same organization's people for its
/// member pane, as it does against a server (the detail pane reads a member's workspaces
/// there).
pub fn open_people() -> App {
    let mut app = opened("people");
    let people = crate::tui::runner::convert::people(&fixtures::directory());
    app.org_mut().people = crate::tui::state::Resource::loaded(people);
    redraw(&mut app);
    app
}

pub fn shown(app: &App) -> &People {
    shown_as(app)
}

fn name_under_cursor(app: &App) -> String {
    let view = shown(app);
    let row = view.tables.member_order[view.position()];
    view.tables.members[row].email.to_string()
}

#[test]
fn members_and_invitations_are_two_tabs_sorted_by_name() {
    let mut app = open_people();
    let view = shown(&app);
    assert_eq!(view.tables.members.len(), 4);
    assert_eq!(view.tables.invites.len(), 1);
    assert_eq!(name_under_cursor(&app), "ana@northwind.example");
    press(&mut app, key(KeyCode::Tab));
    let view = shown(&app);
    assert!(view.invites());
    assert_eq!(view.tables.invites[0].inviter, "zoe@northwind.example");
}

#[test]
fn the_search_moves_the_cursor_and_hides_nothing() {
    let mut app = open_people();
    search(&mut app, "angstrom");
    assert_eq!(name_under_cursor(&app), "zoe@northwind.example");
    assert_eq!(shown(&app).tables.member_order.len(), 4);
    press(&mut app, key(KeyCode::Enter));
    search(&mut app, "qqq");
    assert_says(&app, "Nobody matches");
    assert_eq!(name_under_cursor(&app), "zoe@northwind.example");
}

#[test]
fn sorting_keeps_the_cursor_on_its_person() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('G')));
    let before = name_under_cursor(&app);
    press(&mut app, key(KeyCode::Char('S')));
    assert_eq!(name_under_cursor(&app), before);
    assert_eq!(shown(&app).position(), 0, "reversed: the last is first");
}

#[test]
fn space_selects_and_moves_down_star_selects_the_whole_tab() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(shown(&app).marked.len(), 1);
    assert_eq!(shown(&app).position(), 1);
    press(&mut app, key(KeyCode::Char('*')));
    assert_eq!(shown(&app).marked.len(), 4);
    press(&mut app, key(KeyCode::Char('*')));
    assert!(shown(&app).marked.is_empty());
}

#[test]
fn enter_shows_workspaces_roles_and_keys_of_the_person() {
    let mut app = open_people();
    search_to(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Enter));
    let detail = shown(&app).detail.clone().expect("the detail pane");
    let held =
        super::view::workspaces(detail.user, shown(&app), &app).expect("the directory is whole");
    assert_eq!(held.len(), 2);
    assert!(held.iter().any(|(_, roles)| roles.contains("dev")));
    assert_eq!(detail.keys.len(), 3, "Jane Doe created the three keys");
    assert!(matches!(detail.audit, Remote::Loaded(_)));
}

/// A workspace renamed after the view loaded is shown by its new name: the console's workspace
/// list, which a saved rename updates, comes before the names the load gave.
#[test]
fn a_workspace_renamed_after_the_load_shows_its_new_name() {
    let mut app = open_people();
    search_to(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Enter));
    let user = shown(&app).detail.as_ref().expect("the detail pane").user;
    let before = super::view::workspaces(user, shown(&app), &app).expect("whole");
    assert!(
        before.iter().any(|(name, _)| name == "Research"),
        "{before:?}"
    );
    // The console's list now has Research (the view's fixture id) under its saved new name.
    let workspaces = app
        .org_mut()
        .workspaces
        .get_mut()
        .expect("the list is loaded");
    let listed = workspaces
        .iter_mut()
        .find(|w| w.name == "Research")
        .expect("Research is listed");
    listed.uuid = id(fixtures::RESEARCH);
    listed.name = "Research Lab".to_owned();
    let after = super::view::workspaces(user, shown(&app), &app).expect("whole");
    let names: Vec<&str> = after.iter().map(|(name, _)| name.as_str()).collect();
    assert!(names.contains(&"Research Lab"), "{names:?}");
    assert!(!names.contains(&"Research"), "{names:?}");
}

/// A member's workspaces come from the people the console keeps for its member pane: while
/// those are still paging in, the detail pane waits for them rather than say "none".
#[test]
fn a_members_workspaces_wait_for_the_directory_to_reach_them() {
    let mut app = open_people();
    search_to(&mut app, "jane.doe");
    press(&mut app, key(KeyCode::Enter));
    let user = shown(&app).detail.as_ref().expect("the detail pane").user;
    app.org_mut().people = crate::tui::state::Resource::default();
    assert_eq!(super::view::workspaces(user, shown(&app), &app), None);
}

#[test]
fn i_opens_the_invitation_form() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('i')));
    assert_eq!(
        app.dialogs.last().map(|d| d.name()),
        Some("invite"),
        "{:?}",
        app.flash
    );
}

/// The view with `O` pressed on the member `who` finds, and the load that asks for, unanswered.
fn offboarding_asked_for(
    who: &str,
) -> (
    App,
    (crate::tui::state::RequestId, usize, crate::tui::call::Call),
) {
    let mut app = open_people();
    search_to(&mut app, who);
    let effects = press_only(&mut app, key(KeyCode::Char('O')));
    let load = requests(&effects).remove(0);
    (app, load)
}

/// A dialog that changes people opens on a load of its own, not on what the view loaded
/// earlier (which it no longer keeps): the key reads the people afresh, and the dialog opens
/// when they arrive, on the rows rebuilt from the same answer.
#[test]
fn a_dialog_opens_on_a_fresh_load_of_the_people() {
    let (mut app, (id, profile, call)) = offboarding_asked_for("jane.doe");
    assert!(app.dialogs.is_empty(), "nothing opens before the load");
    let crate::tui::call::Call::View(fetcher) = &call else {
        unreachable!("the view's load")
    };
    assert!(fetcher.as_kind::<PeopleFetch>().is_some(), "{call:?}");
    let mut fresh = loaded();
    let mut keys = (*fresh.keys).clone();
    keys.truncate(1);
    fresh.keys = Arc::new(keys);
    let answer = Ok(crate::tui::call::Payload::View(ViewData::new(fresh)));
    deliver(&mut app, id, profile, call, answer);
    let offboard = app
        .top_dialog::<crate::tui::dialogs::offboard::Offboard>()
        .expect("the dialog, once the people are in");
    assert_eq!(offboard.email, "jane.doe@northwind.example");
    assert_eq!(
        offboard.keys.len(),
        1,
        "planned on the fresh load: {:?}",
        offboard.keys
    );
    assert_eq!(
        shown(&app).held().unwrap().keys.len(),
        1,
        "the view took it too"
    );
}

/// Another dialog opened while the people were read (help here): the one asked for does not
/// appear over it.
#[test]
fn a_dialog_asked_for_does_not_open_over_another() {
    let (mut app, (id, profile, call)) = offboarding_asked_for("jane.doe");
    press_only(&mut app, key(KeyCode::Char('?')));
    assert_eq!(app.dialogs.len(), 1, "help is open");
    let answer = Ok(crate::tui::call::Payload::View(ViewData::new(loaded())));
    deliver(&mut app, id, profile, call, answer);
    assert_eq!(app.dialogs.len(), 1, "only help");
    assert_says(&app, "ask again");
}

/// What is known without a load is said at once, and nothing is read.
#[test]
fn a_dialog_for_the_other_tab_is_refused_without_a_load() {
    let mut app = open_people();
    let effects = press_only(&mut app, key(KeyCode::Char('X')));
    assert!(requests(&effects).is_empty());
    assert_eq!(
        flash(&app),
        crate::tui::dialogs::confirm_batch::ON_THE_OTHER_TAB
    );
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Char('O')));
    assert!(requests(&effects).is_empty());
    assert_eq!(
        flash(&app),
        crate::tui::dialogs::offboard::NOT_FOR_AN_INVITATION
    );
}

/// ctrl-c while the people are read for a dialog: the dialog does not open later by surprise.
#[test]
fn ctrl_c_forgets_the_dialog_asked_for() {
    let (mut app, (id, profile, call)) = offboarding_asked_for("jane.doe");
    press_only(&mut app, ctrl('c'));
    let answer = Ok(crate::tui::call::Payload::View(ViewData::new(loaded())));
    deliver(&mut app, id, profile, call, answer);
    assert!(app.dialogs.is_empty());
    assert!(shown(&app).opening.is_none());
}

#[test]
fn a_opens_the_audit_trail_of_the_member_under_the_cursor() {
    let mut app = open_people();
    search_to(&mut app, "jane");
    let jane = shown(&app).current().expect("a member under the cursor");
    press(&mut app, key(KeyCode::Char('A')));
    let audit: &crate::tui::views::audit::AuditView = shown_as(&app);
    assert_eq!(
        audit.filter,
        crate::actions::audit_trail::AuditFilter::person(jane)
    );
    // An invitation has no trail: the view stays and says so.
    let mut app = open_people();
    press_keys(&mut app, "tab A");
    assert_eq!(app.view.as_ref().unwrap().view.name(), "people");
}

/// Help opened over the view lists the view's keys first, and of the global keys only what
/// they still do here: `q` and `tab` belong to the view.
#[test]
fn help_over_the_view_says_what_its_keys_do_there() {
    let mut app = open_people();
    press(&mut app, key(KeyCode::Char('?')));
    let theme = crate::tui::theme::Theme::default();
    let text: Vec<String> = crate::tui::dialogs::reader::help::lines(&app, 160, &theme)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let titled = |title: &str| {
        let at = text.iter().position(|l| l == title).expect(title);
        let end = text[at..].iter().position(String::is_empty).unwrap() + at;
        text[at + 1..end].to_vec()
    };
    assert_eq!(text[0], "People view (:people)", "{text:#?}");
    let people = titled("People view (:people)");
    assert!(
        people
            .iter()
            .any(|l| l.contains("tab/]") && l.contains("Members / invitations")),
        "{people:#?}"
    );
    let views = titled("Organization views (:usage, :limits, ...)");
    assert!(
        views
            .iter()
            .any(|l| l.contains("esc/q") && l.contains("Back to the workspace panes")),
        "{views:#?}"
    );
    let everywhere = titled("Everywhere");
    for gone in ["Quit", "Focus the next pane", "Focus the previous pane"] {
        assert!(
            !everywhere.iter().any(|l| l.contains(gone)),
            "{gone}: {everywhere:#?}"
        );
    }
    assert!(
        everywhere.iter().any(|l| l.contains("ctrl-p")),
        "{everywhere:#?}"
    );
}
