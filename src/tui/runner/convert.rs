//! From the client's types to the console's: errors for the status line and forms, and the
//! directory as rows of people.

use crate::api::{AdminOrganizationMemberOut, RolesOut};
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
    People::new(persons(directory.members(), directory.role_catalog()))
        .with_workspace_roles(directory.role_catalog().workspace_roles.clone())
}

/// Listed members as the console keeps them, role names resolved with `roles`: a page at a
/// time, each member on their own, so the first page shows before the last arrives.
pub fn persons(members: &[AdminOrganizationMemberOut], roles: &RolesOut) -> Vec<Person> {
    members
        .iter()
        .map(|member| Person {
            user_id: member.uuid,
            name: display_name(member.name.as_deref(), member.email.as_deref()).into(),
            email: member.email.as_deref().unwrap_or_default().into(),
            org_roles: Directory::org_roles_of(roles, member).into(),
            memberships: Directory::workspaces_of(roles, member)
                .into_iter()
                .map(|(ws, names)| (ws, names.into()))
                .collect(),
            joined: Some(member.created_at),
        })
        .collect()
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
