//! Opening the dialogs, or saying on the status line why one cannot open: read-only mode,
//! an archived or default workspace, data still loading, nobody to act on.

use crate::tui::update::flash;
use uuid::Uuid;

use crate::tui::effect::Effect;
use crate::tui::state::dialogs::roles::Target;
use crate::tui::state::dialogs::{AddMembers, ArchiveDialog, EditRoles, RemoveMembers};
use crate::tui::state::modal::Notice;
use crate::tui::state::{App, Modal};

/// The open workspace's id and name, or the reason there is none to change.
fn open_workspace(app: &App) -> Result<(Uuid, String, bool), String> {
    if let Some(reason) = app.workspace_refusal() {
        return Err(reason);
    }
    let org = app.org();
    let found = org
        .open
        .and_then(|id| org.find_workspace(id))
        .ok_or("Open a workspace first")?;
    Ok((
        found.workspace.uuid,
        found.workspace.name.clone(),
        found.workspace.is_default,
    ))
}

/// Explains a refusal in a small dialog: the reason matters and would not fit the status line.
fn notice(app: &mut App, title: &str, text: String) -> Vec<Effect> {
    app.modals.push(Modal::Notice(Notice {
        title: title.to_owned(),
        text,
    }));
    Vec::new()
}

pub fn open_add_members(app: &mut App) -> Vec<Effect> {
    let (workspace, name, _) = match open_workspace(app) {
        Ok(found) => found,
        Err(reason) => return flash::error(app, reason),
    };
    let Some(people) = app.org().people.get() else {
        return flash::error(app, "The organization's members are still loading");
    };
    let dialog = AddMembers::new(workspace, &name, people);
    if dialog.candidates.is_empty() {
        return flash::info(
            app,
            format!("Everyone in the organization is already in \"{name}\""),
        );
    }
    app.modals.push(Modal::AddMembers(Box::new(dialog)));
    Vec::new()
}

/// The members a Members-tab action applies to: the selected ones, else the one under the
/// cursor. Selected people who have left the workspace meanwhile are not included.
fn targets(app: &App, workspace: Uuid) -> Vec<Target> {
    let org = app.org();
    let rows = org.visible_members(workspace);
    let Some(view) = org.views.get(&workspace) else {
        return Vec::new();
    };
    let members = org
        .people
        .get()
        .map(|p| p.rows_for(workspace))
        .unwrap_or_default();
    let chosen: Vec<_> = if view.marked.is_empty() {
        let ids: Vec<Uuid> = rows.iter().map(|r| r.user_id).collect();
        let cursor = view.members_cursor.current(&ids);
        rows.iter()
            .filter(|r| Some(r.user_id) == cursor)
            .cloned()
            .collect()
    } else {
        // In the table's order where shown, then anyone the filter hides.
        let mut chosen: Vec<_> = rows
            .iter()
            .filter(|r| view.marked.contains(&r.user_id))
            .cloned()
            .collect();
        chosen.extend(
            members
                .into_iter()
                .filter(|m| view.marked.contains(&m.user_id))
                .filter(|m| !rows.iter().any(|r| r.user_id == m.user_id)),
        );
        chosen
    };
    chosen
        .into_iter()
        .map(|row| Target {
            user_id: row.user_id,
            name: row.name,
            roles: row.workspace_roles,
        })
        .collect()
}

pub fn open_edit_roles(app: &mut App) -> Vec<Effect> {
    let (workspace, name, _) = match open_workspace(app) {
        Ok(found) => found,
        Err(reason) => return flash::error(app, reason),
    };
    let Some(catalog) = app.org().people.get().map(|p| p.workspace_roles.clone()) else {
        return flash::error(app, "The organization's members are still loading");
    };
    let targets = targets(app, workspace);
    if targets.is_empty() {
        return flash::info(
            app,
            "No member to change: move to one, or select some (space)",
        );
    }
    let dialog = EditRoles::new(workspace, &name, targets, &catalog);
    app.modals.push(Modal::EditRoles(Box::new(dialog)));
    Vec::new()
}

pub fn open_remove(app: &mut App) -> Vec<Effect> {
    let (workspace, name, is_default) = match open_workspace(app) {
        Ok(found) => found,
        Err(reason) => return flash::error(app, reason),
    };
    if is_default {
        return notice(
            app,
            "Members stay",
            format!(
                "Members cannot be removed from \"{name}\": it is the organization's default workspace, which every member belongs to."
            ),
        );
    }
    let targets: Vec<(Uuid, String)> = targets(app, workspace)
        .into_iter()
        .map(|t| (t.user_id, t.name))
        .collect();
    if targets.is_empty() {
        return flash::info(
            app,
            "No member to remove: move to one, or select some (space)",
        );
    }
    let dialog = RemoveMembers::new(workspace, &name, targets);
    app.modals.push(Modal::RemoveMembers(Box::new(dialog)));
    Vec::new()
}

/// Opens the archive confirmation for `workspace` (the list's cursor or the open one).
pub fn open_archive(app: &mut App, workspace: Option<Uuid>) -> Vec<Effect> {
    if let Some(reason) = app.change_refusal() {
        return flash::error(app, reason);
    }
    let org = app.org();
    let Some(found) = workspace.and_then(|id| org.find_workspace(id)) else {
        return flash::info(app, "Move to a workspace first");
    };
    let ws = found.workspace;
    if found.archived {
        return flash::info(app, format!("\"{}\" is already archived", ws.name));
    }
    if ws.is_default {
        let text = format!(
            "\"{}\" cannot be archived: it is the organization's default workspace, which every member belongs to and which every organization keeps.",
            ws.name
        );
        return notice(app, "Cannot archive", text);
    }
    let members = org
        .people
        .get()
        .map(|p| p.count_in(ws.uuid))
        .or_else(|| ws.members_count.and_then(|n| usize::try_from(n).ok()));
    // Expired keys already fail: they are not among those that "stop working".
    let keys = org
        .api_keys
        .get()
        .map(|_| org.key_count(ws.uuid, app.today));
    let dialog = ArchiveDialog::new(ws.uuid, &ws.name, members, keys);
    app.modals.push(Modal::Archive(Box::new(dialog)));
    Vec::new()
}

pub fn open_create(app: &mut App) -> Vec<Effect> {
    if let Some(reason) = app.change_refusal() {
        return flash::error(app, reason);
    }
    app.modals.push(Modal::CreateWorkspace(Box::default()));
    Vec::new()
}
