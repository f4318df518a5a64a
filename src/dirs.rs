//! Where the app keeps its files: config (profiles, keymap, theme), data (the local database)
//! and logs.
//!
//! `MISTRAL_ADMIN_CONFIG_DIR` and `MISTRAL_ADMIN_DATA_DIR` override the platform defaults, so
//! tests and scripts can run in a scratch directory without touching the user's files.

use std::io;
use std::path::{Path, PathBuf};

pub const CONFIG_DIR_ENV: &str = "MISTRAL_ADMIN_CONFIG_DIR";
pub const DATA_DIR_ENV: &str = "MISTRAL_ADMIN_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppDirs {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
}

#[derive(Debug, thiserror::Error)]
#[error(
    "cannot find a home directory for the app's files; set {CONFIG_DIR_ENV} and {DATA_DIR_ENV}"
)]
pub struct NoHomeDir;

impl AppDirs {
    /// The platform's directories (via `directories`), with the environment overrides applied.
    pub fn discover() -> Result<Self, NoHomeDir> {
        let env_dir = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let project = directories::ProjectDirs::from("", "", "mistral-admin");
        let config_dir = env_dir(CONFIG_DIR_ENV)
            .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf()))
            .ok_or(NoHomeDir)?;
        let data_dir = env_dir(DATA_DIR_ENV)
            .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf()))
            .ok_or(NoHomeDir)?;
        Ok(Self {
            config_dir,
            data_dir,
        })
    }

    /// Both directories under one root; for tests.
    pub fn under(root: &Path) -> Self {
        Self {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
        }
    }

    /// Profiles and general settings.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }

    /// The user's key bindings, layered over the built-in keymap.
    pub fn keymap_file(&self) -> PathBuf {
        self.config_dir.join("keymap.toml")
    }

    /// The user's colours, layered over the built-in theme.
    pub fn theme_file(&self) -> PathBuf {
        self.config_dir.join("theme.toml")
    }

    /// The embedded server's demo database, seeded on first run.
    pub fn local_database(&self) -> PathBuf {
        self.data_dir.join("local.sqlite3")
    }

    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }
}

/// Creates `dir` and any missing parents readable by the user alone (0700 on Unix): the
/// database, its WAL and the logs inside hold organizations' data and key hashes. Directories
/// that already exist keep their mode, since they may be the user's own choice (`--db`).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Creates `file` empty and readable by the user alone (0600 on Unix) unless it exists. SQLite
/// gives the WAL and shared-memory files it makes beside a database the database's mode, so
/// creating the database this way keeps all three private.
pub fn create_private_file(file: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    match options.open(file) {
        Ok(_) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(err) => Err(err),
    }
}

/// Makes every file this process creates from now on private to its user (umask 077 on
/// Unix), whatever library creates it: log files rolled over at midnight, SQLite's journals.
pub fn keep_new_files_private() {
    #[cfg(unix)]
    // SAFETY: umask only changes this process's file-creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}
