//! What the user sees of one workspace: the open tab, each tab's cursor and filter, the
//! settings form. Kept per workspace so switching away and back restores it.

use std::collections::BTreeSet;

use uuid::Uuid;

use crate::api::WorkspaceSettingsOut;

use super::filter::Filter;
use super::form::SettingsForm;
use super::members::MemberSort;
use super::remote::Resource;
use super::selection::Selection;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Members,
    Settings,
    ApiKeys,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Self::Members, Self::Settings, Self::ApiKeys];

    pub fn title(self) -> &'static str {
        match self {
            Self::Members => "Members",
            Self::Settings => "Settings",
            Self::ApiKeys => "API keys",
        }
    }

    pub fn step(self, delta: isize) -> Self {
        let i = Self::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        let n = Self::ALL.len() as isize;
        Self::ALL[(i + delta).rem_euclid(n) as usize]
    }
}

#[derive(Debug, Clone, Default)]
pub struct WorkspaceView {
    pub tab: Tab,
    /// The Members table's cursor, on a member by id.
    pub members_cursor: Selection<Uuid>,
    pub members_filter: Filter,
    /// Members picked with space for a role edit or a removal; kept across filter changes.
    pub marked: BTreeSet<Uuid>,
    pub sort: MemberSort,
    /// The API keys table's cursor, on a key by id.
    pub keys_cursor: Selection<Uuid>,
    /// The local server's extension settings; `Loaded(None)` when the server lacks them.
    pub settings: Resource<Option<WorkspaceSettingsOut>>,
    pub form: Option<SettingsForm>,
}

impl WorkspaceView {
    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(SettingsForm::is_dirty)
    }

    /// Whether keys go to a text field (a filter being typed or a form field being edited).
    pub fn is_typing(&self) -> bool {
        match self.tab {
            Tab::Members => self.members_filter.typing,
            Tab::Settings => self.form.as_ref().is_some_and(|f| f.editing.is_some()),
            Tab::ApiKeys => false,
        }
    }
}
