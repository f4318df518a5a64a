//! `mistral-admin config ...`: where the app keeps its files, and checks of the config.

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;

use super::{CommandResult, GlobalArgs};
use crate::client::ProfileSet;
use crate::dirs::AppDirs;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every path the app uses (config, keymap, theme, data, local database, logs) and
    /// whether each exists.
    Path,
    /// Read config.toml and report the first problem in it, or the profiles it defines.
    Check,
}

pub fn run(_global: &GlobalArgs, cmd: ConfigCommand) -> CommandResult {
    let dirs = AppDirs::discover()?;
    match cmd {
        ConfigCommand::Path => {
            print!("{}", path_report(&dirs));
            Ok(ExitCode::SUCCESS)
        }
        ConfigCommand::Check => check(&dirs),
    }
}

/// One line per path: what it is, where it is, whether it exists.
pub fn path_report(dirs: &AppDirs) -> String {
    let entries = [
        ("config file", dirs.config_file()),
        ("keymap", dirs.keymap_file()),
        ("theme", dirs.theme_file()),
        ("config dir", dirs.config_dir.clone()),
        ("data dir", dirs.data_dir.clone()),
        ("local database", dirs.local_database()),
        ("log dir", dirs.log_dir()),
    ];
    let label_width = entries.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    let path_width = entries
        .iter()
        .map(|(_, p)| p.display().to_string().chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (label, path) in entries {
        out.push_str(&format!(
            "{label:<label_width$}  {:<path_width$}  {}\n",
            path.display().to_string(),
            existence(&path)
        ));
    }
    out
}

fn existence(path: &Path) -> &'static str {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => "exists (directory)",
        Ok(_) => "exists",
        Err(_) => "missing",
    }
}

fn check(dirs: &AppDirs) -> CommandResult {
    let set = ProfileSet::load(dirs)?;
    match &set.path {
        None => println!(
            "{} does not exist: only the built-in `local` profile is available",
            dirs.config_file().display()
        ),
        Some(path) => {
            let names: Vec<String> = set
                .profiles
                .iter()
                .filter(|p| !p.is_local)
                .map(|p| p.name.clone())
                .collect();
            println!(
                "{} is valid: {} profile(s){}{}",
                path.display(),
                names.len(),
                if names.is_empty() { "" } else { ": " },
                names.join(", ")
            );
            if let Some(default) = &set.default {
                println!("default profile: {default}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
