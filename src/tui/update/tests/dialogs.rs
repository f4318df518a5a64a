//! The dialogs that change the organization: what each sends, what it refuses, what Esc and
//! ctrl-c do, and how the panes show the change once the server confirms it.

use crossterm::event::KeyCode;

use super::*;
use crate::actions::Request;
use crate::domain::WorkspaceRole;
use crate::tui::call::Call;
use crate::tui::dialogs::Button;
use crate::tui::dialogs::add_members::AddMembers;
use crate::tui::dialogs::archive::ArchiveDialog;
use crate::tui::dialogs::create_workspace::{CreateField, CreateWorkspace};
use crate::tui::dialogs::edit_roles::{EditRoles, Stage};
use crate::tui::dialogs::notice::Notice;
use crate::tui::dialogs::reader::Reader;
use crate::tui::dialogs::remove_members::RemoveMembers;
use crate::tui::effect::Effect;
use crate::tui::render_tests::screen;
use crate::tui::state::{ErrorKind, FlashLevel, Focus, RemoteError, Tab};

/// Research open on its Members tab, the table focused.
pub(super) fn research_members() -> App {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Research");
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.org().open_view().unwrap().tab, Tab::Members);
    app
}

pub(super) fn enter() -> crossterm::event::KeyEvent {
    key(KeyCode::Enter)
}

pub(super) fn char_key(c: char) -> crossterm::event::KeyEvent {
    key(KeyCode::Char(c))
}

/// The roles a person holds in a workspace, per the console's directory.
pub(super) fn roles_of(app: &App, person: u128, workspace: u128) -> Option<Vec<String>> {
    app.org()
        .people
        .get()?
        .person(id(person))?
        .roles_in(id(workspace))
        .map(<[String]>::to_vec)
}

/// Answers only the change request among `effects`, as the fixture server would; returns
/// what the answer asked for (the reloads, left unanswered so the patched state shows).
pub(super) fn answer_change(app: &mut App, effects: &[Effect]) -> Vec<Effect> {
    let (request, profile, call) = requests(effects)
        .into_iter()
        .find(|(_, _, call)| matches!(call, Call::Change(_)))
        .expect("a change request");
    let result = crate::tui::testing::outcome(profile, &call);
    deliver(app, request, profile, call, result)
}

/// Whether `effects` reload the directory.
fn reloads_people(effects: &[Effect]) -> bool {
    requests(effects)
        .iter()
        .any(|(_, _, call)| *call == Call::People)
}

/// The text of the notice on top, which explains a refusal.
pub(super) fn notice_text(app: &App) -> String {
    match app.top_dialog::<Notice>() {
        Some(notice) => notice.text.clone(),
        other => panic!("no notice: {other:?}"),
    }
}

#[test]
fn add_members_sends_one_request_and_the_table_shows_them_at_once() {
    let mut app = research_members();
    press(&mut app, char_key('a'));
    let d = app.top_dialog::<AddMembers>().expect("the dialog opens");
    assert_eq!(d.candidates.len(), 2, "only people outside Research");
    press_keys(&mut app, "space space tab");
    // From workspace_contributor (the default) up to dev.
    press_keys(&mut app, "k k k k");
    let effects = press_only(&mut app, enter());
    let sent = changes(&effects);
    let [Request::AddMembers { workspace, members }] = sent.as_slice() else {
        panic!("one add request: {sent:?}");
    };
    assert_eq!(*workspace, id(RESEARCH));
    assert_eq!(members.len(), 2);
    assert!(
        members
            .iter()
            .all(|m| m.role_names == Some(vec![WorkspaceRole::Dev]))
    );
    // While it runs the dialog takes no keys: no second request.
    assert!(changes(&press_only(&mut app, enter())).is_empty());
    let reloads = answer_change(&mut app, &effects);
    assert!(
        reloads_people(&reloads),
        "the table refreshes from the server"
    );
    assert!(app.dialogs.is_empty(), "closed on success");
    assert_eq!(roles_of(&app, JOHN, RESEARCH), Some(vec!["dev".to_owned()]));
    assert_eq!(roles_of(&app, TARO, RESEARCH), Some(vec!["dev".to_owned()]));
    assert_says(&app, "Added 2 members to \"Research\" as dev");
}

