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

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::effect::{Call, Effect};
use crate::tui::msg::{Change, Msg, Outcome, Reply, SaveResult};
use crate::tui::state::dialogs::roles::Stage;
use crate::tui::state::{ErrorKind, Modal, RemoteError, Sighting, Tab};
use crate::tui::theme::Theme;
use crate::tui::update::update;
use crate::tui::view;

/// Three walks of 8,000 steps, which the test runner can run side by side.
const STEPS: usize = 8_000;
/// At most this many steps before the console starts afresh.
const SESSION_STEPS: usize = 600;

/// Keys that do something somewhere, weighted towards those that open and confirm dialogs.
const CHARS: &str = "aaxXxXrrnnsS*/-:jjkkgGhl123[]dd    ";
const WORDS: [&str; 8] = [
    "Research",
    "Marketing",
    "zoe",
    "ws m",
    "messages",
    "Data Platform",
    "a\nb\tc",
    "日本",
];

fn key_of(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
}

fn random_key(rng: &mut StdRng) -> KeyEvent {
    let plain = KeyModifiers::NONE;
    match rng.random_range(0..100) {
        0..40 => {
            let chars: Vec<char> = CHARS.chars().collect();
            key_of(
                KeyCode::Char(chars[rng.random_range(0..chars.len())]),
                plain,
            )
        }
        40..72 => {
            let named = [
                KeyCode::Enter,
                KeyCode::Enter,
                KeyCode::Esc,
                KeyCode::Tab,
                KeyCode::Tab,
                KeyCode::BackTab,
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
                KeyCode::Backspace,
                KeyCode::Delete,
            ];
            key_of(named[rng.random_range(0..named.len())], plain)
        }
        72..84 => {
            let letters = "csrpofbaujkcs";
            let c = letters
                .chars()
                .nth(rng.random_range(0..letters.len()))
                .unwrap();
            key_of(KeyCode::Char(c), KeyModifiers::CONTROL)
        }
        _ => {
            let c = match rng.random_range(0..4) {
                0 => char::from(rng.random_range(b'a'..=b'z')),
                1 => char::from(rng.random_range(b'A'..=b'Z')),
                2 => char::from(rng.random_range(b'0'..=b'9')),
                _ => ['é', 'ö', '日', '—', '🛡', '.', '?', 'm'][rng.random_range(0..8)],
            };
            key_of(KeyCode::Char(c), plain)
        }
    }
}

/// A key that moves the dialog on top towards sending its change: without a nudge, a random
/// walk seldom gets through a dialog, and the point is to test the ones that do.
fn guided_key(rng: &mut StdRng, app: &App) -> KeyEvent {
    use KeyCode::{BackTab, Char, Down, Enter, Tab};
    let plain = |code| key_of(code, KeyModifiers::NONE);
    let pick = |rng: &mut StdRng, keys: &[KeyCode]| plain(keys[rng.random_range(0..keys.len())]);
    match app.top_modal() {
        None => pick(
            rng,
            &[
                Char('x'),
                Char('x'),
                Char('*'),
                Char('r'),
                Char('a'),
                Char('X'),
                Char('X'),
                Char('n'),
                Char(' '),
                Char('2'),
                Char('1'),
                Char('j'),
                Char('j'),
                Enter,
                Enter,
                Tab,
                Down,
            ],
        ),
        Some(Modal::AddMembers(_)) => pick(rng, &[Char(' '), Char(' '), Enter, Tab, Down]),
        Some(Modal::EditRoles(d)) if d.stage == Stage::Choose => {
            pick(rng, &[Char(' '), Enter, Down, Char('j')])
        }
        Some(Modal::EditRoles(_) | Modal::RemoveMembers(_) | Modal::Archive(_)) => {
            pick(rng, &[Tab, Enter, Enter, BackTab])
        }
        Some(Modal::CreateWorkspace(_)) => {
            if rng.random_bool(0.2) {
                key_of(Char('s'), KeyModifiers::CONTROL)
            } else {
                pick(
                    rng,
                    &[Char('w'), Char('s'), Tab, Tab, Enter, Enter, Char(' ')],
                )
            }
        }
        Some(Modal::AdminPicker(_)) => pick(rng, &[Enter, Down]),
        Some(Modal::Unsaved(_)) => pick(rng, &[Char('s'), Enter, Tab]),
        Some(_) => pick(rng, &[KeyCode::Esc]),
    }
}

