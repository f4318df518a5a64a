//! Random input through `update`, as the event loop feeds it: keys, pastes and resizes (down to
//! 1x1), with a frame drawn after every message and answers that arrive late, fail, or not at
//! all. After every step:
//! - no change to the organization was sent unless what confirms it (its dialog, or the
//!   settings form) was drawn whole in the frame before the key; the frame itself is checked
//!   for the button or line that confirms, not only the render's own report;
//! - nothing behind the "terminal too small" notice changed, except by quit or ctrl-c;
//! - every cursor and selection is within what it points into.
//!
//! Deterministic: a fixed seed, so a failure is the same failure on every run.

mod drive;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::*;
use crate::actions::Request;
use crate::tui::dialogs::add_members::AddMembers;
use crate::tui::dialogs::archive::ArchiveDialog;
use crate::tui::dialogs::edit_roles::EditRoles;
use crate::tui::dialogs::remove_members::RemoveMembers;
use crate::tui::msg::Msg;
use crate::tui::state::{Sighting, Tab};
use crate::tui::update::update;
use drive::{Session, WORDS, failure, guided_key, random_key, random_size};

/// Three walks of 8,000 steps, which the test runner can run side by side.
const STEPS: usize = 8_000;
/// At most this many steps before the console starts afresh.
const SESSION_STEPS: usize = 600;

/// What the console looked like before a key: enough to say what confirmed a change. (The
/// frame itself stays in the session's terminal until the next draw.)
struct Before {
    seen: Sighting,
    /// The dialog on top, by name.
    top: Option<&'static str>,
    /// Whether that frame drew the dialog on top whole.
    dialog_whole: bool,
    open: Option<uuid::Uuid>,
    settings_tab: bool,
    /// Only kept while the notice shows.
    hidden: Option<String>,
}

/// The state a key could change behind the "too small" notice.
fn hidden_state(app: &App) -> String {
    let org = app.org();
    format!(
        "{:?} {:?} {:?} {:?} {} {} {:?}",
        app.dialogs,
        app.focus,
        org.open,
        org.open_view()
            .map(|v| (v.tab, v.members_filter.text().to_owned(), v.marked.clone())),
        org.list_filter.text(),
        org.show_archived,
        org.open_view().and_then(|v| v.form.as_ref()).map(|f| (
            f.values(),
            f.focus,
            f.editing.clone()
        )),
    )
}

fn before(session: &Session) -> Before {
    let app = &session.app;
    Before {
        seen: app.seen,
        top: app.dialogs.last().map(|d| d.name()),
        dialog_whole: app.seen.showed_whole_dialog(&app.dialogs),
        open: app.org().open,
        settings_tab: app
            .org()
            .open_view()
            .is_some_and(|v| v.tab == Tab::Settings),
        hidden: app.seen.too_small.then(|| hidden_state(app)),
    }
}

/// Checks that `change` was confirmed on something drawn whole in `frame`, the one before the
/// key.
fn assert_seen(change: &Request, before: &Before, frame: &str, step: usize) {
    let top = before.top;
    let on_top = |name: &str| top == Some(name);
    let save = matches!(
        change,
        Request::UpdateWorkspace { .. } | Request::UpdateWorkspaceSettings { .. }
    );
    let evidence = match change {
        Request::AddMembers { .. } if on_top("add members") => frame.contains("Selected: "),
        Request::SetMemberRoles { .. } if on_top("roles preview") => frame.contains("▶ Apply ◀"),
        Request::RemoveMembers { .. } if on_top("remove members") => frame.contains("▶ Remove "),
        Request::ArchiveWorkspace { .. } if on_top("archive") => frame.contains("▶ Archive \""),
        Request::CreateWorkspace { .. } if on_top("new workspace") => {
            frame.contains("Create ◀") || frame.contains("[ Create ]")
        }
        _ if save && on_top("unsaved changes") => frame.contains("Save (s)"),
        _ if save && top.is_none() => {
            assert!(
                before.seen.showed_whole_form(before.open) && before.settings_tab,
                "step {step}: saved a form not drawn whole\n{frame}"
            );
            assert!(
                frame.contains("Unsaved changes") && frame.contains("Monthly spend cap"),
                "step {step}: the form's first and last lines were not on screen\n{frame}"
            );
            return;
        }
        _ => panic!("step {step}: {change:?} sent from {top:?}\n{frame}"),
    };
    assert!(
        before.dialog_whole,
        "step {step}: {change:?} from a dialog not drawn whole\n{frame}"
    );
    assert!(
        evidence,
        "step {step}: the frame did not show what confirms {change:?}\n{frame}"
    );
}

