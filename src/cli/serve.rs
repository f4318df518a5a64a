//! `mistral-admin serve`: runs the local Admin API server until ctrl-c.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{CommandResult, GlobalArgs};
use crate::api::paths;
use crate::dirs::AppDirs;
use crate::domain::SecretString;
use crate::server::{Database, LocalServer, Seed, ServerOptions};

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
    /// Admin key of the first organization, instead of a generated one (for scripts and tests).
    #[arg(
        long,
        env = "MISTRAL_ADMIN_API_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    pub admin_key: Option<String>,
}

pub fn run(_global: &GlobalArgs, args: ServeArgs) -> CommandResult {
    init_logging();
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
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let server = LocalServer::start(ServerOptions {
            addr: args.addr,
            database: database.clone(),
            seed: args.seed,
            admin_key,
            ..ServerOptions::default()
        })
        .await?;
        let organizations = server.organizations().await?.len();
        print_banner(&server, &database, organizations);
        server
            .run_until(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await;
        eprintln!("mistral-admin: local server stopped");
        Ok(ExitCode::SUCCESS)
    })
}

fn print_banner(server: &LocalServer, database: &Database, organizations: usize) {
    println!("Local Mistral Admin API at {}", server.admin_base_url());
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
    } else {
        println!("\nAdmin API keys (shown once; they are stored hashed):");
        for org in server.seeded() {
            println!("  {:<24} {}", org.name, org.admin_key.expose());
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

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("MISTRAL_ADMIN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,tower_http=info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
