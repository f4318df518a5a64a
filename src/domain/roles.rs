//! The organization and workspace role catalogs: names, legacy codes and stable UUIDs.
//!
//! The contract lists each role's name, its legacy single-letter code and a UUID enum, but not
//! which UUID belongs to which name. This project pairs them in the order both lists appear in
//! the contract (the workspace UUID list repeats one value at its end; the repeat is ignored).
//! Only the local server relies on this pairing; clients learn UUIDs from `GET /roles`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use uuid::{Uuid, uuid};

/// A role an organization member can hold; a member can hold several. On the wire (a write
/// body's `role_names`/`role_name`) it is its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    Member,
    BillingManager,
    OrganizationAdmin,
}

impl OrgRole {
    pub const ALL: [OrgRole; 3] = [Self::Member, Self::BillingManager, Self::OrganizationAdmin];

    pub fn name(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::BillingManager => "billing_manager",
            Self::OrganizationAdmin => "organization_admin",
        }
    }

    /// The legacy single-letter code (`UserRole` in the contract).
    pub fn code(self) -> &'static str {
        match self {
            Self::Member => "M",
            Self::BillingManager => "B",
            Self::OrganizationAdmin => "A",
        }
    }

    pub fn uuid(self) -> Uuid {
        match self {
            Self::Member => uuid!("0d48f530-095c-43fe-8aea-6673bcacabe6"),
            Self::BillingManager => uuid!("c955f4e1-9477-43f0-8349-6fbc629fccc9"),
            Self::OrganizationAdmin => uuid!("7bde5959-d676-47d2-b779-35b64323d278"),
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Member => "Belongs to the organization and uses the workspaces it is added to",
            Self::BillingManager => "Manages billing details, invoices and spending limits",
            Self::OrganizationAdmin => {
                "Manages members, workspaces, keys and settings of the organization"
            }
        }
    }

    /// Higher first: the order in which roles are listed and the deprecated `raw_role` is chosen.
    pub fn precedence(self) -> u8 {
        match self {
            Self::OrganizationAdmin => 0,
            Self::BillingManager => 1,
            Self::Member => 2,
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Accepts what a write body's `roles`/`role` may carry: a legacy code or a role UUID.
    pub fn from_code_or_uuid(value: &str) -> Option<Self> {
        let uuid = Uuid::parse_str(value).ok();
        Self::ALL
            .into_iter()
            .find(|r| r.code() == value || Some(r.uuid()) == uuid)
    }

    /// Accepts any of the three spellings a response may use: name, code or UUID.
    pub fn parse_any(value: &str) -> Option<Self> {
        Self::from_name(value).or_else(|| Self::from_code_or_uuid(value))
    }
}

impl fmt::Display for OrgRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for OrgRole {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_any(s).ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// A built-in workspace role; a workspace member can hold several. On the wire (a write body's
/// `role_names`/`role_name`) it is its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkspaceRole {
    Billing,
    User,
    Contributor,
    Dev,
    DevContributor,
    MistralCodeUser,
    CloudUser,
    WorkspaceContributor,
    WorkspaceAdmin,
    ObservabilityViewer,
    WorkflowExecutor,
}

impl WorkspaceRole {
    pub const ALL: [WorkspaceRole; 11] = [
        Self::Billing,
        Self::User,
        Self::Contributor,
        Self::Dev,
        Self::DevContributor,
        Self::MistralCodeUser,
        Self::CloudUser,
        Self::WorkspaceContributor,
        Self::WorkspaceAdmin,
        Self::ObservabilityViewer,
        Self::WorkflowExecutor,
    ];

    /// What a member added without any role receives (the console's default).
    pub const DEFAULT_FOR_NEW_MEMBER: WorkspaceRole = Self::WorkspaceContributor;

    pub fn name(self) -> &'static str {
        match self {
            Self::Billing => "billing",
            Self::User => "user",
            Self::Contributor => "contributor",
            Self::Dev => "dev",
            Self::DevContributor => "dev_contributor",
            Self::MistralCodeUser => "mistral_code_user",
            Self::CloudUser => "cloud_user",
            Self::WorkspaceContributor => "workspace_contributor",
            Self::WorkspaceAdmin => "workspace_admin",
            Self::ObservabilityViewer => "observability_viewer",
            Self::WorkflowExecutor => "workflow_executor",
        }
    }

    /// The legacy code, for the two roles that have one (`WorkspaceRole` A/M in the contract).
    /// `M` is read as the console's ordinary member role, `workspace_contributor`.
    pub fn code(self) -> Option<&'static str> {
        match self {
            Self::WorkspaceAdmin => Some("A"),
            Self::WorkspaceContributor => Some("M"),
            _ => None,
        }
    }

    pub fn uuid(self) -> Uuid {
        match self {
            Self::Billing => uuid!("d7ea77c5-9260-41d0-ab26-52b5add3ee56"),
            Self::User => uuid!("48436751-ee56-44bd-8a2d-712233977821"),
            Self::Contributor => uuid!("375cd0db-3bbe-4b79-80f3-954ccf04f3d1"),
            Self::Dev => uuid!("578584f1-4319-4c88-9948-38a5184483b6"),
            Self::DevContributor => uuid!("d79b3027-4eb2-4521-8722-825acfee7d8b"),
            Self::MistralCodeUser => uuid!("252a0825-40b9-4b98-be80-7658956f13e9"),
            Self::CloudUser => uuid!("17aa61c5-1c61-477e-a40a-e52c8ccd74b9"),
            Self::WorkspaceContributor => uuid!("b23cd6e0-91cd-4a8a-9869-b30366bf3966"),
            Self::WorkspaceAdmin => uuid!("731eb2be-a74f-4070-b797-35bf7009e553"),
            Self::ObservabilityViewer => uuid!("ff86d432-7f27-47f8-b02f-b5c102ef6a55"),
            Self::WorkflowExecutor => uuid!("0f9acbf6-93b5-42c7-a227-fc7652755f65"),
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Self::Billing => "Sees the workspace's usage and spending",
            Self::User => "Uses the workspace's models and tools",
            Self::Contributor => "Uses the workspace and shares resources in it",
            Self::Dev => "Builds with the API in this workspace",
            Self::DevContributor => "Builds with the API and shares resources in this workspace",
            Self::MistralCodeUser => "Uses Mistral Code with this workspace",
            Self::CloudUser => "Runs cloud workloads in this workspace",
            Self::WorkspaceContributor => "Uses the workspace and creates its API keys",
            Self::WorkspaceAdmin => "Manages the workspace's members, settings and keys",
            Self::ObservabilityViewer => "Reads the workspace's logs and traces",
            Self::WorkflowExecutor => "Runs the workspace's workflows",
        }
    }

    /// Lower first: the order roles are listed in and the deprecated `raw_role` is chosen by.
    pub fn precedence(self) -> u8 {
        match self {
            Self::WorkspaceAdmin => 0,
            Self::WorkspaceContributor => 1,
            other => 2 + Self::ALL.iter().position(|r| *r == other).unwrap_or(0) as u8,
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == Some(code))
    }

    pub fn from_code_or_uuid(value: &str) -> Option<Self> {
        let uuid = Uuid::parse_str(value).ok();
        Self::ALL
            .into_iter()
            .find(|r| r.code() == Some(value) || Some(r.uuid()) == uuid)
    }

    pub fn parse_any(value: &str) -> Option<Self> {
        Self::from_name(value).or_else(|| Self::from_code_or_uuid(value))
    }
}

