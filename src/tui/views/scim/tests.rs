//! The SCIM view: a dry run followed to its end, the real run only after a preview and a
//! confirmation that opens on Cancel, and a run already active followed, not duplicated.

use crossterm::event::KeyCode;
use time::macros::datetime;
use uuid::Uuid;

use super::*;
use crate::api::{
    ScimSyncGroupActionOut, ScimSyncGroupRefOut, ScimSyncGroupsSummaryOut, ScimSyncSummaryOut,
    ScimSyncUserActionOut, ScimSyncUserRefOut, ScimSyncUsersSummaryOut,
};
use crate::tui::call::Payload;
use crate::tui::effect::Effect;
use crate::tui::testing::*;
use crate::tui::views::testing::{asked, cancels, opened, opening, shown_as, shown_mut};

pub const RUN: Uuid = Uuid::from_u128(0x5c1a);

fn user(name: &str) -> ScimSyncUserActionOut {
    ScimSyncUserActionOut {
        user: ScimSyncUserRefOut {
            uuid: name.into(),
            user_name: name.into(),
        },
    }
}

/// A dry run that ended: two people in, one out, one group created.
pub fn finished_run(run: Uuid) -> AdminScimSyncRunOut {
    AdminScimSyncRunOut {
        run_id: run,
        status: "SUCCESS".into(),
        dry_run: true,
        sync_config: None,
        created_at: datetime!(2026-06-01 09:00 UTC),
        started_at: Some(datetime!(2026-06-01 09:00 UTC)),
        finished_at: Some(datetime!(2026-06-01 09:00:02 UTC)),
        summary: Some(ScimSyncSummaryOut {
            users: ScimSyncUsersSummaryOut {
                provision: vec![user("new.hire@acme.test"), user("intern@acme.test")],
                deprovision: vec![user("leaver@acme.test")],
            },
            groups: ScimSyncGroupsSummaryOut {
                create: vec![ScimSyncGroupActionOut {
                    group: ScimSyncGroupRefOut {
                        uuid: "g1".into(),
                        group_name: "Platform".into(),
                    },
                }],
                update: Vec::new(),
                delete: Vec::new(),
            },
            memberships: Vec::new(),
        }),
        error_message: None,
    }
}

fn shown(app: &App) -> &Scim {
    shown_as(app)
}

/// The real run's start, as the confirmation asks for it.
const REAL_RUN: StartFetch = StartFetch { dry_run: false };

/// Enter pressed (in the confirmation), and the starts it asks for.
fn enter_starts(app: &mut App) -> Vec<StartFetch> {
    asked::<StartFetch>(&press_only(app, key(KeyCode::Enter)))
}

/// The server's answer to a start.
fn start_answer(start: ScimSyncStart) -> Result<Payload, RemoteError> {
    Ok(Payload::View(ViewData::new(start)))
}

#[test]
fn opening_starts_nothing_and_the_real_run_needs_a_preview() {
    let (mut app, effects) = opening("scim");
    assert!(requests(&effects).is_empty(), "opening sends nothing");
    press(&mut app, key(KeyCode::Char('R')));
    assert!(app.dialogs.is_empty());
    assert_says(&app, "dry run first");
}

#[test]
fn a_dry_run_is_followed_then_the_real_run_is_confirmed_from_cancel() {
    let mut app = opened("scim");
    let effects = press(&mut app, key(KeyCode::Char('d')));
    assert!(effects.iter().all(|e| !matches!(e, Effect::Request { .. })));
    let scim = shown(&app);
    assert_eq!(scim.preview().map(|r| r.run_id), Some(RUN));
    assert!(!scim.busy);
    press(&mut app, key(KeyCode::Char('R')));
    let confirm = app.top_dialog::<ConfirmSync>().expect("the confirmation");
    assert_eq!(confirm.listed.focus, crate::tui::dialogs::Button::Cancel);
    assert!(
        enter_starts(&mut app).is_empty(),
        "enter on Cancel sends nothing"
    );
    assert!(app.dialogs.is_empty());
    press_keys(&mut app, "R tab");
    assert_eq!(enter_starts(&mut app), vec![REAL_RUN]);
}

