//! Saving the settings form: the requests for what changed, and what their answer does to the
//! form (saved, refused with the reasons at the fields, or saved in part).

use uuid::Uuid;

use crate::actions::{self, outcome};
use crate::api::{WorkspaceOut, WorkspaceSettingsOut};
use crate::tui::call::{Applied, Call};
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel, Navigation, RemoteError, RequestId, Resource};
use crate::tui::update::flash;

use super::requests::reload_form;
use super::responses::replace_workspace;
use super::{navigation, requests};

/// Sends the form if it is valid and changed; `then` is where to go once it is saved. The
/// caller has checked that what asked for it was seen whole (the form, or the prompt).
pub fn save(app: &mut App, then: Option<Navigation>) -> Vec<Effect> {
    if let Some(reason) = app.workspace_refusal() {
        return flash::error(app, reason);
    }
    let Some(form) = app.open_form() else {
        return flash::info(app, "Nothing to save here");
    };
    if form.saving.is_some() {
        if then.is_some()
            && let Some(form) = app.open_form_mut()
        {
            form.after_save = then;
        }
        return flash::info(app, "Already saving…");
    }
    let changes = match form.save_requests() {
        Ok(changes) => changes,
        Err(reason) => return flash::error(app, format!("Not saved: {reason}")),
    };
    if let Some(reason) = super::staging::refusal(app, &changes) {
        return flash::error(app, reason);
    }
    if super::staging::collects(app, &changes) {
        return stage_form(app, &changes, then);
    }
    let profile = app.current;
    let (id, effect) = requests::send(app, profile, Call::Change(changes));
    if let Some(form) = app.open_form_mut() {
        form.saving = Some(id);
        form.after_save = then;
        form.editing = None;
    }
    vec![effect]
}

/// The answer to a save: the form takes what the server has now, or keeps everything typed
/// and puts the server's words at the fields they concern.
pub fn saved(
    app: &mut App,
    profile: usize,
    workspace: Uuid,
    id: RequestId,
    result: Result<Applied, RemoteError>,
) -> Vec<Effect> {
    let org = &mut app.orgs[profile];
    let Some(view) = org.views.get_mut(&workspace) else {
        return Vec::new();
    };
    let Some(form) = view.form.as_mut().filter(|f| f.saving == Some(id)) else {
        // Cancelled with ctrl-c: the user was told the outcome is unknown.
        return Vec::new();
    };
    match SaveResult::of(result) {
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
            let mut effects = vec![flash::show(app, FlashLevel::Success, outcome::saved(&name))];
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
            effects.extend(reload_form(app, profile, workspace));
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
            let mut effects = flash::error(app, outcome::partly_saved(&detail));
            effects.extend(reload_form(app, profile, workspace));
            effects
        }
    }
}

/// What a save came to.
enum SaveResult {
    /// Everything sent was saved; each part is the server's new state (None if not sent).
    Saved {
        workspace: Option<WorkspaceOut>,
        settings: Option<WorkspaceSettingsOut>,
    },
    /// Nothing was saved.
    Failed(RemoteError),
    /// The workspace's own fields were saved, the extension settings were not.
    PartlySaved {
        workspace: WorkspaceOut,
        settings_error: RemoteError,
    },
}

impl SaveResult {
    fn of(result: Result<Applied, RemoteError>) -> Self {
        let applied = match result {
            Ok(applied) => applied,
            Err(error) => return Self::Failed(error),
        };
        let mut workspace = None;
        let mut settings = None;
        for reply in applied.replies {
            match reply {
                actions::Reply::WorkspaceUpdated(saved) => workspace = Some(saved),
                actions::Reply::SettingsUpdated(saved) => settings = Some(saved),
                _ => {}
            }
        }
        match (applied.stopped, workspace) {
            (None, workspace) => Self::Saved {
                workspace,
                settings,
            },
            (Some(settings_error), Some(workspace)) => Self::PartlySaved {
                workspace,
                settings_error,
            },
            (Some(error), None) => Self::Failed(error),
        }
    }
}

/// Staging is on: the form's edits go into the plan, and the form goes back to what the
/// server has (the plan holds the edits now), then the console goes on.
fn stage_form(
    app: &mut App,
    changes: &[crate::actions::Request],
    then: Option<Navigation>,
) -> Vec<Effect> {
    match super::staging::stage_seen(app, changes) {
        Ok(mut effects) => {
            if let Some(form) = app.open_form_mut() {
                form.discard();
            }
            if let Some(to) = then {
                effects.extend(super::navigation::go(app, to));
            }
            effects
        }
        Err(effects) => effects,
    }
}
