//! `mistral-admin apply FILE`: shows the plan, asks (or takes `--yes`), then makes the
//! organization match the file in a safe order, reporting each change. Destructive changes
//! run only when the file says so and `--allow-destroy` is given; otherwise they are listed
//! as skipped. A refusal stops the run and says what was applied and what was not; running
//! apply again plans from the organization as it is then, and finishes the job.

use std::path::PathBuf;

use clap::Args;

use super::{coloured, confirmed, read, refuse_problems, render};
use crate::actions::org_apply::{self, Allowance, Progress};
use crate::actions::org_live::{LiveOrg, Reading};
use crate::cli::script::exit::{Exit, Failure};
use crate::cli::script::journaling;
use crate::cli::script::output::{colour_allowed, emit};
use crate::cli::script::session::Session;

#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The organization file (TOML, or YAML when it ends in .yaml or .yml).
    pub file: PathBuf,
    /// Apply without asking.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Also archive, remove people and delete groups where the file says so.
    #[arg(long)]
    pub allow_destroy: bool,
}

pub async fn run(session: &Session, args: &ApplyArgs, no_color: bool) -> Result<(), Failure> {
    let colour = colour_allowed(no_color);
    let mut wanted = read(&args.file)?;
    let mut live = LiveOrg::load(&session.client, Reading::ALL).await?;
    let allowance = Allowance {
        destroy: args.allow_destroy,
    };
    // Planned as it will run: a group whose deletion is skipped keeps giving.
    let diff = live.diff(&mut wanted, allowance.deletions());
    emit(&render(&diff, colour))?;
    refuse_problems(&diff, || {
        format!(
            "nothing was applied: {} asks for what cannot be done",
            args.file.display()
        )
    })?;
    if diff.changes.is_empty() {
        return Ok(());
    }
    if session.read_only {
        return Err(Failure::new(
            Exit::Denied,
            "read-only (--read-only, or the profile's read_only): nothing was applied",
        ));
    }
    let runnable = diff
        .changes
        .iter()
        .filter(|c| org_apply::skip_reason(c, allowance).is_none())
        .count();
    if runnable > 0 && !confirmed(&format!("Apply {runnable} change(s)?"), args.yes)? {
        return Err(Failure::usage("nothing was applied: not confirmed"));
    }
    let report = org_apply::apply(
        &session.client,
        &mut live,
        &diff.changes,
        allowance,
        |event| {
            let line = match event {
                Progress::Applied(change) => format!("applied: {}\n", coloured(change, colour)),
                Progress::Skipped(change, why) => format!("skipped: {} ({why})\n", change.line()),
            };
            let _ = emit(&line);
        },
    )
    .await;
    let summary = format!(
        "Applied {} change(s) from {}",
        report.applied.len(),
        args.file.display()
    );
    let source = format!("apply {}", args.file.display());
    journaling::after_run(session, &source, &summary, &report, None).await?;
    eprintln!("{summary}.");
    if report.skipped.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Pending,
            format!(
                "{} change(s) skipped and still pending (see \"skipped:\" above)",
                report.skipped.len()
            ),
        ))
    }
}
