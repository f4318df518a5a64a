//! The member a dialog of the people view is about: the one under the cursor, once the people
//! have loaded; an invitation gets the dialog's own reason instead.

use crate::api::AdminOrganizationMemberOut;
use crate::tui::state::FlashLevel;
use crate::tui::views::people::{Loaded, People};

/// The member under the cursor in the load the dialog opens on, or why the dialog does not
/// open.
pub fn member_under_cursor<'a>(
    people: &People,
    loaded: &'a Loaded,
    not_for_an_invitation: &str,
) -> Result<&'a AdminOrganizationMemberOut, (FlashLevel, String)> {
    if people.invites() {
        return Err((FlashLevel::Info, not_for_an_invitation.to_owned()));
    }
    people
        .current()
        .and_then(|id| loaded.directory.user(id))
        .ok_or((FlashLevel::Info, "No member under the cursor".to_owned()))
}
