//! Short names for the built-in roles, for a Members table too narrow for the full ones. Each
//! is spelled with hyphens, which no real role name has, so a short name is never taken for a
//! role of its own; the help lists them, and the member details always show the full names.

use crate::domain::{OrgRole, WorkspaceRole};

/// The help section that lists them.
pub const HELP_TITLE: &str = "Short role names (the Members table, when narrow)";

/// `(short, full)` for every built-in role whose name gets shorter.
pub fn table() -> Vec<(&'static str, &'static str)> {
    let workspace = WorkspaceRole::ALL
        .iter()
        .filter_map(|role| workspace_short(*role).map(|short| (short, role.name())));
    let organization = OrgRole::ALL
        .iter()
        .filter_map(|role| org_short(*role).map(|short| (short, role.name())));
    workspace.chain(organization).collect()
}

fn workspace_short(role: WorkspaceRole) -> Option<&'static str> {
    Some(match role {
        WorkspaceRole::WorkspaceAdmin => "ws-admin",
        WorkspaceRole::WorkspaceContributor => "ws-contrib",
        WorkspaceRole::ObservabilityViewer => "obs-viewer",
        WorkspaceRole::WorkflowExecutor => "wf-exec",
        WorkspaceRole::MistralCodeUser => "code-user",
        WorkspaceRole::DevContributor => "dev-contrib",
        WorkspaceRole::CloudUser => "cloud",
        WorkspaceRole::Contributor => "contrib",
        WorkspaceRole::Billing | WorkspaceRole::User | WorkspaceRole::Dev => return None,
    })
}

fn org_short(role: OrgRole) -> Option<&'static str> {
    Some(match role {
        OrgRole::OrganizationAdmin => "org-admin",
        OrgRole::BillingManager => "billing-mgr",
        OrgRole::Member => return None,
    })
}

/// The short name of a role, or the name itself (custom roles, and names already short).
pub fn short(name: &str) -> &str {
    // Looked up without building the table: the Members table asks for every cell it draws.
    let workspace = || {
        let role = WorkspaceRole::ALL.iter().find(|role| role.name() == name)?;
        workspace_short(*role)
    };
    let organization = || {
        let role = OrgRole::ALL.iter().find(|role| role.name() == name)?;
        org_short(*role)
    };
    workspace().or_else(organization).unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn short_names_are_unambiguous() {
        let mut seen = HashSet::new();
        let full: HashSet<&str> = WorkspaceRole::ALL
            .iter()
            .map(|r| r.name())
            .chain(OrgRole::ALL.iter().map(|r| r.name()))
            .collect();
        for (short, long) in table() {
            assert!(seen.insert(short), "{short} twice");
            assert!(!full.contains(short), "{short} is a real role's name");
            assert!(short.len() < long.len(), "{short} for {long}");
        }
        assert_eq!(short("workspace_admin"), "ws-admin");
        assert_eq!(short("dev"), "dev");
        assert_eq!(short("auditor"), "auditor", "custom roles keep their name");
    }
}
