//! `mistral-admin config ...`: where the app keeps its files, and checks of the config.

use clap::Subcommand;

use super::{CommandResult, GlobalArgs};

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every path the app uses: config, data, logs.
    Path,
}

pub fn run(_global: &GlobalArgs, _cmd: ConfigCommand) -> CommandResult {
    Err("config is being built".into())
}
