//! The scripting commands: `get` for reading, one command per area for changing
//! (`workspace`, `members`, `people`, `invites`, `keys`, `spend`), and shell completions and
//! the man page generated from the same definitions. Changes go through the action layer
//! (`crate::actions`) the console uses, so both check, resolve, send and word the same way.
//!
//! A new area (groups, usage) is one variant below with its file beside this one, and for a
//! read one variant of `get::GetCommand` with its listing.

mod change;
pub mod exit;
mod get;
mod keys;
mod members;
mod output;
mod people;
mod session;
mod spend;
mod workspace;

use std::process::ExitCode;

use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;

use exit::{EXIT_CODES_HELP, Exit, Failure};
use session::Session;

use super::{Cli, GlobalArgs};

#[derive(Debug, Subcommand)]
pub enum ScriptCommand {
    /// Read the organization: workspaces, members, people, invites, keys, audit, roles, spend.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Get(get::GetCommand),
    /// Create, edit or archive workspaces.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Workspace(workspace::WorkspaceCommand),
    /// Add workspace members, change their roles, remove them.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Members(members::MembersCommand),
    /// Invite people, change their organization roles, remove them from the organization.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    People(people::PeopleCommand),
    /// Revoke pending invitations.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Invites(people::InvitesCommand),
    /// Create, delete or rotate workspace API keys.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Keys(keys::KeysCommand),
    /// Set the organization's monthly spending limit.
    #[command(subcommand, after_help = EXIT_CODES_HELP)]
    Spend(spend::SpendCommand),
    /// Print a completion script for a shell: bash, zsh or fish.
    Completions {
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(["bash", "zsh", "fish"]))]
        shell: String,
    },
    /// Print the manual page (roff) on stdout: `mistral-admin man | man -l -`.
    Man,
}

/// Runs a scripting command; errors go to stderr with the exit code of their kind.
pub fn run(global: &GlobalArgs, command: ScriptCommand) -> ExitCode {
    let result = match &command {
        ScriptCommand::Completions { shell } => completions(shell),
        ScriptCommand::Man => man(),
        _ => talk(global, &command),
    };
    match result {
        Ok(()) => Exit::Success.code(),
        Err(failure) => {
            eprintln!("mistral-admin: {}", failure.message);
            failure.exit.code()
        }
    }
}

/// The commands that talk to an organization: open the session, run, close it.
fn talk(global: &GlobalArgs, command: &ScriptCommand) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    runtime.block_on(async {
        let session = Session::open(global).await?;
        let result = dispatch(global, &session, command).await;
        session.close().await;
        result
    })
}

async fn dispatch(
    global: &GlobalArgs,
    session: &Session,
    command: &ScriptCommand,
) -> Result<(), Failure> {
    match command {
        ScriptCommand::Get(get) => {
            let listing = get::listing(session, get).await?;
            let colour = output::colour_allowed(global.no_color);
            output::emit(&listing.render(get.format(), colour))
        }
        ScriptCommand::Workspace(c) => workspace::run(session, c).await,
        ScriptCommand::Members(c) => members::run(session, c).await,
        ScriptCommand::People(c) => people::run(session, c).await,
        ScriptCommand::Invites(c) => people::run_invites(session, c).await,
        ScriptCommand::Keys(c) => keys::run(session, c).await,
        ScriptCommand::Spend(c) => spend::run(session, c).await,
        ScriptCommand::Completions { .. } | ScriptCommand::Man => Ok(()),
    }
}

fn completions(shell: &str) -> Result<(), Failure> {
    let shell: Shell = shell
        .parse()
        .map_err(|_| Failure::usage(format!("no completions for {shell:?}")))?;
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "mistral-admin", &mut script);
    output::emit(&String::from_utf8_lossy(&script))
}

fn man() -> Result<(), Failure> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|e| Failure::new(Exit::Failure, format!("cannot render the man page: {e}")))?;
    output::emit(&String::from_utf8_lossy(&page))
}
