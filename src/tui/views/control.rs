//! The one place an organization view is acted on: opening it from a `:` command, its keys
//! (its own keymap section, then the keys every view shares, then the global ones), its
//! fetches and their answers, and closing it. Answers that arrive after the view closed, or
//! for a view that replaced it, are dropped.

use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Handler, Input, Layer, Offer, Route};
use crate::tui::state::{App, RequestId};
use crate::tui::update::keys::global;
use crate::tui::update::{flash, requests};

use super::{Entry, FetchAnswer, Fetcher, OpenView, Step};

/// The open view's keys: its own section and the section every view shares.
pub const HANDLER: Handler = Handler { offer, act, paste };

/// The global keys under a view, but for the ones that move between the panes it hides, and
/// quit: its key leaves the view first (the hint line must not promise otherwise).
pub const GLOBAL: Handler = Handler::keys(global_offer, global::HANDLER.act);

/// The view shown now: the open one, if it belongs to the organization on screen.
pub fn current(app: &App) -> Option<&OpenView> {
    app.view.as_ref().filter(|open| open.profile == app.current)
}

/// The routing table's rows while a view is shown (no dialog being open).
pub fn routes(app: &App) -> Option<Vec<Route>> {
    let open = current(app)?;
    if open.view.typing() {
        return Some(vec![
            Route {
                layer: Layer::Keys(Context::Filter),
                handler: &HANDLER,
            },
            Route {
                layer: Layer::Text,
                handler: &HANDLER,
            },
        ]);
    }
    let keys = |context| Route {
        layer: Layer::Keys(context),
        handler: &HANDLER,
    };
    Some(vec![
        keys(open.view.context()),
        keys(Context::View),
        Route {
            layer: Layer::Keys(Context::Global),
            handler: &GLOBAL,
        },
    ])
}

fn global_offer(app: &App, action: Action) -> Offer {
    match action {
        Action::NextPane | Action::PreviousPane | Action::JumpBack => Offer::Ignores,
        Action::Quit
            if app
                .keymap
                .keys(Context::Global, Action::Quit)
                .iter()
                .all(|k| app.keymap.keys(Context::View, Action::Close).contains(k)) =>
        {
            Offer::Ignores
        }
        other => (global::HANDLER.offer)(app, other),
    }
}

fn offer(app: &App, action: Action) -> Offer {
    let Some(open) = current(app) else {
        return Offer::Ignores;
    };
    match action {
        Action::Close | Action::Refresh if !open.view.typing() => Offer::Acts,
        other => open
            .view
            .list_offer(other)
            .unwrap_or_else(|| open.view.offer(other, app)),
    }
}

/// Why the open view may not be left now: a run of changes on its way, or one asked to stop
/// whose outcome (what was applied, what stays staged) has not come back yet.
pub fn busy(app: &App) -> Option<String> {
    let open = app.view.as_ref()?;
    open.view.busy().or_else(|| {
        (open.pending.iter())
            .any(|(_, fetcher)| fetcher.is_run())
            .then(|| "The run is stopping after the change on its way: wait for what it did".into())
    })
}

fn act(app: &mut App, input: Input) -> Vec<Effect> {
    let typing = current(app).is_some_and(|open| open.view.typing());
    let busy = current(app).and_then(|_| busy(app));
    match input {
        Input::Action(Action::Close | Action::Refresh) if !typing && busy.is_some() => {
            flash::info(app, busy.unwrap_or_default())
        }
        Input::Action(Action::Close) if !typing => close(app),
        Input::Action(Action::Refresh) if !typing => reload(app),
        input => {
            let Some(mut open) = app.view.take() else {
                return Vec::new();
            };
            let by_list = open.view.list_keys().and_then(|list| list.act(&input, app));
            // Text is the list's (its search); a view acts on what a key stands for.
            let steps = by_list.unwrap_or_else(|| match input {
                Input::Action(action) => open.view.act(action, app),
                Input::Typed(_) => Vec::new(),
            });
            app.view = Some(open);
            follow(app, steps)
        }
    }
}

fn paste(app: &mut App, text: &str) {
    let Some(mut open) = app.view.take() else {
        return;
    };
    if open.profile == app.current
        && let Some(list) = open.view.list_keys()
    {
        list.paste(text, app);
    }
    app.view = Some(open);
}

/// Opens a view (closing the one open before) and starts its loads.
pub fn open(app: &mut App, entry: &Entry) -> Vec<Effect> {
    let view = (entry.open)(app);
    open_view(app, view)
}

/// Opens `view` as it is (a trail with its filter, ...), closing the one open before; not
/// while that one is busy with a run, whose outcome closing it would lose.
pub fn open_view(app: &mut App, view: Box<dyn super::View>) -> Vec<Effect> {
    if let Some(why) = busy(app) {
        return flash::info(app, why);
    }
    let mut effects = close(app);
    app.view = Some(OpenView {
        profile: app.current,
        view,
        pending: Vec::new(),
    });
    effects.extend(reload(app));
    effects
}

