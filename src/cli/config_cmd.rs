//! `mistral-admin config ...`: where the app keeps its files, and checks of the config.

use std::path::Path;
use std::process::ExitCode;

use clap::Subcommand;

use super::CommandResult;
use crate::client::ProfileSet;
use crate::dirs::AppDirs;
use crate::tui;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every path the app uses (config, keymap, theme, data, local database, logs) and
    /// whether each exists.
    Path,
    /// Read config.toml, keymap.toml and theme.toml and report the first problem in each, or
    /// what config.toml defines.
    Check,
}

pub fn run(cmd: ConfigCommand) -> CommandResult {
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

/// Checks the three files the user may write (config.toml, keymap.toml, theme.toml), each on
/// its own, so one broken file does not hide a problem in another. Problems go to stderr and
/// make the exit code 1.
fn check(dirs: &AppDirs) -> CommandResult {
    let mut problems = 0;
    let mut report = |result: Result<String, String>| match result {
        Ok(lines) => print!("{lines}"),
        Err(problem) => {
            eprintln!("mistral-admin: {problem}");
            problems += 1;
        }
    };
    report(check_profiles(dirs));
    report(check_optional_file(&dirs.keymap_file(), "keymap", || {
        tui::load_keymap(dirs).map(drop)
    }));
    // The user's theme is layered over both built-in themes: it must fit either.
    report(check_optional_file(&dirs.theme_file(), "theme", || {
        tui::load_theme(dirs, false)?;
        tui::load_theme(dirs, true).map(drop)
    }));
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn check_profiles(dirs: &AppDirs) -> Result<String, String> {
    let set = ProfileSet::load(dirs).map_err(|e| e.to_string())?;
    let Some(path) = &set.path else {
        return Ok(format!(
            "{} does not exist: only the built-in `local` profile is available\n",
            dirs.config_file().display()
        ));
    };
    let names: Vec<String> = set
        .profiles
        .iter()
        .filter(|p| !p.is_local)
        .map(|p| p.name.clone())
        .collect();
    let mut out = format!(
        "{} is valid: {} profile(s){}{}\n",
        path.display(),
        names.len(),
        if names.is_empty() { "" } else { ": " },
        names.join(", ")
    );
    if let Some(default) = &set.default {
        out.push_str(&format!("default profile: {default}\n"));
    }
    Ok(out)
}

/// A file the console reads when present: whether it is there and whether `load` accepts it.
fn check_optional_file(
    path: &Path,
    what: &str,
    load: impl FnOnce() -> Result<(), tui::TuiError>,
) -> Result<String, String> {
    // The load decides, as it does for the console: a file that cannot be read (a folder
    // without permission, say) is an error, not a missing file.
    load().map_err(|e| e.to_string())?;
    if !path.exists() {
        return Ok(format!(
            "{} does not exist: the built-in {what} is used\n",
            path.display()
        ));
    }
    Ok(format!(
        "{} is valid: it changes the built-in {what}\n",
        path.display()
    ))
}
