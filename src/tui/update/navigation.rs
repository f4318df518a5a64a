//! Moves that change what is shown: opening a workspace, switching organization or tab,
//! quitting. Leaving a form with unsaved changes asks first.

use uuid::Uuid;

use crate::tui::dialogs::unsaved::Unsaved;
use crate::tui::effect::Effect;
use crate::tui::state::form::SettingsForm;
use crate::tui::state::selection::Selection;
use crate::tui::state::{App, FlashLevel, Focus, Navigation, Tab};

use super::{flash, requests};

/// Goes where asked, unless that would drop unsaved changes: then the prompt opens instead.
pub fn request(app: &mut App, to: Navigation) -> Vec<Effect> {
    if would_lose_changes(app, to) {
        // A save already on its way decides: go once it succeeds, stay if it fails.
        if let Some(form) = app.org_mut().open_view_mut().and_then(|v| v.form.as_mut())
            && form.saving.is_some()
        {
            form.after_save = Some(to);
            return flash::info(app, "Saving… will continue once the save succeeds");
        }
        app.dialogs.push(Box::new(Unsaved::new(to)));
        return Vec::new();
    }
    go(app, to)
}

fn would_lose_changes(app: &App, to: Navigation) -> bool {
    let leaves = match to {
        Navigation::OpenWorkspace(id) => app.org().open != Some(id),
        Navigation::SwitchOrganization(i) => i != app.current,
        Navigation::Quit => true,
    };
    leaves && app.org().has_unsaved_changes()
}

/// Goes where asked, no questions (the caller has dealt with unsaved changes).
pub fn go(app: &mut App, to: Navigation) -> Vec<Effect> {
    // An error about an earlier attempt is stale once the user gets somewhere.
    if to != Navigation::Quit
        && app
            .flash
            .as_ref()
            .is_some_and(|f| f.level == FlashLevel::Error)
    {
        app.flash = None;
    }
    // Going to a workspace or another organization leaves the organization view for it, but
    // not while the view runs changes: their outcome would be lost with it.
    if to != Navigation::Quit
        && let Some(why) = crate::tui::views::control::busy(app)
    {
        return crate::tui::update::flash::info(app, why);
    }
    let mut effects = crate::tui::views::control::close(app);
    effects.extend(match to {
        Navigation::OpenWorkspace(id) => open_workspace(app, id),
        Navigation::SwitchOrganization(index) => switch_organization(app, index),
        Navigation::Quit => {
            app.quit = true;
            let ids = app.in_flight.keys().copied().collect();
            requests::forget(app, ids)
        }
    });
    effects
}

pub fn open_workspace(app: &mut App, id: Uuid) -> Vec<Effect> {
    let org = app.org();
    if org.open == Some(id) {
        app.focus = Focus::Detail;
        return Vec::new();
    }
    let Some(found) = org.find_workspace(id) else {
        return flash::error(app, "That workspace is no longer listed");
    };
    let archived = found.archived;
    let mut effects = leave_open_workspace(app);
    let org = app.org_mut();
    org.previous = org.open;
    org.open = Some(id);
    // The list shows the workspace that opened, under its cursor, so that a key on the list
    // acts on the workspace the admin is looking at: an archived one switches the list to the
    // archived ones, and a filter that hides it is cleared.
    org.show_archived = archived;
    if !org.visible_workspace_ids().contains(&id) {
        org.list_filter.clear();
    }
    let ids = org.visible_workspace_ids();
    if ids.contains(&id) {
        org.list_cursor = Selection::on(id);
        org.list_cursor.settle(&ids);
    }
    app.focus = Focus::Detail;
    if archived {
        effects.extend(requests::ensure_archived(app));
    }
    let tab = app.org_mut().views.entry(id).or_default().tab;
    effects.extend(show_tab(app, tab));
    effects
}

/// Opens the workspace the organization starts on (its default one) without moving focus.
pub fn open_initial_workspace(app: &mut App, profile: usize) -> Vec<Effect> {
    let org = &mut app.orgs[profile];
    if org.open.is_some() {
        return Vec::new();
    }
    let Some(list) = org.workspaces.get() else {
        return Vec::new();
    };
    let Some(first) = list.iter().find(|w| w.is_default).or(list.first()) else {
        return Vec::new();
    };
    let id = first.uuid;
    org.open = Some(id);
    if org.list_cursor.id.is_none() {
        org.list_cursor.id = Some(id);
        let ids = org.visible_workspace_ids();
        org.list_cursor.settle(&ids);
    }
    let tab = org.views.entry(id).or_default().tab;
    if profile == app.current {
        show_tab(app, tab)
    } else {
        Vec::new()
    }
}

/// The open workspace is being left: its form is already saved or discarded; a settings
/// load still running for it would only be dropped, so it is cancelled now.
fn leave_open_workspace(app: &mut App) -> Vec<Effect> {
    let Some(view) = app.org_mut().open_view_mut() else {
        return Vec::new();
    };
    let pending = view.settings.pending;
    view.settings.abandon();
    if let Some(form) = view.form.as_mut()
        && form.saving.is_none()
    {
        form.editing = None;
    }
    requests::forget(app, pending.into_iter().collect())
}

pub fn switch_organization(app: &mut App, index: usize) -> Vec<Effect> {
    if index >= app.profiles.len() {
        return Vec::new();
    }
    app.org_cursor = index;
    if index == app.current {
        return Vec::new();
    }
    let mut effects = leave_open_workspace(app);
    let pending = app.org().pending_requests();
    app.org_mut().abandon_loads();
    effects.extend(requests::forget(app, pending));
    app.current = index;
    if app.focus == Focus::Detail && app.org().open.is_none() {
        app.focus = Focus::Workspaces;
    }
    effects.extend(requests::load_organization(app, index));
    effects
}

/// Shows a tab of the open workspace, preparing the settings form when needed.
pub fn show_tab(app: &mut App, tab: Tab) -> Vec<Effect> {
    let Some(id) = app.org().open else {
        return Vec::new();
    };
    app.org_mut().views.entry(id).or_default().tab = tab;
    if tab != Tab::Settings {
        return Vec::new();
    }
    let effects = requests::ensure_settings(app, id);
    ensure_form(app, id);
    effects
}

/// Creates the settings form of a workspace from what the server last said about it.
pub fn ensure_form(app: &mut App, id: Uuid) {
    let org = app.org_mut();
    let Some(found) = org.find_workspace(id) else {
        return;
    };
    let workspace = found.workspace.clone();
    let view = org.views.entry(id).or_default();
    if view.form.is_some() {
        return;
    }
    let mut form = SettingsForm::new(&workspace);
    match &view.settings.value {
        crate::tui::state::Remote::Loaded(s) => form.refresh_extension(Ok(s.as_ref())),
        crate::tui::state::Remote::Failed(err) if view.settings.pending.is_none() => {
            form.refresh_extension(Err(err))
        }
        _ => {}
    }
    view.form = Some(form);
}