/// Asks the view for its loads again; what it shows stays until the answers replace it.
pub fn reload(app: &mut App) -> Vec<Effect> {
    let Some(mut open) = app.view.take() else {
        return Vec::new();
    };
    let steps = open.view.load(app);
    app.view = Some(open);
    follow(app, steps)
}

/// Back to the workspace panes; the view's loads stop.
pub fn close(app: &mut App) -> Vec<Effect> {
    let Some(open) = app.view.take() else {
        return Vec::new();
    };
    let pending = open.pending.iter().map(|(id, _)| *id).collect();
    // A view can hold a large organization's rows: once they are dropped, the memory they
    // took goes back to the system instead of staying with the allocator.
    drop(open);
    crate::tui::memory::give_back_freed();
    requests::forget(app, pending)
}

/// What ctrl-c left of the open view's requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Abandoned {
    /// A change it no longer waits for (a step of a `:people` run): the change on its way is
    /// finished by the runner, so what the panes show may be out of date.
    pub change: bool,
    /// A run of changes (`:plan`'s apply, `:undo`) asked to stop after the change on its way:
    /// the view still waits for its outcome, which says what was applied and what was not.
    pub run: bool,
    /// A single change that cannot be called back once sent (the SCIM sync's start), let
    /// finish instead: what it does, said as "run the SCIM sync".
    pub finishing: Option<&'static str>,
}

/// ctrl-c stopped every request: the view no longer waits for its reads and its single
/// changes, and says so; a run of changes is asked to stop and still answers.
pub fn abandon(app: &mut App) -> Abandoned {
    let Some(open) = app.view.as_mut() else {
        return Abandoned::default();
    };
    if open.pending.is_empty() {
        return Abandoned::default();
    }
    let abandoned = Abandoned {
        change: (open.pending.iter()).any(|(_, fetcher)| fetcher.0.sends().is_some()),
        run: (open.pending.iter()).any(|(_, fetcher)| fetcher.is_run()),
        finishing: (open.pending.iter())
            .filter(|(_, fetcher)| fetcher.is_run())
            .find_map(|(_, fetcher)| fetcher.0.change()),
    };
    open.pending.retain(|(_, fetcher)| fetcher.is_run());
    open.view.cancelled();
    abandoned
}

/// Runs a fetch for the open view: what a dialog over it asks for once confirmed.
pub fn start(app: &mut App, fetcher: Fetcher) -> Vec<Effect> {
    follow(app, vec![Step::Fetch(fetcher)])
}

/// The answer to a view's fetch, if the view still waits for it.
pub fn arrived(app: &mut App, id: RequestId, profile: usize, result: FetchAnswer) -> Vec<Effect> {
    let Some(mut open) = app.view.take() else {
        return Vec::new();
    };
    let Some(index) = open.pending.iter().position(|(pending, _)| *pending == id) else {
        app.view = Some(open);
        return Vec::new();
    };
    let (_, fetcher) = open.pending.remove(index);
    let steps = if open.profile == profile {
        open.view.arrived(&fetcher, result, app)
    } else {
        Vec::new()
    };
    app.view = Some(open);
    follow(app, steps)
}

/// Carries out what the view asked for.
pub fn follow(app: &mut App, steps: Vec<Step>) -> Vec<Effect> {
    let mut effects = Vec::new();
    for step in steps {
        match step {
            Step::Close => effects.extend(close(app)),
            Step::Say(level, text) => effects.push(flash::show(app, level, text)),
            Step::Fetch(fetcher) => {
                let Some(profile) = app.view.as_ref().map(|open| open.profile) else {
                    continue;
                };
                let (id, effect) = requests::send(app, profile, Call::View(fetcher.clone()));
                if let Some(open) = app.view.as_mut() {
                    open.view.started(&fetcher);
                    open.pending.push((id, fetcher));
                }
                effects.push(effect);
            }
            Step::StopLoads => {
                let ids = app
                    .view
                    .as_mut()
                    .map(|open| open.pending.drain(..).map(|(id, _)| id).collect())
                    .unwrap_or_default();
                effects.extend(requests::forget(app, ids));
            }
            Step::Open(dialog) => app.dialogs.push(dialog),
            Step::Unstage(ids) => {
                app.staging.remove(&ids);
            }
            Step::ReloadOrganization => {
                let profile = app.view.as_ref().map_or(app.current, |open| open.profile);
                effects.extend(requests::load_organization(app, profile));
            }
            Step::Switch(view) => effects.extend(open_view(app, view)),
            Step::ReloadPeople => {
                if let Some(profile) = app.view.as_ref().map(|open| open.profile) {
                    effects.extend(requests::reload_people(app, profile));
                    effects.extend(requests::reload_keys(app, profile));
                }
            }
        }
    }
    effects
}
