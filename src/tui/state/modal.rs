//! Dialogs that sit over the panes. They form a stack: the top one gets keys first and is
//! drawn last.

use tui_input::Input;
use uuid::Uuid;

use super::dialogs::{
    AddMembers, ArchiveDialog, CreateWorkspace, EditRoles, RemoveMembers, Submission,
};

/// The `:` commands as the user types them; the empty command line shows this list, and an
/// unknown command repeats it.
pub const COMMANDS: &str = "ws NAME, org NAME, messages, quit, help";

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
    /// Why something the user asked for cannot be done, too long for the status line.
    Notice(Notice),
    /// Every message of the session, whole: the status line shows only the last, and cuts it.
    Messages {
        scroll: u16,
    },
    /// One member's details: every role in every workspace, their keys, when they joined.
    Member {
        user: Uuid,
        scroll: u16,
    },
}

impl Modal {
    /// The change a dialog sends, for those that send one.
    pub fn submission(&self) -> Option<&Submission> {
        match self {
            Self::AddMembers(d) => Some(&d.submission),
            Self::EditRoles(d) => Some(&d.submission),
            Self::RemoveMembers(d) => Some(&d.submission),
            Self::Archive(d) => Some(&d.submission),
            Self::CreateWorkspace(d) => Some(&d.submission),
            _ => None,
        }
    }

    pub fn submission_mut(&mut self) -> Option<&mut Submission> {
        match self {
            Self::AddMembers(d) => Some(&mut d.submission),
            Self::EditRoles(d) => Some(&mut d.submission),
            Self::RemoveMembers(d) => Some(&mut d.submission),
            Self::Archive(d) => Some(&mut d.submission),
            Self::CreateWorkspace(d) => Some(&mut d.submission),
            _ => None,
        }
    }

    /// Whether the dialog's change is on its way (it then takes no keys but ctrl-c).
    pub fn is_sending(&self) -> bool {
        self.submission().is_some_and(Submission::is_sending)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub text: String,
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