impl fmt::Display for WorkspaceRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for WorkspaceRole {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse_any(s).ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(pub String);

/// Sorts roles by precedence and drops repeats, so lists compare and display consistently.
pub fn normalize_org_roles(mut roles: Vec<OrgRole>) -> Vec<OrgRole> {
    roles.sort_by_key(|r| r.precedence());
    roles.dedup();
    roles
}

/// Sorts roles by precedence and drops repeats, so lists compare and display consistently.
pub fn normalize_workspace_roles(mut roles: Vec<WorkspaceRole>) -> Vec<WorkspaceRole> {
    roles.sort_by_key(|r| r.precedence());
    roles.dedup();
    roles
}

/// Workspace role names as the console shows them: highest built-in role first, then unknown
/// (custom) names alphabetically; no repeats. Two views of one membership then compare equal
/// however the server ordered its list.
pub fn normalize_workspace_role_names(mut names: Vec<String>) -> Vec<String> {
    names.sort_by_key(|name| {
        let rank = WorkspaceRole::from_name(name).map_or(u8::MAX, WorkspaceRole::precedence);
        (rank, name.clone())
    });
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_role_has_a_distinct_uuid_and_name() {
        let ws: HashSet<_> = WorkspaceRole::ALL.iter().map(|r| r.uuid()).collect();
        assert_eq!(ws.len(), WorkspaceRole::ALL.len());
        let org: HashSet<_> = OrgRole::ALL.iter().map(|r| r.uuid()).collect();
        assert_eq!(org.len(), 3);
        assert!(ws.is_disjoint(&org));
    }

    #[test]
    fn every_spelling_parses_back_to_the_same_role() {
        for role in WorkspaceRole::ALL {
            assert_eq!(WorkspaceRole::parse_any(role.name()), Some(role));
            assert_eq!(
                WorkspaceRole::parse_any(&role.uuid().to_string()),
                Some(role)
            );
            if let Some(code) = role.code() {
                assert_eq!(WorkspaceRole::from_code_or_uuid(code), Some(role));
            }
        }
        for role in OrgRole::ALL {
            assert_eq!(OrgRole::parse_any(role.name()), Some(role));
            assert_eq!(OrgRole::parse_any(role.code()), Some(role));
            assert_eq!(
                OrgRole::parse_any(&role.uuid().to_string().to_uppercase()),
                Some(role)
            );
        }
    }

    #[test]
    fn the_wire_spelling_is_the_name() {
        for role in WorkspaceRole::ALL {
            let wire = serde_json::to_value(role).unwrap();
            assert_eq!(wire, role.name());
            assert_eq!(serde_json::from_value::<WorkspaceRole>(wire).unwrap(), role);
        }
        for role in OrgRole::ALL {
            let wire = serde_json::to_value(role).unwrap();
            assert_eq!(wire, role.name());
            assert_eq!(serde_json::from_value::<OrgRole>(wire).unwrap(), role);
        }
        // Codes and UUIDs travel in the `roles`/`role` fields, as strings, never as this type.
        assert!(serde_json::from_value::<OrgRole>(serde_json::json!("M")).is_err());
    }

    #[test]
    fn names_are_not_accepted_where_only_codes_or_uuids_are() {
        assert_eq!(WorkspaceRole::from_code_or_uuid("workspace_admin"), None);
        assert_eq!(OrgRole::from_code_or_uuid("member"), None);
        assert_eq!(WorkspaceRole::from_code_or_uuid("B"), None);
    }

    #[test]
    fn normalizing_puts_admin_first_and_removes_repeats() {
        let roles = normalize_workspace_roles(vec![
            WorkspaceRole::Dev,
            WorkspaceRole::WorkspaceAdmin,
            WorkspaceRole::Dev,
        ]);
        assert_eq!(
            roles,
            vec![WorkspaceRole::WorkspaceAdmin, WorkspaceRole::Dev]
        );
        let org = normalize_org_roles(vec![OrgRole::Member, OrgRole::OrganizationAdmin]);
        assert_eq!(org, vec![OrgRole::OrganizationAdmin, OrgRole::Member]);
    }
}
