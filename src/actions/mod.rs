//! The organization's changes, one implementation each, shared by the console and the
//! scripting commands: validation (`domain::validation`, as the server checks it), names
//! resolved to ids, the requests to send, and the outcome in words.
//!
//! Each action is a pure function from intent and loaded data to a [`Plan`]: the requests as
//! data, a summary of what they do, and the texts an irreversible change must be confirmed
//! with. Nothing is sent while planning, so a plan can be shown, confirmed, printed by
//! `--dry-run` or kept in a journal. [`execute()`] sends it through `AdminClient`, stopping at
//! the first failure, and [`outcome`] words the result from the plan and the replies.
//!
//! - [`resolve`]: workspace names (folded as the server's uniqueness rule folds them),
//!   emails, people's names, invitations and keys to what the server knows; [`roles`]: role
//!   names and role edits.
//! - [`workspaces`], [`archive`], [`members`], [`people`], [`invites`], [`keys`], [`spend`]:
//!   the actions.
//!
//! A new area (groups, say) is a module here with its planners, its requests in
//! [`request::Request`] and its replies in [`execute::Reply`].

pub mod archive;
pub mod error;
pub mod execute;
pub mod invites;
pub mod keys;
pub mod members;
pub mod outcome;
pub mod people;
pub mod plan;
pub mod request;
pub mod resolve;
pub mod roles;
pub mod spend;
pub mod workspaces;

#[cfg(test)]
mod fixtures;

pub use error::ActionError;
pub use execute::{Execution, Reply, execute};
pub use plan::{Intent, KeyCount, Plan, Step};
pub use request::Request;