fn random_size(rng: &mut StdRng) -> (u16, u16) {
    match rng.random_range(0..10) {
        0 => (1, 1),
        1..3 => (rng.random_range(1..60), rng.random_range(1..15)),
        3..6 => (rng.random_range(60..70), rng.random_range(15..18)),
        _ => (rng.random_range(60..100), rng.random_range(15..30)),
    }
}

/// A refusal or failure of the right shape for `call`.
fn failure(call: &Call) -> Outcome {
    let error = || RemoteError::new(ErrorKind::Conflict, "Refused by the test's server");
    match call {
        Call::Organization => Outcome::Organization(Err(error())),
        Call::Workspaces { archived } => Outcome::Workspaces {
            archived: *archived,
            result: Err(error()),
        },
        Call::People => Outcome::People(Err(error())),
        Call::ApiKeys => Outcome::ApiKeys(Err(error())),
        Call::WorkspaceSettings(ws) => Outcome::WorkspaceSettings {
            workspace: *ws,
            result: Err(error()),
        },
        Call::SaveWorkspace(save) => Outcome::SavedWorkspace {
            workspace: save.workspace,
            result: SaveResult::Failed(error()),
        },
        _ => Outcome::Changed(Err::<Change, _>(error())),
    }
}

/// The console as the event loop keeps it: the app, the terminal with the frame last drawn,
/// and the answers the server has not given yet.
struct Session {
    app: App,
    theme: Theme,
    terminal: Terminal<TestBackend>,
    held: Vec<(crate::tui::state::RequestId, usize, Call)>,
}

impl Session {
    fn new() -> Self {
        let mut app = loaded_app();
        // A dozen more people in Research, so that its dialogs (removing or changing the roles
        // of everyone) are taller than a small terminal.
        app.org_mut().patch_people(|people| {
            for n in 0..12u128 {
                people.persons.push(crate::tui::state::people::Person {
                    user_id: id(300 + n),
                    name: format!("Extra Person {n:02}"),
                    email: format!("extra{n}@acme.example"),
                    org_roles: vec!["member".into()],
                    memberships: vec![(id(RESEARCH), vec!["dev".into()])],
                    joined: None,
                });
            }
        });
        let (width, height) = app.screen;
        let mut session = Self {
            app,
            theme: Theme::colour(),
            terminal: Terminal::new(TestBackend::new(width, height)).expect("terminal"),
            held: Vec::new(),
        };
        session.draw();
        session
    }

    /// Draws the screen at its size and records what it showed, as the loop does. Each frame
    /// is drawn on a fresh screen, so that the text checked is this frame's alone.
    fn draw(&mut self) {
        let (width, height) = self.app.screen;
        self.terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        let mut seen = Sighting::default();
        let (app, theme) = (&self.app, &self.theme);
        self.terminal
            .draw(|frame| seen = view::render(frame, app, theme))
            .expect("draw");
        self.app.seen = seen;
    }

    /// The last frame as text.
    fn frame(&self) -> String {
        self.terminal.backend().to_string()
    }

    /// Answers some of the requests in `effects` now (some with a failure) and holds the rest;
    /// returns every effect the answers caused, for checking.
    fn serve(&mut self, rng: &mut StdRng, effects: Vec<Effect>) -> Vec<Effect> {
        let mut caused = Vec::new();
        let mut queue = effects;
        while let Some(effect) = (!queue.is_empty()).then(|| queue.remove(0)) {
            let Effect::Request { id, profile, call } = effect else {
                continue;
            };
            match rng.random_range(0..100) {
                0..80 => {
                    let more = self.deliver(id, profile, outcome(profile, &call));
                    caused.extend(more.clone());
                    queue.extend(more);
                }
                80..90 => {
                    let more = self.deliver(id, profile, failure(&call));
                    caused.extend(more.clone());
                    queue.extend(more);
                }
                _ => self.held.push((id, profile, call)),
            }
        }
        caused
    }