/// Every cursor and selection points into what it moves over.
fn assert_in_range(app: &App, step: usize) {
    assert!(app.current < app.profiles.len() && app.org_cursor < app.profiles.len());
    let org = app.org();
    let ids = org.visible_workspace_ids();
    assert_eq!(org.list_cursor.resolve(&ids).is_some(), !ids.is_empty());
    if let (Some(open), Some(people)) = (org.open, org.people.get()) {
        let view = org.views.get(&open);
        let members: Vec<_> = people.rows_for(open).iter().map(|r| r.user_id).collect();
        if let Some(view) = view {
            assert!(
                view.marked.iter().all(|id| members.contains(id)),
                "step {step}: a selected member is no longer in the workspace"
            );
            if let Some(form) = &view.form {
                assert!(
                    form.editing.is_none() || form.focus.is_text(),
                    "step {step}: editing a field that takes no text"
                );
            }
        }
    }
    for dialog in &app.dialogs {
        let dialog = dialog.as_any();
        if let Some(d) = dialog.downcast_ref::<AddMembers>() {
            let shown = d.shown_ids();
            if !shown.is_empty() {
                let at = d.cursor.current(&shown);
                assert!(at.is_some_and(|id| shown.contains(&id)), "step {step}");
            }
            assert!(d.role < d.roles.len().max(1), "step {step}");
            assert!(
                d.selected
                    .iter()
                    .all(|id| d.candidates.iter().any(|c| c.user_id == *id)),
                "step {step}: selected someone not offered"
            );
        }
        if let Some(d) = dialog.downcast_ref::<EditRoles>() {
            assert!(d.cursor < d.choices.len().max(1), "step {step}");
            assert!(!d.targets.is_empty(), "step {step}");
        }
        if let Some(d) = dialog.downcast_ref::<RemoveMembers>() {
            assert!(!d.targets.is_empty(), "step {step}");
        }
    }
}

#[test]
fn random_walk_one_changes_nothing_unseen() {
    walk(0x5EE_0001);
}

#[test]
fn random_walk_two_changes_nothing_unseen() {
    walk(0x5EE_0002);
}

#[test]
fn random_walk_three_changes_nothing_unseen() {
    walk(0x5EE_0003);
}

fn walk(seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut session = Session::new();
    let mut sent = std::collections::BTreeMap::new();
    let mut restarts = 0;
    for step in 0..STEPS {
        let before = before(&session);
        let roll = rng.random_range(0..100);
        let archive_name = session
            .app
            .top_dialog::<ArchiveDialog>()
            .filter(|d| d.typed.value().is_empty())
            .map(|d| d.name.clone());
        let (effects, quit_key) = if roll < 3 {
            let (width, height) = random_size(&mut rng);
            let effects = update(&mut session.app, Msg::Resize { width, height });
            (effects, false)
        } else if roll < 5 || archive_name.is_some() && roll < 25 {
            // The archive dialog's name now and then, so that archives get confirmed too.
            let text = archive_name
                .filter(|_| rng.random_bool(0.8))
                .unwrap_or_else(|| WORDS[rng.random_range(0..WORDS.len())].to_owned());
            (update(&mut session.app, Msg::Paste(text)), false)
        } else {
            let key = if rng.random_bool(0.4) {
                guided_key(&mut rng, &session.app)
            } else {
                random_key(&mut rng)
            };
            let quits = [
                crate::tui::keymap::Action::Quit,
                crate::tui::keymap::Action::Interrupt,
            ]
            .map(Some)
            .contains(
                &session
                    .app
                    .keymap
                    .action(crate::tui::keymap::Context::Global, &key),
            );
            (update(&mut session.app, Msg::Key(key)), quits)
        };
        for change in changes(&effects) {
            assert_seen(&change, &before, &session.frame(), step);
            *sent
                .entry(change.method().to_owned() + " " + &change.path())
                .or_insert(0) += 1;
        }
        if let Some(hidden) = &before.hidden
            && !quit_key
            && !session.app.quit
        {
            assert_eq!(
                &hidden_state(&session.app),
                hidden,
                "step {step}: a key behind the notice changed what it hides"
            );
        }
        let caused = session.serve(&mut rng, effects);
        assert!(
            changes(&caused).is_empty(),
            "step {step}: an answer sent a change"
        );
        // Some answers held back arrive now, late.
        if !session.held.is_empty() && rng.random_range(0..100) < 20 {
            let at = rng.random_range(0..session.held.len());
            let (id, profile, call) = session.held.remove(at);
            let result = if rng.random_bool(0.7) {
                outcome(profile, &call)
            } else {
                Err(failure())
            };
            let more = session.deliver(id, profile, call, result);
            assert!(
                changes(&more).is_empty(),
                "step {step}: a late answer sent a change"
            );
            let caused = session.serve(&mut rng, more);
            assert!(changes(&caused).is_empty(), "step {step}");
        }
        assert_in_range(&session.app, step);
        // A walk that wanders off (into a form it keeps typing in) starts again now and then.
        if session.app.quit || step % SESSION_STEPS == SESSION_STEPS - 1 {
            restarts += 1;
            session = Session::new();
            continue;
        }
        session.draw();
    }
    // The walk is worth something only if it got through the dialogs and sent changes.
    eprintln!("seed {seed:#x}: {restarts} sessions; changes sent: {sent:?}");
    assert!(
        sent.len() >= 2 && sent.values().sum::<usize>() >= 5,
        "seed {seed:#x}: too few changes sent to test anything: {sent:?}"
    );
}
