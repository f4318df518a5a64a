//! `mistral-admin export`: the organization as a readable file, in a stable order, so two
//! exports of an unchanged organization are the same bytes. No key material, no audit log.

use clap::Args;

use super::{FileFormat, write};
use crate::actions::org_live::{LiveOrg, Reading};
use crate::cli::script::exit::Failure;
use crate::cli::script::output::emit;
use crate::cli::script::session::Session;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The file's format.
    #[arg(short = 'o', long = "output", value_enum, default_value_t = FileFormat::Toml)]
    pub format: FileFormat,
}

pub async fn run(session: &Session, args: &ExportArgs) -> Result<(), Failure> {
    let live = LiveOrg::load(&session.client, Reading::ALL).await?;
    emit(&write(&live.model, args.format)?)
}
