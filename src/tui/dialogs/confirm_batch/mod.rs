//! The confirmation of a change the people view runs request by request: revoking
//! invitations (the selected ones, else the one under the cursor) and re-inviting one (its
//! old invitation revoked, a new one sent: one action, one confirmation). It lists what
//! happens, every request of it, scrolled inside the dialog with the view's arrows when
//! longer than the screen; it opens on Cancel, offers the action's button only once every
//! line was drawn, and on it starts the run in the view.

use std::sync::Arc;

use ratatui::Frame;

use crate::actions::invites::{reinvite as plan_reinvite, revoke_invites};
use crate::api::OrganizationInviteOut;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel};
use crate::tui::theme::Theme;
use crate::tui::views::people::{Batch, Loaded, People};
use crate::tui::widgets::dialog::{self, Body};
use crate::tui::widgets::read_through::ReadThrough;

use super::{After, Button, Canvas, Dialog, ListedConfirm, Next, Opened};

const WIDTH: u16 = 72;

#[derive(Debug, Clone)]
pub struct ConfirmBatch {
    pub title: &'static str,
    pub batch: Arc<Batch>,
    /// What the Apply button says: "Revoke 3 invitations".
    pub action: String,
    /// The requests and the buttons.
    pub listed: ListedConfirm,
}

impl ConfirmBatch {
    pub fn new(title: &'static str, batch: Arc<Batch>, action: String) -> Self {
        Self {
            title,
            batch,
            action,
            listed: ListedConfirm::default(),
        }
    }
}

impl Dialog for ConfirmBatch {
    fn focus_cancel(&mut self) {
        self.listed.focus = Button::Cancel;
    }

    fn name(&self) -> &'static str {
        "confirm batch"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog), Layer::Keys(Context::People)]
    }

    /// Of the people view's keys, only scrolling: the list is the run's requests.
    fn offers(&self, action: Action) -> bool {
        ReadThrough::offers(action)
    }

    fn act(&mut self, input: Input, _app: &App) -> Next {
        let start = || Next::Then(After::Start(self.batch.first()));
        self.listed.act(input, start)
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let plan = &self.batch.plan;
        let stop = app.keymap.describe_keys(Context::People, Action::StopRun);
        let width = dialog::inner_width(canvas.screen, WIDTH);
        let mut body = Body::new(width);
        body.wrapped(&format!("{}?", plan.summary), theme.header);
        let mut steps = Body::new(width);
        for step in &plan.steps {
            steps.hanging("  • ", &step.label, theme.text);
        }
        let mut after = Body::new(width);
        after.wrapped(
            &format!(
                "One request at a time: the view shows how far it got, and {stop} stops it between two."
            ),
            theme.muted,
        );
        after.blank();
        self.listed.fill(
            &mut body,
            (steps.lines, after),
            canvas.screen,
            &self.action,
            theme,
        );
        dialog::show(frame, canvas.screen, WIDTH, self.title, body, theme)
    }
}

fn chosen_invites<'a>(people: &People, loaded: &'a Loaded) -> Vec<&'a OrganizationInviteOut> {
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
        Err((FlashLevel::Info, ON_THE_OTHER_TAB.to_owned()))
    }
}

/// Said when an invitation's action is asked for on the members tab.
pub const ON_THE_OTHER_TAB: &str = "Invitations are in the other tab (tab)";

/// Revoking the selected invitations, else the one under the cursor.
pub fn revoke(people: &People, loaded: &Loaded, _app: &App) -> Opened {
    on_invitations(people)?;
    let chosen = chosen_invites(people, loaded);
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
    Ok(Box::new(ConfirmBatch::new(
        "Revoke invitations",
        Batch::new(title, plan),
        action,
    )))
}

/// Re-inviting the selected invitations, else the one under the cursor.
pub fn reinvite(people: &People, loaded: &Loaded, _app: &App) -> Opened {
    on_invitations(people)?;
    let chosen = chosen_invites(people, loaded);
    if chosen.is_empty() {
        return Err((FlashLevel::Info, "No invitation under the cursor".into()));
    }
    let plan = plan_reinvite(&chosen, None, &loaded.directory)
        .map_err(|e| (FlashLevel::Error, e.to_string()))?;
    let title = match chosen.as_slice() {
        [one] => format!("Re-inviting {}", one.email),
        many => format!("Re-inviting {} people", many.len()),
    };
    Ok(Box::new(ConfirmBatch::new(
        "Re-invite",
        Batch::new(title, plan),
        "Re-invite".to_owned(),
    )))
}

#[cfg(test)]
mod tests;
