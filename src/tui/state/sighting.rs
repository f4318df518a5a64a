//! What the last frame showed, as the render reports it: whether the terminal was too small for
//! anything but a notice, which dialog was on top and whether every line of it fitted, and
//! whether the settings form fitted whole. A key may send a change only on what was drawn whole.

use uuid::Uuid;

use crate::tui::dialogs::Dialog;

/// The top dialog of the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialogSighting {
    /// How many dialogs were stacked (the top one is the one drawn last).
    pub depth: usize,
    /// Which dialog it was (its name, which says which step of it too).
    pub kind: &'static str,
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

    /// Whether the top one of `dialogs` is the one the last frame drew on top, whole.
    pub fn showed_whole_dialog(&self, dialogs: &[Box<dyn Dialog>]) -> bool {
        let Some(top) = dialogs.last() else {
            return false;
        };
        !self.too_small
            && self
                .dialog
                .is_some_and(|d| d.whole && d.depth == dialogs.len() && d.kind == top.name())
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

    use crate::tui::dialogs::command_line::CommandLine;
    use crate::tui::dialogs::reader::Reader;

    #[test]
    fn a_dialog_counts_only_as_the_same_kind_at_the_same_depth_drawn_whole() {
        let help: Box<dyn Dialog> = Box::new(Reader::help());
        let sighting = Sighting {
            dialog: Some(DialogSighting {
                depth: 1,
                kind: help.name(),
                whole: true,
            }),
            ..Sighting::default()
        };
        assert!(sighting.showed_whole_dialog(std::slice::from_ref(&help)));
        assert!(!sighting.showed_whole_dialog(&[help.clone(), help.clone()]));
        assert!(!sighting.showed_whole_dialog(&[Box::new(CommandLine::default())]));
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
