//! The organization's API keys as one list: each key with its owner (named), its workspace and
//! a status saying whether it still works and why not, and the quick filters an admin audits
//! keys with (expired, expiring soon, never used, unused for 90 days, owner gone).

use std::collections::{HashMap, HashSet};

use time::{Date, Duration};
use uuid::Uuid;

use super::keys::owner;
use crate::api::{ApiKeyExtendedOut, AuditLogOut, WorkspaceOut};
use crate::client::Directory;
use crate::domain::key_expiry::is_expired;

/// Days ahead that count as "expiring soon".
pub const EXPIRING_WITHIN_DAYS: i64 = 30;
/// Days without use after which a key counts as unused.
pub const UNUSED_FOR_DAYS: i64 = 90;

/// Whether a key works, and the first reason it does not. An owner who left does not stop a
/// key (the server keeps what people created), but it is worth an admin's look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyStatus {
    Active,
    Expired,
    WorkspaceArchived,
    OwnerGone,
}

impl KeyStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Expired => "expired",
            Self::WorkspaceArchived => "workspace archived",
            Self::OwnerGone => "owner gone",
        }
    }

    /// Whether the key still opens the API.
    pub fn works(self) -> bool {
        matches!(self, Self::Active | Self::OwnerGone)
    }
}

/// The quick filters, in the order the filter key steps through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyFilter {
    #[default]
    All,
    Expired,
    ExpiringSoon,
    NeverUsed,
    Unused,
    OwnerGone,
}

impl KeyFilter {
    pub const ALL: [KeyFilter; 6] = [
        Self::All,
        Self::Expired,
        Self::ExpiringSoon,
        Self::NeverUsed,
        Self::Unused,
        Self::OwnerGone,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::All => "all keys",
            Self::Expired => "expired",
            Self::ExpiringSoon => "expiring within 30 days",
            Self::NeverUsed => "never used",
            Self::Unused => "unused for 90 days",
            Self::OwnerGone => "owner no longer a member",
        }
    }

    pub fn next(self) -> Self {
        let at = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Self::ALL[(at + 1) % Self::ALL.len()]
    }

    /// Whether `row` passes this filter on `today`.
    pub fn keeps(self, row: &KeyRow, today: Date) -> bool {
        let key = &row.key;
        match self {
            Self::All => true,
            Self::Expired => is_expired(key.expiration_date, today),
            Self::ExpiringSoon => key.expiration_date.is_some_and(|last| {
                last >= today && last <= today + Duration::days(EXPIRING_WITHIN_DAYS)
            }),
            Self::NeverUsed => key.last_used.is_none(),
            Self::Unused => key
                .last_used
                .is_none_or(|used| used < today - Duration::days(UNUSED_FOR_DAYS)),
            Self::OwnerGone => row.owner_gone,
        }
    }
}

/// One key as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyRow {
    pub key: ApiKeyExtendedOut,
    /// The owner's name (else email) while they are a member; what the key list says otherwise.
    pub owner: String,
    pub owner_id: Option<Uuid>,
    pub owner_gone: bool,
    pub status: KeyStatus,
}

/// Everything the list is made of, as loaded together.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyBook {
    pub keys: Vec<ApiKeyExtendedOut>,
    pub directory: Directory,
    /// Active workspaces, then archived ones.
    pub workspaces: Vec<WorkspaceOut>,
    pub archived: HashSet<Uuid>,
    /// Key to owner, from the audit log's key creations.
    pub owners: HashMap<Uuid, Uuid>,
}

impl KeyBook {
    pub fn new(
        keys: Vec<ApiKeyExtendedOut>,
        directory: Directory,
        active: Vec<WorkspaceOut>,
        archived: Vec<WorkspaceOut>,
        audit: &[AuditLogOut],
    ) -> Self {
        let archived_ids = archived.iter().map(|w| w.uuid).collect();
        let mut workspaces = active;
        workspaces.extend(archived);
        Self {
            keys,
            directory,
            workspaces,
            archived: archived_ids,
            owners: super::keys::owners_from_audit(audit),
        }
    }

    /// Every key with its owner and status, in the server's order (newest first).
    pub fn rows(&self, today: Date) -> Vec<KeyRow> {
        self.keys.iter().map(|k| self.row(k, today)).collect()
    }

    pub fn row(&self, key: &ApiKeyExtendedOut, today: Date) -> KeyRow {
        let member = owner(key, &self.directory, &self.owners);
        // Known to have had an owner (the audit log or the creator's address) who is no
        // longer among the members.
        let owner_gone =
            member.is_none() && (self.owners.contains_key(&key.key_id) || key.created_by.is_some());
        let owner_name = match member {
            Some(m) => m
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .or_else(|| m.email.clone())
                .unwrap_or_else(|| m.uuid.to_string()),
            None => key.created_by.clone().unwrap_or_else(|| "unknown".into()),
        };
        let archived = key.workspace_id.is_some_and(|w| self.archived.contains(&w));
        let status = if archived {
            KeyStatus::WorkspaceArchived
        } else if is_expired(key.expiration_date, today) {
            KeyStatus::Expired
        } else if owner_gone {
            KeyStatus::OwnerGone
        } else {
            KeyStatus::Active
        };
        KeyRow {
            key: key.clone(),
            owner: owner_name,
            owner_id: member.map(|m| m.uuid),
            owner_gone,
            status,
        }
    }

    /// The active workspaces a key can be made in.
    pub fn active_workspaces(&self) -> Vec<&WorkspaceOut> {
        self.workspaces
            .iter()
            .filter(|w| !self.archived.contains(&w.uuid))
            .collect()
    }
}

/// What the reply's expiry says about the one asked for: the server (its key policy) may
/// shorten a missing or too long expiry. Says so in words, or `None` when it kept it.
pub fn shortened(asked: Option<Date>, given: Option<Date>) -> Option<String> {
    match (asked, given) {
        (None, Some(given)) => Some(format!(
            "The key policy gave it an expiry: it works through {given}"
        )),
        (Some(asked), Some(given)) if given < asked => Some(format!(
            "The key policy shortened its expiry from {asked} to {given}"
        )),
        _ => None,
    }
}

#[cfg(test)]
#[path = "key_list_tests.rs"]
mod tests;
