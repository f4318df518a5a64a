//! Whether a membership change leaves a workspace with no workspace_admin, told from the
//! directory the console holds, in the words the `members` commands print: the removal and
//! the role preview say it above their buttons, before the admin confirms.
//!
//! The console does not read the groups for these dialogs: someone a group makes
//! workspace_admin is counted as losing the role with their own; the warning errs on the side
//! of being shown.

use uuid::Uuid;

use crate::actions::members::{AdminBeforeAfter, WORKSPACE_ADMIN, no_admin_left};
use crate::tui::state::App;

/// The warning for a change in `workspace` that gives each member `after_own` (their roles
/// after it; `None` for those it leaves alone), if nobody holds workspace_admin after it.
pub fn warning(
    app: &App,
    (workspace, name): (Uuid, &str),
    after_own: impl Fn(Uuid) -> Option<Vec<String>>,
) -> Option<String> {
    let admin = |roles: &[String]| roles.iter().any(|r| r == WORKSPACE_ADMIN);
    let people = app.org().people.get()?;
    let members: Vec<AdminBeforeAfter> = people
        .persons
        .iter()
        .filter_map(|person| {
            let now = admin(person.roles_in(workspace)?);
            let after = after_own(person.user_id).map_or(now, |own| admin(&own));
            Some(AdminBeforeAfter {
                name: person.name.to_string(),
                now,
                after,
            })
        })
        .collect();
    no_admin_left(name, &members)
}
