//! What happened, in the words the console's status line uses: one sentence per action,
//! built from the plan's intent and the server's replies, and for a run that stopped midway,
//! exactly what was done and what was not.

use super::execute::{Execution, Reply};
use super::plan::{Intent, KeyCount, Plan};
use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, OrganizationInvitesCreateOut,
    RemoveWorkspaceMembersOut,
};

/// "3 members", "1 member".
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn created(name: &str) -> String {
    format!("Created \"{name}\"")
}

pub fn saved(name: &str) -> String {
    format!("Saved \"{name}\"")
}

/// The workspace's own fields were saved, its extension settings were not.
pub fn partly_saved(detail: &str) -> String {
    format!("Name, description and icon saved; settings not saved: {detail}")
}

pub fn added(
    workspace: &str,
    roles: &[String],
    requested: usize,
    out: &AddUsersToWorkspaceOut,
) -> String {
    let added = usize::try_from(out.added_members_count).unwrap_or(0);
    let mut text = format!(
        "Added {} to \"{workspace}\" as {}",
        count_of(added, "member", "members"),
        roles.join(", ")
    );
    if added < requested {
        text.push_str(&format!(" ({} already belonged to it)", requested - added));
    }
    text
}

/// The roles changed; `kept` says, a clause a member, what stays through groups.
pub fn roles_set(
    workspace: &str,
    changes: usize,
    out: Option<&AddOrUpdateUsersToWorkspaceOut>,
    kept: &[String],
) -> String {
    let changed = out
        .and_then(|out| usize::try_from(out.updated_members_count + out.added_members_count).ok())
        .unwrap_or(changes);
    let mut text = format!(
        "Changed the roles of {} in \"{workspace}\"",
        count_of(changed, "member", "members")
    );
    for clause in kept {
        text.push_str(&format!("; {clause}"));
    }
    text
}

/// Who lost access, who stays through a group (`kept`: each with a clause saying how), and
/// how many did not belong any more: the server lists the last two together. Whoever among
/// them `kept` explains is named with its clause (the console, which reads them again after
/// the removal, explains everyone); the rest are counted as no longer belonging.
pub fn removed(
    workspace: &str,
    out: &RemoveWorkspaceMembersOut,
    kept: &[(uuid::Uuid, String)],
) -> String {
    let gone = usize::try_from(out.deleted_members_count).unwrap_or(0);
    let not_deleted = out.not_deleted_members.as_deref().unwrap_or_default();
    let staying: Vec<&str> = kept
        .iter()
        .filter(|(id, _)| not_deleted.contains(id))
        .map(|(_, clause)| clause.as_str())
        .collect();
    let mut text = if gone == 0 && !staying.is_empty() {
        format!("Nobody left \"{workspace}\"")
    } else {
        format!(
            "Removed {} from \"{workspace}\"",
            count_of(gone, "member", "members")
        )
    };
    for clause in &staying {
        text.push_str(&format!("; {clause}"));
    }
    let missed = not_deleted.len().saturating_sub(staying.len());
    if missed > 0 {
        text.push_str(&format!(
            "; {} no longer belonged to it",
            count_of(missed, "person", "people")
        ));
    }
    text
}

pub fn archived(name: &str, members: Option<usize>, keys: Option<KeyCount>) -> String {
    let mut text = format!("Archived \"{name}\"");
    let mut consequences = Vec::new();
    if let Some(n) = members.filter(|n| *n > 0) {
        consequences.push(format!("{} lost access", count_of(n, "member", "members")));
    }
    if let Some(k) = keys.map(|k| k.working).filter(|k| *k > 0) {
        consequences.push(format!(
            "{} stopped working",
            count_of(k, "API key", "API keys")
        ));
    }
    if !consequences.is_empty() {
        text.push_str(&format!(": {}", consequences.join(", ")));
    }
    text
}

/// Per address: invited, or why not. `skipped` were left out before sending, with the reason.
pub fn invited(
    addresses: &[String],
    skipped: &[String],
    out: &OrganizationInvitesCreateOut,
) -> String {
    let refused = |a: &String| {
        out.invalid_emails.iter().any(|e| e.eq_ignore_ascii_case(a))
            || out
                .already_members
                .iter()
                .any(|e| e.eq_ignore_ascii_case(a))
    };
    let sent: Vec<&str> = addresses
        .iter()
        .filter(|a| !refused(a))
        .map(String::as_str)
        .collect();
    let mut text = if sent.is_empty() {
        "Nobody was invited".to_owned()
    } else {
        format!(
            "Invited {}: {}",
            count_of(sent.len(), "person", "people"),
            sent.join(", ")
        )
    };
    let mut not: Vec<String> = skipped.to_vec();
    not.extend(
        out.invalid_emails
            .iter()
            .map(|e| format!("{e} (not a valid address)")),
    );
    not.extend(
        out.already_members
            .iter()
            .map(|e| format!("{e} (already a member)")),
    );
    if !not.is_empty() {
        text.push_str(&format!("; not invited: {}", not.join(", ")));
    }
    text
}

fn limit_text(limit: Option<i64>, currency: &str) -> String {
    match limit {
        Some(amount) => format!("{amount} {currency}"),
        None => "none".to_owned(),
    }
}

