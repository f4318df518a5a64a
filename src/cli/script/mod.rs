//! The scripting commands: `get` for reading, one command per area for changing
//! (`workspace`, `members`, `people`, `invites`, `keys`, `spend`, `groups`, `scim`), and shell completions and
//! the man page generated from the same definitions. Changes go through the action layer
//! (`crate::actions`) the console uses, so both check, resolve, send and word the same way.
//!
//! A new area is one variant below with its file beside this one, and for a read one
//! variant of `get::GetCommand` with its listing.

mod change;
pub mod exit;
mod get;
mod groups;
mod journaling;
mod keys;
mod members;
mod orgfile;
mod output;
mod people;
mod scim;
mod session;
mod spend;
mod workspace;
mod workspace_args;

use std::process::ExitCode;

use clap::{Args, CommandFactory, Subcommand};
use clap_complete::Shell;

use exit::{EXIT_CODES_HELP, Exit, Failure};
use session::Session;

use super::{Cli, ProfileArgs};

/// Which organization a scripting command talks to, and how. They follow the command's name
/// (`mistral-admin get workspaces --profile prod`), as `profiles --profile` does; the options
/// before no command belong to the console.
#[derive(Debug, Clone, Default, Args)]
pub struct ScriptArgs {
    /// Profile to use (see `mistral-admin profiles`); `local` is the embedded demo server.
    #[arg(long, global = true, env = "MISTRAL_ADMIN_PROFILE")]
    pub profile: Option<String>,
    /// Admin API base URL, used with the key in MISTRAL_ADMIN_API_KEY instead of a profile.
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Refuse every change (exit code 4): read only.
    #[arg(long, global = true)]
    pub read_only: bool,
    /// No colour in tables (also when NO_COLOR is set or the output is not a terminal).
    #[arg(long, global = true)]
    pub no_color: bool,
}

impl ScriptArgs {
    /// The same choice as the console's `--profile`, `--base-url` and `--read-only`.
    pub fn profile_args(&self) -> ProfileArgs {
        ProfileArgs {
            profile: self.profile.clone(),
            base_url: self.base_url.clone(),
            read_only: self.read_only,
        }
    }
}

/// One area's commands with the options they share. Its help ends with the exit codes, as
/// every command that talks to an organization does.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct Area<C: Subcommand> {
    #[command(flatten)]
    pub options: ScriptArgs,
    #[command(subcommand)]
    pub command: C,
}

/// A command without subcommands, with the options every command shares. Its help ends with
/// the exit codes, as every command that talks to an organization does.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES_HELP)]
pub struct Single<A: Args> {
    #[command(flatten)]
    pub options: ScriptArgs,
    #[command(flatten)]
    pub command: A,
}

#[derive(Debug, Subcommand)]
pub enum ScriptCommand {
    /// Read the organization: workspaces, members, people, invites, keys, groups, audit,
    /// roles, spend, usage, limits.
    Get(Area<get::GetCommand>),
    /// Create, edit or archive workspaces.
    Workspace(Area<workspace::WorkspaceCommand>),
    /// Add workspace members, change their roles, remove them.
    Members(Area<members::MembersCommand>),
    /// Invite people, change their organization roles, remove them from the organization.
    People(Area<people::PeopleCommand>),
    /// Revoke pending invitations.
    Invites(Area<people::InvitesCommand>),
    /// Create, delete or rotate workspace API keys.
    Keys(Area<keys::KeysCommand>),
    /// Set the organization's monthly spending limit.
    Spend(Area<spend::SpendCommand>),
    /// Create, edit and delete user groups; their members, nesting, workspaces and role.
    Groups(Area<groups::GroupsCommand>),
    /// Preview the identity-provider (SCIM) sync, or run it after showing the preview and asking.
    Scim(Area<scim::ScimCommand>),
    /// Write the organization as a file (TOML or YAML): workspaces, members, groups, people,
    /// invitations. The same organization always gives the same bytes.
    Export(Single<orgfile::export::ExportArgs>),
    /// Compare an organization file with the live organization: exit 0 when they match, 6
    /// when changes are pending.
    Plan(Single<orgfile::plan::PlanArgs>),
    /// Make the organization match a file, after showing the plan and asking.
    Apply(Single<orgfile::apply::ApplyArgs>),
    /// Take back the last change set that can be taken back (see `journal`).
    Undo(Single<orgfile::undo::UndoArgs>),
    /// List the change sets applied to this organization, and what can be undone.
    Journal(Single<orgfile::journal::JournalArgs>),
    /// Print a completion script for a shell: bash, zsh or fish.
    Completions {
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(["bash", "zsh", "fish"]))]
        shell: String,
    },
    /// Print the manual page (roff) on stdout: `mistral-admin man | man -l -`.
    Man,
}

