//! `mistral-admin serve`: runs the local Admin API server until ctrl-c.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::CommandResult;
use crate::api::paths;
use crate::dirs::AppDirs;
use crate::domain::SecretString;
use crate::server::{
    BUSY_TIMEOUT, ConnectionLimits, DEFAULT_HEADER_TIMEOUT, Database, LocalServer, Seed,
    ServerOptions,
};

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8787")]
    pub addr: SocketAddr,
    /// SQLite database file (default: the app's data directory, shared with the console).
    #[arg(long, value_name = "PATH", conflicts_with = "memory")]
    pub db: Option<PathBuf>,
    /// Keep everything in memory; nothing is written to disk.
    #[arg(long)]
    pub memory: bool,
    /// What an empty database starts with.
    #[arg(long, value_enum, default_value_t = Seed::Demo)]
    pub seed: Seed,
    /// Admin key of the first organization, instead of a generated one (for scripts and tests):
    /// at least 20 characters of letters, digits and -._~+/. Prefer the environment variable,
    /// since a command line is visible to other users in `ps`.
    #[arg(
        long,
        env = "MISTRAL_ADMIN_API_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub admin_key: Option<String>,
    /// Refuse every change (403): browse and rehearse reads only.
    #[arg(long)]
    pub read_only: bool,
    /// Seconds a client has to send a complete request head (and that an idle keep-alive
    /// connection stays open).
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_HEADER_TIMEOUT.as_secs_f64())]
    pub header_timeout: f64,
    /// Seconds a request waits for another process (a console, another `serve`, `admin-key`)
    /// to release the database file before it answers 503.
    #[arg(long, value_name = "SECONDS", default_value_t = BUSY_TIMEOUT.as_secs_f64())]
    pub busy_timeout: f64,
}

pub fn run(args: ServeArgs) -> CommandResult {
    init_logging();
    let header_timeout = positive_seconds(args.header_timeout, "--header-timeout")?;
    let busy_timeout = positive_seconds(args.busy_timeout, "--busy-timeout")?;
    let database = if args.memory {
        Database::Memory
    } else {
        Database::File(match args.db {
            Some(path) => path,
            None => AppDirs::discover()?.local_database(),
        })
    };
    let admin_key = args
        .admin_key
        .filter(|k| !k.trim().is_empty())
        .map(SecretString::new);
    let given_key = admin_key.as_ref().map(|key| GivenKey {
        key: key.clone(),
        from: key_origin(key),
    });
    // Pages are built on SQLite's reader threads; with an arena per thread, glibc kept the
    // freed page buffers of every one of them (the server's memory after a load nearly doubled).
    crate::tui::memory::limit_arenas();
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let server = LocalServer::start(ServerOptions {
            addr: args.addr,
            database: database.clone(),
            seed: args.seed,
            admin_key,
            read_only: args.read_only,
            limits: ConnectionLimits {
                header_timeout,
                ..ConnectionLimits::default()
            },
            busy_timeout,
            ..ServerOptions::default()
        })
        .await?;
        let organizations = server.organizations().await?.len();
        print_banner(
            &server,
            &database,
            organizations,
            args.read_only,
            given_key.as_ref(),
        );
        server
            .run_until(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await;
        eprintln!("mistral-admin: local server stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// A duration given in seconds on the command line; zero, negative or absurd values are refused.
fn positive_seconds(seconds: f64, flag: &str) -> Result<Duration, String> {
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|t| !t.is_zero())
        .ok_or_else(|| format!("{flag} must be a positive number of seconds"))
}

/// A key the admin gave `serve` for the first organization, and where it came from. The banner
/// names where, never the key: it is already known, and stdout may be a shared log.
struct GivenKey {
    key: SecretString,
    from: &'static str,
}

/// Where the given key came from, in the banner's words; `--admin-key` wins over the variable.
fn key_origin(key: &SecretString) -> &'static str {
    let in_env = std::env::var("MISTRAL_ADMIN_API_KEY")
        .is_ok_and(|value| value.trim() == key.expose().trim());
    if in_env {
        "the key in MISTRAL_ADMIN_API_KEY"
    } else {
        "the key given with --admin-key"
    }
}

fn print_banner(
    server: &LocalServer,
    database: &Database,
    organizations: usize,
    read_only: bool,
    given_key: Option<&GivenKey>,
) {
    println!("Local Mistral Admin API at {}", server.admin_base_url());
    if read_only {
        println!("  read-only: every change is refused with 403");
    }
    println!(
        "  also under {}{}",
        server.origin(),
        paths::LEGACY_ADMIN_PREFIX
    );
    match database {
        Database::File(path) => println!("  database: {}", path.display()),
        Database::Memory => println!("  database: in memory (gone when the server stops)"),
    }
    if organizations == 0 {
        println!(
            "  no organization yet: nothing can be administered (start with --seed demo or --seed large)"
        );
    } else if server.seeded().is_empty() {
        println!(
            "  existing data kept ({organizations} organizations); admin keys are stored hashed and cannot be shown again."
        );
        if let Some(given) = given_key {
            println!("  the first organization opens with {}", given.from);
        }
    } else {
        println!("\nAdmin API keys (shown once; they are stored hashed):");
        for org in server.seeded() {
            match given_key.filter(|given| given.key == org.admin_key) {
                Some(given) => println!("  {:<24} ({})", org.name, given.from),
                None => println!("  {:<24} {}", org.name, org.admin_key.expose()),
            }
        }
    }
    if let (Database::File(path), 1..) = (database, organizations) {
        println!(
            "\nNeed a new key? mistral-admin admin-key --db {} [ORGANIZATION]",
            path.display()
        );
    }
    println!(
        "Try: curl -H \"x-api-key: $KEY\" {}/workspaces\n",
        server.admin_base_url()
    );
}

/// Logs to stderr, in colour only on a terminal: a file or a pipe (a service's journal, a
/// test) gets plain text, and so does anyone who set `NO_COLOR`.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("MISTRAL_ADMIN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=info"));
    let colour = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colour)
        .try_init();
}
