//! The Settings tab's form: what the server has, what the user typed, what is wrong with it,
//! and the request that saves only what changed.

use std::collections::BTreeMap;

use tui_input::Input;
use uuid::Uuid;

use crate::api::{UpdateWorkspaceIn, WorkspaceOut, WorkspaceSettingsOut, WorkspaceSettingsUpdate};
use crate::domain::validation;

use super::Navigation;
use super::remote::{ErrorKind, RemoteError, RequestId};
use crate::actions::Request;
use crate::actions::workspaces::{cap_problem, icon_problem};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Description,
    Icon,
    MembersCanCreateKeys,
    MonthlySpendCap,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Self::Name,
        Self::Description,
        Self::Icon,
        Self::MembersCanCreateKeys,
        Self::MonthlySpendCap,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::Description => "Description",
            Self::Icon => "Icon",
            Self::MembersCanCreateKeys => "Members create keys",
            Self::MonthlySpendCap => "Monthly spend cap",
        }
    }

    /// Settings that only the local server's extension can read and write.
    pub fn is_extension(self) -> bool {
        matches!(self, Self::MembersCanCreateKeys | Self::MonthlySpendCap)
    }

    pub fn is_text(self) -> bool {
        self != Self::MembersCanCreateKeys
    }

    /// The field a 422 `loc` path names.
    pub fn from_path(path: &str) -> Option<Self> {
        match path.rsplit('.').next()? {
            "name" => Some(Self::Name),
            "description" => Some(Self::Description),
            "icon" => Some(Self::Icon),
            "members_can_create_api_keys" => Some(Self::MembersCanCreateKeys),
            "monthly_spend_cap" => Some(Self::MonthlySpendCap),
            _ => None,
        }
    }
}

/// Whether the extension settings can be edited, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Extension {
    Loading,
    Available {
        organization_limit: Option<i64>,
        currency: String,
    },
    Unavailable(String),
}

pub const EXTENSION_MISSING: &str = "this server does not offer these settings (a local-server extension; \
     Mistral's Admin API has no endpoint for them)";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Values {
    pub name: String,
    pub description: String,
    pub icon: String,
    pub members_can_create_keys: bool,
    pub cap: String,
}

#[derive(Debug, Clone)]
pub struct SettingsForm {
    pub workspace: Uuid,
    pub original: Values,
    pub name: Input,
    pub description: Input,
    pub icon: Input,
    pub cap: Input,
    pub members_can_create_keys: bool,
    pub extension: Extension,
    pub focus: Field,
    /// While a text field is being edited: its value before the edit, for undo.
    pub editing: Option<String>,
    pub server_errors: BTreeMap<Field, String>,
    pub saving: Option<RequestId>,
    /// Where to go once the save in flight succeeds (from the unsaved-changes prompt).
    pub after_save: Option<Navigation>,
}

impl SettingsForm {
    pub fn new(workspace: &WorkspaceOut) -> Self {
        let original = Values {
            name: workspace.name.clone(),
            description: workspace.description.clone().unwrap_or_default(),
            icon: workspace.icon.clone().unwrap_or_default(),
            ..Values::default()
        };
        Self {
            workspace: workspace.uuid,
            name: Input::new(original.name.clone()),
            description: Input::new(original.description.clone()),
            icon: Input::new(original.icon.clone()),
            cap: Input::default(),
            members_can_create_keys: false,
            original,
            extension: Extension::Loading,
            focus: Field::Name,
            editing: None,
            server_errors: BTreeMap::new(),
            saving: None,
            after_save: None,
        }
    }

    pub fn input(&self, field: Field) -> Option<&Input> {
        match field {
            Field::Name => Some(&self.name),
            Field::Description => Some(&self.description),
            Field::Icon => Some(&self.icon),
            Field::MonthlySpendCap => Some(&self.cap),
            Field::MembersCanCreateKeys => None,
        }
    }

    pub fn input_mut(&mut self, field: Field) -> Option<&mut Input> {
        match field {
            Field::Name => Some(&mut self.name),
            Field::Description => Some(&mut self.description),
            Field::Icon => Some(&mut self.icon),
            Field::MonthlySpendCap => Some(&mut self.cap),
            Field::MembersCanCreateKeys => None,
        }
    }

