//! The ways a write body may name roles, declared once: the accessor values the server checks
//! and the `role_body!` macro that gives a body its role fields.
//!
//! The fields stay inline in each body rather than in one `#[serde(flatten)]` struct: serde
//! reads a flattened struct from a buffer after the fact, so a bad role value would lose its
//! place (`body.role_names.0`), which the server's 422 `loc` must name.

use crate::domain::{OrgRole, WorkspaceRole};

/// The four ways a write body can name organization roles (at most one may be used), as one
/// value; `org_role_fields()` on each body gathers them for checking and resolving.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgRoleFields {
    pub role_names: Option<Vec<OrgRole>>,
    /// Legacy codes (`A`, `M`, `B`) or role UUIDs from `GET /roles`.
    pub roles: Option<Vec<String>>,
    /// Deprecated single role name.
    pub role_name: Option<OrgRole>,
    /// Deprecated single legacy code or UUID.
    pub role: Option<String>,
}

/// The three ways a group assignment body names workspace roles (at most one may be used);
/// `role_fields()` on each body gathers them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupRoleFields {
    pub role_names: Option<Vec<WorkspaceRole>>,
    /// Legacy codes (`A`, `M`) or role UUIDs from `GET /roles`.
    pub roles: Option<Vec<String>>,
    /// Deprecated single legacy code or UUID.
    pub role: Option<String>,
}

/// Declares a request body whose first fields name roles, and the accessor gathering them:
/// `org` gives the four organization-role fields and `org_role_fields()`, `group` the three
/// workspace-role fields of a group assignment and `role_fields()`. Every role field is left
/// out of the JSON when `None`.
macro_rules! role_body {
    (org; $(#[$meta:meta])* pub struct $name:ident { $($rest:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role_names: Option<Vec<$crate::domain::OrgRole>>,
            /// Legacy codes (`A`, `M`, `B`) or role UUIDs from `GET /roles`.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub roles: Option<Vec<String>>,
            /// Deprecated single role name.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role_name: Option<$crate::domain::OrgRole>,
            /// Deprecated single legacy code or UUID.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role: Option<String>,
            $($rest)*
        }

        impl $name {
            pub fn org_role_fields(&self) -> $crate::api::OrgRoleFields {
                $crate::api::OrgRoleFields {
                    role_names: self.role_names.clone(),
                    roles: self.roles.clone(),
                    role_name: self.role_name,
                    role: self.role.clone(),
                }
            }
        }
    };
    (group; $(#[$meta:meta])* pub struct $name:ident { $($rest:tt)* }) => {
        $(#[$meta])*
        pub struct $name {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role_names: Option<Vec<$crate::domain::WorkspaceRole>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub roles: Option<Vec<String>>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub role: Option<String>,
            $($rest)*
        }

        impl $name {
            pub fn role_fields(&self) -> $crate::api::GroupRoleFields {
                $crate::api::GroupRoleFields {
                    role_names: self.role_names.clone(),
                    roles: self.roles.clone(),
                    role: self.role.clone(),
                }
            }
        }
    };
}

pub(crate) use role_body;
