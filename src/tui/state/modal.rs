//! Dialogs that sit over the panes. They form a stack: the top one gets keys first and is
//! drawn last.

use tui_input::Input;
use uuid::Uuid;

use super::dialogs::{AddMembers, ArchiveDialog, CreateWorkspace, EditRoles, RemoveMembers};

#[derive(Debug, Clone)]
pub enum Modal {
    Help {
        scroll: u16,
    },
    WorkspacePicker(Picker),
    OrganizationPicker(Picker),
    CommandLine(Input),
    Unsaved(UnsavedPrompt),
    AddMembers(Box<AddMembers>),
    EditRoles(Box<EditRoles>),
    RemoveMembers(Box<RemoveMembers>),
    Archive(Box<ArchiveDialog>),
    CreateWorkspace(Box<CreateWorkspace>),
    /// Chooses the admin of the workspace being created; sits on top of that dialog.
    AdminPicker(Picker),
}

/// A fuzzy picker: the query and the cursor among the ranked matches.
#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub query: Input,
    pub cursor: usize,
}

/// A move that leaves the current workspace (and so its form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    OpenWorkspace(Uuid),
    SwitchOrganization(usize),
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptButton {
    Save,
    Discard,
    Stay,
}

impl PromptButton {
    pub const ALL: [PromptButton; 3] = [Self::Save, Self::Discard, Self::Stay];

    pub fn label(self) -> &'static str {
        match self {
            Self::Save => "Save",
            Self::Discard => "Discard",
            Self::Stay => "Stay",
        }
    }
}

/// "You have unsaved changes": save, discard, or stay. Stay has the focus, so a stray Enter
/// loses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedPrompt {
    pub then: Navigation,
    pub button: PromptButton,
}

impl UnsavedPrompt {
    pub fn new(then: Navigation) -> Self {
        Self {
            then,
            button: PromptButton::Stay,
        }
    }
}
