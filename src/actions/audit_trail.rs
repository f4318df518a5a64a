//! The audit log as people read it: who did it (a name, not a UUID), what, and to what (named),
//! the filters a trail is cut with (actor, action, time window, one workspace or one person),
//! and the export of what is shown to JSON Lines or CSV. Shared by the console's `:audit`
//! view and anything that opens someone's or something's trail.

use std::collections::HashMap;

use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::api::{ApiKeyExtendedOut, AuditLogOut, WorkspaceOut};
use crate::client::{AuditQuery, Directory};
use crate::domain::csv;

/// Names for the ids an entry carries.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditNames {
    pub people: HashMap<Uuid, String>,
    pub workspaces: HashMap<Uuid, String>,
    pub keys: HashMap<Uuid, String>,
}

impl AuditNames {
    pub fn new(
        directory: &Directory,
        workspaces: &[WorkspaceOut],
        keys: &[ApiKeyExtendedOut],
    ) -> Self {
        let people = directory
            .members()
            .iter()
            .map(|m| {
                let name = m
                    .name
                    .clone()
                    .filter(|n| !n.trim().is_empty())
                    .or_else(|| m.email.clone())
                    .unwrap_or_else(|| m.uuid.to_string());
                (m.uuid, name)
            })
            .collect();
        Self {
            people,
            workspaces: workspaces
                .iter()
                .map(|w| (w.uuid, w.name.clone()))
                .collect(),
            keys: keys
                .iter()
                .map(|k| {
                    (
                        k.key_id,
                        k.name.clone().unwrap_or_else(|| k.hidden_key.clone()),
                    )
                })
                .collect(),
        }
    }

    fn known(&self, id: Uuid) -> Option<&String> {
        self.people
            .get(&id)
            .or_else(|| self.workspaces.get(&id))
            .or_else(|| self.keys.get(&id))
    }

    /// Who did it: a person by name (their address if they left), a key by name, the system.
    pub fn actor(&self, entry: &AuditLogOut) -> String {
        let meta = &entry.actor_metadata;
        if let Some(user) = meta.get("user_uuid").and_then(|u| Uuid::parse_str(u).ok())
            && let Some(name) = self.people.get(&user)
        {
            return name.clone();
        }
        if let Some(email) = meta.get("email") {
            return email.clone();
        }
        if let Some(key) = meta.get("api_key_name") {
            return format!("key {key}");
        }
        meta.get("name")
            .cloned()
            .unwrap_or_else(|| entry.actor_type.to_lowercase())
    }

    /// What it was done to: the target's own name, else a name for an id it carries.
    pub fn target(&self, entry: &AuditLogOut) -> String {
        let meta = &entry.target_metadata;
        for field in ["name", "email", "api_key_name"] {
            if let Some(value) = meta.get(field).filter(|v| !v.is_empty()) {
                return value.clone();
            }
        }
        let named = meta
            .values()
            .filter_map(|v| Uuid::parse_str(v).ok())
            .find_map(|id| self.known(id).cloned());
        named.unwrap_or_else(|| entry.target_type.to_lowercase())
    }

    /// The workspace an entry concerns, by name, when it concerns one.
    pub fn workspace(&self, entry: &AuditLogOut) -> Option<String> {
        workspace_of(entry).and_then(|w| self.workspaces.get(&w).cloned())
    }
}

/// The workspace an entry happened in or was about.
pub fn workspace_of(entry: &AuditLogOut) -> Option<Uuid> {
    entry.workspace_uuid.or_else(|| {
        (entry.target_type == "WORKSPACE")
            .then(|| {
                entry
                    .target_metadata
                    .get("workspace_uuid")
                    .or(entry.target_metadata.get("uuid"))
            })
            .flatten()
            .and_then(|w| Uuid::parse_str(w).ok())
    })
}

/// Whether `entry` is part of `workspace`'s trail: it happened in it, was about it, or names
/// it (a group assigned to it, say).
pub fn concerns_workspace(entry: &AuditLogOut, workspace: Uuid) -> bool {
    workspace_of(entry) == Some(workspace)
        || entry
            .target_metadata
            .values()
            .any(|v| *v == workspace.to_string())
}

/// How far back a trail reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    #[default]
    All,
    Day,
    Week,
    Month,
}

impl Window {
    pub fn next(self) -> Self {
        match self {
            Self::All => Self::Day,
            Self::Day => Self::Week,
            Self::Week => Self::Month,
            Self::Month => Self::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "all time",
            Self::Day => "last 24 hours",
            Self::Week => "last 7 days",
            Self::Month => "last 30 days",
        }
    }

    pub fn start(self, now: OffsetDateTime) -> Option<OffsetDateTime> {
        match self {
            Self::All => None,
            Self::Day => Some(now - Duration::days(1)),
            Self::Week => Some(now - Duration::days(7)),
            Self::Month => Some(now - Duration::days(30)),
        }
    }
}

