//! The contract's limits on user-group bodies beyond their JSON types: names and descriptions,
//! the target type, which role fields may be combined, and no id listed twice.

use std::collections::HashSet;

use uuid::Uuid;

use super::validate::{NamesRoles, RoleFields, RoleKind, Validate, Validator, one_of};
use crate::api::*;
use crate::domain::validation;
use crate::domain::{OrgRole, WorkspaceRole};

/// Each id once: a repeat is a 422 at its index, as a repeated member is elsewhere.
fn no_repeats(v: &mut Validator, field: &str, ids: &[Uuid]) {
    let mut seen = HashSet::new();
    for (index, id) in ids.iter().enumerate() {
        if !seen.insert(id) {
            v.push(
                &[field.into(), LocItem::from(index)],
                "value_error",
                format!("Value error, {id} appears more than once"),
            );
        }
    }
}

fn target_type(v: &mut Validator, value: &Option<String>) {
    if let Some(value) = value {
        one_of(v, &["target_type".into()], value, &GROUP_TARGET_TYPES);
    }
}

fn description(v: &mut Validator, value: &Option<String>) {
    if let Some(text) = value {
        v.check(
            &["description".into()],
            validation::workspace_description(text),
        );
    }
}

impl Validate for AdminUserGroupIn {
    fn validate(&self, v: &mut Validator) {
        v.check(&["name".into()], validation::group_name(&self.name));
        description(v, &self.description);
        target_type(v, &self.target_type);
        no_repeats(v, "parent_group_ids", &self.parent_group_ids);
    }
}

impl Validate for AdminUpdateUserGroupIn {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.name {
            v.check(&["name".into()], validation::group_name(name));
        }
        description(v, &self.description);
        target_type(v, &self.target_type);
        if let Some(parents) = &self.parent_group_ids {
            no_repeats(v, "parent_group_ids", parents);
        }
    }
}

impl Validate for AdminAssignUsersToGroupIn {
    fn validate(&self, v: &mut Validator) {
        no_repeats(v, "user_uuids", &self.user_uuids);
    }
}

impl Validate for SetNestedGroupsIn {
    fn validate(&self, v: &mut Validator) {
        no_repeats(v, "child_group_uuids", &self.child_group_uuids);
    }
}

/// An assignment names no single role by name (`role_name`), only the other three ways.
impl NamesRoles for GroupRoleFields {
    type Role = WorkspaceRole;
    fn named_roles(&self) -> RoleFields<'_, WorkspaceRole> {
        RoleFields {
            names: &self.role_names,
            values: &self.roles,
            name: None,
            value: &self.role,
        }
    }
}

impl Validate for AssignGroupToWorkspaceIn {
    fn validate(&self, v: &mut Validator) {
        self.role_fields().validate(v);
    }
}

impl Validate for UpdateGroupWorkspaceAssignmentIn {
    fn validate(&self, v: &mut Validator) {
        self.role_fields().validate(v);
    }
}

impl Validate for UpdateUserGroupOrganizationRoleIn {
    fn validate(&self, v: &mut Validator) {
        if OrgRole::from_code_or_uuid(&self.organization_role).is_none() {
            v.push(&["organization_role".into()], "enum", OrgRole::EXPECTED);
        }
    }
}

impl Validate for AdminProvisionGroupToWorkspaceIn {
    fn validate(&self, v: &mut Validator) {
        if self.workspace_role.is_some() && self.workspace_role_name.is_some() {
            v.push(
                &[],
                "value_error",
                "Value error, provide only one of workspace_role or workspace_role_name",
            );
        }
        if let Some(value) = &self.workspace_role
            && WorkspaceRole::from_code_or_uuid(value).is_none()
        {
            v.push(&["workspace_role".into()], "enum", WorkspaceRole::EXPECTED);
        }
    }
}

/// The role a valid provisioning body asks for, `workspace_contributor` when it names none.
pub fn requested_provision_role(body: &AdminProvisionGroupToWorkspaceIn) -> WorkspaceRole {
    body.workspace_role_name
        .or_else(|| {
            body.workspace_role
                .as_deref()
                .and_then(WorkspaceRole::from_code_or_uuid)
        })
        .unwrap_or(WorkspaceRole::DEFAULT_FOR_NEW_MEMBER)
}
