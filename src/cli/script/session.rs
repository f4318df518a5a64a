//! Which organization a command talks to, chosen as the console chooses it: `--profile`,
//! `--base-url` with `MISTRAL_ADMIN_API_KEY`, the config file's default, else the built-in
//! `local` profile, for which the embedded server is started over the demo database in the
//! data directory (the organization the console shows) and stopped when the command ends.

use crate::cli::embedded;
use crate::cli::profiles::overrides;

use super::ScriptArgs;
use crate::client::profiles::LOCAL_PROFILE;
use crate::client::{AdminClient, ProfileSet};
use crate::dirs::AppDirs;
use crate::server::LocalServer;

use super::exit::Failure;

pub struct Session {
    pub client: AdminClient,
    pub base_url: String,
    /// From `--read-only` or the profile's `read_only`: every change is refused.
    pub read_only: bool,
    /// Where the journal of applied changes lives.
    pub dirs: AppDirs,
    server: Option<LocalServer>,
}

impl Session {
    pub async fn open(options: &ScriptArgs) -> Result<Self, Failure> {
        let dirs = AppDirs::discover().map_err(|e| Failure::from(Box::new(e) as Box<_>))?;
        let wanted_local = embedded::wanted_local(options.profile.as_deref());
        let mut args = overrides(&options.profile_args());
        if wanted_local.is_some() {
            args.profile = Some(LOCAL_PROFILE.to_owned());
        }
        let (mut set, mut chosen) = ProfileSet::load_for(&dirs, &args)
            .map_err(|e| Failure::from(crate::client::ClientError::from(e)))?;
        let mut server = None;
        if set.get(&chosen).is_some_and(|p| p.is_local) {
            let (started, locals) = embedded::start(&dirs, embedded::COMMANDS_KEY_LABEL).await?;
            server = Some(started);
            chosen = embedded::adopt(&mut set, locals, chosen, wanted_local)?;
        }
        let Some(profile) = set.get(&chosen) else {
            return Err(Failure::new(
                super::exit::Exit::Failure,
                format!("no profile named {chosen:?}"),
            ));
        };
        let client = profile.connect().await?;
        Ok(Self {
            client,
            base_url: profile.base_url.clone(),
            read_only: profile.read_only,
            dirs,
            server,
        })
    }

    /// Stops the embedded server, if this session started one.
    pub async fn close(self) {
        if let Some(server) = self.server {
            server.shutdown().await;
        }
    }
}
