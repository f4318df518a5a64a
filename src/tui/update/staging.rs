//! Staging's side of `update`: the switch (its key and `:stage`), and a dialog's or the
//! settings form's change collected into the pending plan instead of being sent. Staging a
//! change follows the same rule as sending it: only what the last frame drew whole.

use crate::actions::Request;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::staging::live::{stageable, staged_changes, unstaged_intent};
use crate::tui::state::{App, FlashLevel};
use crate::tui::views::Fetcher;
use crate::tui::views::groups::{Groups, GroupsView};

use super::{flash, guard};

/// Whether these requests are collected rather than sent now.
pub fn collects(app: &App, requests: &[Request]) -> bool {
    app.staging.on && !requests.is_empty() && requests.iter().all(stageable)
}

/// The key that turns staging over, for the messages.
fn stage_key(app: &App) -> String {
    app.keymap
        .keys(Context::Global, Action::Stage)
        .first()
        .map_or_else(|| ":stage".to_owned(), ToString::to_string)
}

fn plan_hint(app: &App) -> String {
    format!(
        ":plan reviews and applies, {} stops staging",
        stage_key(app)
    )
}

/// The one rule while staging is on: a change is staged, or it is not sent at all. Only the
/// runs of the plan engine that `:plan` and `:undo` confirm (every change listed, applied
/// now) go out. `None` when `requests` may be sent (or staged).
pub fn refusal(app: &App, requests: &[Request]) -> Option<String> {
    if !app.staging.on || collects(app, requests) {
        return None;
    }
    let intent = requests
        .iter()
        .find(|r| !stageable(r))
        .map_or("send this change", unstaged_intent);
    Some(not_staged(app, intent))
}

/// [`refusal`] for a confirmed run a view starts (`None` for reads and for the plan's runs).
pub fn run_refusal(app: &App, fetcher: &Fetcher) -> Option<String> {
    let intent = fetcher.0.change()?;
    app.staging.on.then(|| not_staged(app, intent))
}

fn not_staged(app: &App, intent: &str) -> String {
    format!(
        "Not staged: this cannot be staged, and nothing was sent; turn staging off ({}) to {intent}",
        stage_key(app)
    )
}

/// The groups as the `:groups` view loaded them, when it is open on this organization.
fn loaded_groups(app: &App) -> Option<&Groups> {
    let open = app
        .view
        .as_ref()
        .filter(|open| open.profile == app.current)?;
    let view: &GroupsView = open.view.as_any().downcast_ref()?;
    match &view.groups {
        crate::tui::state::Remote::Loaded(groups) => Some(groups),
        _ => None,
    }
}

/// Turns staging on or off (`:stage`, or its key). What is staged stays either way.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    // A change already on its way would go on being sent (a batch's next request) under
    // STAGED: staging starts once it has been answered.
    if !app.staging.on && change_on_its_way(app) {
        return flash::error(
            app,
            "Staging not turned on: a change is on its way; turn it on once it is answered",
        );
    }
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

fn change_on_its_way(app: &App) -> bool {
    let dialog = app.dialogs.iter().any(|d| d.is_sending());
    let view = app.view.as_ref().is_some_and(|open| {
        open.view.busy().is_some() || open.pending.iter().any(|(_, f)| f.0.change().is_some())
    });
    let form = app.open_form().is_some_and(|form| form.saving.is_some());
    dialog || view || form
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
    match staged_changes(app.org(), loaded_groups(app), requests) {
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
