//! What a confirmed change does to the console: the panes show it at once (patched from what
//! the dialog sent), a message says what happened, and the affected data reloads in the
//! background to catch anything the patch could not know.

use crate::tui::update::flash;
use uuid::Uuid;

use crate::actions::Reply;
use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, RemoveWorkspaceMembersOut,
    WorkspaceEnrichedOut, WorkspaceOut,
};
use crate::domain::WorkspaceRole;
use crate::tui::effect::Effect;
use crate::tui::state::dialogs::{
    AddMembers, ArchiveDialog, CreateWorkspace, EditRoles, RemoveMembers, count_of,
};
use crate::tui::state::modal::Navigation;
use crate::tui::state::{App, FlashLevel, Modal};

use super::requests;
use crate::tui::update::navigation;

pub fn apply(app: &mut App, profile: usize, dialog: Modal, replies: &[Reply]) -> Vec<Effect> {
    match (dialog, replies) {
        (Modal::AddMembers(d), [Reply::MembersAdded(out)]) => added(app, profile, &d, out),
        (Modal::EditRoles(d), [Reply::RolesSet(out)]) => roles_set(app, profile, &d, out),
        (Modal::RemoveMembers(d), [Reply::MembersRemoved(out)]) => removed(app, profile, &d, out),
        (Modal::Archive(d), [Reply::Archived]) => archived(app, profile, &d),
        (Modal::CreateWorkspace(d), [Reply::WorkspaceCreated(ws)]) => created(app, profile, &d, ws),
        // Not a pairing `update` sends; reloading shows whatever did happen.
        _ => requests::load_organization(app, profile),
    }
}

fn success(app: &mut App, text: String, mut reloads: Vec<Effect>) -> Vec<Effect> {
    reloads.insert(0, flash::show(app, FlashLevel::Success, text));
    reloads
}

fn added(
    app: &mut App,
    profile: usize,
    d: &AddMembers,
    out: &AddUsersToWorkspaceOut,
) -> Vec<Effect> {
    let role = d.chosen_role().map(|r| r.name.clone()).unwrap_or_default();
    let users: Vec<Uuid> = d.selected_people().iter().map(|c| c.user_id).collect();
    let org = &mut app.orgs[profile];
    org.patch_people(|p| p.add_to(d.workspace, &users, std::slice::from_ref(&role)));
    org.adjust_member_count(d.workspace, out.added_members_count);
    let added = usize::try_from(out.added_members_count).unwrap_or(0);
    let mut text = format!(
        "Added {} to \"{}\" as {role}",
        count_of(added, "member", "members"),
        d.workspace_name
    );
    if added < users.len() {
        text.push_str(&format!(
            " ({} already belonged to it)",
            users.len() - added
        ));
    }
    let mut reloads = requests::reload_people(app, profile);
    reloads.extend(requests::reload_workspaces(app, profile, false));
    success(app, text, reloads)
}

fn roles_set(
    app: &mut App,
    profile: usize,
    d: &EditRoles,
    out: &AddOrUpdateUsersToWorkspaceOut,
) -> Vec<Effect> {
    let changes: Vec<(Uuid, Vec<String>)> = d
        .changes()
        .into_iter()
        .map(|c| (c.user_id, c.after))
        .collect();
    let org = &mut app.orgs[profile];
    org.patch_people(|p| p.set_roles(d.workspace, &changes));
    if let Some(view) = org.views.get_mut(&d.workspace) {
        view.marked.clear();
    }
    let changed = usize::try_from(out.updated_members_count + out.added_members_count)
        .unwrap_or(changes.len());
    let text = format!(
        "Changed the roles of {} in \"{}\"",
        count_of(changed, "member", "members"),
        d.workspace_name
    );
    let reloads = requests::reload_people(app, profile);
    success(app, text, reloads)
}

fn removed(
    app: &mut App,
    profile: usize,
    d: &RemoveMembers,
    out: &RemoveWorkspaceMembersOut,
) -> Vec<Effect> {
    let users = d.users();
    let org = &mut app.orgs[profile];
    org.patch_people(|p| p.remove_from(d.workspace, &users));
    org.adjust_member_count(d.workspace, -out.deleted_members_count);
    if let Some(view) = org.views.get_mut(&d.workspace) {
        view.marked.retain(|id| !users.contains(id));
    }
    let gone = usize::try_from(out.deleted_members_count).unwrap_or(0);
    let mut text = format!(
        "Removed {} from \"{}\"",
        count_of(gone, "member", "members"),
        d.workspace_name
    );
    let missed = out.not_deleted_members.as_ref().map_or(0, Vec::len);
    if missed > 0 {
        text.push_str(&format!(
            "; {} no longer belonged to it",
            count_of(missed, "person", "people")
        ));
    }
    let mut reloads = requests::reload_people(app, profile);
    reloads.extend(requests::reload_workspaces(app, profile, false));
    success(app, text, reloads)
}

