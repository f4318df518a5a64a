//! mistral-admin: a keyboard-driven console for Mistral's Admin API, and a local server that
//! implements the same API over SQLite.
//!
//! Layers, each importing only from the ones above it:
//! - [`domain`]: roles, field limits and secrets; no I/O.
//! - [`api`]: the contract's wire types and paths, shared by client and server.
//! - [`server`]: the local Admin API (axum + SQLite): embedded default, `serve`, and tests.
//! - [`client`]: `AdminClient`, the async client every other part talks through; profiles.
//! - [`actions`]: each change to an organization, planned once for the console and the
//!   commands: checks, names resolved, the requests as data, the outcome in words.
//! - [`tui`]: the terminal console.
//! - [`cli`]: command-line parsing; wires the layers together.
//!
//! [`dirs`] says where files live and may be used by any layer.

pub mod actions;
pub mod api;
pub mod cli;
pub mod client;
pub mod dirs;
pub mod domain;
pub mod server;
pub mod tui;
