//! What the last frame showed, as the render reports it: whether the terminal was too small for
//! anything but a notice, which dialog was on top and whether every line of it fitted, and
//! whether the settings form fitted whole. A key may send a change only on what was drawn whole.

use std::mem::Discriminant;

use uuid::Uuid;

use super::Modal;

/// The top dialog of the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialogSighting {
    /// How many dialogs were stacked (the top one is the one drawn last).
    pub depth: usize,
    /// Which kind of dialog it was.
    pub kind: Discriminant<Modal>,
    /// Every line of it fitted on the screen.
    pub whole: bool,
}

/// What the last frame showed. The default is a frame that showed nothing, so nothing drawn
/// before the first frame can be confirmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sighting {
    /// The screen was too small: a notice replaced the panes and every dialog.
    pub too_small: bool,
    pub dialog: Option<DialogSighting>,
    /// The settings form of this workspace was drawn with every field and message.
    pub whole_form: Option<Uuid>,
}

impl Sighting {
    /// The frame of a terminal below the minimum size.
    pub fn too_small() -> Self {
        Self {
            too_small: true,
            ..Self::default()
        }
    }

    /// Whether `modals`' top dialog is the one the last frame drew on top, whole.
    pub fn showed_whole_dialog(&self, modals: &[Modal]) -> bool {
        let Some(top) = modals.last() else {
            return false;
        };
        !self.too_small
            && self.dialog.is_some_and(|d| {
                d.whole && d.depth == modals.len() && d.kind == std::mem::discriminant(top)
            })
    }

    /// Whether the last frame drew `workspace`'s settings form whole, with no dialog over it.
    pub fn showed_whole_form(&self, workspace: Option<Uuid>) -> bool {
        !self.too_small
            && self.dialog.is_none()
            && workspace.is_some()
            && self.whole_form == workspace
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dialog_counts_only_as_the_same_kind_at_the_same_depth_drawn_whole() {
        let help = Modal::Help { scroll: 0 };
        let sighting = Sighting {
            dialog: Some(DialogSighting {
                depth: 1,
                kind: std::mem::discriminant(&help),
                whole: true,
            }),
            ..Sighting::default()
        };
        assert!(sighting.showed_whole_dialog(std::slice::from_ref(&help)));
        assert!(!sighting.showed_whole_dialog(&[help.clone(), help.clone()]));
        assert!(!sighting.showed_whole_dialog(&[Modal::CommandLine(Default::default())]));
        assert!(!sighting.showed_whole_dialog(&[]));
        let cut = Sighting {
            dialog: sighting
                .dialog
                .map(|d| DialogSighting { whole: false, ..d }),
            ..sighting
        };
        assert!(!cut.showed_whole_dialog(&[help]));
        assert!(!Sighting::too_small().showed_whole_form(Some(Uuid::nil())));
        assert!(!Sighting::default().showed_whole_form(None));
    }
}
