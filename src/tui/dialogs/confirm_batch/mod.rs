//! The confirmation of a change the people view runs request by request: revoking
//! invitations (the selected ones, else the one under the cursor) and re-inviting one (its
//! old invitation revoked, a new one sent: one action, one confirmation). It lists what
//! happens, opens on Cancel, and on the action's button starts the run in the view.

use std::sync::Arc;

use ratatui::Frame;

use crate::actions::invites::{reinvite as plan_reinvite, revoke_invites};
use crate::api::OrganizationInviteOut;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::views::people::{Batch, People};
use crate::tui::widgets::dialog::{self, Body};

use super::{After, Button, Canvas, Dialog, Next, Opened, RowKey, confirm_row, row_key};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];
const WIDTH: u16 = 72;
/// Entries listed before "… and N more".
const LISTED: usize = 8;

#[derive(Debug, Clone)]
pub struct ConfirmBatch {
    pub title: &'static str,
    pub batch: Arc<Batch>,
    /// What the Apply button says: "Revoke 3 invitations".
    pub action: String,
    pub focus: Button,
}

impl Dialog for ConfirmBatch {
    fn name(&self) -> &'static str {
        "confirm batch"
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match row_key(action, &BUTTONS, &mut self.focus, Button::Apply) {
            RowKey::Confirm => Next::Then(After::Start(self.batch.first())),
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let plan = &self.batch.plan;
        let stop = app.keymap.describe_keys(Context::People, Action::StopRun);
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        body.wrapped(&format!("{}?", plan.summary), theme.header);
        for step in plan.steps.iter().take(LISTED) {
            body.hanging("  • ", &step.label, theme.text);
        }
        if plan.steps.len() > LISTED {
            body.line(
                &format!("  … and {} more", plan.steps.len() - LISTED),
                theme.muted,
            );
        }
        body.wrapped(
            &format!(
                "One request at a time: the view shows how far it got, and {stop} stops it between two."
            ),
            theme.muted,
        );
        body.blank();
        body.push(confirm_row(
            &BUTTONS,
            self.focus,
            Button::Apply,
            self.action.clone(),
            true,
            theme,
        ));
        dialog::show(frame, canvas.screen, WIDTH, self.title, body, theme)
    }
}

fn chosen_invites(people: &People) -> Vec<&OrganizationInviteOut> {
    let Some(loaded) = people.loaded() else {
        return Vec::new();
    };
    let invites = loaded.directory.invites();
    let marked: Vec<&OrganizationInviteOut> = invites
        .iter()
        .filter(|i| people.marked.contains(&i.uuid))
        .collect();
    if !marked.is_empty() {
        return marked;
    }
    people
        .current()
        .and_then(|id| invites.iter().find(|i| i.uuid == id))
        .into_iter()
        .collect()
}

fn on_invitations(people: &People) -> Result<(), (FlashLevel, String)> {
    if people.invites() {
        Ok(())
    } else {
        Err((
            FlashLevel::Info,
            "Invitations are in the other tab (tab)".to_owned(),
        ))
    }
}

/// Revoking the selected invitations, else the one under the cursor.
pub fn revoke(people: &People, _app: &App) -> Opened {
    on_invitations(people)?;
    let chosen = chosen_invites(people);
    let plan = revoke_invites(&chosen).map_err(|e| (FlashLevel::Info, e.to_string()))?;
    let count = chosen.len();
    let action = if count == 1 {
        "Revoke it".to_owned()
    } else {
        format!("Revoke {count} invitations")
    };
    let title = if count == 1 {
        format!("Revoking the invitation of {}", chosen[0].email)
    } else {
        format!("Revoking {count} invitations")
    };
    Ok(Box::new(ConfirmBatch {
        title: "Revoke invitations",
        batch: Batch::new(title, plan),
        action,
        focus: Button::Cancel,
    }))
}

/// Re-inviting the invitation under the cursor.
pub fn reinvite(people: &People, _app: &App) -> Opened {
    on_invitations(people)?;
    let Some(loaded) = people.loaded() else {
        return Err((FlashLevel::Info, "The invitations are still loading".into()));
    };
    let Some(old) = people
        .current()
        .and_then(|id| loaded.directory.invites().iter().find(|i| i.uuid == id))
    else {
        return Err((FlashLevel::Info, "No invitation under the cursor".into()));
    };
    let plan =
        plan_reinvite(old, &loaded.directory).map_err(|e| (FlashLevel::Error, e.to_string()))?;
    Ok(Box::new(ConfirmBatch {
        title: "Re-invite",
        batch: Batch::new(format!("Re-inviting {}", old.email), plan),
        action: "Re-invite".to_owned(),
        focus: Button::Cancel,
    }))
}
