//! Opens the console on the chosen profile. With the built-in `local` profile (the default
//! with no configuration) it first starts the embedded Admin API server on a loopback port,
//! over the demo database in the data directory, and gives the console one profile per
//! organization of that database, each with an admin key issued for this run only.

use std::net::SocketAddr;
use std::process::ExitCode;

use super::profiles::overrides;
use super::{CommandResult, ConsoleArgs};
use crate::client::profiles::{LOCAL_PROFILE, local_profile_name};
use crate::client::{Profile, ProfileSet};
use crate::dirs::AppDirs;
use crate::server::{Database, LocalServer, Seed, ServerOptions};
use crate::tui::{self, TuiOptions};

/// The label of the in-memory session keys the console gives itself (one per organization);
/// they die with the process and never reach the database.
pub const CONSOLE_KEY_LABEL: &str = "mistral-admin console";

pub fn run(console: &ConsoleArgs) -> CommandResult {
    let global = &console.profile;
    let dirs = AppDirs::discover()?;
    // `local:<org>` names exist only once the embedded server runs: resolve them as `local`
    // here and pick the organization afterwards.
    let wanted_local = global
        .profile
        .as_deref()
        .filter(|name| name.starts_with("local:"))
        .map(str::to_owned);
    let mut args = overrides(global);
    if wanted_local.is_some() {
        args.profile = Some(LOCAL_PROFILE.to_owned());
    }
    let (mut set, mut chosen) = ProfileSet::load_for(&dirs, &args)?;
    let monochrome =
        console.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    // A mistake in the user's keymap or theme is reported before anything starts.
    tui::load_keymap(&dirs)?;
    tui::load_theme(&dirs, monochrome)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    // Logs go to a file from the start, so the embedded server's lines never reach the screen.
    let _log_guard = tui::logging::init(&dirs.log_dir());
    runtime.block_on(async {
        let uses_local = set.get(&chosen).is_some_and(|p| p.is_local);
        let server = if uses_local {
            let (server, locals) = start_embedded(&dirs).await?;
            set.replace_local(locals);
            if let Some(name) = wanted_local {
                if set.get(&name).is_none() {
                    let known: Vec<String> = set
                        .profiles
                        .iter()
                        .filter(|p| p.is_local)
                        .map(|p| p.name.clone())
                        .collect();
                    return Err(format!(
                        "no local organization profile named {:?} (the demo database has: {})",
                        crate::domain::secret_like::redact_secrets(&name),
                        known.join(", ")
                    )
                    .into());
                }
                chosen = name;
            }
            Some(server)
        } else {
            // The embedded server is not running, so its profile could not connect.
            set.profiles.retain(|p| !p.is_local);
            None
        };
        let options = TuiOptions {
            profiles: set.profiles,
            initial_profile: chosen,
            read_only: global.read_only,
            monochrome,
            dirs: dirs.clone(),
        };
        let result = tui::run(options).await;
        if let Some(server) = server {
            server.shutdown().await;
        }
        result?;
        Ok::<_, Box<dyn std::error::Error>>(ExitCode::SUCCESS)
    })
}

/// Starts the embedded server on the demo database (seeded when new) and returns one
/// concrete profile per organization. Keys are issued in memory for this run and never
/// written anywhere; the server stores only their hashes.
async fn start_embedded(
    dirs: &AppDirs,
) -> Result<(LocalServer, Vec<Profile>), Box<dyn std::error::Error>> {
    crate::dirs::create_private_dir(&dirs.data_dir).map_err(|e| {
        format!(
            "cannot create the data directory {}: {e}",
            dirs.data_dir.display()
        )
    })?;
    let server = LocalServer::start(ServerOptions {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        database: Database::File(dirs.local_database()),
        seed: Seed::Demo,
        ..ServerOptions::default()
    })
    .await
    .map_err(|e| format!("cannot start the embedded server: {e}"))?;
    let mut profiles = Vec::new();
    for (index, organization) in server.organizations().await?.iter().enumerate() {
        let key = server
            .session_admin_key(organization.uuid, CONSOLE_KEY_LABEL)
            .await?;
        profiles.push(Profile::embedded(
            local_profile_name(index, &organization.name),
            server.admin_base_url(),
            key,
        ));
    }
    if profiles.is_empty() {
        return Err(format!(
            "the local database {} holds no organization",
            dirs.local_database().display()
        )
        .into());
    }
    tracing::info!(organizations = profiles.len(), "embedded server ready");
    Ok((server, profiles))
}
