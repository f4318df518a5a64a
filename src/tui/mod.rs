//! The terminal console: panes for organizations, workspaces, members, settings and API keys,
//! driven by the keyboard, over an async client that it never waits on.
//!
//! The shape is the one the design guide asks for: [`update::update`] turns messages into
//! state changes and effects without I/O; effects run on tokio tasks and come back as
//! messages; [`view`] draws the state and nothing else.

pub mod config_file;
pub mod effect;
pub mod fuzzy;
pub mod keymap;
pub mod msg;
pub mod state;
pub mod theme;
pub mod update;
pub mod widgets;
