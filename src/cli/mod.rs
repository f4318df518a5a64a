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
    // The console's options go before no command (or after `tui`); each other command lists
    // only the options it uses, so `serve --help` never offers one that means nothing there.
    args_conflicts_with_subcommands = true,
    after_help = script::exit::EXIT_CODES_HELP
)]
pub struct Cli {
    #[command(flatten)]
    pub console: ConsoleArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Which organization to talk to and how: the console's and `profiles`' options.
#[derive(Debug, Clone, Default, Args)]
pub struct ProfileArgs {
    /// Profile to use (see `mistral-admin profiles`); `local` is the embedded demo server.
    #[arg(long, env = "MISTRAL_ADMIN_PROFILE")]
    pub profile: Option<String>,
    /// Admin API base URL, used with the key in MISTRAL_ADMIN_API_KEY instead of a profile.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Disable every change: browse only.
    #[arg(long)]
    pub read_only: bool,
}

/// The console's options.
#[derive(Debug, Clone, Default, Args)]
pub struct ConsoleArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Monochrome display (also enabled by the NO_COLOR environment variable).
    #[arg(long)]
    pub no_color: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the console (the default when no command is given).
    Tui(ConsoleArgs),
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
    if let Err(problem) = check_base_url(&cli) {
        eprintln!("mistral-admin: --base-url: {problem}");
        return script::exit::Exit::Usage.code();
    }
    // The database, its WAL and the logs hold organizations' data: nobody else may read them.
    crate::dirs::keep_new_files_private();
    let result = match cli.command {
        None => tui::run(&cli.console),
        Some(Command::Tui(args)) => tui::run(&args),
        Some(Command::Serve(args)) => serve::run(args),
        Some(Command::Config(cmd)) => config_cmd::run(cmd),
        Some(Command::Profiles(args)) => profiles::run(args),
        Some(Command::AdminKey(args)) => admin_key::run(args),
        Some(Command::Script(command)) => return script::run(command),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("mistral-admin: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Refuses a `--base-url` that `config.toml` would refuse, before anything uses or shows it:
/// a password or a key pasted into the URL must not reach a table, a message or a request.
/// The refusal never quotes a URL that holds one.
fn check_base_url(cli: &Cli) -> Result<(), String> {
    let given = match &cli.command {
        None => cli.console.profile.base_url.as_deref(),
        Some(Command::Tui(args)) => args.profile.base_url.as_deref(),
        Some(Command::Profiles(args)) => args.profile.base_url.as_deref(),
        Some(Command::Script(command)) => command.options().and_then(|o| o.base_url.as_deref()),
        Some(Command::Serve(_) | Command::Config(_) | Command::AdminKey(_)) => None,
    };
    given.map_or(Ok(()), |url| {
        crate::client::check_base_url_flag(url).map(|_| ())
    })
}

/// What a command failed with: a message written for the person at the terminal.
pub type CommandResult = Result<ExitCode, Box<dyn std::error::Error>>;