    fn deliver(
        &mut self,
        id: crate::tui::state::RequestId,
        profile: usize,
        outcome: Outcome,
    ) -> Vec<Effect> {
        update(
            &mut self.app,
            Msg::Reply(Box::new(Reply {
                id,
                profile,
                outcome,
            })),
        )
    }
}

/// The organization-changing calls among `effects`.
fn changes(effects: &[Effect]) -> Vec<Call> {
    requests(effects)
        .into_iter()
        .map(|(_, _, call)| call)
        .filter(|call| {
            matches!(
                call,
                Call::AddMembers { .. }
                    | Call::SetMemberRoles { .. }
                    | Call::RemoveMembers { .. }
                    | Call::ArchiveWorkspace(_)
                    | Call::CreateWorkspace(_)
                    | Call::SaveWorkspace(_)
            )
        })
        .collect()
}

/// What the console looked like before a key: enough to say what confirmed a change. (The
/// frame itself stays in the session's terminal until the next draw.)
struct Before {
    seen: Sighting,
    modals: Vec<Modal>,
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
        app.modals,
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
        modals: app.modals.clone(),
        open: app.org().open,
        settings_tab: app
            .org()
            .open_view()
            .is_some_and(|v| v.tab == Tab::Settings),
        hidden: app.seen.too_small.then(|| hidden_state(app)),
    }
}

/// Checks that `call` was confirmed on something drawn whole in `frame`, the one before the key.
fn assert_seen(call: &Call, before: &Before, frame: &str, step: usize) {
    let top = before.modals.last();
    let dialog_whole = before.seen.showed_whole_dialog(&before.modals);
    let evidence = match (call, top) {
        (Call::AddMembers { .. }, Some(Modal::AddMembers(_))) => frame.contains("Selected: "),
        (Call::SetMemberRoles { .. }, Some(Modal::EditRoles(d))) => {
            matches!(d.stage, Stage::Review(_)) && frame.contains("▶ Apply ◀")
        }
        (Call::RemoveMembers { .. }, Some(Modal::RemoveMembers(_))) => frame.contains("▶ Remove "),
        (Call::ArchiveWorkspace(_), Some(Modal::Archive(_))) => frame.contains("▶ Archive \""),
        (Call::CreateWorkspace(_), Some(Modal::CreateWorkspace(_))) => {
            frame.contains("Create ◀") || frame.contains("[ Create ]")
        }
        (Call::SaveWorkspace(_), Some(Modal::Unsaved(_))) => frame.contains("Save (s)"),
        (Call::SaveWorkspace(_), None) => {
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
        _ => panic!("step {step}: {call:?} sent from {top:?}\n{frame}"),
    };
    assert!(
        dialog_whole,
        "step {step}: {call:?} from a dialog not drawn whole\n{frame}"
    );
    assert!(
        evidence,
        "step {step}: the frame did not show what confirms {call:?}\n{frame}"
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
    for modal in &app.modals {
        match modal {
            Modal::AddMembers(d) => {
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
            Modal::EditRoles(d) => {
                assert!(d.cursor < d.choices.len().max(1), "step {step}");
                assert!(!d.targets.is_empty(), "step {step}");
            }
            Modal::RemoveMembers(d) => assert!(!d.targets.is_empty(), "step {step}"),
            _ => {}
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
        let archive_name = match session.app.top_modal() {
            Some(Modal::Archive(d)) if d.typed.value().is_empty() => Some(d.name.clone()),
            _ => None,
        };
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
        for call in changes(&effects) {
            assert_seen(&call, &before, &session.frame(), step);
            *sent.entry(call.label()).or_insert(0) += 1;
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
            let outcome = if rng.random_bool(0.7) {
                outcome(profile, &call)
            } else {
                failure(&call)
            };
            let more = session.deliver(id, profile, outcome);
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
