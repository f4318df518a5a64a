//! The groups view: the tree, the search that moves the cursor, refusals before any dialog
//! (read-only, the identity provider's groups), and the dialogs its keys open, with the
//! request each sends once reviewed. Its fixture lives here.

use crossterm::event::KeyCode;
use time::OffsetDateTime;

use super::*;
use crate::actions::Request;
use crate::actions::fixtures::group_out;
use crate::actions::request_groups::GroupRequest;
use crate::api::{AdminUserGroupMemberOut, GroupWorkspaceAssignmentOut, WorkspaceRoleRef};
use crate::tui::dialogs::group_change::{GroupChange, Stage};
use crate::tui::testing::*;
use crate::tui::testing::{ANA, DATA, JANE, JOHN, RESEARCH, ZOE, id};
use crate::tui::views::testing::{opened, search, search_to, shown_as};

pub const ENGINEERING: u128 = 900;
pub const PLATFORM: u128 = 901;
pub const FINANCE: u128 = 902;
pub const SALES: u128 = 903;

fn member(n: u128, name: &str, email: &str) -> AdminUserGroupMemberOut {
    AdminUserGroupMemberOut {
        user_uuid: id(n),
        name: Some(name.to_owned()),
        email: Some(email.to_owned()),
    }
}

fn assigned(workspace: u128, name: &str, role: &str) -> GroupWorkspaceAssignmentOut {
    GroupWorkspaceAssignmentOut {
        roles: vec![WorkspaceRoleRef {
            name: role.to_owned(),
            uuid: crate::domain::WorkspaceRole::from_name(role)
                .map_or(uuid::Uuid::nil(), |r| r.uuid()),
        }],
        role_uuid: None,
        role_name: None,
        workspace_uuid: id(workspace),
        workspace_name: name.to_owned(),
        created: OffsetDateTime::UNIX_EPOCH,
    }
}

/// Engineering (from the identity provider) with Platform nested inside it, assigned to
/// Research; Finance with an organization role; Sales, empty.
pub fn groups() -> Groups {
    let mut engineering = group_out(ENGINEERING, "Engineering", &[]);
    engineering.externally_managed = Some(true);
    engineering.description = Some("Everyone who ships code".into());
    let mut finance = group_out(FINANCE, "Finance", &[]);
    finance.organization_role = Some("billing_manager".into());
    Groups {
        entries: vec![
            GroupEntry {
                group: engineering,
                members: vec![member(ZOE, "Zoë Martin", "zoe.martin@acme.example")],
                assignments: vec![assigned(RESEARCH, "Research", "workspace_contributor")],
            },
            GroupEntry {
                group: group_out(PLATFORM, "Platform", &[ENGINEERING]),
                members: vec![member(ANA, "Ana Lucía Pérez", "ana.perez@acme.example")],
                assignments: vec![assigned(DATA, "Data Platform", "workspace_admin")],
            },
            GroupEntry {
                group: finance,
                members: vec![member(JOHN, "John Smith", "john.smith@acme.example")],
                assignments: Vec::new(),
            },
            GroupEntry {
                group: group_out(SALES, "Sales", &[]),
                members: Vec::new(),
                assignments: Vec::new(),
            },
        ],
    }
}

pub fn open_groups() -> App {
    opened("groups")
}

fn shown(app: &App) -> &GroupsView {
    shown_as(app)
}

fn change_dialog(app: &App) -> &GroupChange {
    app.top_dialog().expect("a group change dialog")
}

#[test]
fn nested_groups_are_drawn_under_theirs_and_the_search_moves_the_cursor() {
    let mut app = open_groups();
    let view = shown(&app);
    let order: Vec<(u128, usize)> = view
        .rows()
        .iter()
        .map(|r| (r.group.as_u128(), r.depth))
        .collect();
    assert_eq!(
        order,
        vec![(ENGINEERING, 0), (PLATFORM, 1), (FINANCE, 0), (SALES, 0)]
    );
    search(&mut app, "fin");
    assert_eq!(shown(&app).list.cursor.id(), Some(&id(FINANCE)));
    assert_eq!(shown(&app).rows().len(), 4, "the search hides nothing");
}

#[test]
fn provider_groups_refuse_member_changes_and_deletion_before_any_dialog() {
    let mut app = open_groups();
    for key_char in ['a', 'x', 'D'] {
        press(&mut app, key(KeyCode::Char(key_char)));
        assert!(app.dialogs.is_empty(), "{key_char} opened nothing");
        assert_says(&app, "identity provider");
    }
    // Its description stays Mistral's: the form opens with the name locked.
    press(&mut app, key(KeyCode::Char('e')));
    let form: &crate::tui::dialogs::group_form::GroupForm = app.top_dialog().expect("the form");
    assert!(form.name_locked);
}

#[test]
fn assigning_goes_through_workspace_roles_and_a_review_on_cancel() {
    let mut app = open_groups();
    search_to(&mut app, "sales");
    press(&mut app, key(KeyCode::Char('w')));
    // Research is the second active workspace.
    press_keys(&mut app, "down enter");
    assert_eq!(change_dialog(&app).stage, Stage::Roles);
    press_keys(&mut app, "space enter");
    let dialog = change_dialog(&app);
    assert_eq!(
        dialog.stage,
        Stage::Review(crate::tui::dialogs::Button::Cancel)
    );
    let Some(Request::Group(GroupRequest::Assign { group, body })) = dialog.request() else {
        panic!("an assignment: {:?}", dialog.request());
    };
    assert_eq!((*group, body.workspace_uuid), (id(SALES), id(RESEARCH)));
    // Enter on Cancel sends nothing, and keeps what was chosen: it says how to go on.
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty());
    assert!(change_dialog(&app).request().is_some(), "the choices stay");
    assert_says(&app, "tab/→ reaches Assign; esc closes without assigning");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty(), "esc closes");
}

