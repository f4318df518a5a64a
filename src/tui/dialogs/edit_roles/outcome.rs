//! What a role change does to the console: the Members table shows the new roles at once,
//! the selection clears, a message says how many changed, and the directory reloads.

use uuid::Uuid;

use crate::actions::{Reply, outcome};
use crate::tui::dialogs::Answered;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, requests};

use super::EditRoles;

pub(super) fn roles_set(app: &mut App, d: &EditRoles, answer: Answered) -> Vec<Effect> {
    // A role change is answered with the roles set, or, for members left with no role of
    // their own (a group keeps them in), with their own membership ended, or both.
    let counted = match answer.replies {
        [Reply::RolesSet(out)] => Some(out),
        replies
            if !replies.is_empty()
                && replies
                    .iter()
                    .all(|r| matches!(r, Reply::RolesSet(_) | Reply::MembersRemoved(_))) =>
        {
            None
        }
        // Not the answer a role change gets; reloading shows whatever did happen.
        _ => return requests::load_organization(app, answer.profile),
    };
    let changes: Vec<(Uuid, Vec<String>)> = d
        .changes()
        .into_iter()
        .map(|c| (c.user_id, c.after))
        .collect();
    let org = &mut app.orgs[answer.profile];
    org.patch_people(|p| p.set_roles(d.workspace, &changes));
    if let Some(view) = org.views.get_mut(&d.workspace) {
        view.marked.clear();
    }
    let text = outcome::roles_set(&d.workspace_name, changes.len(), counted, &[]);
    let mut reloads = requests::reload_people(app, answer.profile);
    reloads.insert(0, flash::show(app, FlashLevel::Success, text));
    reloads
}
