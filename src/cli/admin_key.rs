//! `mistral-admin admin-key`: replaces a lost Admin API key of the local server's database.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::CommandResult;
use crate::dirs::AppDirs;

/// Keys made by this command share a label, so each new one revokes the previous one.
const LABEL: &str = "issued by admin-key";

#[derive(Debug, Args)]
pub struct AdminKeyArgs {
    /// Organization name or UUID (default: the first organization).
    pub organization: Option<String>,
    /// SQLite database file (default: the app's data directory).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

pub fn run(args: AdminKeyArgs) -> CommandResult {
    let path = match args.db {
        Some(path) => path,
        None => AppDirs::discover()?.local_database(),
    };
    if !path.exists() {
        return Err(format!(
            "{} does not exist; run `mistral-admin serve` once to create and seed it",
            path.display()
        )
        .into());
    }
    let runtime = tokio::runtime::Runtime::new()?;
    let (org, key) = runtime.block_on(crate::server::issue_admin_key_in(
        &path,
        args.organization.as_deref(),
        LABEL,
    ))?;
    eprintln!(
        "New Admin API key for {} ({}); the previous key made by this command no longer works:",
        org.name, org.uuid
    );
    println!("{}", key.expose());
    Ok(ExitCode::SUCCESS)
}
