//! `mistral-admin plan FILE`: what it would take to make the organization match the file,
//! one line per change, and an exit code a cron job can branch on: 0 no changes, 6 changes
//! pending, 3 the file asks for something that cannot be done, 2 the file cannot be read.
//! It plans as `apply` with the same `--allow-destroy` (or without it) will run.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::json;

use super::{read, refuse_problems, render};
use crate::actions::org_apply::Allowance;
use crate::actions::org_live::{LiveOrg, Reading};
use crate::cli::script::exit::{Exit, Failure};
use crate::cli::script::output::{colour_allowed, emit, pretty};
use crate::cli::script::session::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// Lines like a diff, grouped by what they change.
    Text,
    /// One JSON document: the changes, problems and notes.
    Json,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The organization file (TOML, or YAML when it ends in .yaml or .yml).
    pub file: PathBuf,
    #[arg(short = 'o', long = "output", value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Plan as `apply --allow-destroy` would run: the groups the file deletes are gone, and
    /// what they gave with them. Without it, as plain `apply` runs: they stay and keep giving.
    #[arg(long)]
    pub allow_destroy: bool,
}

pub async fn run(session: &Session, args: &PlanArgs, no_color: bool) -> Result<(), Failure> {
    let mut wanted = read(&args.file)?;
    let live = LiveOrg::load(&session.client, Reading::ALL).await?;
    let allowance = Allowance {
        destroy: args.allow_destroy,
    };
    let diff = live.diff(&mut wanted, allowance.deletions());
    match args.format {
        PlanFormat::Text => emit(&render(&diff, colour_allowed(no_color)))?,
        PlanFormat::Json => emit(&pretty(&json!({
            "changes": diff.changes,
            "lines": diff.changes.iter().map(|c| c.line()).collect::<Vec<_>>(),
            "problems": diff.problems,
            "notes": diff.notes,
        })))?,
    }
    refuse_problems(&diff, || {
        format!(
            "{} asks for what cannot be done; see the problems above",
            args.file.display()
        )
    })?;
    if diff.changes.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Pending,
            format!("{} change(s) pending", diff.changes.len()),
        ))
    }
}
