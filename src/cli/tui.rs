//! Opens the console on the chosen profile. With the built-in `local` profile (the default
//! with no configuration) it first starts the embedded Admin API server on a loopback port,
//! over the demo database in the data directory, and gives the console one profile per
//! organization of that database, each with an admin key issued for this run only.

use std::process::ExitCode;

use super::profiles::overrides;
use super::{CommandResult, ConsoleArgs, embedded};
use crate::client::ProfileSet;
use crate::client::profiles::LOCAL_PROFILE;
use crate::dirs::AppDirs;
use crate::tui::{self, TuiOptions};

pub fn run(console: &ConsoleArgs) -> CommandResult {
    let global = &console.profile;
    let dirs = AppDirs::discover()?;
    // `local:<org>` names exist only once the embedded server runs: resolve them as `local`
    // here and pick the organization afterwards.
    let wanted_local = embedded::wanted_local(global.profile.as_deref());
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
    tui::memory::limit_arenas();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    // Logs go to a file from the start, so the embedded server's lines never reach the screen.
    let _log_guard = tui::logging::init(&dirs.log_dir());
    runtime.block_on(async {
        let uses_local = set.get(&chosen).is_some_and(|p| p.is_local);
        let server = if uses_local {
            let (server, locals) = embedded::start(&dirs, embedded::CONSOLE_KEY_LABEL).await?;
            chosen = embedded::adopt(&mut set, locals, chosen, wanted_local)?;
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
        Ok::<_, Box<dyn std::error::Error>>(ExitCode::from(result?.exit_code()))
    })
}