    pub fn values(&self) -> Values {
        Values {
            name: self.name.value().to_owned(),
            description: self.description.value().to_owned(),
            icon: self.icon.value().to_owned(),
            members_can_create_keys: self.members_can_create_keys,
            cap: self.cap.value().to_owned(),
        }
    }

    pub fn extension_available(&self) -> bool {
        matches!(self.extension, Extension::Available { .. })
    }

    pub fn is_field_dirty(&self, field: Field) -> bool {
        let now = self.values();
        let was = &self.original;
        match field {
            Field::Name => now.name != was.name,
            Field::Description => now.description != was.description,
            Field::Icon => now.icon != was.icon,
            Field::MembersCanCreateKeys => {
                self.extension_available()
                    && now.members_can_create_keys != was.members_can_create_keys
            }
            Field::MonthlySpendCap => self.extension_available() && now.cap.trim() != was.cap,
        }
    }

    pub fn is_dirty(&self) -> bool {
        Field::ALL.iter().any(|f| self.is_field_dirty(*f))
    }

    /// What is wrong with the current values, checked as the user types.
    pub fn problems(&self) -> BTreeMap<Field, String> {
        let mut problems = BTreeMap::new();
        if let Err(p) = validation::workspace_name(self.name.value()) {
            problems.insert(Field::Name, p.message);
        }
        if let Err(p) = validation::workspace_description(self.description.value()) {
            problems.insert(Field::Description, p.message);
        }
        if let Some(message) = icon_problem(self.icon.value()) {
            problems.insert(Field::Icon, message);
        }
        if let Extension::Available {
            organization_limit,
            currency,
        } = &self.extension
            && let Err(message) = parse_cap(self.cap.value(), *organization_limit, currency)
        {
            problems.insert(Field::MonthlySpendCap, message);
        }
        problems
    }

    /// The message to show next to a field: a local problem first, else the server's word.
    pub fn message(&self, field: Field) -> Option<String> {
        self.problems()
            .remove(&field)
            .or_else(|| self.server_errors.get(&field).cloned())
    }

    /// The requests that save what changed, or why there are none: the workspace's own
    /// fields (the Admin API) first, then the extension settings; either is left out when
    /// nothing in it changed.
    pub fn save_requests(&self) -> Result<Vec<Request>, String> {
        if !self.problems().is_empty() {
            return Err("fix the fields marked with ! first".into());
        }
        if !self.is_dirty() {
            return Err("nothing to save: no field was changed".into());
        }
        let now = self.values();
        let changed = |f: Field| self.is_field_dirty(f);
        let details = UpdateWorkspaceIn {
            name: changed(Field::Name).then(|| now.name.clone()),
            description: changed(Field::Description).then(|| now.description.clone()),
            icon: changed(Field::Icon).then(|| now.icon.clone()),
        };
        let settings = WorkspaceSettingsUpdate {
            members_can_create_api_keys: changed(Field::MembersCanCreateKeys)
                .then_some(now.members_can_create_keys),
            monthly_spend_cap: if changed(Field::MonthlySpendCap) {
                let limit = match &self.extension {
                    Extension::Available {
                        organization_limit,
                        currency,
                    } => parse_cap(&now.cap, *organization_limit, currency),
                    _ => Ok(None),
                };
                Some(limit?)
            } else {
                None
            },
        };
        let workspace = self.workspace;
        let mut requests = Vec::new();
        if details != UpdateWorkspaceIn::default() {
            requests.push(Request::UpdateWorkspace {
                workspace,
                body: details,
            });
        }
        if settings != WorkspaceSettingsUpdate::default() {
            requests.push(Request::UpdateWorkspaceSettings {
                workspace,
                body: settings,
            });
        }
        Ok(requests)
    }

    /// New server data for the workspace: fields the user has not touched follow it.
    pub fn refresh_details(&mut self, workspace: &WorkspaceOut) {
        let fresh = [
            (Field::Name, workspace.name.clone()),
            (
                Field::Description,
                workspace.description.clone().unwrap_or_default(),
            ),
            (Field::Icon, workspace.icon.clone().unwrap_or_default()),
        ];
        for (field, value) in fresh {
            let untouched = !self.is_field_dirty(field) && self.editing_field() != Some(field);
            match field {
                Field::Name => self.original.name = value.clone(),
                Field::Description => self.original.description = value.clone(),
                _ => self.original.icon = value.clone(),
            }
            if untouched && let Some(input) = self.input_mut(field) {
                *input = Input::new(value);
            }
        }
    }

