//! Removing members from a workspace: who loses access, confirmed with Cancel in focus.

use uuid::Uuid;

use super::{Button, Submission};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Remove];

#[derive(Debug, Clone)]
pub struct RemoveMembers {
    pub workspace: Uuid,
    pub workspace_name: String,
    /// `(user, name)` of everyone who loses access, in the table's order.
    pub targets: Vec<(Uuid, String)>,
    pub focus: Button,
    pub submission: Submission,
}

impl RemoveMembers {
    pub fn new(workspace: Uuid, workspace_name: &str, targets: Vec<(Uuid, String)>) -> Self {
        Self {
            workspace,
            workspace_name: workspace_name.to_owned(),
            targets,
            focus: Button::Cancel,
            submission: Submission::default(),
        }
    }

    pub fn users(&self) -> Vec<Uuid> {
        self.targets.iter().map(|(id, _)| *id).collect()
    }
}