#[test]
fn add_members_keeps_the_selection_when_the_server_refuses() {
    let mut app = research_members();
    press_keys(&mut app, r#"a / "yamada" enter space"#);
    press_answered(
        &mut app,
        enter(),
        Err(RemoteError::new(
            ErrorKind::Conflict,
            "Workspace 'Research' is archived",
        )),
    );
    let d = app.top_dialog::<AddMembers>().expect("still open");
    assert_eq!(d.selected.len(), 1);
    assert_eq!(d.search.text(), "yamada", "the search is kept");
    assert!(d.submission.error.is_some());
    assert!(!d.submission.is_sending(), "can be sent again");
    assert_eq!(roles_of(&app, TARO, RESEARCH), None, "nothing changed");
}

#[test]
fn esc_closes_every_dialog_without_sending_anything() {
    let mut app = research_members();
    for open in ['a', 'r', 'x', 'n', 'X'] {
        press(&mut app, char_key(open));
        assert!(!app.dialogs.is_empty(), "{open} opens a dialog");
        press_keys(&mut app, r#"space "Research""#);
        let effects = press_only(&mut app, key(KeyCode::Esc));
        assert!(changes(&effects).is_empty(), "{open}: nothing sent");
        if !app.dialogs.is_empty() {
            // The Add Members search takes a first esc; the second closes the dialog.
            assert!(changes(&press_only(&mut app, key(KeyCode::Esc))).is_empty());
        }
        assert!(app.dialogs.is_empty(), "{open}: closed");
    }
}

#[test]
fn read_only_mode_opens_no_change_dialog_and_says_why() {
    let mut app = research_members();
    app.read_only = true;
    for open in ['a', 'r', 'x', 'n', 'X'] {
        press(&mut app, char_key(open));
        assert!(app.dialogs.is_empty(), "{open}");
        assert!(flash_text(&app).contains("--read-only"), "{open}");
        assert_eq!(app.flash.as_ref().unwrap().level, FlashLevel::Error);
    }
}

#[test]
fn role_edits_preview_every_change_and_apply_them_in_one_request() {
    let mut app = research_members();
    // Rows by name: Ana Lucía Pérez, Jane Doe, Zoë Martin. Select Ana and Zoë.
    press_keys(&mut app, "space space space k space");
    assert_eq!(app.org().open_view().unwrap().marked.len(), 2);
    press(&mut app, char_key('r'));
    let d = app
        .top_dialog::<EditRoles>()
        .expect("the role editor opens");
    let names: Vec<&str> = d.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, vec!["Ana Lucía Pérez", "Zoë Martin"]);
    let admin = d
        .choices
        .iter()
        .position(|c| c.name == "workspace_admin")
        .unwrap();
    let cursor = d.cursor;
    for _ in cursor..admin {
        press(&mut app, char_key('j'));
    }
    press_keys(&mut app, "space enter");
    let d = app.top_dialog::<EditRoles>().expect("open");
    assert_eq!(
        d.stage,
        Stage::Review(Button::Cancel),
        "the preview opens on Cancel"
    );
    press_keys(&mut app, "tab tab");
    let d = app.top_dialog::<EditRoles>().expect("open");
    assert_eq!(d.stage, Stage::Review(Button::Apply));
    let effects = press_only(&mut app, enter());
    let sent = changes(&effects);
    let [Request::SetMemberRoles { members, .. }] = sent.as_slice() else {
        panic!("one upsert: {sent:?}");
    };
    assert_eq!(members.len(), 2);
    let reloads = answer_change(&mut app, &effects);
    assert!(reloads_people(&reloads));
    assert!(app.dialogs.is_empty());
    assert_eq!(
        roles_of(&app, ANA, RESEARCH),
        Some(vec!["workspace_admin".to_owned(), "dev".to_owned()]),
        "the role she had is kept"
    );
    assert_eq!(
        roles_of(&app, ZOE, RESEARCH),
        Some(vec![
            "workspace_admin".to_owned(),
            "workspace_contributor".to_owned(),
            "observability_viewer".to_owned()
        ])
    );
    assert!(app.org().open_view().unwrap().marked.is_empty());
}

#[test]
fn a_role_preview_opens_on_cancel_and_a_hurried_second_enter_keeps_the_ticks_unsent() {
    let mut app = research_members();
    // Ana Lucía Pérez (dev) is under the cursor; the editor opens on dev, the next role is ticked.
    press_keys(&mut app, "r j space enter");
    let d = app.top_dialog::<EditRoles>().expect("the preview");
    assert_eq!(d.stage, Stage::Review(Button::Cancel));
    let effects = press_only(&mut app, enter());
    assert!(
        changes(&effects).is_empty(),
        "enter on Cancel sends nothing"
    );
    let d = app.top_dialog::<EditRoles>().expect("the ticks are kept");
    assert_eq!(d.stage, Stage::Review(Button::Cancel));
    assert_says(
        &app,
        "tab/→ reaches Apply; esc closes without changing the roles",
    );
    assert_eq!(
        roles_of(&app, ANA, RESEARCH),
        Some(vec!["dev".to_owned()]),
        "her roles are as they were"
    );
    // The message log opens over the preview, so a message the status line cut is read whole
    // there, and esc comes back to the preview as it was.
    press(&mut app, char_key('m'));
    assert!(app.top_dialog::<Reader>().is_some(), "the message log");
    press(&mut app, key(KeyCode::Esc));
    let d = app.top_dialog::<EditRoles>().expect("back to the preview");
    assert_eq!(d.stage, Stage::Review(Button::Cancel));
    let effects = press_only(&mut app, key(KeyCode::Esc));
    assert!(changes(&effects).is_empty());
    assert!(app.dialogs.is_empty(), "esc closes the role editor");
}

#[test]
fn archiving_needs_the_exact_name_then_moves_the_workspace_and_the_cursor() {
    let mut app = loaded_app();
    // Once seen, the archived list is kept loaded: the archived workspace joins it at once.
    press_keys(&mut app, "a a j j X");
    let d = app
        .top_dialog::<ArchiveDialog>()
        .expect("the confirmation opens");
    assert_eq!(d.name, "Product");
    assert_eq!(d.members, Some(2));
    assert_eq!(d.focus, Button::Cancel);
    press_keys(&mut app, r#""produc" tab"#);
    let effects = press_only(&mut app, enter());
    assert!(changes(&effects).is_empty(), "a near miss archives nothing");
    assert_says(&app, "type \"Product\" to confirm");
    assert!(!app.dialogs.is_empty(), "still open to correct the name");

    for _ in 0.."produc".len() {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "Product");
    let effects = press_only(&mut app, enter());
    assert_eq!(
        changes(&effects),
        vec![Request::ArchiveWorkspace {
            workspace: id(PRODUCT)
        }]
    );
    let reloads = answer_change(&mut app, &effects);
    assert!(
        reloads.len() >= 4,
        "both lists, the directory and the keys reload"
    );
    let org = app.org();
    assert!(org.find_workspace(id(PRODUCT)).unwrap().archived);
    let ids = org.visible_workspace_ids();
    assert_eq!(
        org.list_cursor.current(&ids),
        Some(id(DATA)),
        "the next workspace"
    );
    assert_says(&app, "Archived \"Product\": 2 members lost access");
}

#[test]
fn the_default_workspace_cannot_be_archived_and_says_why() {
    let mut app = loaded_app();
    press(&mut app, char_key('X'));
    let text = notice_text(&app);
    assert!(text.contains("cannot be archived"), "{text}");
    assert!(text.contains("default workspace"), "{text}");
}

#[test]
fn creating_a_workspace_checks_the_form_then_selects_the_new_one() {
    let mut app = loaded_app();
    press(&mut app, char_key('n'));
    let effects = press_only(&mut app, ctrl('s'));
    assert!(changes(&effects).is_empty(), "an empty form is not sent");
    let d = app.top_dialog::<CreateWorkspace>().expect("open");
    assert!(d.message(CreateField::Name).is_some());
    press_keys(
        &mut app,
        r#""Platform" space "Ops" down "Runs" space "the" space "platform" down down enter"#,
    );
    assert!(
        app.top_dialog::<CreateWorkspace>()
            .is_some_and(|d| d.admin_picker.is_some()),
        "the admin picker is open"
    );
    press_keys(&mut app, r#""zoe" enter down space"#);
    let effects = press_only(&mut app, ctrl('s'));
    let sent = changes(&effects);
    let [Request::CreateWorkspace { body }] = sent.as_slice() else {
        panic!("one creation: {sent:?}");
    };
    assert_eq!(body.name, "Platform Ops");
    assert_eq!(body.description, "Runs the platform");
    assert_eq!(body.admin_user_id, id(ZOE));
    assert!(body.add_all_org_members);
    answer_change(&mut app, &effects);
    assert!(app.dialogs.is_empty());
    assert_eq!(open_name(&app), "Platform Ops");
    let org = app.org();
    let ids = org.visible_workspace_ids();
    assert_eq!(org.list_cursor.current(&ids), Some(id(NEW_WS)));
    assert_eq!(
        roles_of(&app, ZOE, NEW_WS),
        Some(vec!["workspace_admin".to_owned()])
    );
    assert_eq!(
        roles_of(&app, JOHN, NEW_WS),
        Some(vec!["workspace_contributor".to_owned()])
    );
}

#[test]
fn ctrl_c_stops_waiting_for_a_change_and_keeps_the_dialog() {
    let mut app = research_members();
    press_keys(&mut app, "x tab");
    let effects = press_only(&mut app, enter());
    let (sent, profile, call) = requests(&effects)[0].clone();
    let cancel = press_only(&mut app, ctrl('c'));
    assert!(cancel.contains(&Effect::Cancel(vec![sent])));
    let d = app.top_dialog::<RemoveMembers>().expect("kept");
    assert_eq!(
        d.submission.error.as_ref().unwrap().kind,
        ErrorKind::Cancelled
    );
    assert_eq!(
        d.focus,
        Button::Cancel,
        "the next enter must not send the removal again"
    );
    assert_says(&app, "may already have been made");
    // A late answer acts on nothing, but what it made is read again: the reload at ctrl-c
    // may have come before it.
    let late = crate::tui::testing::outcome(profile, &call);
    let reloads = deliver(&mut app, sent, profile, call, late);
    assert!(!app.dialogs.is_empty());
    assert!(roles_of(&app, ANA, RESEARCH).is_some());
    let reloaded = requests(&reloads);
    assert!(
        reloaded.iter().any(|(_, _, c)| *c == Call::People)
            && reloaded
                .iter()
                .any(|(_, _, c)| *c == Call::Workspaces { archived: false }),
        "{reloaded:?}"
    );
}

#[test]
fn ctrl_c_just_after_a_change_finished_keeps_its_outcome_in_sight() {
    let mut app = research_members();
    press_keys(&mut app, "x tab");
    // The removal and the reloads after it all answered: nothing is left to cancel.
    press(&mut app, enter());
    assert!(app.in_flight.is_empty());
    let outcome = flash_text(&app);
    assert!(outcome.contains("Removed 1 member"), "{outcome}");
    let effects = press_only(&mut app, ctrl('c'));
    assert_eq!(
        flash_text(&app),
        format!("{outcome} · ctrl-c again quits"),
        "the outcome stays, with the warning after it"
    );
    // It stays its full time from the ctrl-c on: the timer set at the removal clears nothing.
    let Some(Effect::ExpireFlash { id, .. }) = effects.first().cloned() else {
        panic!("no fresh timer: {effects:?}");
    };
    assert_eq!(app.flash.as_ref().map(|f| f.id), Some(id));
    assert!(!app.quit);
    press_only(&mut app, ctrl('c'));
    assert!(app.quit, "the second ctrl-c still quits");
}

#[test]
fn an_archived_workspace_refuses_membership_changes() {
    let mut app = loaded_after("a enter");
    assert_eq!(open_name(&app), "Old Prototypes");
    for open in ['a', 'r', 'x'] {
        press(&mut app, char_key(open));
        assert!(app.dialogs.is_empty(), "{open}");
        assert!(flash_text(&app).contains("archived"), "{open}");
    }
}

#[test]
fn esc_clears_the_add_members_search_before_it_closes_and_keeps_the_selection() {
    let mut app = research_members();
    press_keys(&mut app, r#"a space / "yamada" enter esc"#);
    let d = app
        .top_dialog::<AddMembers>()
        .expect("the first esc only clears the search");
    assert_eq!(d.search.text(), "");
    assert_eq!(d.selected.len(), 1, "the selection is kept");
    assert_eq!(d.shown.len(), 2);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty());
}

#[test]
fn enter_on_cancel_after_typing_the_name_keeps_the_archive_dialog() {
    let mut app = loaded_after(r#"j X "Resaerch""#);
    // The arrows edit the name: fix the typo in place.
    for _ in 0.."aerch".len() {
        press(&mut app, key(KeyCode::Left));
    }
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Delete));
    type_text(&mut app, "ea");
    let d = app.top_dialog::<ArchiveDialog>().expect("open");
    assert_eq!(d.typed.value(), "Research");
    assert!(d.confirmed());
    assert_eq!(d.focus, Button::Cancel, "the arrows did not move the focus");
    let effects = press_only(&mut app, enter());
    assert!(changes(&effects).is_empty());
    assert!(!app.dialogs.is_empty(), "the typed name is not thrown away");
    assert_says(&app, "tab/→ reaches Archive; esc closes without archiving");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty(), "esc still closes it");
}

#[test]
fn archiving_the_open_workspace_hidden_by_the_list_filter_opens_its_real_neighbour() {
    let mut app = loaded_app();
    open_workspace_named(&mut app, "Product");
    press_keys(&mut app, r#"backtab / "research" enter tab"#);
    assert_eq!(app.focus, Focus::Detail);
    press_keys(&mut app, r#"X "Product" tab"#);
    let effects = press_only(&mut app, enter());
    answer_change(&mut app, &effects);
    assert_eq!(
        open_name(&app),
        "Data Platform",
        "the next one in the active list"
    );
}

#[test]
fn editing_the_new_workspace_form_clears_the_last_refusal() {
    let mut app = loaded_app();
    press_keys(
        &mut app,
        r#"n "Research" down down down enter "jane" enter"#,
    );
    press_answered(
        &mut app,
        ctrl('s'),
        Err(RemoteError::new(
            ErrorKind::Conflict,
            "An active workspace named 'Research' already exists",
        )),
    );
    let d = app.top_dialog::<CreateWorkspace>().expect("open");
    assert!(d.submission.error.is_some());
    // From the admin, where choosing left the focus, up to the name.
    press_keys(&mut app, r#"up up up space "Ops""#);
    let d = app.top_dialog::<CreateWorkspace>().expect("open");
    assert_eq!(d.name.value(), "Research Ops");
    assert!(
        d.submission.error.is_none(),
        "the refusal was about the old name"
    );
    assert!(d.server_errors.is_empty());
}

#[test]
fn the_archive_dialog_counts_only_the_keys_that_still_work() {
    let mut app = loaded_app();
    let today = app.today;
    // Product gets a key that expired yesterday, one whose last day is today and one that never
    // expires: archiving stops the last two, the first has already stopped.
    add_api_keys(
        &mut app,
        PRODUCT,
        &[Some(today.previous_day().unwrap()), Some(today), None],
    );
    open_workspace_named(&mut app, "Product");
    press(&mut app, char_key('X'));
    let d = app
        .top_dialog::<ArchiveDialog>()
        .expect("the confirmation opens");
    assert_eq!(
        d.keys,
        Some(crate::actions::KeyCount {
            working: 2,
            expired: 1
        })
    );
}

#[test]
fn a_selection_the_filter_hides_is_not_acted_on_the_found_row_is() {
    let mut app = research_members();
    // Ana (the first row) selected, then a search that finds only Zoë.
    press(&mut app, char_key(' '));
    press_keys(&mut app, r#"/ "zoe" enter"#);
    let text = screen(&app, 100, 30);
    assert!(
        text.contains("Members (1 of 3, 1 selected, 1 hidden)"),
        "{text}"
    );

    press(&mut app, char_key('x'));
    let d = app.top_dialog::<RemoveMembers>().expect("the confirmation");
    let named: Vec<&str> = d.targets.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(named, ["Zoë Martin"], "the row the search found, not Ana");
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, char_key('r'));
    let d = app.top_dialog::<EditRoles>().expect("the role editor");
    let named: Vec<&str> = d.targets.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(named, ["Zoë Martin"]);
    press(&mut app, key(KeyCode::Esc));

    // With the search cleared the selection is drawn again, and acted on.
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, char_key('x'));
    let d = app.top_dialog::<RemoveMembers>().expect("the confirmation");
    let named: Vec<&str> = d.targets.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(named, ["Ana Lucía Pérez"]);
}
