//! Command-line interface: the TUI by default, plus `serve`, `config`, `profiles` and
//! the scripting commands. Each command lives in its own file; this one only parses and routes.

mod admin_key;
mod config_cmd;
mod embedded;
mod profiles;
mod script;
mod serve;
mod tui;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "mistral-admin",
    version,
    about = "Administer Mistral AI organizations and workspaces from the terminal",
    long_about = "Administer Mistral AI organizations and workspaces from the terminal.\n\n\
        With no command, opens the console. With no configuration at all, the console opens on \
        a local demo organization served by an embedded copy of the Admin API.",
    after_help = script::exit::EXIT_CODES_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options that choose which organization to talk to and how.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Profile to use (see `mistral-admin profiles`); `local` is the embedded demo server.
    #[arg(long, global = true, env = "MISTRAL_ADMIN_PROFILE")]
    pub profile: Option<String>,
    /// Admin API base URL, used with the key in MISTRAL_ADMIN_API_KEY instead of a profile.
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,
    /// Disable every change: browse only.
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Monochrome display (also enabled by the NO_COLOR environment variable).
    #[arg(long, global = true)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the console (the default when no command is given).
    Tui,
    /// Run the local Admin API server.
    Serve(serve::ServeArgs),
    /// Show or check the app's configuration.
    #[command(subcommand)]
    Config(config_cmd::ConfigCommand),
    /// List the configured profiles and whether each one answers (exit code 1 if any does not).
    Profiles(profiles::ProfilesArgs),
    /// Print a new Admin API key for an organization of the local server's database.
    AdminKey(admin_key::AdminKeyArgs),
    #[command(flatten)]
    Script(script::ScriptCommand),
}

/// Parses the command line and runs the chosen command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None | Some(Command::Tui) => tui::run(&cli.global),
        Some(Command::Serve(args)) => serve::run(&cli.global, args),
        Some(Command::Config(cmd)) => config_cmd::run(&cli.global, cmd),
        Some(Command::Profiles(args)) => profiles::run(&cli.global, args),
        Some(Command::AdminKey(args)) => admin_key::run(args),
        Some(Command::Script(command)) => return script::run(&cli.global, command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mistral-admin: {err}");
            ExitCode::FAILURE
        }
    }
}

/// What a command failed with: a message written for the person at the terminal.
pub type CommandResult = Result<ExitCode, Box<dyn std::error::Error>>;
