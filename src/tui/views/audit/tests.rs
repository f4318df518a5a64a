//! The audit view: named rows newest first, the search that moves the cursor, the actor and
//! action filters, follow mode's polling (stopped when the view closes), and its fixture.

use std::collections::BTreeMap;

use crossterm::event::KeyCode;
use time::OffsetDateTime;

use super::*;
use crate::actions::fixtures;
use crate::tui::call::Call;
use crate::tui::testing::*;
use crate::tui::views::testing::{cancels, opened, search, shown_as};

pub fn names() -> AuditNames {
    AuditNames::new(
        &fixtures::directory(),
        &fixtures::workspaces(),
        &fixtures::keys(),
    )
}

fn entry(log_id: i64, user: u128, event: &str, workspace: u128) -> AuditLogOut {
    let mut actor = BTreeMap::new();
    actor.insert("user_uuid".to_owned(), fixtures::id(user).to_string());
    let mut target = BTreeMap::new();
    target.insert(
        "workspace_uuid".to_owned(),
        fixtures::id(workspace).to_string(),
    );
    AuditLogOut {
        created_at: OffsetDateTime::UNIX_EPOCH
            + time::Duration::days(20_600)
            + time::Duration::minutes(log_id),
        actor_type: "HUMAN".into(),
        actor_metadata: actor,
        event_type: event.into(),
        event_metadata: BTreeMap::new(),
        target_type: "WORKSPACE".into(),
        target_metadata: target,
        log_id,
        organization_uuid: None,
        workspace_uuid: Some(fixtures::id(workspace)),
    }
}

/// Four entries, newest first: Zoë and Jane changing Research and Product.
pub fn entries() -> Vec<AuditLogOut> {
    vec![
        entry(4, fixtures::JANE, "workspace.update", fixtures::PRODUCT),
        entry(3, fixtures::ZOE, "workspace.member.add", fixtures::RESEARCH),
        entry(2, fixtures::ZOE, "workspace.update", fixtures::RESEARCH),
        entry(1, fixtures::JANE, "workspace.member.add", fixtures::PRODUCT),
    ]
}

fn shown(app: &App) -> &AuditView {
    shown_as(app)
}

#[test]
fn rows_are_named_and_the_search_moves_the_cursor() {
    let mut app = opened("audit");
    let view = shown(&app);
    let names = names();
    let first = row(view.rows(app.now)[0], &names);
    assert_eq!(first[1], "Jane");
    assert_eq!(first[3], "Product & Design");
    search(&mut app, "zoe member");
    assert_eq!(shown(&app).list.cursor.id(), Some(&3));
    assert_eq!(
        shown(&app).rows(app.now).len(),
        4,
        "the search hides nothing"
    );
}

#[test]
fn the_actor_and_action_filters_take_the_entry_under_the_cursor() {
    let mut app = opened("audit");
    press(&mut app, key(KeyCode::Char('a')));
    let view = shown(&app);
    assert_eq!(view.filter.actor.as_deref(), Some("Jane"));
    assert_eq!(view.filter.person, Some(fixtures::id(fixtures::JANE)));
    let ids: Vec<i64> = view.rows(app.now).iter().map(|e| e.log_id).collect();
    assert_eq!(ids, [4, 1]);
    press(&mut app, key(KeyCode::Char('t')));
    let ids: Vec<i64> = shown(&app).rows(app.now).iter().map(|e| e.log_id).collect();
    assert_eq!(ids, [4]);
    press_keys(&mut app, "a t");
    assert_eq!(shown(&app).rows(app.now).len(), 4);
}

#[test]
fn following_polls_until_the_view_closes() {
    let mut app = opened("audit");
    let effects = press_only(&mut app, key(KeyCode::Char('F')));
    let polls: Vec<_> = requests(&effects)
        .into_iter()
        .filter(|(_, _, call)| matches!(call, Call::View(f) if f.as_kind::<PageFetch>().is_some_and(|p| p.kind == PageKind::Newer)))
        .collect();
    assert_eq!(polls.len(), 1, "one look for new entries at a time");
    let (id, _, call) = polls[0].clone();
    let Call::View(fetcher) = &call else {
        unreachable!()
    };
    assert_eq!(fetcher.as_kind::<PageFetch>().unwrap().wait, FOLLOW_EVERY);
    // The answer asks again, while following.
    let again = crate::tui::update::update(&mut app, answer(id, 0, call));
    assert_eq!(requests(&again).len(), 1);
    let closing = press_only(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_none());
    assert!(
        cancels(&closing, |ids| !ids.is_empty()),
        "closing the view stops the poll: {closing:?}"
    );
}

#[test]
fn a_workspace_trail_keeps_only_its_workspace() {
    let mut app = loaded_app();
    let effects = open_trail(
        &mut app,
        AuditFilter::workspace(fixtures::id(fixtures::RESEARCH)),
    );
    answer_all(&mut app, effects);
    let ids: Vec<i64> = shown(&app).rows(app.now).iter().map(|e| e.log_id).collect();
    assert_eq!(ids, [3, 2]);
}

#[test]
fn one_key_on_a_workspace_opens_its_trail() {
    let mut app = loaded_app();
    let open = app.org().open.expect("a workspace opens first");
    // The workspace list has the focus first, its cursor on the open workspace.
    press(&mut app, key(KeyCode::Char('A')));
    let view = shown(&app);
    assert_eq!(view.filter, AuditFilter::workspace(open));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_none());
}

#[test]
fn another_view_opens_a_persons_trail_with_one_step() {
    let mut app = loaded_app();
    let jane = fixtures::id(fixtures::JANE);
    let steps = vec![Step::Switch(trail(AuditFilter::person(jane)))];
    let effects = crate::tui::views::control::follow(&mut app, steps);
    answer_all(&mut app, effects);
    let view = shown(&app);
    assert_eq!(view.filter.person, Some(jane));
    let ids: Vec<i64> = view.rows(app.now).iter().map(|e| e.log_id).collect();
    assert_eq!(ids, [4, 1], "only what Jane did");
}
