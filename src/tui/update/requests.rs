//! Starting requests: registered as in flight (for the spinner and for cancelling), then sent.

use uuid::Uuid;

use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::state::{App, InFlight, RequestId};

/// Registers a request as in flight and returns its id with the effect that sends it.
pub fn send(app: &mut App, profile: usize, call: Call) -> (RequestId, Effect) {
    let id = RequestId(app.next_id());
    app.in_flight.insert(
        id,
        InFlight {
            profile,
            label: call.label().to_owned(),
            finishes: call.finishes_when_stopped(),
            stopping: false,
            told_if_cancelled: call.told_if_cancelled(),
        },
    );
    (id, Effect::Request { id, profile, call })
}

/// (Re)loads everything shown for an organization. Data already shown stays until the
/// answers replace it.
pub fn load_organization(app: &mut App, profile: usize) -> Vec<Effect> {
    let (id, e) = send(app, profile, Call::Organization);
    app.orgs[profile].organization.start(id);
    let mut effects = vec![e];
    effects.extend(reload_workspaces(app, profile, false));
    // Archived workspaces too, though the list shows them only on request: the picker and
    // `:ws NAME` find them from the start.
    effects.extend(reload_workspaces(app, profile, true));
    effects.extend(reload_people(app, profile));
    effects.extend(reload_keys(app, profile));
    if let Some(open) = app.orgs[profile].open
        && app.orgs[profile]
            .views
            .get(&open)
            .is_some_and(|v| v.form.is_some())
    {
        effects.extend(load_settings(app, profile, open));
    }
    effects
}

/// (Re)loads one of the workspace lists.
pub fn reload_workspaces(app: &mut App, profile: usize, archived: bool) -> Vec<Effect> {
    let (id, e) = send(app, profile, Call::Workspaces { archived });
    let org = &mut app.orgs[profile];
    if archived {
        org.archived.start(id);
    } else {
        org.workspaces.start(id);
    }
    vec![e]
}

/// (Re)loads the members, their memberships and the role catalog.
pub fn reload_people(app: &mut App, profile: usize) -> Vec<Effect> {
    let (id, e) = send(app, profile, Call::People);
    app.orgs[profile].people.start(id);
    vec![e]
}

/// (Re)loads the organization's API keys.
pub fn reload_keys(app: &mut App, profile: usize) -> Vec<Effect> {
    let (id, e) = send(app, profile, Call::ApiKeys);
    app.orgs[profile].api_keys.start(id);
    vec![e]
}

/// Loads the archived list the first time it is shown.
pub fn ensure_archived(app: &mut App) -> Vec<Effect> {
    let profile = app.current;
    if !app.orgs[profile].archived.needs_request() {
        return Vec::new();
    }
    let (id, e) = send(app, profile, Call::Workspaces { archived: true });
    app.orgs[profile].archived.start(id);
    vec![e]
}

/// Loads a workspace's extension settings (again).
pub fn load_settings(app: &mut App, profile: usize, workspace: Uuid) -> Vec<Effect> {
    let (id, e) = send(app, profile, Call::WorkspaceSettings(workspace));
    app.orgs[profile]
        .views
        .entry(workspace)
        .or_default()
        .settings
        .start(id);
    vec![e]
}

/// Loads a workspace's extension settings unless they are loaded or on their way.
pub fn ensure_settings(app: &mut App, workspace: Uuid) -> Vec<Effect> {
    let profile = app.current;
    let needed = app.orgs[profile]
        .views
        .get(&workspace)
        .is_none_or(|v| v.settings.needs_request());
    if needed {
        load_settings(app, profile, workspace)
    } else {
        Vec::new()
    }
}

/// Stops waiting for the given requests: a read is aborted and leaves the spinner; a change or
/// a run of changes is asked to stop and stays on the spinner until it answers, since the
/// request under way goes on until then.
pub fn forget(app: &mut App, ids: Vec<RequestId>) -> Vec<Effect> {
    if ids.is_empty() {
        return Vec::new();
    }
    for id in &ids {
        match app.in_flight.get_mut(id) {
            Some(request) if request.finishes => request.stopping = true,
            _ => {
                app.in_flight.remove(id);
            }
        }
    }
    vec![Effect::Cancel(ids)]
}

/// Asks the server again for what a form shows: after a refusal, what the form knew (the values,
/// the organization's limit) may be out of date, and a Discard must go back to what the server
/// has now, not to what it had when the form opened. Fields the user typed in are kept.
pub fn reload_form(app: &mut App, profile: usize, workspace: Uuid) -> Vec<Effect> {
    let mut effects = load_settings(app, profile, workspace);
    effects.extend(reload_workspaces(app, profile, false));
    effects
}
