//! The archive confirmation: what archiving does, and a button that works only once the
//! workspace's exact name is typed.

use tui_input::Input;
use uuid::Uuid;

use super::{Button, Submission};
use crate::domain::text::fold;
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

    /// The typed text is the workspace's name, read as the uniqueness rule reads names (case
    /// and accents aside), with dashes and spaces folded too: "Marketing - Q3 Launch" confirms
    /// "Marketing — Q3 Launch" without an em dash to type. Every word must be there, so a near
    /// miss ("Data" for "Data Platform") confirms nothing.
    pub fn confirmed(&self) -> bool {
        let typed = loose(self.typed.value());
        !typed.is_empty() && typed == loose(&self.name)
    }
}

/// A name folded for the confirmation: case and accents as the uniqueness rule folds them,
/// then every run of dashes and spaces as one space.
fn loose(name: &str) -> String {
    let is_dash = |c: char| {
        matches!(
            c,
            '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
        )
    };
    fold(name)
        .split(|c: char| c.is_whitespace() || is_dash(c))
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_confirms_with_case_accents_dashes_and_spaces_folded() {
        let mut d = ArchiveDialog::new(Uuid::nil(), "Marketing — Q3 Launch", None, None);
        for typed in [
            "Marketing — Q3 Launch",
            "Marketing - Q3 Launch",
            "marketing q3 launch",
            "MARKETING–Q3  LAUNCH ",
        ] {
            d.typed = Input::new(typed.into());
            assert!(d.confirmed(), "{typed:?}");
        }
        for near in ["Marketing Q3", "Marketing Q3 Launches", "-", " "] {
            d.typed = Input::new(near.into());
            assert!(!d.confirmed(), "{near:?}");
        }
        let mut d = ArchiveDialog::new(Uuid::nil(), "Zoë's Lab", None, None);
        d.typed = Input::new("zoe's lab".into());
        assert!(d.confirmed(), "accents folded");
    }

    #[test]
    fn only_the_name_confirms() {
        let mut d = ArchiveDialog::new(
            Uuid::nil(),
            "Data Platform",
            Some(3),
            Some(KeyCount {
                working: 1,
                expired: 0,
            }),
        );
        for near in ["", "Data", "Data Platforms", "Platform Data"] {
            d.typed = Input::new(near.into());
            assert!(!d.confirmed(), "{near:?}");
        }
        d.typed = Input::new("Data Platform".into());
        assert!(d.confirmed());
    }
}
