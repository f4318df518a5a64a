//! What adding members does to the console: they show in the Members table at once with
//! their role, a message says how many joined, and the directory and lists reload.

use uuid::Uuid;

use crate::actions::{Reply, outcome};
use crate::tui::dialogs::Answered;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, requests};

use super::AddMembers;

pub(super) fn added(app: &mut App, d: &AddMembers, answer: Answered) -> Vec<Effect> {
    let [Reply::MembersAdded(out)] = answer.replies else {
        // Not the answer an addition gets; reloading shows whatever did happen.
        return requests::load_organization(app, answer.profile);
    };
    let role = d.chosen_role().map(|r| r.name.clone()).unwrap_or_default();
    let users: Vec<Uuid> = d.selected_people().iter().map(|c| c.user_id).collect();
    let org = &mut app.orgs[answer.profile];
    org.patch_people(|p| p.add_to(d.workspace, &users, std::slice::from_ref(&role)));
    org.adjust_member_count(d.workspace, out.added_members_count);
    let text = outcome::added(&d.workspace_name, &[role], users.len(), out);
    let mut reloads = requests::reload_people(app, answer.profile);
    reloads.extend(requests::reload_workspaces(app, answer.profile, false));
    reloads.insert(0, flash::show(app, FlashLevel::Success, text));
    reloads
}
