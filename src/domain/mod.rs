//! Rules and types of the admin domain with no I/O: roles, field limits, secrets, key expiry.
//!
//! Nothing here knows about HTTP, SQL or terminals, so the local server, the client and
//! the TUI can all lean on the same rules and test them with plain unit tests.

pub mod csv;
pub mod key_expiry;
pub mod org;
pub mod roles;
pub mod secret;
pub mod secret_like;
pub mod text;
pub mod validation;

pub use roles::{OrgRole, WorkspaceRole};
pub use secret::SecretString;
