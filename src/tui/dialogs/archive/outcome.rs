//! What archiving does to the console: the workspace moves to the archived list at once, the
//! cursor (and the open workspace) go to its neighbour, a message says what was lost, and
//! everything it touched reloads.

use uuid::Uuid;

use crate::actions::{Reply, outcome};
use crate::tui::dialogs::Answered;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, navigation, requests};

use super::ArchiveDialog;

pub(super) fn archived(app: &mut App, d: &ArchiveDialog, answer: Answered) -> Vec<Effect> {
    if !matches!(answer.replies, [Reply::Archived]) {
        // Not the answer an archive gets; reloading shows whatever did happen.
        return requests::load_organization(app, answer.profile);
    }
    let org = &mut app.orgs[answer.profile];
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
            && answer.profile == app.current
        {
            let tab = app.orgs[answer.profile].views.entry(next).or_default().tab;
            effects.extend(navigation::show_tab(app, tab));
        }
    }
    let text = outcome::archived(&d.name, d.members, d.keys);
    effects.extend(requests::reload_workspaces(app, answer.profile, false));
    effects.extend(requests::reload_workspaces(app, answer.profile, true));
    effects.extend(requests::reload_people(app, answer.profile));
    effects.extend(requests::reload_keys(app, answer.profile));
    effects.insert(0, flash::show(app, FlashLevel::Success, text));
    effects
}
