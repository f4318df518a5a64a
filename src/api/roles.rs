//! The role catalog of `GET /roles`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleOut {
    pub name: String,
    pub uuid: Uuid,
    pub description: String,
    pub is_custom_role: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RolesOut {
    pub workspace_roles: Vec<RoleOut>,
    pub organization_roles: Vec<RoleOut>,
}

impl RolesOut {
    /// The built-in roles with their descriptions: what `GET /roles` lists for every
    /// organization.
    pub fn built_in() -> Self {
        use crate::domain::{OrgRole, WorkspaceRole};
        let role = |name: &str, uuid, description: &str| RoleOut {
            name: name.to_owned(),
            uuid,
            description: description.to_owned(),
            is_custom_role: false,
        };
        Self {
            workspace_roles: WorkspaceRole::ALL
                .iter()
                .map(|r| role(r.name(), r.uuid(), r.description()))
                .collect(),
            organization_roles: OrgRole::ALL
                .iter()
                .map(|r| role(r.name(), r.uuid(), r.description()))
                .collect(),
        }
    }

    /// The catalog's entry for a role value as responses carry it: a UUID, a name, or a legacy
    /// code (`A`/`M` for workspaces). UUIDs are only ever resolved through the catalog itself.
    pub fn workspace_role(&self, value: &str) -> Option<&RoleOut> {
        find(&self.workspace_roles, value).or_else(|| {
            let role = crate::domain::WorkspaceRole::from_code(value)?;
            self.workspace_roles.iter().find(|r| r.name == role.name())
        })
    }

    /// As [`Self::workspace_role`], with the organization codes `A`/`M`/`B`.
    pub fn organization_role(&self, value: &str) -> Option<&RoleOut> {
        find(&self.organization_roles, value).or_else(|| {
            let role = crate::domain::OrgRole::from_code(value)?;
            self.organization_roles
                .iter()
                .find(|r| r.name == role.name())
        })
    }
}

fn find<'a>(roles: &'a [RoleOut], value: &str) -> Option<&'a RoleOut> {
    let uuid = Uuid::parse_str(value).ok();
    roles
        .iter()
        .find(|r| r.name == value || Some(r.uuid) == uuid)
}
