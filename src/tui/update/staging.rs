//! Staging's side of `update`: the switch (its key and `:stage`), and a dialog's or the
//! settings form's change collected into the pending plan instead of being sent. Staging a
//! change follows the same rule as sending it: only what the last frame drew whole.

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::staging::live::{stageable, staged_changes};
use crate::tui::state::{App, FlashLevel};

use super::{flash, guard};

/// Whether these requests are collected rather than sent now.
pub fn collects(app: &App, requests: &[Request]) -> bool {
    app.staging.on && !requests.is_empty() && requests.iter().all(stageable)
}

/// Why these requests are neither collected nor sent while staging is on: the changes of
/// the organization views (groups, API keys, the spending limit) have no place in a plan, and
/// sending them under `STAGED` would change what the admin believes is only collected.
/// Creating and archiving a workspace are sent, as their own confirmations say.
pub fn refused(app: &App, requests: &[Request]) -> Option<String> {
    let sent_anyway = |request: &Request| {
        matches!(
            request,
            Request::CreateWorkspace { .. } | Request::ArchiveWorkspace { .. }
        )
    };
    if !app.staging.on || requests.iter().all(|r| stageable(r) || sent_anyway(r)) {
        return None;
    }
    Some(not_collected(app))
}

/// Why a confirmed run that changes the organization by itself (a SCIM sync, offboarding,
/// revoking invitations) is not started while staging is on.
pub fn refused_run(app: &App, run: &crate::tui::views::Fetcher) -> Option<String> {
    (app.staging.on && run.0.changes_outside_the_plan()).then(|| not_collected(app))
}

fn not_collected(app: &App) -> String {
    let key = app
        .keymap
        .keys(Context::Global, Action::Stage)
        .first()
        .map_or_else(|| ":stage off".to_owned(), ToString::to_string);
    format!(
        "Not sent: staging is on and cannot collect this change (close the dialog, {key} stops staging)"
    )
}

/// The key that turns staging over, for the messages.
fn plan_hint(app: &App) -> String {
    let key = app
        .keymap
        .keys(Context::Global, Action::Stage)
        .first()
        .map_or_else(|| ":stage".to_owned(), ToString::to_string);
    format!(":plan reviews and applies, {key} stops staging")
}

/// Turns staging on or off (`:stage`, or its key). What is staged stays either way.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    let on = app.staging.toggle();
    let count = app.staging.count(app.current);
    let text = match (on, count) {
        (true, _) => format!(
            "Staging: changes are collected, not sent (STAGED {count}); {}",
            plan_hint(app)
        ),
        (false, 0) => "Staging off: changes are sent again".to_owned(),
        (false, n) => {
            format!("Staging off: changes are sent again; {n} staged kept, :plan applies them")
        }
    };
    vec![flash::show(app, FlashLevel::Info, text)]
}

/// `:stage on|off|` (none flips it).
pub fn command(app: &mut App, argument: &str) -> Vec<Effect> {
    match argument {
        "" => toggle(app),
        "on" if !app.staging.on => toggle(app),
        "off" if app.staging.on => toggle(app),
        "on" | "off" => flash::info(app, format!("Staging is already {argument}")),
        other => flash::error(app, format!("Usage: stage [on|off] (not \"{other}\")")),
    }
}

/// Stages the changes `requests` would make; says why not, and changes nothing, when it
/// cannot. Returns whether they were staged.
pub fn stage(app: &mut App, requests: &[Request]) -> Result<Vec<Effect>, Vec<Effect>> {
    if let Some(reason) = guard::unseen(app) {
        return Err(flash::error(app, reason));
    }
    stage_seen(app, requests)
}

/// [`stage`], for a caller that has checked what asked for it was seen whole (the settings
/// form's save).
pub fn stage_seen(app: &mut App, requests: &[Request]) -> Result<Vec<Effect>, Vec<Effect>> {
    match staged_changes(app.org(), requests) {
        Ok(changes) => {
            let first = changes[0].line();
            let more = match changes.len() {
                1 => String::new(),
                n => format!(" and {} more", n - 1),
            };
            let profile = app.current;
            let count = app.staging.add(profile, changes);
            let text = format!("Staged {first}{more} (STAGED {count}); {}", plan_hint(app));
            Ok(vec![flash::show(app, FlashLevel::Info, text)])
        }
        Err(why) => Err(flash::error(app, format!("Not staged: {why}"))),
    }
}
