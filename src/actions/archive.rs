//! Archiving a workspace, for good: what it takes away (members, working API keys), said
//! before it is confirmed by typing the workspace's exact name.

use super::error::ActionError;
use super::plan::{Intent, KeyCount, Plan, Step};
use super::request::Request;
use crate::api::{ApiKeyExtendedOut, WorkspaceOut};
use crate::domain::key_expiry;

/// The workspace's keys on `today`: a key works through its expiration date.
pub fn key_count(keys: &[ApiKeyExtendedOut], workspace: uuid::Uuid, today: time::Date) -> KeyCount {
    let mine = keys.iter().filter(|k| k.workspace_id == Some(workspace));
    let (expired, working): (Vec<_>, Vec<_>) =
        mine.partition(|k| key_expiry::is_expired(k.expiration_date, today));
    KeyCount {
        working: working.len(),
        expired: expired.len(),
    }
}

/// What archiving takes away, one line each, as the console's confirmation lists it.
pub fn archive_consequences(members: Option<usize>, keys: Option<KeyCount>) -> Vec<String> {
    let members = match members {
        Some(0) => "It has no members to lose access".to_owned(),
        Some(1) => "1 member loses access at once".to_owned(),
        Some(n) => format!("{n} members lose access at once"),
        None => "Its members lose access at once".to_owned(),
    };
    let keys = match keys {
        None => "Its API keys stop working immediately".to_owned(),
        Some(KeyCount {
            working: 0,
            expired: 0,
        }) => "It has no API keys".to_owned(),
        Some(KeyCount {
            working: 0,
            expired: 1,
        }) => "Its only API key has expired already".to_owned(),
        Some(KeyCount {
            working: 0,
            expired,
        }) => format!("All {expired} of its API keys have expired already"),
        Some(KeyCount { working, expired }) => {
            let mut text = format!(
                "{} working immediately",
                super::outcome::count_of(working, "API key stops", "API keys stop")
            );
            if expired > 0 {
                text.push_str(&format!(" ({expired} more expired already)"));
            }
            text
        }
    };
    vec![
        members,
        keys,
        "It stays listed under Archived, read-only".to_owned(),
    ]
}

/// "It has no API keys" as the middle of a sentence: "it has no API keys". Numbers and
/// names are left as they are.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some('I') if text.starts_with("It") => format!("i{}", chars.as_str()),
        _ => text.to_owned(),
    }
}

/// Archives a workspace, for good; the default workspace refuses. Confirmed by typing the
/// workspace's exact name.
pub fn archive(
    workspace: &WorkspaceOut,
    members: Option<usize>,
    keys: Option<KeyCount>,
) -> Result<Plan, ActionError> {
    if workspace.is_default {
        return Err(ActionError::refused(format!(
            "\"{}\" cannot be archived: it is the organization's default workspace, which every member belongs to and which every organization keeps.",
            workspace.name
        )));
    }
    let consequences: Vec<String> = archive_consequences(members, keys)
        .iter()
        .map(|line| lowercase_first(line))
        .collect();
    let summary = format!(
        "Archiving \"{}\" is permanent (an archived workspace cannot be restored): {}",
        workspace.name,
        consequences.join("; ")
    );
    Ok(Plan::new(
        Intent::ArchiveWorkspace {
            name: workspace.name.clone(),
            members,
            keys,
        },
        summary,
        vec![Step::new(
            Request::ArchiveWorkspace {
                workspace: workspace.uuid,
            },
            format!("archive \"{}\"", workspace.name),
        )],
    )
    .with_confirmation(vec![workspace.name.clone()]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::fixtures::*;

    #[test]
    fn archiving_refuses_the_default_workspace_and_names_what_is_lost() {
        let active = workspaces();
        assert!(matches!(
            archive(&active[0], None, None),
            Err(ActionError::Refused(_))
        ));
        let keys = key_count(&keys(), id(RESEARCH), today());
        assert_eq!(
            keys,
            KeyCount {
                working: 1,
                expired: 1
            }
        );
        let plan = archive(&active[1], Some(2), Some(keys)).unwrap();
        assert_eq!(
            plan.summary,
            "Archiving \"Research\" is permanent (an archived workspace cannot be restored): \
             2 members lose access at once; 1 API key stops working immediately (1 more expired already); \
             it stays listed under Archived, read-only"
        );
        assert_eq!(plan.confirm, ["Research"]);
        assert!(plan.is_irreversible());
    }
}
