//! Creating and editing a workspace: the checks the server makes too, and the request(s)
//! each sends. Archiving is [`super::archive`].

use unicode_segmentation::UnicodeSegmentation;

use super::error::ActionError;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use super::resolve::name_holder;
use crate::api::{
    AdminWorkspaceIn, UpdateWorkspaceIn, WorkspaceOut, WorkspaceSettingsOut,
    WorkspaceSettingsUpdate,
};
use crate::domain::validation::{self, MAX_ACTIVE_WORKSPACES};

/// What is wrong with an icon: too long, or more than one picture.
pub fn icon_problem(icon: &str) -> Option<String> {
    if let Err(p) = validation::workspace_icon(icon) {
        return Some(format!("{} (one emoji)", p.message));
    }
    (icon.graphemes(true).count() > 1).then(|| "Icon must be a single emoji or symbol".to_owned())
}

/// What is wrong with a monthly spending cap, given the organization's limit.
pub fn cap_problem(cap: i64, limit: Option<i64>, currency: &str) -> Option<String> {
    if cap < 0 {
        return Some("The cap cannot be negative".into());
    }
    match limit {
        Some(limit) if cap > limit => Some(format!(
            "Cannot exceed the organization's limit of {limit} {currency}"
        )),
        _ => None,
    }
}

fn check(field: &str, result: Result<(), validation::FieldProblem>) -> Result<(), ActionError> {
    result.map_err(|p| ActionError::invalid(field, p.message))
}

/// Refuses a name that an active workspace other than `except` already has.
fn ensure_name_free(
    name: &str,
    active: &[WorkspaceOut],
    except: Option<uuid::Uuid>,
) -> Result<(), ActionError> {
    match name_holder(active, name, except, |w| (w.uuid, &w.name)) {
        Some(existing) => Err(ActionError::refused(format!(
            "An active workspace named '{}' already exists in this organization",
            existing.name
        ))),
        None => Ok(()),
    }
}

/// A new workspace as the admin describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewWorkspace {
    pub name: String,
    pub description: String,
    pub icon: String,
    /// Who becomes its `workspace_admin`, and how to name them.
    pub admin: uuid::Uuid,
    pub admin_label: String,
    pub add_all_members: bool,
}

pub fn create(new: &NewWorkspace, active: &[WorkspaceOut]) -> Result<Plan, ActionError> {
    check("name", validation::workspace_name(&new.name))?;
    check(
        "description",
        validation::workspace_description(&new.description),
    )?;
    if let Some(problem) = icon_problem(&new.icon) {
        return Err(ActionError::invalid("icon", problem));
    }
    let name = new.name.trim().to_owned();
    ensure_name_free(&name, active, None)?;
    if active.len() >= MAX_ACTIVE_WORKSPACES {
        return Err(ActionError::refused(format!(
            "The organization already has {MAX_ACTIVE_WORKSPACES} active workspaces, the most allowed; archive one first"
        )));
    }
    let body = AdminWorkspaceIn {
        name: name.clone(),
        description: new.description.clone(),
        icon: new.icon.clone(),
        add_all_org_members: new.add_all_members,
        admin_user_id: new.admin,
    };
    let mut summary = format!("Create \"{name}\" with {} as its admin", new.admin_label);
    if new.add_all_members {
        summary.push_str(", every member of the organization joining it");
    }
    Ok(Plan::single(
        Intent::CreateWorkspace { name: name.clone() },
        summary,
        Request::CreateWorkspace { body },
        format!("create \"{name}\""),
    ))
}

/// The fields an edit sets; `None` leaves one as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WorkspaceEdit {
    pub name: Option<String>,
    pub description: Option<String>,
    pub icon: Option<String>,
    pub members_can_create_api_keys: Option<bool>,
    /// `Some(None)` removes the workspace's own cap.
    pub monthly_spend_cap: Option<Option<i64>>,
}

/// Saves what differs from the workspace as it is: its own fields through the Admin API,
/// then the local server's extension settings, which need `settings` to have been read.
pub fn edit(
    workspace: &WorkspaceOut,
    change: &WorkspaceEdit,
    active: &[WorkspaceOut],
    settings: Option<&WorkspaceSettingsOut>,
) -> Result<Plan, ActionError> {
    let mut details = UpdateWorkspaceIn::default();
    if let Some(name) = change.name.as_deref() {
        check("name", validation::workspace_name(name))?;
        if name.trim() != workspace.name {
            ensure_name_free(name, active, Some(workspace.uuid))?;
            details.name = Some(name.trim().to_owned());
        }
    }
    if let Some(description) = &change.description {
        check(
            "description",
            validation::workspace_description(description),
        )?;
        if Some(description) != workspace.description.as_ref() {
            details.description = Some(description.clone());
        }
    }
    if let Some(icon) = &change.icon {
        if let Some(problem) = icon_problem(icon) {
            return Err(ActionError::invalid("icon", problem));
        }
        if Some(icon) != workspace.icon.as_ref() {
            details.icon = Some(icon.clone());
        }
    }
    let mut update = WorkspaceSettingsUpdate::default();
    let wants_settings =
        change.members_can_create_api_keys.is_some() || change.monthly_spend_cap.is_some();
    if wants_settings {
        let Some(now) = settings else {
            return Err(ActionError::refused(
                "Workspace settings are not available on this server (they are a local-server extension)",
            ));
        };
        if let Some(allowed) = change.members_can_create_api_keys
            && allowed != now.members_can_create_api_keys
        {
            update.members_can_create_api_keys = Some(allowed);
        }
        if let Some(cap) = change.monthly_spend_cap {
            if let Some(problem) =
                cap.and_then(|c| cap_problem(c, now.organization_monthly_limit, &now.currency))
            {
                return Err(ActionError::invalid("monthly_spend_cap", problem));
            }
            if cap != now.monthly_spend_cap {
                update.monthly_spend_cap = Some(cap);
            }
        }
    }
    let name_after = details
        .name
        .clone()
        .unwrap_or_else(|| workspace.name.clone());
    let intent = Intent::EditWorkspace {
        name: name_after.clone(),
    };
    let mut steps = Vec::new();
    let mut what = Vec::new();
    if details != UpdateWorkspaceIn::default() {
        for (field, set) in [
            ("name", details.name.is_some()),
            ("description", details.description.is_some()),
            ("icon", details.icon.is_some()),
        ] {
            if set {
                what.push(field);
            }
        }
        steps.push(Step::new(
            Request::UpdateWorkspace {
                workspace: workspace.uuid,
                body: details,
            },
            format!(
                "save the name, description and icon of \"{}\"",
                workspace.name
            ),
        ));
    }
    if update != WorkspaceSettingsUpdate::default() {
        if update.members_can_create_api_keys.is_some() {
            what.push("whether members may create API keys");
        }
        if update.monthly_spend_cap.is_some() {
            what.push("monthly spending cap");
        }
        steps.push(Step::new(
            Request::UpdateWorkspaceSettings {
                workspace: workspace.uuid,
                body: update,
            },
            format!("save the settings of \"{}\"", workspace.name),
        ));
    }
    if steps.is_empty() {
        return Ok(Plan::nothing(
            intent,
            format!(
                "Nothing to save: \"{}\" already has these values",
                workspace.name
            ),
        ));
    }
    let summary = format!("Change the {} of \"{}\"", what.join(", "), workspace.name);
    Ok(Plan::new(intent, summary, steps))
}

#[cfg(test)]
#[path = "workspaces_tests.rs"]
mod tests;
