//! Answers from the server. Each is taken only by the resource that waits for its request
//! id; answers for views the user has left are dropped.

use crate::tui::update::flash;
use uuid::Uuid;

use crate::api::{WorkspaceOut, WorkspaceSettingsOut};
use crate::tui::effect::Effect;
use crate::tui::msg::{Outcome, Reply, SaveResult};
use crate::tui::state::{App, FlashLevel, RequestId, Resource};

use super::{dialogs, navigation, settings};

pub fn apply(app: &mut App, reply: Reply) -> Vec<Effect> {
    app.in_flight.remove(&reply.id);
    let Reply {
        id,
        profile,
        outcome,
    } = reply;
    let now = app.now;
    let Some(org) = app.orgs.get_mut(profile) else {
        return Vec::new();
    };
    match outcome {
        Outcome::Organization(result) => {
            org.organization.accept_at(id, result, now);
            Vec::new()
        }
        Outcome::Workspaces { archived, result } => {
            let slot = if archived {
                &mut org.archived
            } else {
                &mut org.workspaces
            };
            if slot.accept_at(id, result, now) {
                workspaces_arrived(app, profile)
            } else {
                Vec::new()
            }
        }
        Outcome::People(result) => {
            if org.accept_people(id, result, now) {
                settle_members(app, profile);
            }
            Vec::new()
        }
        Outcome::ApiKeys(result) => {
            org.api_keys.accept_at(id, result, now);
            Vec::new()
        }
        Outcome::WorkspaceSettings { workspace, result } => {
            settings_arrived(app, profile, workspace, id, result);
            Vec::new()
        }
        Outcome::SavedWorkspace { workspace, result } => saved(app, profile, workspace, id, result),
        Outcome::Changed(result) => dialogs::answered(app, id, profile, result),
    }
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
        let rows: Vec<Uuid> = org.visible_members(ws).iter().map(|r| r.user_id).collect();
        let members: std::collections::HashSet<Uuid> = org
            .people
            .get()
            .map(|p| p.rows_for(ws).iter().map(|r| r.user_id).collect())
            .unwrap_or_default();
        if let Some(view) = org.views.get_mut(&ws) {
            view.members_cursor.settle(&rows);
            view.marked.retain(|id| members.contains(id));
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

fn saved(
    app: &mut App,
    profile: usize,
    workspace: Uuid,
    id: RequestId,
    result: SaveResult,
) -> Vec<Effect> {
    let org = &mut app.orgs[profile];
    let Some(view) = org.views.get_mut(&workspace) else {
        return Vec::new();
    };
    let Some(form) = view.form.as_mut().filter(|f| f.saving == Some(id)) else {
        // Cancelled with ctrl-c: the user was told the outcome is unknown.
        return Vec::new();
    };
    match result {
        SaveResult::Saved {
            workspace: saved_workspace,
            settings,
        } => {
            form.accept_saved(saved_workspace.as_ref(), settings.as_ref());
            let then = form.after_save.take();
            if let Some(s) = settings {
                view.settings = Resource::loaded(Some(s));
            }
            let name = saved_workspace
                .as_ref()
                .map(|w| w.name.clone())
                .or_else(|| {
                    org.find_workspace(workspace)
                        .map(|f| f.workspace.name.clone())
                })
                .unwrap_or_default();
            if let Some(w) = saved_workspace {
                replace_workspace(&mut org.workspaces, &w);
                replace_workspace(&mut org.archived, &w);
            }
            let mut effects = vec![flash::show(
                app,
                FlashLevel::Success,
                format!("Saved \"{name}\""),
            )];
            if let Some(to) = then
                && profile == app.current
            {
                effects.extend(navigation::go(app, to));
            }
            effects
        }
        SaveResult::Failed(error) => {
            form.after_save = None;
            let general = form.accept_failure(&error);
            let text = match general {
                Some(message) => format!("Not saved: {message}"),
                None => "Not saved: see the fields marked !".to_owned(),
            };
            let mut effects = flash::error(app, text);
            effects.extend(settings::reload_form(app, profile, workspace));
            effects
        }
        SaveResult::PartlySaved {
            workspace: saved_workspace,
            settings_error,
        } => {
            form.after_save = None;
            form.accept_saved(Some(&saved_workspace), None);
            let general = form.accept_failure(&settings_error);
            replace_workspace(&mut org.workspaces, &saved_workspace);
            let detail = general.unwrap_or_else(|| "see the fields marked !".into());
            let mut effects = flash::error(
                app,
                format!("Name, description and icon saved; settings not saved: {detail}"),
            );
            effects.extend(settings::reload_form(app, profile, workspace));
            effects
        }
    }
}

fn replace_workspace(list: &mut Resource<Vec<WorkspaceOut>>, saved: &WorkspaceOut) {
    if let Some(list) = list.get_mut()
        && let Some(slot) = list.iter_mut().find(|w| w.uuid == saved.uuid)
    {
        *slot = saved.clone();
    }
}
