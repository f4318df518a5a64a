//! The archive confirmation: what archiving does, and a button that works only once the
//! workspace's exact name is typed.

use tui_input::Input;
use uuid::Uuid;

use super::{Button, Submission};
use crate::tui::state::org::KeyCount;

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Archive];

#[derive(Debug, Clone)]
pub struct ArchiveDialog {
    pub workspace: Uuid,
    pub name: String,
    /// Members who lose access, when known.
    pub members: Option<usize>,
    /// The workspace's API keys (those that stop working, those already expired), when known.
    pub keys: Option<KeyCount>,
    pub typed: Input,
    pub focus: Button,
    pub submission: Submission,
}

impl ArchiveDialog {
    pub fn new(
        workspace: Uuid,
        name: &str,
        members: Option<usize>,
        keys: Option<KeyCount>,
    ) -> Self {
        Self {
            workspace,
            name: name.to_owned(),
            members,
            keys,
            typed: Input::default(),
            focus: Button::Cancel,
            submission: Submission::default(),
        }
    }

    /// The typed text is the workspace's name, exactly: same case, same accents, no extra
    /// spaces. A near miss must not archive the wrong workspace.
    pub fn confirmed(&self) -> bool {
        self.typed.value() == self.name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_name_confirms() {
        let mut d = ArchiveDialog::new(
            Uuid::nil(),
            "Data Platform",
            Some(3),
            Some(KeyCount {
                working: 1,
                expired: 0,
            }),
        );
        for near in [
            "",
            "data platform",
            "Data Platform ",
            "Data  Platform",
            "Data",
        ] {
            d.typed = Input::new(near.into());
            assert!(!d.confirmed(), "{near:?}");
        }
        d.typed = Input::new("Data Platform".into());
        assert!(d.confirmed());
    }
}
