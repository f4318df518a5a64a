//! The embedded local server behind the built-in `local` profile, shared by the console and
//! the scripting commands: it serves the demo database in the data directory on a loopback
//! port, and each of its organizations becomes a profile with a key issued for this run only.

use std::net::SocketAddr;

use crate::client::profiles::local_profile_name;
use crate::client::{Profile, ProfileSet};
use crate::dirs::AppDirs;
use crate::server::{Database, LocalServer, Seed, ServerOptions};

/// The labels of the in-memory session keys the app gives itself (one per organization),
/// which the audit log shows as the actor; they die with the process and never reach the
/// database.
pub const CONSOLE_KEY_LABEL: &str = "mistral-admin console";
pub const COMMANDS_KEY_LABEL: &str = "mistral-admin commands";

/// A `local:<org>` profile name exists only once the embedded server runs, so profiles are
/// loaded with it read as `local`; this says which one was asked for.
pub fn wanted_local(profile: Option<&str>) -> Option<String> {
    profile
        .filter(|name| name.starts_with("local:"))
        .map(str::to_owned)
}

/// Starts the embedded server on the demo database (seeded when new) and returns one
/// concrete profile per organization. Keys are issued in memory for this run and never
/// written anywhere; the server stores only their hashes. `label` names the keys.
pub async fn start(
    dirs: &AppDirs,
    label: &str,
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
        let key = server.session_admin_key(organization.uuid, label).await?;
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

/// Puts the embedded server's profiles in place of the built-in `local` one and returns the
/// profile to use: `wanted` (a `local:<org>` name) if given, else `chosen`.
pub fn adopt(
    set: &mut ProfileSet,
    locals: Vec<Profile>,
    chosen: String,
    wanted: Option<String>,
) -> Result<String, Box<dyn std::error::Error>> {
    set.replace_local(locals);
    let Some(name) = wanted else {
        return Ok(chosen);
    };
    if set.get(&name).is_some() {
        return Ok(name);
    }
    let known: Vec<String> = set
        .profiles
        .iter()
        .filter(|p| p.is_local)
        .map(|p| p.name.clone())
        .collect();
    Err(format!(
        "no local organization profile named {:?} (the demo database has: {})",
        crate::domain::secret_like::redact_secrets(&name),
        known.join(", ")
    )
    .into())
}