#[test]
fn a_run_already_active_is_followed_not_duplicated() {
    let mut app = opened("scim");
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    let (id, profile, call) = requests(&effects).remove(0);
    let active = crate::api::AdminScimSyncActiveRunOut {
        run_id: Uuid::from_u128(77),
        status: "RUNNING".into(),
    };
    let answer = start_answer(ScimSyncStart::AlreadyActive(active));
    let next = deliver(&mut app, id, profile, call, answer);
    assert_says(&app, "already RUNNING");
    let polls = asked::<PollFetch>(&next);
    assert_eq!(polls.len(), 1);
    assert_eq!(polls[0].run, Uuid::from_u128(77));
    assert!(asked::<StartFetch>(&next).is_empty());
}

#[test]
fn closing_the_view_stops_polling() {
    let mut app = opened("scim");
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    let (id, profile, call) = requests(&effects).remove(0);
    let started = start_answer(ScimSyncStart::Started(RUN));
    let poll = deliver(&mut app, id, profile, call, started);
    assert_eq!(requests(&poll).len(), 1);
    let closing = press_only(&mut app, key(KeyCode::Esc));
    let (poll_id, _, _) = requests(&poll)[0].clone();
    assert!(cancels(&closing, |ids| ids.contains(&poll_id)));
    assert!(app.in_flight.is_empty());
}

/// `:scim` after a dry run that would provision 40 people, more than any screen lists at
/// once, drawn once.
fn long_preview() -> App {
    let mut app = opened("scim");
    press(&mut app, key(KeyCode::Char('d')));
    let scim: &mut Scim = shown_mut(&mut app);
    let run = scim.run.as_mut().expect("a finished dry run");
    let summary = run.summary.as_mut().unwrap();
    summary.users.provision = (0..40)
        .map(|i| user(&format!("hire{i:02}@acme.test")))
        .collect();
    redraw(&mut app);
    app
}

#[test]
fn the_real_run_waits_until_every_line_of_a_long_preview_was_drawn() {
    let mut app = long_preview();
    press_keys(&mut app, "R tab");
    assert!(
        enter_starts(&mut app).is_empty(),
        "the end of the list was never shown"
    );
    assert_says(&app, "not shown yet");
    insta::assert_snapshot!(
        "long_preview_unread_80x24",
        crate::tui::render_tests::screen(&app, 80, 24)
    );
    insta::assert_snapshot!(
        "long_preview_unread_monochrome_80x24",
        crate::tui::render_tests::styled_screen(
            &app,
            &crate::tui::theme::Theme::monochrome(),
            80,
            24
        )
    );
    assert!(
        app.top_dialog::<ConfirmSync>().is_some(),
        "the dialog stays"
    );
    // Paging down draws the rest, a page per frame; then Run works.
    for _ in 0..10 {
        press(&mut app, key(KeyCode::PageDown));
    }
    let confirm = app.top_dialog::<ConfirmSync>().unwrap();
    assert!(confirm.listed.list.read_whole());
    insta::assert_snapshot!(
        "long_preview_read_80x24",
        crate::tui::render_tests::screen(&app, 80, 24)
    );
    assert_eq!(enter_starts(&mut app), vec![REAL_RUN]);
}

#[test]
fn the_views_diff_stops_scrolling_at_its_end() {
    let mut app = long_preview();
    let position = |app: &App| {
        let screen = crate::tui::render_tests::screen(app, 80, 24);
        let at = screen.find("lines ").expect("a position line");
        screen[at..].split(" of ").next().unwrap().to_owned()
    };
    assert_eq!(position(&app), "lines 1-16");
    for _ in 0..200 {
        press(&mut app, key(KeyCode::Char('j')));
    }
    assert_eq!(position(&app), "lines 30-45");
    // One key up from the end moves the window at once, not after 170 dead presses.
    press(&mut app, key(KeyCode::Char('k')));
    assert_eq!(position(&app), "lines 29-44");
}

#[test]
fn staging_refuses_the_real_run_rather_than_start_it_under_staged() {
    let mut app = opened("scim");
    press(&mut app, key(KeyCode::Char('d')));
    app.staging.on = true;
    press_keys(&mut app, "R tab");
    assert!(
        enter_starts(&mut app).is_empty(),
        "nothing starts under STAGED"
    );
    assert_says(&app, "Not staged");
    assert!(
        app.top_dialog::<ConfirmSync>().is_some(),
        "the dialog stays"
    );
    // The dry run changes nothing, so staging lets it run.
    press(&mut app, key(KeyCode::Esc));
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    assert_eq!(
        asked::<StartFetch>(&effects),
        vec![StartFetch { dry_run: true }]
    );
}