/// The sentence for a plan whose every step succeeded.
pub fn message(plan: &Plan, replies: &[Reply]) -> String {
    if plan.changes_nothing() {
        return plan.summary.clone();
    }
    let first = replies.first();
    match (&plan.intent, first) {
        (Intent::CreateWorkspace { .. }, Some(Reply::WorkspaceCreated(ws))) => created(&ws.name),
        (Intent::EditWorkspace { name }, _) => saved(name),
        (
            Intent::ArchiveWorkspace {
                name,
                members,
                keys,
            },
            _,
        ) => archived(name, *members, *keys),
        (
            Intent::AddMembers {
                workspace,
                roles,
                requested,
            },
            Some(Reply::MembersAdded(out)),
        ) => added(workspace, roles, *requested, out),
        (
            Intent::SetMemberRoles {
                workspace,
                changes,
                kept,
            },
            _,
        ) => {
            // The server counts what one role change did; where own memberships ended too
            // (groups keep those in), the plan's count stands.
            let counted = match replies {
                [Reply::RolesSet(out)] => Some(out),
                _ => None,
            };
            roles_set(workspace, changes.len(), counted, kept)
        }
        (Intent::RemoveMembers { workspace, kept }, Some(Reply::MembersRemoved(out))) => {
            removed(workspace, out, kept)
        }
        (Intent::Invite { addresses, skipped }, Some(Reply::Invited(out))) => {
            invited(addresses, skipped, out)
        }
        (
            Intent::SetOrganizationRoles {
                email,
                before,
                after,
            },
            _,
        ) => format!(
            "Changed the organization roles of {email}: {} -> {}",
            before.join(", "),
            after.join(", ")
        ),
        (
            Intent::RemovePerson {
                email,
                workspaces,
                keys,
            },
            _,
        ) => {
            let mut text = format!("Removed {email} from the organization");
            let mut lost = vec![format!(
                "{} ended",
                count_of(*workspaces, "workspace membership", "workspace memberships")
            )];
            if !keys.is_empty() {
                lost.push(format!(
                    "{} deleted",
                    count_of(keys.len(), "API key", "API keys")
                ));
            }
            text.push_str(&format!(": {}", lost.join(", ")));
            text
        }
        (Intent::RevokeInvites { emails }, _) => match emails.as_slice() {
            [one] => format!("Revoked the invitation of {one}"),
            many => format!(
                "Revoked {}: {}",
                count_of(many.len(), "invitation", "invitations"),
                many.join(", ")
            ),
        },
        (
            Intent::CreateKey {
                name,
                workspace,
                owner,
                expiration,
            },
            Some(Reply::KeyCreated(key)),
        ) => {
            let mut text = format!("Created API key \"{name}\" in \"{workspace}\" for {owner}");
            text.push_str(&match key.expiration_date {
                Some(date) => format!(" (expires {date})"),
                None => " (never expires)".to_owned(),
            });
            if key.expiration_date != *expiration {
                text.push_str(&format!(
                    "; the server set its expiry to {} instead of {} (its key policy)",
                    key.expiration_date.map_or("none".into(), |d| d.to_string()),
                    expiration.map_or("none".into(), |d| d.to_string()),
                ));
            }
            text.push_str("; the key is shown this once");
            text
        }
        (Intent::DeleteKeys { labels }, _) => match labels.as_slice() {
            [one] => format!("Deleted API key {one}: it no longer works"),
            many => format!(
                "Deleted {}: {}",
                count_of(many.len(), "API key", "API keys"),
                many.join(", ")
            ),
        },
        (Intent::RotateKey { label, .. }, _) => {
            format!(
                "Rotated API key {label}: the new key replaces it, and the old one no longer works"
            )
        }
        (
            Intent::SetSpendLimit {
                before,
                after,
                currency,
            },
            _,
        ) => match after {
            Some(_) => format!(
                "Monthly spending limit set to {} (was {})",
                limit_text(*after, currency),
                limit_text(*before, currency)
            ),
            None => format!(
                "Monthly spending limit removed (was {})",
                limit_text(*before, currency)
            ),
        },
        (Intent::Group { done }, _) => done.clone(),
        // A reply of another kind than the intent expects: say what was sent.
        _ => format!("Done: {}", plan.summary),
    }
}

/// The sentence for a run that stopped: the error alone when nothing was done, else what was
/// done and what was not.
pub fn failure(plan: &Plan, execution: &Execution) -> Option<String> {
    let failure = execution.failure.as_ref()?;
    let error = failure.error.to_string();
    if failure.step == 0 {
        return Some(error);
    }
    if let Intent::EditWorkspace { .. } = plan.intent {
        return Some(partly_saved(&error));
    }
    let labels = |range: std::ops::Range<usize>| -> String {
        plan.steps[range]
            .iter()
            .map(|s| s.label.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    Some(format!(
        "{error}. Done: {}. Not done: {}",
        labels(0..failure.step),
        labels(failure.step..plan.steps.len())
    ))
}

#[cfg(test)]
#[path = "outcome_tests.rs"]
mod tests;
