//! The dialog stack's side of `update`, the one place a dialog is acted on: its keys (the top
//! dialog's, through the routing table), what its answer asks for ([`Next`]), and the answer
//! to its change. A change leaves a dialog only here, and only if the last frame drew the
//! dialog whole (see [`guard`]).

use crate::tui::call::{Applied, Call, Payload};
use crate::tui::dialogs::{After, Answered, Next, Opened};
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::routing::{Handler, Input, Offer};
use crate::tui::state::{App, ErrorKind, FlashLevel, Navigation, RemoteError, RequestId};

use super::{commands, flash, guard, navigation, requests, saving};

/// The top dialog, as a row of the routing table.
pub const HANDLER: Handler = Handler { offer, act, paste };

/// A dialog whose change is on its way takes nothing: nothing is sent twice and nothing typed
/// changes while the answer is awaited (ctrl-c, looked at before any dialog, stops waiting).
fn offer(app: &App, action: Action) -> Offer {
    match app.dialogs.last() {
        Some(dialog) if !dialog.is_sending() && dialog.offers(action) => Offer::Acts,
        _ => Offer::Ignores,
    }
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let Some(mut dialog) = app.dialogs.pop() else {
        return Vec::new();
    };
    // A typed key comes without an offer; a dialog on its way takes none.
    let next = if dialog.is_sending() {
        Next::Stay
    } else {
        dialog.act(input, app)
    };
    app.dialogs.push(dialog);
    follow(app, next)
}

fn paste(app: &mut App, text: &str) {
    if let Some(dialog) = app.dialogs.last_mut()
        && !dialog.is_sending()
    {
        dialog.paste(text);
    }
}

/// Opens a dialog, or says on the status line why it does not open.
pub fn open(app: &mut App, opened: Opened) -> Vec<Effect> {
    match opened {
        Ok(dialog) => {
            let reads = dialog.reads_on_open();
            app.dialogs.push(dialog);
            reads.map_or_else(Vec::new, |call| read(app, call))
        }
        Err((level, text)) => vec![flash::show(app, level, text)],
    }
}

/// Carries out what the top dialog asked for.
fn follow(app: &mut App, next: Next) -> Vec<Effect> {
    match next {
        Next::Stay => Vec::new(),
        Next::Close => {
            app.dialogs.pop();
            Vec::new()
        }
        Next::Say(level, text) => vec![flash::show(app, level, text)],
        Next::Send(request) => send(app, request),
        Next::Read(call) => read(app, call),
        Next::CheckKeys => {
            let profile = app.current;
            let effects = requests::reload_keys(app, profile);
            let reading = app.orgs[profile].api_keys.pending;
            if let (Some(id), Some(submission)) = (
                reading,
                app.dialogs.last_mut().and_then(|d| d.submission_mut()),
            ) {
                submission.start(id);
            }
            effects
        }
        Next::Copy(text, said) => {
            vec![
                Effect::Copy(text),
                flash::show(app, FlashLevel::Success, said),
            ]
        }
        Next::Then(after) => {
            if after.sends_a_change()
                && let Some(reason) = guard::unseen(app)
            {
                return flash::error(app, reason);
            }
            // Refused before the dialog closes: it stays with everything chosen in it.
            if let After::Start(fetcher) = &after
                && let Some(reason) = super::staging::run_refusal(app, fetcher)
            {
                return flash::error(app, reason);
            }
            app.dialogs.pop();
            then(app, after)
        }
    }
}

/// Starts the top dialog's read; it keeps taking keys meanwhile.
fn read(app: &mut App, call: Call) -> Vec<Effect> {
    let profile = app.current;
    let (id, effect) = requests::send(app, profile, call);
    if let Some(dialog) = app.dialogs.last_mut() {
        dialog.reading(id);
    }
    vec![effect]
}

/// The answer to a dialog's read, for the dialog that waits for it (none, once it closed).
pub fn read_answered(app: &mut App, id: RequestId, result: &Result<Payload, RemoteError>) {
    for dialog in &mut app.dialogs {
        dialog.read(id, result);
    }
}

