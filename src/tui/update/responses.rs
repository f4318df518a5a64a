//! Answers from the server. Each is taken only by the resource that waits for its request
//! id; answers for views the user has left are dropped.

use uuid::Uuid;

use crate::api::{WorkspaceOut, WorkspaceSettingsOut};
use crate::tui::call::{Call, Partial, Payload, Reply};
use crate::tui::effect::Effect;
use crate::tui::state::{App, ErrorKind, RemoteError, RequestId, Resource};

use super::{dialogs, navigation, saving};

pub fn apply(app: &mut App, reply: Reply) -> Vec<Effect> {
    app.in_flight.remove(&reply.id);
    let Reply {
        id,
        profile,
        call,
        result,
    } = reply;
    let now = app.now;
    let Some(org) = app.orgs.get_mut(profile) else {
        return Vec::new();
    };
    match call {
        Call::Organization => {
            org.organization
                .accept_at(id, take(result, Payload::organization), now);
            Vec::new()
        }
        Call::Workspaces { archived } => {
            let slot = if archived {
                &mut org.archived
            } else {
                &mut org.workspaces
            };
            if slot.accept_at(id, take(result, Payload::workspaces), now) {
                workspaces_arrived(app, profile)
            } else {
                Vec::new()
            }
        }
        Call::People => {
            let result = result.and_then(|payload| match payload {
                Payload::PeoplePaged { workspace_roles } => Ok(org
                    .assembled_people(id)
                    .with_workspace_roles(workspace_roles)),
                whole => take(Ok(whole), Payload::people),
            });
            if org.accept_people(id, result, now) {
                settle_members(app, profile);
                // The pages shown while it loaded were just dropped.
                crate::tui::memory::give_back_freed();
            }
            Vec::new()
        }
        Call::ApiKeys => {
            let keys = take(result, Payload::api_keys);
            dialogs::keys_reread(app, id, keys.as_deref());
            app.orgs[profile].api_keys.accept_at(id, keys, now);
            Vec::new()
        }
        Call::WorkspaceSettings(workspace) => {
            let result = take(result, Payload::workspace_settings);
            settings_arrived(app, profile, workspace, id, result);
            Vec::new()
        }
        Call::View(_) => {
            crate::tui::views::control::arrived(app, id, profile, take(result, Payload::view))
        }
        Call::NotRemoved(asked) => {
            let read = take(result, Payload::stays);
            crate::tui::dialogs::remove_members::explained(app, &asked, read)
        }
        Call::GroupAccess => {
            dialogs::read_answered(app, id, &result);
            Vec::new()
        }
        Call::Change(_) => {
            let result = take(result, Payload::applied);
            match org.form_saving(id) {
                Some(workspace) => saving::saved(app, profile, workspace, id, result),
                None => dialogs::answered(app, id, profile, result),
            }
        }
    }
}

/// A page of the directory while it loads: shown if the first load still waits for it. The
/// cursor stays on its member as rows arrive around it.
pub fn partial(app: &mut App, partial: Partial) {
    let Partial { id, profile, page } = partial;
    let Some(org) = app.orgs.get_mut(profile) else {
        return;
    };
    if org.accept_people_page(id, page.persons, page.catalog, page.progress) {
        settle_members(app, profile);
    }
}

/// The payload as the call asked for it; a payload of another kind is a bug, shown as one.
fn take<T>(
    result: Result<Payload, RemoteError>,
    pick: fn(Payload) -> Option<T>,
) -> Result<T, RemoteError> {
    result.and_then(|payload| {
        pick(payload).ok_or_else(|| {
            RemoteError::new(
                ErrorKind::Unexpected,
                "internal error: an answer of another kind",
            )
        })
    })
}

/// Fresh workspace lists: open the default workspace the first time, keep cursors on their
/// items, and let untouched form fields follow the server.
fn workspaces_arrived(app: &mut App, profile: usize) -> Vec<Effect> {
    let effects = navigation::open_initial_workspace(app, profile);
    let org = &mut app.orgs[profile];
    let ids = org.visible_workspace_ids();
    org.list_cursor.settle(&ids);
    let fresh: Vec<WorkspaceOut> = org
        .views
        .keys()
        .filter_map(|id| org.find_workspace(*id).map(|f| f.workspace.clone()))
        .collect();
    for workspace in fresh {
        if let Some(form) = org
            .views
            .get_mut(&workspace.uuid)
            .and_then(|v| v.form.as_mut())
            && form.saving.is_none()
        {
            form.refresh_details(&workspace);
        }
    }
    effects
}

/// Fresh members: cursors stay on their rows, and a selection keeps only people who are still
/// members (someone removed elsewhere is not counted among the selected, nor acted on).
fn settle_members(app: &mut App, profile: usize) {
    let org = &mut app.orgs[profile];
    let ids: Vec<Uuid> = org.views.keys().copied().collect();
    for ws in ids {
        let rows = org.shown_members(ws).ids;
        let complete = org.people.get().is_some();
        let Some(people) = org.directory() else {
            continue;
        };
        let gone: Vec<Uuid> = match org.views.get(&ws) {
            Some(view) => view
                .marked
                .iter()
                .filter(|id| people.person(**id).is_none_or(|p| p.roles_in(ws).is_none()))
                .copied()
                .collect(),
            None => continue,
        };
        if let Some(view) = org.views.get_mut(&ws) {
            view.members_cursor.settle(&rows);
            // While pages arrive, someone marked may simply not have arrived yet.
            if complete {
                for id in gone {
                    view.marked.remove(&id);
                }
            }
        }
    }
}

fn settings_arrived(
    app: &mut App,
    profile: usize,
    workspace: Uuid,
    id: RequestId,
    result: Result<Option<WorkspaceSettingsOut>, crate::tui::state::RemoteError>,
) {
    let Some(view) = app.orgs[profile].views.get_mut(&workspace) else {
        return;
    };
    if !view.settings.accept_at(id, result, app.now) {
        return;
    }
    let Some(form) = view.form.as_mut() else {
        return;
    };
    match &view.settings.value {
        crate::tui::state::Remote::Loaded(s) => form.refresh_extension(Ok(s.as_ref())),
        crate::tui::state::Remote::Failed(err) => form.refresh_extension(Err(err)),
        crate::tui::state::Remote::Loading => {}
    }
}

/// Puts a saved workspace in place of the listed one.
pub fn replace_workspace(list: &mut Resource<Vec<WorkspaceOut>>, saved: &WorkspaceOut) {
    if let Some(list) = list.get_mut()
        && let Some(slot) = list.iter_mut().find(|w| w.uuid == saved.uuid)
    {
        *slot = saved.clone();
    }
}
