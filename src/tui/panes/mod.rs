//! The panes of the main screen, and the notice that replaces them on a terminal too small
//! for them. Each draws one part of the state and nothing else.

pub mod api_keys;
pub mod detail;
pub mod hints;
pub mod members;
pub mod organizations;
pub mod settings;
pub mod status;
pub mod too_small;
pub mod workspaces;