#[test]
fn letters_typed_in_a_list_move_its_cursor_to_the_best_match() {
    let mut app = open_groups();
    press(&mut app, key(KeyCode::Char('w')));
    type_text(&mut app, "datapl");
    let dialog = change_dialog(&app);
    assert_eq!(dialog.targets.items[dialog.targets.cursor].id, id(DATA));
    type_text(&mut app, "zzz");
    let dialog = change_dialog(&app);
    assert_eq!(
        dialog.targets.items[dialog.targets.cursor].id,
        id(DATA),
        "kept"
    );
    assert!(
        dialog
            .problem
            .as_deref()
            .unwrap()
            .contains("Nothing matches")
    );
}

#[test]
fn deleting_needs_the_exact_name_keeps_it_on_cancel_and_sends_once_typed() {
    let mut app = open_groups();
    search_to(&mut app, "finance");
    press_keys(&mut app, "D tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "not confirmed");
    type_text(&mut app, "finance");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "the exact name only");
    for _ in 0..7 {
        press(&mut app, key(KeyCode::Backspace));
    }
    type_text(&mut app, "Finance");
    // Enter on Cancel keeps the typed name and says how to go on.
    press(&mut app, key(KeyCode::BackTab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "Enter on Cancel sends nothing"
    );
    assert_eq!(change_dialog(&app).typed.value(), "Finance");
    assert_says(
        &app,
        "tab/→ reaches Delete \"Finance\"; esc closes without deleting",
    );
    press(&mut app, key(KeyCode::Tab));
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(
        changes(&effects),
        vec![Request::Group(GroupRequest::Delete { group: id(FINANCE) })]
    );
}

#[test]
fn a_group_nested_in_two_groups_shows_under_both() {
    let mut all = groups();
    all.entries[1].group.parent_group_ids.push(id(SALES));
    let order: Vec<(u128, usize)> = tree::rows(&all)
        .iter()
        .map(|r| (r.group.as_u128(), r.depth))
        .collect();
    assert_eq!(
        order,
        vec![
            (ENGINEERING, 0),
            (PLATFORM, 1),
            (FINANCE, 0),
            (SALES, 0),
            (PLATFORM, 1)
        ]
    );
    // The cursor goes down onto the second line of the group, not back to the first.
    let mut view = GroupsView {
        groups: Remote::Loaded(Arc::new(all)),
        ..GroupsView::default()
    };
    let rows = view.group_ids();
    view.list.cursor = crate::tui::views::list::Cursor::at(&rows, 3).stepped(&rows, 1);
    assert_eq!(view.selected(), Some(4));
    assert_eq!(view.list.cursor.id(), Some(&id(PLATFORM)));
}

/// Moves to `name`, presses `key`, then Enter on the list's first entry (and on the first
/// role, for a provisioning): the request the review would send.
fn reviewed(name: &str, key_char: char) -> Option<Request> {
    let mut app = open_groups();
    press(&mut app, key(KeyCode::Char('/')));
    type_text(&mut app, name);
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Char(key_char)));
    press(&mut app, key(KeyCode::Enter));
    if change_dialog(&app).stage == Stage::Roles {
        press(&mut app, key(KeyCode::Enter));
    }
    change_dialog(&app).request().cloned()
}

#[test]
fn unnesting_unassigning_and_provisioning_send_their_own_requests() {
    let Some(Request::Group(GroupRequest::Update { group, body })) = reviewed("platform", 'o')
    else {
        panic!("unnesting updates the parents");
    };
    assert_eq!(
        (group, body.parent_group_ids),
        (id(PLATFORM), Some(Vec::new()))
    );
    assert_eq!(
        reviewed("platform", 'W'),
        Some(Request::Group(GroupRequest::Unassign {
            group: id(PLATFORM),
            workspace: id(DATA),
        }))
    );
    let Some(Request::Group(GroupRequest::Provision { body })) = reviewed("platform", 'p') else {
        panic!("a provisioning");
    };
    assert_eq!(body.user_group_uuid, id(PLATFORM));
    assert_eq!(
        body.workspace_role_name,
        Some(crate::domain::WorkspaceRole::ALL[0])
    );
}

#[test]
fn the_organization_role_is_chosen_then_previewed() {
    let mut app = open_groups();
    search_to(&mut app, "sales");
    press(&mut app, key(KeyCode::Char('r')));
    // member, billing_manager, organization_admin: the second.
    press_keys(&mut app, "down enter");
    let dialog = change_dialog(&app);
    let Some(Request::Group(GroupRequest::SetOrganizationRole { group, body })) = dialog.request()
    else {
        panic!("a role change: {:?}", dialog.request());
    };
    assert_eq!(*group, id(SALES));
    assert_eq!(
        body.organization_role,
        crate::domain::OrgRole::BillingManager.code()
    );
    assert!(dialog.preview(&app).is_empty(), "Sales has nobody in it");
}

#[test]
fn the_preview_names_who_gains_what_before_nesting() {
    let mut app = open_groups();
    search_to(&mut app, "finance");
    press(&mut app, key(KeyCode::Char('i')));
    // Engineering is listed first: John would gain what it grants in Research.
    press(&mut app, key(KeyCode::Enter));
    let preview = change_dialog(&app).preview(&app);
    assert_eq!(
        preview,
        vec!["John Smith gains workspace_contributor in \"Research\"".to_owned()]
    );
    let _ = JANE;
}
