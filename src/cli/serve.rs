//! `mistral-admin serve`: runs the local Admin API server.

use clap::Args;

use super::{CommandResult, GlobalArgs};

#[derive(Debug, Args)]
pub struct ServeArgs {}

pub fn run(_global: &GlobalArgs, _args: ServeArgs) -> CommandResult {
    Err("serve is being built".into())
}
