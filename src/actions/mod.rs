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
//! - [`workspaces`], [`archive`], [`members`], [`people`], [`invites`], [`keys`], [`spend`],
//!   [`groups`]: the actions; [`key_list`] reads the organization's keys as one list and
//!   [`audit_trail`] the audit log as people read it (names, filters, export).
//!
//! A new area is a module here with its planners, its requests in [`request::Request`] and
//! its replies in [`execute::Reply`].
//!
//! The plan engine (`domain::org`) describes the organization by names and diffs two
//! descriptions into changes; here [`org_live`] reads the live organization into that
//! description, [`org_steps`] turns a change into requests, [`org_apply`] runs a list of
//! changes in a safe order, and [`journal`] keeps every applied change set (what
//! [`journal_record`] makes of an action plan's requests) for `undo`. The console's staging
//! can collect the same changes and run them the same way.

pub mod archive;
pub mod audit_trail;
pub mod error;
pub mod execute;
pub mod groups;
pub mod invite_addresses;
pub mod invites;
pub mod journal;
pub mod journal_record;
mod journal_record_groups;
mod journal_record_own;
pub mod journal_settle;
pub mod key_list;
pub mod keys;
pub mod members;
pub mod members_own;
pub mod org_apply;
pub mod org_live;
pub mod org_roles;
pub mod org_run;
pub mod org_steps;
mod org_steps_create;
pub mod outcome;
pub mod people;
pub mod plan;
pub mod request;
pub mod request_groups;
pub mod resolve;
pub mod roles;
pub mod scim_diff;
pub mod spend;
pub mod workspaces;

#[cfg(test)]
pub(crate) mod fixtures;

pub use error::ActionError;
pub use execute::{Execution, Reply, execute};
pub use plan::{Intent, KeyCount, Plan, Step};
pub use request::Request;
