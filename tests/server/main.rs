//! The local server's tests: its HTTP API against the contract (shapes, defaults, errors,
//! authentication, fuzzing), each endpoint's rules, its database and seeds, and the
//! `mistral-admin serve` binary. Old file `tests/server_<name>.rs` is module `<name>` here.

#[path = "../support/mod.rs"]
mod support;

mod api_defaults;
mod archive;
mod auth;
mod billing_audit;
mod contract_shapes;
mod curl_examples;
mod database;
mod durability;
mod errors;
mod extensions;
mod fuzz;
mod groups;
mod hardening;
mod http_errors;
mod invites;
mod keys;
mod members;
mod page_cache;
mod paging;
mod scim;
mod seeds;
mod serve_binary;
mod serve_env;
mod serve_hardening;
mod slow_clients;
mod text_checks;
mod usage_scim_analytics;
mod users;
mod workspaces;