    /// The extension settings arrived (or turned out to be missing, or failed).
    pub fn refresh_extension(
        &mut self,
        settings: Result<Option<&WorkspaceSettingsOut>, &RemoteError>,
    ) {
        match settings {
            Ok(Some(s)) => {
                let was_available = self.extension_available();
                let toggle_untouched =
                    !was_available || !self.is_field_dirty(Field::MembersCanCreateKeys);
                let cap_untouched = !was_available
                    || (!self.is_field_dirty(Field::MonthlySpendCap)
                        && self.editing_field() != Some(Field::MonthlySpendCap));
                self.original.members_can_create_keys = s.members_can_create_api_keys;
                self.original.cap = s
                    .monthly_spend_cap
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                if toggle_untouched {
                    self.members_can_create_keys = s.members_can_create_api_keys;
                }
                if cap_untouched {
                    self.cap = Input::new(self.original.cap.clone());
                }
                self.extension = Extension::Available {
                    organization_limit: s.organization_monthly_limit,
                    currency: s.currency.clone(),
                };
            }
            Ok(None) => self.extension = Extension::Unavailable(EXTENSION_MISSING.into()),
            Err(err) => {
                self.extension = Extension::Unavailable(format!("could not load them: {err}"))
            }
        }
    }

    /// The save went through: what was sent is now what the server has.
    pub fn accept_saved(
        &mut self,
        workspace: Option<&WorkspaceOut>,
        settings: Option<&WorkspaceSettingsOut>,
    ) {
        self.saving = None;
        self.server_errors.clear();
        self.editing = None;
        if let Some(ws) = workspace {
            self.original.name = ws.name.clone();
            self.original.description = ws.description.clone().unwrap_or_default();
            self.original.icon = ws.icon.clone().unwrap_or_default();
            self.name = Input::new(self.original.name.clone());
            self.description = Input::new(self.original.description.clone());
            self.icon = Input::new(self.original.icon.clone());
        }
        if let Some(s) = settings {
            self.refresh_extension(Ok(Some(s)));
            self.members_can_create_keys = s.members_can_create_api_keys;
            self.cap = Input::new(self.original.cap.clone());
        }
    }

    /// The save failed: keep every typed value and put field messages where they belong.
    /// Returns the part of the error that concerns no field, for the status line.
    pub fn accept_failure(&mut self, error: &RemoteError) -> Option<String> {
        self.saving = None;
        self.server_errors.clear();
        let mut unplaced = Vec::new();
        for (path, message) in &error.fields {
            match Field::from_path(path) {
                Some(field) => {
                    self.server_errors.insert(field, message.clone());
                }
                None => unplaced.push(format!("{path}: {message}")),
            }
        }
        // A 409 on a workspace save is the name rule (unique among active workspaces): it
        // belongs next to the name when the name was part of the save.
        if error.kind == ErrorKind::Conflict
            && error.fields.is_empty()
            && self.is_field_dirty(Field::Name)
        {
            self.server_errors
                .insert(Field::Name, error.message.clone());
            return Some(error.message.clone());
        }
        if self.server_errors.is_empty() {
            Some(error.message.clone())
        } else if unplaced.is_empty() {
            None
        } else {
            Some(unplaced.join("; "))
        }
    }

    pub fn editing_field(&self) -> Option<Field> {
        self.editing.as_ref().map(|_| self.focus)
    }

    /// Puts the form back to what the server has.
    pub fn discard(&mut self) {
        let original = self.original.clone();
        self.name = Input::new(original.name);
        self.description = Input::new(original.description);
        self.icon = Input::new(original.icon);
        self.cap = Input::new(original.cap);
        self.members_can_create_keys = original.members_can_create_keys;
        self.editing = None;
        self.server_errors.clear();
    }
}

/// The cap as the server takes it: empty for "no cap of its own".
fn parse_cap(text: &str, limit: Option<i64>, currency: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let value: i64 = text
        .parse()
        .map_err(|_| "Enter a whole number, or leave empty for no cap".to_owned())?;
    match cap_problem(value, limit, currency) {
        Some(problem) => Err(problem),
        None => Ok(Some(value)),
    }
}

#[cfg(test)]
mod tests;
