//! What creating a workspace does to the console: the new workspace is listed and opened at
//! once, its admin (and everyone, if asked) shown as members, and the lists reload.

use uuid::Uuid;

use crate::actions::{Reply, outcome};
use crate::api::WorkspaceOut;
use crate::domain::WorkspaceRole;
use crate::tui::dialogs::Answered;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel, Navigation};
use crate::tui::update::{flash, navigation, requests};

use super::CreateWorkspace;

pub(super) fn created(app: &mut App, d: &CreateWorkspace, answer: Answered) -> Vec<Effect> {
    let [Reply::WorkspaceCreated(ws)] = answer.replies else {
        // Not the answer a creation gets; reloading shows whatever did happen.
        return requests::load_organization(app, answer.profile);
    };
    let listed = WorkspaceOut {
        uuid: ws.uuid,
        name: ws.name.clone(),
        description: ws.description.clone(),
        icon: ws.icon.clone(),
        members_count: ws.members_count,
        spend_limit: ws.spend_limit.clone(),
        is_default: ws.is_default,
    };
    let org = &mut app.orgs[answer.profile];
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
    if answer.profile == app.current {
        effects.extend(navigation::request(app, Navigation::OpenWorkspace(ws.uuid)));
    }
    effects.extend(requests::reload_workspaces(app, answer.profile, false));
    effects.extend(requests::reload_people(app, answer.profile));
    effects.insert(
        0,
        flash::show(app, FlashLevel::Success, outcome::created(&ws.name)),
    );
    effects
}