/// Runs a scripting command; errors go to stderr with the exit code of their kind.
pub fn run(command: ScriptCommand) -> ExitCode {
    let result = match &command {
        ScriptCommand::Completions { shell } => completions(shell),
        ScriptCommand::Man => man(),
        _ => talk(&command),
    };
    match result {
        Ok(()) => Exit::Success.code(),
        Err(failure) => {
            eprintln!("mistral-admin: {}", failure.message);
            failure.exit.code()
        }
    }
}

impl ScriptCommand {
    /// The options of a command that talks to an organization.
    pub(super) fn options(&self) -> Option<&ScriptArgs> {
        match self {
            Self::Get(a) => Some(&a.options),
            Self::Workspace(a) => Some(&a.options),
            Self::Members(a) => Some(&a.options),
            Self::People(a) => Some(&a.options),
            Self::Invites(a) => Some(&a.options),
            Self::Keys(a) => Some(&a.options),
            Self::Spend(a) => Some(&a.options),
            Self::Groups(a) => Some(&a.options),
            Self::Scim(a) => Some(&a.options),
            Self::Export(a) => Some(&a.options),
            Self::Plan(a) => Some(&a.options),
            Self::Apply(a) => Some(&a.options),
            Self::Undo(a) => Some(&a.options),
            Self::Journal(a) => Some(&a.options),
            Self::Completions { .. } | Self::Man => None,
        }
    }

    /// The options of a command that changes the organization through a plan (`--dry-run`,
    /// `-o`). `scim`, `apply` and `undo` refuse read-only sessions themselves, after showing
    /// what they would do.
    fn change_args(&self) -> Option<&change::ChangeArgs> {
        match self {
            Self::Workspace(a) => Some(a.command.change()),
            Self::Members(a) => Some(a.command.change()),
            Self::People(a) => Some(a.command.change()),
            Self::Invites(a) => Some(a.command.change()),
            Self::Keys(a) => Some(a.command.change()),
            Self::Spend(a) => Some(a.command.change()),
            Self::Groups(a) => Some(a.command.change()),
            Self::Get(_)
            | Self::Scim(_)
            | Self::Export(_)
            | Self::Plan(_)
            | Self::Apply(_)
            | Self::Undo(_)
            | Self::Journal(_)
            | Self::Completions { .. }
            | Self::Man => None,
        }
    }
}

/// The commands that talk to an organization: open the session, run, close it.
fn talk(command: &ScriptCommand) -> Result<(), Failure> {
    let options = command.options().cloned().unwrap_or_default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    runtime.block_on(async {
        let session = Session::open(&options).await?;
        let result = dispatch(&options, &session, command).await;
        session.close().await;
        result
    })
}

async fn dispatch(
    options: &ScriptArgs,
    session: &Session,
    command: &ScriptCommand,
) -> Result<(), Failure> {
    if let Some(args) = command.change_args() {
        change::refuse_in_read_only(session, args)?;
    }
    match command {
        ScriptCommand::Get(get) => {
            let listing = get::listing(session, &get.command).await?;
            let colour = output::colour_allowed(options.no_color);
            output::emit(&listing.render(get.command.format(), colour))
        }
        ScriptCommand::Workspace(c) => workspace::run(session, &c.command).await,
        ScriptCommand::Members(c) => members::run(session, &c.command).await,
        ScriptCommand::People(c) => people::run(session, &c.command).await,
        ScriptCommand::Invites(c) => people::run_invites(session, &c.command).await,
        ScriptCommand::Keys(c) => keys::run(session, &c.command).await,
        ScriptCommand::Spend(c) => spend::run(session, &c.command).await,
        ScriptCommand::Groups(c) => groups::run(session, &c.command).await,
        ScriptCommand::Scim(c) => scim::run(session, &c.command, options.no_color).await,
        ScriptCommand::Export(c) => orgfile::export::run(session, &c.command).await,
        ScriptCommand::Plan(c) => orgfile::plan::run(session, &c.command, options.no_color).await,
        ScriptCommand::Apply(c) => orgfile::apply::run(session, &c.command, options.no_color).await,
        ScriptCommand::Undo(c) => orgfile::undo::run(session, &c.command, options.no_color).await,
        ScriptCommand::Journal(c) => orgfile::journal::run(session, &c.command).await,
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
