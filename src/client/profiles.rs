//! Profiles: one per organization, each with a base URL and a place its key comes from.
//!
//! Where the profile list comes from, and which one is used (first match wins):
//! 1. `--profile NAME` (or `MISTRAL_ADMIN_PROFILE`), with `--base-url` replacing its URL if given;
//! 2. `--base-url URL`: the `env` profile, keyed by `MISTRAL_ADMIN_API_KEY`;
//! 3. `default = "..."` in `config.toml`;
//! 4. the built-in `local` profile: the embedded demo server.
//!
//! `MISTRAL_ADMIN_API_KEY` on its own adds the `env` profile (at Mistral's default base URL) to
//! the list but does not select it: a bare `mistral-admin` with no configuration always opens the
//! local demo, even when a key is exported for another purpose (such as `serve --admin-key`).

use std::fmt;
use std::path::PathBuf;

use super::config;
use super::config_error::ConfigError;
use super::error::ClientError;
use super::key_source;
use super::options::{AuthStyle, ClientConfig};
use super::transport::AdminClient;
use crate::api::paths::DEFAULT_BASE_URL;
use crate::dirs::AppDirs;
use crate::domain::SecretString;
use crate::domain::secret_like::redact_secrets;

/// The built-in profile of the embedded local server.
pub const LOCAL_PROFILE: &str = "local";
/// The profile made from `MISTRAL_ADMIN_API_KEY` (and `--base-url`).
pub const ENV_PROFILE: &str = "env";
/// The environment variable holding a key for use without a config file.
pub const API_KEY_ENV: &str = "MISTRAL_ADMIN_API_KEY";

/// Where a profile's key comes from. `Debug` and `Display` never show a key: the config file
/// refuses a key in place of a command or a path, and `Display` hides any word of a command or
/// path that still looks like one (`echo sk-...`), since that is what `mistral-admin profiles`
/// and error messages show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// An environment variable's name.
    Env(String),
    /// A shell command whose first line of output is the key (e.g. `pass show mistral/acme`).
    Command(String),
    /// A file only its owner can read, whose first line is the key.
    File(PathBuf),
    /// Already in hand: the embedded server issued it for this run.
    Provided(SecretString),
    /// The built-in `local` profile before the embedded server has started.
    Embedded,
}

impl fmt::Display for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Env(name) => write!(f, "env {name}"),
            Self::Command(command) => write!(f, "command `{}`", redact_secrets(command)),
            Self::File(path) => write!(f, "file {}", redact_secrets(&path.display().to_string())),
            Self::Provided(_) => f.write_str("issued for this session"),
            Self::Embedded => f.write_str("issued by the embedded server"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub name: String,
    /// Empty for the built-in `local` profile until the embedded server has started.
    pub base_url: String,
    pub key_source: KeySource,
    pub auth: AuthStyle,
    pub read_only: bool,
    /// Served by the embedded local server.
    pub is_local: bool,
}

impl Profile {
    /// The built-in `local` profile, before the embedded server runs.
    pub fn builtin_local() -> Self {
        Self {
            name: LOCAL_PROFILE.to_owned(),
            base_url: String::new(),
            key_source: KeySource::Embedded,
            auth: AuthStyle::Both,
            read_only: false,
            is_local: true,
        }
    }

    /// A profile for one organization of a running embedded server, with the key it issued.
    pub fn embedded(
        name: impl Into<String>,
        base_url: impl Into<String>,
        key: SecretString,
    ) -> Self {
        Self {
            name: name.into(),
            base_url: base_url.into(),
            key_source: KeySource::Provided(key),
            auth: AuthStyle::Both,
            read_only: false,
            is_local: true,
        }
    }

    pub async fn resolve_key(&self) -> Result<SecretString, ConfigError> {
        key_source::resolve(&self.name, &self.key_source, &|name| {
            std::env::var(name).ok()
        })
        .await
    }

    /// As [`Self::resolve_key`], reading environment variables through `env`.
    pub async fn resolve_key_with(
        &self,
        env: &(dyn Fn(&str) -> Option<String> + Sync),
    ) -> Result<SecretString, ConfigError> {
        key_source::resolve(&self.name, &self.key_source, env).await
    }

    /// The client settings for this profile with a key in hand; timeouts and retries at their
    /// defaults, for the caller to adjust.
    pub fn client_config(&self, credential: SecretString) -> ClientConfig {
        let mut config = ClientConfig::new(self.base_url.clone(), credential);
        config.auth = self.auth;
        config.read_only = self.read_only;
        config
    }

    pub async fn connect(&self) -> Result<AdminClient, ClientError> {
        let key = self.resolve_key().await?;
        AdminClient::new(self.client_config(key))
    }
}

