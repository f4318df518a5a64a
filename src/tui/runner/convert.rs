//! From the client's types to the console's: errors for the status line and forms, and the
//! directory as rows of people.

use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use crate::client::{ClientError, Directory};
use crate::tui::state::RemoteError;
use crate::tui::state::people::{People, Person};

pub fn error(err: &ClientError) -> RemoteError {
    RemoteError {
        kind: err.kind(),
        message: err.to_string(),
        fields: err
            .field_errors()
            .iter()
            .map(|f| (f.path.clone(), f.message.clone()))
            .collect(),
    }
}

/// Everyone in the directory with the workspaces they belong to, roles by name.
pub fn people(directory: &Directory) -> People {
    let workspaces: BTreeSet<Uuid> = directory
        .members()
        .iter()
        .flat_map(|m| m.workspaces.iter().flatten().map(|w| w.uuid))
        .collect();
    let mut persons: Vec<Person> = directory
        .members()
        .iter()
        .map(|member| Person {
            user_id: member.uuid,
            name: display_name(member.name.as_deref(), member.email.as_deref()),
            email: member.email.clone().unwrap_or_default(),
            org_roles: directory.org_roles(member.uuid),
            memberships: Vec::new(),
            joined: Some(member.created_at),
        })
        .collect();
    let index: HashMap<Uuid, usize> = persons
        .iter()
        .enumerate()
        .map(|(i, p)| (p.user_id, i))
        .collect();
    for workspace in workspaces {
        for member in directory.workspace_members(workspace) {
            if let Some(&i) = index.get(&member.user.uuid) {
                persons[i].memberships.push((workspace, member.roles));
            }
        }
    }
    let catalog = directory.role_catalog().workspace_roles.clone();
    People::new(persons).with_workspace_roles(catalog)
}

/// A member's name as the table shows it: the name, else the part of the email before @.
fn display_name(name: Option<&str>, email: Option<&str>) -> String {
    match (name.map(str::trim).filter(|n| !n.is_empty()), email) {
        (Some(name), _) => name.to_owned(),
        (None, Some(email)) => email.split('@').next().unwrap_or(email).to_owned(),
        (None, None) => "(no name)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::{ErrorKind, FieldError};

    #[test]
    fn validation_errors_keep_their_field_paths() {
        let err = ClientError::Validation {
            fields: vec![FieldError {
                path: "name".into(),
                message: "String should have at most 255 characters".into(),
            }],
            message: "invalid body".into(),
        };
        let converted = error(&err);
        assert_eq!(converted.kind, ErrorKind::Validation);
        assert_eq!(
            converted.field("name"),
            Some("String should have at most 255 characters")
        );
        assert_eq!(converted.message, err.to_string());
    }

    #[test]
    fn an_unknown_outcome_keeps_the_clients_kind_and_words() {
        let err = ClientError::OutcomeUnknown {
            host: "api.mistral.ai".into(),
            operation: "POST /workspaces".into(),
            reason: "connection reset".into(),
        };
        let converted = error(&err);
        assert_eq!(converted.kind, ErrorKind::OutcomeUnknown);
        assert!(
            converted
                .message
                .contains("the change may or may not have been made"),
            "{}",
            converted.message
        );
    }

    #[test]
    fn names_fall_back_to_the_email() {
        assert_eq!(display_name(Some(" Ada "), Some("a@x.io")), "Ada");
        assert_eq!(display_name(None, Some("ada.l@x.io")), "ada.l");
        assert_eq!(display_name(Some(""), None), "(no name)");
    }
}
