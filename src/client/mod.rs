//! The async client for Mistral's Admin API, and the profiles that say which organization to
//! talk to with which key.
//!
//! - [`AdminClient`]: one async method per endpoint (split by area across `users`,
//!   `workspaces`, `groups`, `keys`, `billing`, `usage`, `scim`, `analytics`, `extensions`),
//!   built on [`transport`], which owns auth headers, timeouts, retries and logging;
//!   [`paging`] fetches whole listings.
//! - [`Directory`]: who belongs to which workspace, built from `GET /users`.
//! - [`ClientError`]: what went wrong, in words for a status line.
//! - [`profiles`] and [`config`]: `config.toml`, key sources, and the built-in `local` profile.

mod analytics;
mod billing;
pub mod config;
mod config_checks;
pub mod config_error;
pub mod directory;
pub mod error;
mod extensions;
mod group_paging;
mod groups;
pub mod health;
mod key_source;
mod keys;
mod loading;
pub mod options;
mod pages;
pub mod paging;
pub mod profiles;
pub mod query;
mod response;
mod retry;
mod scim;
pub mod transport;
mod usage;
mod users;
mod workspaces;

pub use analytics::VibeWindow;
pub use config_checks::check_base_url_flag;
pub use config_error::ConfigError;
pub use directory::{Directory, WorkspaceMember};
pub use error::{ClientError, ErrorKind, FieldError, MAX_RESPONSE_BYTES};
pub use health::{ProfileStatus, check_profile};
pub use options::{AuthStyle, ClientConfig, RetryPolicy};
pub use paging::{AllUsers, UsersPage};
pub use profiles::{KeySource, LOCAL_PROFILE, Profile, ProfileSet};
pub use query::{AuditQuery, WorkspaceQuery};
pub use scim::ScimSyncStart;
pub use transport::AdminClient;
pub use usage::UsageQuery;
