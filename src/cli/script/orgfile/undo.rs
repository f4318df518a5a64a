//! `mistral-admin undo`: takes back the newest change set of this organization that can be
//! taken back (from the journal), after showing it and asking. Each inverse change is first
//! checked against the organization as it is now: if someone changed the same thing since,
//! the conflict is shown and nothing is undone. What cannot be undone says why.

use clap::Args;

use super::{coloured, confirmed};
use crate::actions::journal::{Journal, undo_plan};
use crate::actions::journal_record::organization_id;
use crate::actions::org_apply::{self, Allowance};
use crate::actions::org_live::{LiveOrg, Reading};
use crate::cli::script::exit::{Exit, Failure};
use crate::cli::script::journaling;
use crate::cli::script::output::{colour_allowed, emit};
use crate::cli::script::session::Session;
use crate::domain::org::check::conflicts;

#[derive(Debug, Args)]
pub struct UndoArgs {
    /// Undo without asking.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

fn journal_failure(error: impl std::fmt::Display) -> Failure {
    Failure::new(Exit::Failure, error.to_string())
}

pub async fn run(session: &Session, args: &UndoArgs, no_color: bool) -> Result<(), Failure> {
    let colour = colour_allowed(no_color);
    let organization = organization_id(&session.client).await?;
    let journal = Journal::in_data_dir(&session.dirs);
    let entries = journal.entries_of(&organization).map_err(journal_failure)?;
    let Some(plan) = undo_plan(&entries) else {
        eprintln!(
            "Nothing to undo: the journal holds no change set of this organization that can be taken back."
        );
        return Ok(());
    };
    let mut text = String::new();
    for (entry, why) in &plan.passed_over {
        text.push_str(&format!(
            "#{} ({}) cannot be undone: {why}\n",
            entry.id, entry.summary
        ));
    }
    text.push_str(&format!("{}\n", plan.heading()));
    for change in &plan.inverse {
        text.push_str(&format!("  {}\n", coloured(change, colour)));
    }
    for (change, why) in &plan.irreversible {
        text.push_str(&format!(
            "  cannot be undone: {}: {why}\n",
            change.describe()
        ));
    }
    emit(&text)?;
    if session.read_only {
        return Err(Failure::new(
            Exit::Denied,
            "read-only (--read-only, or the profile's read_only): nothing was undone",
        ));
    }
    let mut live = LiveOrg::load(&session.client, Reading::ALL).await?;
    let found = conflicts(&plan.inverse, &live.model);
    if !found.is_empty() {
        let lines: Vec<String> = found
            .iter()
            .map(|(change, why)| format!("  conflict: {}: {why}", change.describe()))
            .collect();
        return Err(Failure::new(
            Exit::Refused,
            format!(
                "the organization changed since #{}; nothing was undone, so nobody's change is overwritten:\n{}",
                plan.entry.id,
                lines.join("\n")
            ),
        ));
    }
    if !confirmed(&format!("{}?", plan.title()), args.yes)? {
        return Err(Failure::usage("nothing was undone: not confirmed"));
    }
    let allowance = Allowance { destroy: true };
    let report =
        org_apply::apply(&session.client, &mut live, &plan.inverse, allowance, |_| {}).await;
    let summary = match plan.resumes.is_empty() {
        true => format!("Undid #{}: {}", plan.entry.id, plan.entry.summary),
        false => format!(
            "Undid the rest of #{}: {}",
            plan.entry.id, plan.entry.summary
        ),
    };
    let source = format!("undo #{}", plan.entry.id);
    journaling::after_run(session, &source, &summary, &report, Some(plan.entry.id)).await?;
    eprintln!("{summary}");
    Ok(())
}
