//! `mistral-admin profiles`: each profile, where its key comes from, and whether it answers.

use std::process::ExitCode;
use std::time::Duration;

use clap::Args;

use super::{CommandResult, ProfileArgs};
use crate::client::profiles::Overrides;
use crate::client::{Profile, ProfileSet, ProfileStatus, check_profile};
use crate::dirs::AppDirs;

#[derive(Debug, Args)]
pub struct ProfilesArgs {
    #[command(flatten)]
    pub profile: ProfileArgs,
    /// Seconds to wait for each server before calling it unreachable.
    #[arg(long, default_value_t = 5, value_name = "SECONDS")]
    pub timeout: u64,
    /// List the profiles without contacting any server.
    #[arg(long)]
    pub offline: bool,
}

/// The command line's say on profiles, as the client module takes it.
pub fn overrides(args: &ProfileArgs) -> Overrides {
    Overrides {
        profile: args.profile.clone(),
        base_url: args.base_url.clone(),
        read_only: args.read_only,
    }
}

pub fn run(args: ProfilesArgs) -> CommandResult {
    let dirs = AppDirs::discover()?;
    let (set, chosen) = ProfileSet::load_for(&dirs, &overrides(&args.profile))?;
    let statuses = if args.offline {
        None
    } else {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let timeout = Duration::from_secs(args.timeout.max(1));
        Some(runtime.block_on(check_all(&set.profiles, timeout)))
    };
    print!("{}", render(&set, &chosen, statuses.as_deref()));
    // Scripts can test the exit code instead of reading the table: 1 when any profile that was
    // checked does not answer, so `mistral-admin profiles && deploy` stops on a broken key.
    let all_answer = statuses
        .iter()
        .flatten()
        .all(|status| matches!(status, ProfileStatus::Ok { .. } | ProfileStatus::Embedded));
    Ok(if all_answer {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Checks every profile at once, so one slow server costs one timeout, not one each.
async fn check_all(profiles: &[Profile], timeout: Duration) -> Vec<ProfileStatus> {
    futures::future::join_all(profiles.iter().map(|p| check_profile(p, timeout))).await
}

fn render(set: &ProfileSet, chosen: &str, statuses: Option<&[ProfileStatus]>) -> String {
    let mut rows = vec![[
        String::new(),
        "NAME".to_owned(),
        "BASE URL".to_owned(),
        "KEY FROM".to_owned(),
        "MODE".to_owned(),
        "STATUS".to_owned(),
    ]];
    for (i, profile) in set.profiles.iter().enumerate() {
        let base_url = if profile.is_local && profile.base_url.is_empty() {
            "(embedded)".to_owned()
        } else {
            profile.base_url.clone()
        };
        let status = match statuses {
            Some(statuses) => statuses[i].to_string(),
            None => "not checked".to_owned(),
        };
        rows.push([
            if profile.name == chosen { "*" } else { "" }.to_owned(),
            profile.name.clone(),
            base_url,
            profile.key_source.to_string(),
            if profile.read_only {
                "read-only"
            } else {
                "read-write"
            }
            .to_owned(),
            status,
        ]);
    }
    let mut widths = [0usize; 6];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (col, (cell, width)) in row.iter().zip(widths).enumerate() {
            if col == row.len() - 1 {
                line.push_str(cell);
            } else {
                let pad = width - cell.chars().count();
                line.push_str(cell);
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    match &set.path {
        Some(path) => out.push_str(&format!("\nprofiles from {}; * = in use\n", path.display())),
        None => out.push_str("\nno config file; * = in use (see `mistral-admin config path`)\n"),
    }
    out
}