/// Sends the top dialog's change; the dialog stays open, disabled, until the answer. Only a
/// dialog the last frame drew whole may send.
fn send(app: &mut App, request: crate::actions::Request) -> Vec<Effect> {
    let requests = std::slice::from_ref(&request);
    if let Some(reason) = super::staging::refusal(app, requests) {
        return flash::error(app, reason);
    }
    if super::staging::collects(app, requests) {
        // Collected instead of sent: the dialog's work is done, as if the server had said yes.
        return match super::staging::stage(app, requests) {
            Ok(effects) => {
                app.dialogs.pop();
                effects
            }
            Err(effects) => effects,
        };
    }
    if let Some(reason) = guard::unseen(app) {
        return flash::error(app, reason);
    }
    let profile = app.current;
    let (id, effect) = requests::send(app, profile, Call::Change(vec![request]));
    if let Some(submission) = app.dialogs.last_mut().and_then(|d| d.submission_mut()) {
        submission.start(id);
    }
    vec![effect]
}

/// What the console does once a dialog has closed.
fn then(app: &mut App, after: After) -> Vec<Effect> {
    match after {
        After::Go(to) => navigation::request(app, to),
        After::Command(text) => commands::run(app, &text),
        After::Say(level, text) => vec![flash::show(app, level, text)],
        After::Start(fetcher) => crate::tui::views::control::start(app, fetcher),
        // The changes may have been saved (or undone) while the prompt was open.
        After::Save(to) if !app.org().has_unsaved_changes() => navigation::go(app, to),
        After::Save(to) => saving::save(app, Some(to)),
        After::Discard(to) => {
            let discarded = app.org().open;
            if let Some(form) = app.open_form_mut() {
                form.discard();
            }
            let profile = app.current;
            let mut effects = navigation::go(app, to);
            // The form shows the server's values when the admin comes back, not stale ones.
            if let Some(workspace) = discarded
                && to != Navigation::Quit
            {
                effects.extend(requests::reload_form(app, profile, workspace));
            }
            effects
        }
    }
}

/// The answer to a dialog's change. A refusal stays in the dialog with everything the admin
/// chose; success closes it and shows the change at once.
pub fn answered(
    app: &mut App,
    id: RequestId,
    profile: usize,
    result: Result<Applied, RemoteError>,
) -> Vec<Effect> {
    let Some(index) = app
        .dialogs
        .iter()
        .position(|d| d.submission().is_some_and(|s| s.sending == Some(id)))
    else {
        // Abandoned with ctrl-c: the admin was told the outcome is unknown, and the runner let
        // the request under way finish. The panes were reloaded at ctrl-c, likely before it
        // landed; if something was made, they are read again now.
        return match result {
            Ok(applied) if !applied.replies.is_empty() => requests::load_organization(app, profile),
            _ => Vec::new(),
        };
    };
    match result {
        Err(error) => {
            app.dialogs[index].refused(error);
            Vec::new()
        }
        Ok(applied) => {
            let dialog = app.dialogs.remove(index);
            dialog.done(
                app,
                Answered {
                    profile,
                    replies: &applied.replies,
                },
            )
        }
    }
}

/// ctrl-c while a dialog's change is on its way: stop waiting, keep the dialog, and say that
/// the change may have happened. Returns whether there was one.
pub fn abandon(app: &mut App) -> bool {
    let mut abandoned = false;
    for dialog in &mut app.dialogs {
        dialog.read_stopped();
        if let Some(submission) = dialog.submission_mut()
            && submission.is_sending()
        {
            submission.fail(RemoteError::new(
                ErrorKind::Cancelled,
                "Stopped waiting: the change may already have been made; the lists reload to show what the server has",
            ));
            dialog.focus_cancel();
            abandoned = true;
        }
    }
    abandoned
}

/// The API keys read again for the dialog that asked ([`Next::CheckKeys`]): it takes them, or
/// keeps the reason they could not be read and stays as it was.
pub fn keys_reread(
    app: &mut App,
    id: RequestId,
    result: Result<&[crate::api::ApiKeyExtendedOut], &RemoteError>,
) {
    let Some(dialog) = app
        .dialogs
        .iter_mut()
        .find(|d| d.submission().is_some_and(|s| s.sending == Some(id)))
    else {
        return;
    };
    match result {
        Ok(keys) => {
            if let Some(submission) = dialog.submission_mut() {
                submission.sending = None;
            }
            dialog.keys_reread(keys);
        }
        Err(error) => dialog.refused(error.clone()),
    }
}
