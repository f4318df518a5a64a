//! Helpers shared by the four test binaries (`tests/server`, `tests/client`, `tests/tui`,
//! `tests/e2e`); each binary includes this folder as its `support` module. Where to look:
//!
//! - [`local_server()`]: the one way to start the local server in the test's process
//!   (in memory unless given a file, seeded or not, any clock); [`serve_process`] runs the
//!   `mistral-admin serve` binary for tests that need a separate process.
//! - [`harness`]: a server with one organization, "Acme", and [`http::Api`] holding its key,
//!   for the server's HTTP tests; [`http`] and [`http_shortcuts`] send requests and check
//!   replies; [`contract`], [`contract_enums`], [`contract_schemas`] and [`routes`] hold the
//!   contract's shapes and, from `api::operations`, the routes the server mounts.
//! - [`cli`]: the scripting commands run as the real binary against a local server.
//! - [`client`]: an `AdminClient` with short timeouts and quick retries, and a fresh
//!   organization with such a client; [`fault_server`] misbehaves on purpose and
//!   [`fixtures`] gives it contract-shaped bodies.
//! - [`proxy`]: a proxy in front of a local server that counts requests and can hold changes.
//! - [`pty`]: the real binary in a pseudo-terminal, read through a terminal emulator, and the
//!   demo console the end-to-end tests drive.
//! - [`test_path`]: the full name of a test, for a test that runs another one of its own
//!   binary in a child process.

// Each binary uses only part of the helpers.
#![allow(dead_code)]

pub mod cli;
pub mod client;
pub mod contract;
pub mod contract_enums;
pub mod contract_schemas;
pub mod contract_schemas_groups;
pub mod contract_schemas_usage;
pub mod contract_schemas_vibe;
pub mod fault_server;
pub mod fixtures;
pub mod harness;
pub mod http;
pub mod http_shortcuts;
pub mod local_server;
pub mod proxy;
pub mod pty;
pub mod routes;
pub mod serve_process;

pub use local_server::local_server;

/// The name the test harness knows a test by (`secrets::some_test`), from the
/// `module_path!()` of the file that defines it (`client::secrets`, whose first part is the
/// binary) and the test function's name. A test that starts its own binary again to run one
/// other test passes this to `--exact`.
pub fn test_path(module_path: &str, test: &str) -> String {
    let (_binary, module) = module_path
        .split_once("::")
        .unwrap_or_else(|| panic!("{module_path} is a module of a test binary"));
    format!("{module}::{test}")
}
