//! The client's tests: `AdminClient` against the real local server and against a server that
//! misbehaves on purpose, profiles and `config.toml`, and keys kept out of every output.
//! Old file `tests/client_<name>.rs` is module `<name>` here.

#[path = "../support/mod.rs"]
mod support;

mod config;
mod config_errors;
mod directory;
mod extensions;
mod faults;
mod groups_usage;
mod keys_billing;
mod large;
mod outcome_unknown;
mod oversized_and_dropped;
mod paging_faults;
mod retry_after_date;
mod secrets;
mod users;
mod without_extensions;
mod workspaces;