/// ctrl-c after the real run was asked for: a sync once sent cannot be called back, so the
/// request is let finish (the runner is asked to stop it, which asks nothing of it, instead of
/// dropping it mid-request), the view cannot be left until it answers, and the run it started
/// is followed rather than left running unseen.
#[test]
fn ctrl_c_lets_the_real_runs_start_finish_and_the_run_is_followed() {
    let mut app = opened("scim");
    press_keys(&mut app, "d R tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    let crate::tui::call::Call::View(fetcher) = &call else {
        unreachable!("the start is the view's")
    };
    assert!(
        fetcher.is_run(),
        "the start offers a stop that lets it finish"
    );

    let effects = press_only(&mut app, ctrl('c'));
    assert!(cancels(&effects, |ids| ids.contains(&id)));
    assert_says(
        &app,
        "run the SCIM sync is on its way and cannot be called back",
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_some(), "esc waits for the start's answer");
    assert_says(&app, "wait for the run it starts");

    let started = start_answer(ScimSyncStart::Started(RUN));
    let next = deliver(&mut app, id, profile, call, started);
    let polls = asked::<PollFetch>(&next);
    assert_eq!(polls.len(), 1, "the run it started is followed");
    assert_eq!(polls[0].run, RUN);
    assert!(!shown(&app).sending);
}

/// A dry run changes nothing: ctrl-c simply abandons it.
#[test]
fn a_dry_run_is_abandoned_by_ctrl_c() {
    let mut app = opened("scim");
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    let (_, _, call) = requests(&effects).remove(0);
    let crate::tui::call::Call::View(fetcher) = &call else {
        unreachable!("the start is the view's")
    };
    assert!(!fetcher.is_run());
    press_only(&mut app, ctrl('c'));
    press(&mut app, key(KeyCode::Esc));
    assert!(app.view.is_none(), "nothing to wait for");
}

/// The calls among `effects` that load the organization's panes again.
fn pane_loads(effects: &[Effect]) -> Vec<crate::tui::call::Call> {
    requests(effects)
        .into_iter()
        .map(|(_, _, call)| call)
        .filter(|call| {
            matches!(
                call,
                crate::tui::call::Call::People | crate::tui::call::Call::Workspaces { .. }
            )
        })
        .collect()
}

#[test]
fn the_panes_load_again_once_a_real_run_ends_and_not_after_a_dry_run() {
    let mut app = opened("scim");
    press_keys(&mut app, "d R tab");
    let effects = press_only(&mut app, key(KeyCode::Enter));
    let (id, profile, call) = requests(&effects).remove(0);
    let started = start_answer(ScimSyncStart::Started(RUN));
    let poll = deliver(&mut app, id, profile, call, started);
    let (id, profile, call) = requests(&poll).remove(0);
    let mut run = finished_run(RUN);
    run.dry_run = false;
    let ended = deliver(
        &mut app,
        id,
        profile,
        call,
        Ok(Payload::View(ViewData::new(run))),
    );
    assert_says(&app, "Sync done");
    let loads = pane_loads(&ended);
    assert!(
        loads.contains(&crate::tui::call::Call::People),
        "the people again: {loads:?}"
    );
    assert!(loads.contains(&crate::tui::call::Call::Workspaces { archived: false }));

    // A dry run changes nothing: its end loads nothing.
    let mut app = opened("scim");
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    let (id, profile, call) = requests(&effects).remove(0);
    let started = start_answer(ScimSyncStart::Started(RUN));
    let poll = deliver(&mut app, id, profile, call, started);
    let (id, profile, call) = requests(&poll).remove(0);
    let dry = Ok(Payload::View(ViewData::new(finished_run(RUN))));
    let ended = deliver(&mut app, id, profile, call, dry);
    assert_says(&app, "Dry run done");
    assert!(pane_loads(&ended).is_empty(), "{:?}", pane_loads(&ended));
}
