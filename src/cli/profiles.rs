//! `mistral-admin profiles`: each profile, where its key comes from, and whether it answers.

use clap::Args;

use super::{CommandResult, GlobalArgs};

#[derive(Debug, Args)]
pub struct ProfilesArgs {}

pub fn run(_global: &GlobalArgs, _args: ProfilesArgs) -> CommandResult {
    Err("profiles is being built".into())
}
