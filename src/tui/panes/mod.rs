//! The panes of the main screen. Each draws one part of the state and nothing else.

pub mod api_keys;
pub mod detail;
pub mod hints;
pub mod members;
pub mod organizations;
pub mod settings;
pub mod status;
pub mod workspaces;
