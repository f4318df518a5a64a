//! Drawing helpers shared by the panes: width-aware text, tables, input fields.

pub mod text;
