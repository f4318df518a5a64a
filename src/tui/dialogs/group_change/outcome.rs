//! What a group change does to the console once the server made it: the status line says
//! what was done, and the groups view, the directory and the workspaces reload (access
//! through groups shows in every workspace's member table).

use crate::actions::{Intent, Plan, Reply};
use crate::tui::dialogs::Answered;
use crate::tui::effect::Effect;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::{flash, requests};
use crate::tui::views::control;
use crate::tui::views::groups::GroupsView;

/// After any change a groups dialog made (this one, the form, Add Members for a group).
pub fn changed(app: &mut App, plan: Option<&Plan>, answer: Answered) -> Vec<Effect> {
    let text = match plan.map(|p| &p.intent) {
        Some(Intent::Group { done }) => done.clone(),
        _ => "Done".to_owned(),
    };
    let mut effects = vec![flash::show(app, FlashLevel::Success, text)];
    // A new group is where the admin goes next: the cursor moves to it.
    if let [Reply::GroupCreated(created)] = answer.replies
        && let Some(open) = app
            .view
            .as_mut()
            .filter(|open| open.profile == answer.profile)
        && let Some(view) = open.view.as_any_mut().downcast_mut::<GroupsView>()
    {
        view.list.cursor.follow(created.uuid);
    }
    if app
        .view
        .as_ref()
        .is_some_and(|open| open.profile == answer.profile)
    {
        effects.extend(control::reload(app));
    }
    effects.extend(requests::reload_people(app, answer.profile));
    effects.extend(requests::reload_workspaces(app, answer.profile, false));
    effects
}
