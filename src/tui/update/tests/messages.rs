//! Reasons are read whole: the settings form wraps its messages, a refusal leaves the form
//! knowing what the server has now, and a long outcome cut on the status line is whole in the
//! message log.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::call::{Call, Payload};
use crate::tui::dialogs::archive::ArchiveDialog;
use crate::tui::dialogs::reader::{Reader, Text};
use crate::tui::dialogs::unsaved::Unsaved;
use crate::tui::effect::Effect;
use crate::tui::render_tests::screen;
use crate::tui::state::form::{Field, SettingsForm};
use crate::tui::state::{ErrorKind, RemoteError};

const REFUSAL: &str = "The cap cannot exceed the organization's monthly limit of 800 EUR";

/// The default workspace's Settings tab, focused.
fn settings_app() -> App {
    loaded_after("enter 2")
}

fn form(app: &App) -> &SettingsForm {
    app.org().open_view().unwrap().form.as_ref().unwrap()
}

/// Puts `text` in the cap field (the last one).
fn type_cap(app: &mut App, text: &str) {
    for _ in 0..Field::ALL.len() {
        press(app, key(KeyCode::Down));
    }
    press_keys(app, "enter ctrl-u");
    type_text(app, text);
    press(app, key(KeyCode::Enter));
}

/// The detail pane's text, its lines joined and spaces collapsed, so that a wrapped message
/// reads as one.
fn detail_text(screen: &str) -> String {
    let parts: Vec<&str> = screen
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('┃').collect();
            (cells.len() >= 3).then(|| cells[cells.len() - 2])
        })
        .collect();
    parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Saves, and has the server refuse the cap because the organization's limit went down.
fn save_refused(app: &mut App) -> Vec<Effect> {
    let mut error = RemoteError::new(ErrorKind::Validation, "invalid request");
    error
        .fields
        .push(("body.monthly_spend_cap".into(), REFUSAL.into()));
    press_answered(app, ctrl('s'), Err(error))
}

#[test]
fn a_refusal_at_a_field_is_read_whole_at_any_width() {
    let mut app = settings_app();
    type_cap(&mut app, "900");
    save_refused(&mut app);
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        let text = detail_text(&screen(&app, width, height));
        assert!(text.contains(&format!("! {REFUSAL}")), "{width}: {text}");
    }
    // The form's own check, at 80 columns, names the limit too.
    type_cap(&mut app, "3000");
    let text = detail_text(&screen(&app, 80, 24));
    assert!(
        text.contains("Cannot exceed the organization's limit of 1000 EUR"),
        "{text}"
    );
}

/// Answers `effects` as the server would now: the organization's limit lowered to 800, the
/// default workspace's cap at 300.
fn answer_with_lowered_limit(app: &mut App, effects: Vec<Effect>) {
    let mut queue = effects;
    while let Some(effect) = (!queue.is_empty()).then(|| queue.remove(0)) {
        let Effect::Request { id, profile, call } = effect else {
            continue;
        };
        let result = match &call {
            Call::WorkspaceSettings(ws) => {
                let mut settings = crate::tui::testing::settings(*ws);
                settings.organization_monthly_limit = Some(800);
                settings.monthly_spend_cap = Some(300);
                Ok(Payload::WorkspaceSettings(Some(settings)))
            }
            other => crate::tui::testing::outcome(profile, other),
        };
        queue.extend(deliver(app, id, profile, call, result));
    }
    redraw(app);
}

#[test]
fn after_a_refusal_and_discard_the_form_shows_what_the_server_has_now() {
    let mut app = settings_app();
    assert_eq!(form(&app).cap.value(), "500");
    type_cap(&mut app, "900");
    let reloads = save_refused(&mut app);
    assert!(
        requests(&reloads)
            .iter()
            .any(|(_, _, call)| *call == Call::WorkspaceSettings(id(DEFAULT_WS))),
        "the refusal asks the server again: {reloads:?}"
    );
    answer_with_lowered_limit(&mut app, reloads);
    assert_eq!(form(&app).cap.value(), "900", "what was typed stays");
    assert_eq!(form(&app).original.cap, "300");
    let text = detail_text(&screen(&app, 100, 30));
    assert!(
        text.contains("Cannot exceed the organization's limit of 800 EUR"),
        "{text}"
    );

    press_keys(&mut app, r#"ctrl-p "Research" enter"#);
    assert!(app.top_dialog::<Unsaved>().is_some());
    let effects = press_only(&mut app, key(KeyCode::Char('d')));
    answer_with_lowered_limit(&mut app, effects);
    press(&mut app, key(KeyCode::Char('-')));
    assert_eq!(open_name(&app), "Default Workspace");
    assert_eq!(
        form(&app).cap.value(),
        "300",
        "the server's value, not the stale 500"
    );
    assert!(!form(&app).is_dirty());
}

#[test]
fn a_long_outcome_cut_on_the_status_line_is_whole_in_the_message_log() {
    let mut app = loaded_app();
    let long = "Archived \"Marketing — Q3 Launch\": 4 members lost access; 1 API key stopped working at once (2 more had expired already)";
    let _ = crate::tui::update::flash::info(&mut app, long);
    redraw(&mut app);
    let text = screen(&app, 80, 24);
    let status = text.lines().next().unwrap();
    assert!(status.contains("(m reads it all)"), "{status}");
    assert!(!status.contains("expired already"), "{status}");

    press(&mut app, key(KeyCode::Char('m')));
    assert!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Messages)
            .is_some()
    );
    let text = screen(&app, 80, 24);
    let joined: String = text
        .lines()
        .filter_map(|line| line.split('║').nth(1))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains(long), "{text}");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty());

    run_command(&mut app, "messages");
    assert!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Messages)
            .is_some()
    );
}

#[test]
fn over_a_text_field_the_cut_message_names_the_key_that_still_reaches_the_log() {
    // Archiving Research: the typed name has the focus, so `m` is a letter of it.
    let mut app = loaded_after(r#"j X "Res""#);
    let long = "Archived \"Marketing — Q3 Launch\": 4 members lost access; 1 API key stopped working at once (2 more had expired already)";
    let _ = crate::tui::update::flash::info(&mut app, long);
    redraw(&mut app);
    let text = screen(&app, 80, 24);
    let status = text.lines().next().unwrap();
    assert!(status.contains("(ctrl-g reads it all)"), "{status}");

    press(&mut app, key(KeyCode::Char('m')));
    let typed = |app: &App| {
        app.dialogs
            .iter()
            .find_map(|d| d.as_any().downcast_ref::<ArchiveDialog>())
            .map(|d| d.typed.value().to_owned())
    };
    assert_eq!(typed(&app).as_deref(), Some("Resm"), "m is typed");
    press(&mut app, ctrl('g'));
    assert!(
        app.top_dialog::<Reader>()
            .filter(|r| r.text == Text::Messages)
            .is_some(),
        "ctrl-g opens the log over the field"
    );
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(
        typed(&app).as_deref(),
        Some("Resm"),
        "the dialog is as it was"
    );
    assert!(app.top_dialog::<ArchiveDialog>().is_some());

    // With the dialog closed, `m` reaches the log again and is the key named.
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty());
    redraw(&mut app);
    let text = screen(&app, 80, 24);
    assert!(
        text.lines().next().unwrap().contains("(m reads it all)"),
        "{text}"
    );
}
