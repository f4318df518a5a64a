//! The contract: wire types for every request and response, and the operations (method and
//! path) they travel on.
//!
//! Field names, enum values and nullability follow Mistral's published Admin API schema
//! exactly. Both the client and the local server use these types, so the two cannot drift.
//! Conventions:
//! - response types serialize every field (absent values as `null`), as the real service does;
//! - request types leave out fields that are `None`, so a body carries only what was chosen;
//! - values that the service may extend over time (event types, role values) are strings with
//!   a list of the known ones, so a newer server never breaks an older client.

pub mod analytics;
pub mod audit;
pub mod billing;
pub mod datetime;
pub mod error;
pub mod ext;
pub mod ext_scim;
pub mod groups;
pub mod keys;
pub mod models;
pub mod operations;
pub mod paths;
pub mod role_fields;
pub mod roles;
pub mod scim;
pub mod usage;
pub mod users;
pub mod workspaces;

pub use analytics::*;
pub use audit::*;
pub use billing::*;
pub use error::*;
pub use ext::*;
pub use ext_scim::*;
pub use groups::*;
pub use keys::*;
pub use models::*;
pub use operations::{Operation, Verb};
pub use role_fields::{GroupRoleFields, OrgRoleFields};
pub use roles::*;
pub use scim::*;
pub use usage::*;
pub use users::*;
pub use workspaces::*;

/// Deserializes a field that distinguishes "absent" (outer `None`) from "null" (`Some(None)`).
pub fn double_option<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    serde::Deserialize::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod wire_tests;