fn archived(app: &mut App, profile: usize, d: &ArchiveDialog) -> Vec<Effect> {
    let org = &mut app.orgs[profile];
    // The neighbour as the list shows it, or in the whole active list when the list shows
    // the archived ones or its filter hides the workspace.
    let visible = org.visible_workspace_ids();
    let listed: Vec<Uuid> = if !org.show_archived && visible.contains(&d.workspace) {
        visible
    } else {
        org.workspaces
            .get()
            .map(|l| l.iter().map(|w| w.uuid).collect())
            .unwrap_or_default()
    };
    let neighbour = listed
        .iter()
        .position(|id| *id == d.workspace)
        .and_then(|at| {
            listed
                .get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|i| listed.get(i)))
                .copied()
        });
    if let Some(list) = org.workspaces.get_mut()
        && let Some(at) = list.iter().position(|w| w.uuid == d.workspace)
    {
        let moved = list.remove(at);
        if let Some(archived) = org.archived.get_mut() {
            archived.push(moved);
        }
    }
    org.patch_people(|p| p.drop_workspace(d.workspace));
    if org.list_cursor.id == Some(d.workspace) || org.list_cursor.id.is_none() {
        org.list_cursor.id = neighbour;
    }
    let mut effects = Vec::new();
    if org.open == Some(d.workspace) {
        org.open = neighbour;
        if let Some(next) = neighbour
            && profile == app.current
        {
            let tab = app.orgs[profile].views.entry(next).or_default().tab;
            effects.extend(navigation::show_tab(app, tab));
        }
    }
    let mut text = format!("Archived \"{}\"", d.name);
    let mut consequences = Vec::new();
    if let Some(n) = d.members.filter(|n| *n > 0) {
        consequences.push(format!("{} lost access", count_of(n, "member", "members")));
    }
    if let Some(k) = d.keys.map(|k| k.working).filter(|k| *k > 0) {
        consequences.push(format!(
            "{} stopped working",
            count_of(k, "API key", "API keys")
        ));
    }
    if !consequences.is_empty() {
        text.push_str(&format!(": {}", consequences.join(", ")));
    }
    effects.extend(requests::reload_workspaces(app, profile, false));
    effects.extend(requests::reload_workspaces(app, profile, true));
    effects.extend(requests::reload_people(app, profile));
    effects.extend(requests::reload_keys(app, profile));
    success(app, text, effects)
}

fn created(
    app: &mut App,
    profile: usize,
    d: &CreateWorkspace,
    ws: &WorkspaceEnrichedOut,
) -> Vec<Effect> {
    let listed = WorkspaceOut {
        uuid: ws.uuid,
        name: ws.name.clone(),
        description: ws.description.clone(),
        icon: ws.icon.clone(),
        members_count: ws.members_count,
        spend_limit: ws.spend_limit.clone(),
        is_default: ws.is_default,
    };
    let org = &mut app.orgs[profile];
    if let Some(list) = org.workspaces.get_mut()
        && !list.iter().any(|w| w.uuid == ws.uuid)
    {
        list.push(listed);
    }
    if let Some((admin, _)) = &d.admin {
        let admin = *admin;
        let add_all = d.add_all;
        org.patch_people(|p| {
            p.set_roles(
                ws.uuid,
                &[(admin, vec![WorkspaceRole::WorkspaceAdmin.name().to_owned()])],
            );
            if add_all {
                let everyone: Vec<Uuid> = p.persons.iter().map(|x| x.user_id).collect();
                let role = WorkspaceRole::DEFAULT_FOR_NEW_MEMBER.name().to_owned();
                p.add_to(ws.uuid, &everyone, &[role]);
            }
        });
    }
    // The new workspace is selected: the active list shows, unfiltered if the filter hides it.
    org.show_archived = false;
    if !org.visible_workspace_ids().contains(&ws.uuid) {
        org.list_filter.clear();
    }
    let mut effects = Vec::new();
    if profile == app.current {
        effects.extend(navigation::request(app, Navigation::OpenWorkspace(ws.uuid)));
    }
    effects.extend(requests::reload_workspaces(app, profile, false));
    effects.extend(requests::reload_people(app, profile));
    success(app, format!("Created \"{}\"", ws.name), effects)
}
