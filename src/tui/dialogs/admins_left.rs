//! Whether a membership change leaves a workspace with no workspace_admin, told from the
//! directory the console holds, in the words the `members` commands print: the removal and
//! the role preview say it above their buttons, before the admin confirms.
//!
//! Someone a group makes workspace_admin keeps the role whatever their own roles become. The
//! role preview reads the groups and counts them as keeping it; the removal does not read
//! them, so there someone a group makes workspace_admin is counted as losing it with their
//! own membership: its warning errs on the side of being shown.

use uuid::Uuid;

use crate::actions::groups::access::GroupAccess;
use crate::actions::members::{
    AdminBeforeAfter, WORKSPACE_ADMIN, admin_through_a_group, no_admin_left,
};
use crate::tui::state::App;

/// The warning for a change in `workspace` that gives each member `after_own` (their roles
/// after it; `None` for those it leaves alone), if nobody holds workspace_admin after it.
/// With `groups` read, someone a group makes workspace_admin keeps it.
pub fn warning(
    app: &App,
    (workspace, name): (Uuid, &str),
    after_own: impl Fn(Uuid) -> Option<Vec<String>>,
    groups: Option<&GroupAccess>,
) -> Option<String> {
    let admin = |roles: &[String]| roles.iter().any(|r| r == WORKSPACE_ADMIN);
    let given_admin =
        |user: Uuid| groups.is_some_and(|access| admin_through_a_group(access, user, workspace));
    let people = app.org().people.get()?;
    let members: Vec<AdminBeforeAfter> = people
        .persons
        .iter()
        .filter_map(|person| {
            let now = admin(person.roles_in(workspace)?);
            let after = after_own(person.user_id)
                .map_or(now, |own| admin(&own) || given_admin(person.user_id));
            Some(AdminBeforeAfter {
                name: person.name.to_string(),
                now,
                after,
            })
        })
        .collect();
    no_admin_left(name, &members)
}
