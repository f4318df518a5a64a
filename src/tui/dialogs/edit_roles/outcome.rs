//! What a role change does to the console: the Members table shows the new roles at once,
//! the selection clears, a message says how many changed, and the directory reloads.

use uuid::Uuid;

use crate::actions::Reply;
use crate::actions::outcome::count_of;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, requests};

use super::EditRoles;

pub(super) fn roles_set(
    app: &mut App,
    profile: usize,
    d: &EditRoles,
    replies: &[Reply],
) -> Vec<Effect> {
    let [Reply::RolesSet(out)] = replies else {
        // Not the answer a role change gets; reloading shows whatever did happen.
        return requests::load_organization(app, profile);
    };
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
    let mut reloads = requests::reload_people(app, profile);
    reloads.insert(0, flash::show(app, FlashLevel::Success, text));
    reloads
}
