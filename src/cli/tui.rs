//! Opens the console on the chosen profile (the embedded local server by default).

use super::{CommandResult, GlobalArgs};

pub fn run(_global: &GlobalArgs) -> CommandResult {
    Err("the console is being built".into())
}
