//! Drawing helpers shared by the panes: width-aware text, tables, input fields, frames.

pub mod cells;
pub mod cursor;
pub mod dialog;
pub mod frame;
pub mod input;
pub mod read_through;
pub mod reader;
pub mod table;
pub mod text;

/// Spinner frames, advanced by `Msg::SpinnerTick` while requests run.
pub const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

pub fn spinner(frame: usize) -> &'static str {
    SPINNER[frame % SPINNER.len()]
}
