//! The group change's rules, without a terminal: a refusal (a cycle) stays in the review
//! whole with what was chosen; a choice that changes nothing never reaches the review.

use std::sync::Arc;

use super::*;
use crate::client::ErrorKind;
use crate::tui::state::RemoteError;
use crate::tui::views::groups::tests::{ENGINEERING, PLATFORM, groups};

fn nest_platform_in(parent: u128) -> GroupChange {
    let all = groups();
    let items = all
        .entries
        .iter()
        .filter(|e| e.group.uuid != Uuid::from_u128(PLATFORM))
        .map(|e| Item {
            id: e.group.uuid,
            label: e.group.name.clone(),
            note: String::new(),
        })
        .collect();
    let mut dialog = GroupChange::new(
        Kind::Nest,
        Uuid::from_u128(PLATFORM),
        Arc::new(all),
        Vec::new(),
        Vec::new(),
        PickList::new(items, false),
    );
    dialog.targets.cursor = dialog
        .targets
        .items
        .iter()
        .position(|i| i.id == Uuid::from_u128(parent))
        .unwrap();
    dialog
}

#[test]
fn nesting_where_it_already_is_stays_on_the_choice_and_says_so() {
    let mut dialog = nest_platform_in(ENGINEERING);
    dialog.go_on();
    assert_eq!(dialog.stage, Stage::Targets);
    assert!(
        dialog
            .problem
            .as_deref()
            .unwrap()
            .contains("already nested")
    );
}

#[test]
fn a_refusal_stays_in_the_review_with_what_was_chosen() {
    let mut dialog = nest_platform_in(crate::tui::views::groups::tests::SALES);
    dialog.go_on();
    assert!(matches!(dialog.stage, Stage::Review(Button::Cancel)));
    let reason =
        "Nesting \"Platform\" inside \"Sales\" would make a cycle: Sales -> Platform -> Sales";
    dialog.refused(RemoteError::new(ErrorKind::Conflict, reason));
    assert!(matches!(dialog.stage, Stage::Review(_)));
    assert_eq!(dialog.submission.error.as_ref().unwrap().message, reason);
    assert!(dialog.request().is_some(), "the plan is kept");
}

#[test]
fn a_long_preview_scrolls_and_the_change_goes_only_once_all_of_it_was_shown() {
    use crate::tui::testing::*;
    use crossterm::event::KeyCode;

    let mut all = groups();
    let sales = all
        .entries
        .iter_mut()
        .find(|e| e.group.uuid == Uuid::from_u128(crate::tui::views::groups::tests::SALES))
        .unwrap();
    sales.members = (0..30)
        .map(|n| crate::api::AdminUserGroupMemberOut {
            user_uuid: Uuid::from_u128(5_000 + n),
            name: Some(format!("Person {n:02}")),
            email: None,
        })
        .collect();
    sales.group.organization_role = Some("billing_manager".into());
    let id = sales.group.uuid;
    let mut app = loaded_app();
    let dialog = GroupChange::new(
        Kind::Delete,
        id,
        Arc::new(all),
        Vec::new(),
        Vec::new(),
        PickList::default(),
    );
    app.dialogs.push(Box::new(dialog));
    redraw(&mut app);
    press_keys(&mut app, r#""Sales" tab"#);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "30 losses, not all shown yet");
    let said = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert!(said.contains("scroll to the end"), "{said}");
    // Thirty losses wrap to twice as many lines; page down reaches their end.
    press_keys(
        &mut app,
        "pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn",
    );
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let said = app
        .flash
        .as_ref()
        .map(|f| f.text.clone())
        .unwrap_or_default();
    assert_eq!(
        changes(&effects),
        vec![crate::actions::Request::Group(
            crate::actions::request_groups::GroupRequest::Delete { group: id }
        )],
        "{said}"
    );
}

#[test]
fn a_single_choice_does_not_offer_to_tick() {
    let mut dialog = nest_platform_in(crate::tui::views::groups::tests::SALES);
    assert!(
        !dialog.offers(Action::Toggle),
        "one group to choose, nothing to tick"
    );
    assert!(dialog.offers(Action::Choose));
    dialog.targets.multi = true;
    assert!(dialog.offers(Action::Toggle));
}

#[test]
fn adding_many_members_shows_every_gain_opens_on_cancel_and_goes_only_once_read() {
    use crate::tui::testing::*;
    use crossterm::event::KeyCode;

    let finance = Uuid::from_u128(crate::tui::views::groups::tests::FINANCE);
    let people: Vec<Item> = (0..30)
        .map(|n| Item::new(Uuid::from_u128(6_000 + n), format!("Person {n:02}"), ""))
        .collect();
    let mut targets = PickList::new(people.clone(), true);
    targets.ticked = people.iter().map(|i| i.id).collect();
    let mut dialog = GroupChange::new(
        Kind::AddMembers,
        finance,
        Arc::new(groups()),
        Vec::new(),
        Vec::new(),
        targets,
    );
    dialog.go_on();
    assert!(matches!(dialog.stage, Stage::Review(Button::Cancel)));
    let mut app = loaded_app();
    let gains = dialog.preview(&app);
    assert_eq!(gains.len(), 30, "one gain each, none cut: {gains:?}");
    assert!(gains[29].contains("gains billing_manager in the organization"));

    app.dialogs.push(Box::new(dialog));
    redraw(&mut app);
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(
        changes(&effects).is_empty(),
        "Enter on Cancel sends nothing"
    );
    press_keys(&mut app, "tab tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert!(changes(&effects).is_empty(), "30 gains, not all shown yet");
    press_keys(&mut app, "pgdn pgdn pgdn pgdn pgdn pgdn pgdn pgdn");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    assert_eq!(
        changes(&effects),
        vec![crate::actions::Request::Group(
            crate::actions::request_groups::GroupRequest::AddMembers {
                group: finance,
                users: people.iter().map(|i| i.id).collect(),
            }
        )]
    );
}