/// Which entries a trail shows. The person, action and window go to the server; the actor
/// (any kind, by name) and the workspace are applied to what it sends.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    /// Entries made by this person.
    pub person: Option<Uuid>,
    /// Entries whose actor has this name (people, keys, the system alike).
    pub actor: Option<String>,
    /// One event type, e.g. `api_key.create`.
    pub action: Option<String>,
    pub window: Window,
    /// Entries in or about this workspace.
    pub workspace: Option<Uuid>,
}

impl AuditFilter {
    /// A person's trail: what they did.
    pub fn person(user: Uuid) -> Self {
        Self {
            person: Some(user),
            ..Self::default()
        }
    }

    /// A workspace's trail: what happened in it or to it.
    pub fn workspace(workspace: Uuid) -> Self {
        Self {
            workspace: Some(workspace),
            ..Self::default()
        }
    }

    /// The server's part of the filter, for a page of `limit` entries, newest first.
    pub fn query(&self, now: OffsetDateTime, limit: u32) -> AuditQuery {
        AuditQuery {
            actor_user_uuid: self.person,
            event_type: self.action.iter().cloned().collect(),
            after: self.window.start(now),
            limit: Some(limit),
            sort: Some("descending".into()),
            ..AuditQuery::default()
        }
    }

    /// Whether `entry` belongs to the trail, all of the filter considered.
    pub fn keeps(&self, entry: &AuditLogOut, names: &AuditNames, now: OffsetDateTime) -> bool {
        let person = self.person.is_none_or(|p| {
            entry
                .actor_metadata
                .get("user_uuid")
                .and_then(|u| Uuid::parse_str(u).ok())
                == Some(p)
        });
        let actor = self.actor.as_ref().is_none_or(|a| names.actor(entry) == *a);
        let action = self.action.as_ref().is_none_or(|a| entry.event_type == *a);
        let window = self
            .window
            .start(now)
            .is_none_or(|start| entry.created_at > start);
        let workspace = self.workspace.is_none_or(|w| concerns_workspace(entry, w));
        person && actor && action && window && workspace
    }

    /// The filter in words, for the view's heading.
    pub fn describe(&self, names: &AuditNames) -> String {
        let mut parts = Vec::new();
        if let Some(p) = self.person {
            parts.push(format!(
                "by {}",
                names.people.get(&p).cloned().unwrap_or(p.to_string())
            ));
        }
        if let Some(a) = &self.actor {
            parts.push(format!("actor {a}"));
        }
        if let Some(a) = &self.action {
            parts.push(format!("action {a}"));
        }
        if let Some(w) = self.workspace {
            parts.push(format!(
                "workspace {}",
                names.workspaces.get(&w).cloned().unwrap_or(w.to_string())
            ));
        }
        parts.push(self.window.label().to_owned());
        parts.join(" · ")
    }
}

/// When an entry happened, to the second, in UTC as the server records it.
pub fn shown_time(at: OffsetDateTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    at.to_offset(time::UtcOffset::UTC)
        .format(&format)
        .unwrap_or_else(|_| at.unix_timestamp().to_string())
}

/// One entry as a row: time, actor, action, target, all in words.
pub fn row(entry: &AuditLogOut, names: &AuditNames) -> [String; 4] {
    [
        shown_time(entry.created_at),
        names.actor(entry),
        entry.event_type.clone(),
        names.target(entry),
    ]
}

/// The file formats an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    JsonLines,
    Csv,
}

impl ExportFormat {
    /// CSV for a `.csv` path, JSON Lines for anything else.
    pub fn for_path(path: &str) -> Self {
        if path.trim().to_lowercase().ends_with(".csv") {
            Self::Csv
        } else {
            Self::JsonLines
        }
    }
}

/// The entries as a file: one JSON object a line (the whole entry, with the names shown), or
/// CSV with a header and the columns shown.
pub fn export(entries: &[&AuditLogOut], names: &AuditNames, format: ExportFormat) -> String {
    let mut out = String::new();
    match format {
        ExportFormat::JsonLines => {
            for entry in entries {
                let mut value = serde_json::to_value(entry).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut value {
                    let [_, actor, _, target] = row(entry, names);
                    map.insert("actor_name".into(), json!(actor));
                    map.insert("target_name".into(), json!(target));
                }
                out.push_str(&value.to_string());
                out.push('\n');
            }
        }
        ExportFormat::Csv => {
            out.push_str("time,actor,action,target,log_id\n");
            for entry in entries {
                let mut cells: Vec<String> =
                    row(entry, names).iter().map(|c| csv::cell(c)).collect();
                cells.push(entry.log_id.to_string());
                out.push_str(&cells.join(","));
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "audit_trail_tests.rs"]
mod tests;