/// The name of the embedded server's profile for its `index`-th organization: `local` for the
/// first, `local:<slug of its name>` for the others.
pub fn local_profile_name(index: usize, organization_name: &str) -> String {
    if index == 0 {
        return LOCAL_PROFILE.to_owned();
    }
    let mut slug = String::new();
    for c in organization_name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{LOCAL_PROFILE}:{}", index + 1)
    } else {
        format!("{LOCAL_PROFILE}:{slug}")
    }
}

pub(crate) fn is_local_name(name: &str) -> bool {
    name == LOCAL_PROFILE || name.starts_with("local:")
}

/// Names the config file may not use, because built-in profiles carry them.
pub(crate) fn is_reserved_name(name: &str) -> bool {
    is_local_name(name) || name == ENV_PROFILE
}

/// What the command line says about profiles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub profile: Option<String>,
    pub base_url: Option<String>,
    pub read_only: bool,
}

/// Every profile the app knows: the built-in `local` first, then the config file's.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileSet {
    pub profiles: Vec<Profile>,
    /// The config file's `default`, if any.
    pub default: Option<String>,
    /// The config file the profiles came from, if there is one.
    pub path: Option<PathBuf>,
}

impl ProfileSet {
    pub fn load(dirs: &AppDirs) -> Result<Self, ConfigError> {
        let file = dirs.config_file();
        let parsed = config::load(&file)?;
        let mut profiles = vec![Profile::builtin_local()];
        let (default, path) = match parsed {
            Some(parsed) => {
                profiles.extend(parsed.profiles);
                (parsed.default, Some(file))
            }
            None => (None, None),
        };
        Ok(Self {
            profiles,
            default,
            path,
        })
    }

    /// Loads the profiles and applies the command line and `MISTRAL_ADMIN_API_KEY`; returns
    /// the set and the name of the profile to use.
    pub fn load_for(dirs: &AppDirs, overrides: &Overrides) -> Result<(Self, String), ConfigError> {
        let mut set = Self::load(dirs)?;
        let env_key_set = std::env::var(API_KEY_ENV).is_ok_and(|v| !v.trim().is_empty());
        let chosen = set.apply_overrides(overrides, env_key_set)?;
        Ok((set, chosen))
    }

    /// Applies the precedence rules of this module's documentation; `env_key_set` says whether
    /// `MISTRAL_ADMIN_API_KEY` holds a key. Returns the chosen profile's name.
    pub fn apply_overrides(
        &mut self,
        overrides: &Overrides,
        env_key_set: bool,
    ) -> Result<String, ConfigError> {
        let base_url = overrides
            .base_url
            .as_deref()
            .map(|u| u.trim().trim_end_matches('/').to_owned());
        if env_key_set {
            self.profiles.push(Profile {
                name: ENV_PROFILE.to_owned(),
                base_url: base_url
                    .clone()
                    .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned()),
                key_source: KeySource::Env(API_KEY_ENV.to_owned()),
                auth: AuthStyle::Both,
                read_only: false,
                is_local: false,
            });
        }
        if overrides.read_only {
            for profile in &mut self.profiles {
                profile.read_only = true;
            }
        }
        if let Some(name) = &overrides.profile {
            let known = self.names();
            let profile = self
                .profiles
                .iter_mut()
                .find(|p| &p.name == name)
                .ok_or_else(|| ConfigError::UnknownProfile {
                    name: name.clone(),
                    known,
                })?;
            if let Some(url) = base_url {
                if profile.is_local {
                    return Err(ConfigError::Invalid(
                        "--base-url cannot be combined with the local profile".to_owned(),
                    ));
                }
                profile.base_url = url;
            }
            return Ok(name.clone());
        }
        if base_url.is_some() && !env_key_set {
            return Err(ConfigError::Invalid(format!(
                "--base-url needs the admin key in {API_KEY_ENV} (or choose a configured profile with --profile)"
            )));
        }
        if base_url.is_some() {
            return Ok(ENV_PROFILE.to_owned());
        }
        Ok(self
            .default
            .clone()
            .unwrap_or_else(|| LOCAL_PROFILE.to_owned()))
    }

    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    pub fn names(&self) -> Vec<String> {
        self.profiles.iter().map(|p| p.name.clone()).collect()
    }

    /// Swaps the built-in `local` profile for the embedded server's concrete profiles (one
    /// per organization), keeping them first. A read-only flag already set carries over.
    pub fn replace_local(&mut self, locals: Vec<Profile>) {
        let read_only = self
            .get(LOCAL_PROFILE)
            .is_some_and(|p| p.is_local && p.read_only);
        self.profiles.retain(|p| !p.is_local);
        let mut locals = locals;
        for profile in &mut locals {
            profile.read_only |= read_only;
        }
        locals.append(&mut self.profiles);
        self.profiles = locals;
    }
}

#[cfg(test)]
#[path = "profiles_tests.rs"]
mod tests;
