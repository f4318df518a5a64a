//! Workspace API keys: creating one (its plaintext comes back once), deleting keys, and
//! rotating one (a replacement with the same workspace, owner and name, then the old key
//! goes, under one confirmation).

use std::collections::HashMap;

use time::Date;
use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::outcome::count_of;
use super::plan::{Intent, Plan, Step};
use super::request::Request;
use super::resolve::{key_confirmation, key_label, person_email};
use crate::api::{
    AdminCreateApiKeyIn, AdminOrganizationMemberOut, ApiKeyExtendedOut, AuditLogOut, WorkspaceOut,
};
use crate::client::Directory;
use crate::domain::validation;

/// Who owns each key, as far as the audit log's `api_key.create` entries say (the key list
/// names only a creator): key id to user id.
pub fn owners_from_audit(entries: &[AuditLogOut]) -> HashMap<Uuid, Uuid> {
    entries
        .iter()
        .filter(|e| e.event_type == "api_key.create")
        .filter_map(|e| {
            let key = Uuid::parse_str(e.target_metadata.get("api_key_id")?).ok()?;
            let owner = Uuid::parse_str(e.event_metadata.get("owner_user_uuid")?).ok()?;
            Some((key, owner))
        })
        .collect()
}

/// A key's owner among the organization's members: the one the audit log names, else the
/// member whose email is the key's creator.
pub fn owner<'a>(
    key: &ApiKeyExtendedOut,
    directory: &'a Directory,
    owners: &HashMap<Uuid, Uuid>,
) -> Option<&'a AdminOrganizationMemberOut> {
    if let Some(user) = owners.get(&key.key_id) {
        return directory.user(*user);
    }
    let creator = key.created_by.as_deref()?;
    directory.members().iter().find(|m| {
        m.email
            .as_deref()
            .is_some_and(|e| e.eq_ignore_ascii_case(creator))
    })
}

/// A new key as the admin describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewKey {
    pub name: Option<String>,
    /// The last day it works; `None`: it never expires.
    pub expiration: Option<Date>,
}

fn expiry_text(expiration: Option<Date>) -> String {
    match expiration {
        Some(date) => format!("expiring {date}"),
        None => "never expiring".to_owned(),
    }
}

/// Refuses an owner who is not a member of the workspace, as the server does.
fn ensure_member(
    owner: &AdminOrganizationMemberOut,
    workspace_id: uuid::Uuid,
    workspace_name: &str,
    directory: &Directory,
) -> Result<(), ActionError> {
    let member = directory
        .workspace_members(workspace_id)
        .iter()
        .any(|m| m.user.uuid == owner.uuid);
    if member {
        Ok(())
    } else {
        Err(ActionError::refused(format!(
            "{} is not a member of workspace '{workspace_name}'; add them to it first",
            person_email(owner)
        )))
    }
}

fn ensure_future(expiration: Option<Date>, today: Date) -> Result<(), ActionError> {
    match expiration {
        Some(date) if date <= today => Err(ActionError::invalid(
            "expiration",
            format!("the expiration date must be in the future (after {today})"),
        )),
        _ => Ok(()),
    }
}

pub fn create(
    workspace: &WorkspaceOut,
    owner: &AdminOrganizationMemberOut,
    key: &NewKey,
    directory: &Directory,
    today: Date,
) -> Result<Plan, ActionError> {
    let name = key.name.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if let Some(name) = name {
        validation::label("Name", name).map_err(|p| ActionError::invalid("name", p.message))?;
    }
    ensure_member(owner, workspace.uuid, &workspace.name, directory)?;
    ensure_future(key.expiration, today)?;
    let shown = name.unwrap_or("(unnamed)").to_owned();
    let owner_email = person_email(owner);
    let body = AdminCreateApiKeyIn {
        name: name.map(str::to_owned),
        expiration: key.expiration,
        workspace_uuid: workspace.uuid,
        user_id: owner.uuid,
    };
    let summary = format!(
        "Create API key \"{shown}\" in \"{}\" for {owner_email}, {}",
        workspace.name,
        expiry_text(key.expiration)
    );
    Ok(Plan::new(
        Intent::CreateKey {
            name: shown.clone(),
            workspace: workspace.name.clone(),
            owner: owner_email,
            expiration: key.expiration,
        },
        summary,
        vec![Step::new(
            Request::CreateApiKey { body },
            format!("create API key \"{shown}\" in \"{}\"", workspace.name),
        )],
    ))
}

/// Deletes keys, for good: each stops working at once. Confirmed by typing each key's name.
pub fn delete(keys: &[&ApiKeyExtendedOut]) -> Result<Plan, ActionError> {
    if keys.is_empty() {
        return Err(ActionError::invalid("key", "name at least one API key"));
    }
    let labels: Vec<String> = keys
        .iter()
        .map(|k| {
            format!(
                "{} in \"{}\"",
                key_label(k),
                k.workspace_name.as_deref().unwrap_or("?")
            )
        })
        .collect();
    let summary = format!("{}: {}", deletion_warning(keys.len()), list_some(&labels));
    let steps = keys
        .iter()
        .map(|k| {
            Step::new(
                Request::DeleteApiKey { key: k.key_id },
                format!("delete API key {}", key_label(k)),
            )
        })
        .collect();
    let mut confirm: Vec<String> = keys.iter().map(|k| key_confirmation(k)).collect();
    confirm.dedup();
    Ok(Plan::new(
        Intent::DeleteKeys {
            labels: keys.iter().map(|k| key_label(k)).collect(),
        },
        summary,
        steps,
    )
    .with_confirmation(confirm))
}

/// What deleting `count` keys means, without naming them (a confirmation that lists them
/// below says this once, then each key once).
pub fn deletion_warning(count: usize) -> String {
    format!(
        "Deleting {} is permanent: {} working at once",
        count_of(count, "API key", "API keys"),
        if count == 1 { "it stops" } else { "they stop" }
    )
}

/// Replaces a key: a new one with the same workspace, owner and name, expiring on
/// `expiration`, then the old one is deleted. The new key exists before the old one stops.
pub fn rotate(
    key: &ApiKeyExtendedOut,
    owner: &AdminOrganizationMemberOut,
    expiration: Option<Date>,
    directory: &Directory,
    today: Date,
) -> Result<Plan, ActionError> {
    let (Some(workspace_id), Some(workspace_name)) = (key.workspace_id, key.workspace_name.clone())
    else {
        return Err(ActionError::refused(format!(
            "API key {} names no workspace, so its replacement has nowhere to go",
            key_label(key)
        )));
    };
    ensure_member(owner, workspace_id, &workspace_name, directory)?;
    ensure_future(expiration, today)?;
    let label = key_label(key);
    let owner_email = person_email(owner);
    let body = AdminCreateApiKeyIn {
        name: key.name.clone(),
        expiration,
        workspace_uuid: workspace_id,
        user_id: owner.uuid,
    };
    let summary = format!(
        "Rotate API key {label} in \"{workspace_name}\": a replacement with the same name and owner ({owner_email}), {}, then the old key is deleted and stops working at once",
        expiry_text(expiration)
    );
    Ok(Plan::new(
        Intent::RotateKey {
            label: label.clone(),
            expiration,
        },
        summary,
        vec![
            Step::new(
                Request::CreateApiKey { body },
                format!("create the replacement of {label}"),
            ),
            Step::new(
                Request::DeleteApiKey { key: key.key_id },
                format!("delete the old key {label}"),
            ),
        ],
    )
    .with_confirmation(vec![key_confirmation(key)]))
}

#[cfg(test)]
#[path = "keys_tests.rs"]
mod tests;
