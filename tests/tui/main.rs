//! The console's tests that need no terminal: its effect runner against real servers; and
//! checks of the source tree itself (the layers' import order, the tests' own layout).
//! Old file `tests/tui_<name>.rs` is module `<name>` here.

#[path = "../support/mod.rs"]
mod support;

mod journal_stops;
mod journaling;
mod layering;
mod plan_run;
mod runner;
mod test_layout;
