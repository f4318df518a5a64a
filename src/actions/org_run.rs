//! A change set run as one piece of work for an interactive caller (the console's staged
//! plan and its undo): the plan engine's changes applied one at a time in the safe order,
//! progress told after each, a stop asked for honoured between them, and what was applied
//! kept as ONE journal entry. Also the undo preview both the console and `undo` start from.

use time::OffsetDateTime;

use super::journal::{Entry, Journal, NewEntry, UndoPlan, undo_plan};
use super::journal_record::organization_id;
use super::org_apply::{self, Allowance};
use super::org_live::{LiveOrg, Reading};
use crate::client::{AdminClient, ClientError};
use crate::domain::org::Change;
use crate::domain::org::check::conflicts;

/// How a run is recorded in the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// `console`, `console undo #3`.
    pub source: String,
    pub summary: String,
    /// The entry this run takes back, for an undo.
    pub undoes: Option<u64>,
}

/// How a run ended, exactly: what was applied, where and why it stopped, what was not done.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunOutcome {
    pub applied: Vec<Change>,
    /// The change that was refused, with the server's (or the plan's) words.
    pub failed: Option<(Change, String)>,
    /// What was not attempted: after a refusal, or after the admin asked to stop.
    pub not_done: Vec<Change>,
    /// The admin asked to stop between two changes.
    pub cancelled: bool,
    /// Changes that no longer apply to the organization as it is now; when there are any,
    /// nothing was run, so nobody's change is overwritten.
    pub conflicts: Vec<(Change, String)>,
    /// The journal entry that holds what was applied.
    pub entry: Option<u64>,
    /// Why the journal does not hold it, when it could not be written.
    pub journal_error: Option<String>,
}

impl RunOutcome {
    /// Every change that was not applied: the refused one first, then the rest.
    pub fn left(&self) -> Vec<Change> {
        let mut left: Vec<Change> = self.failed.iter().map(|(c, _)| c.clone()).collect();
        left.extend(self.not_done.iter().cloned());
        left
    }
}

/// What the caller is told and asked as the run goes.
pub trait Control: Send {
    /// `done` of `total` changes are applied; the next one (if any) is about to run.
    fn progress(&mut self, done: usize, total: usize);
    /// Whether the admin asked to stop before the next change.
    fn stop_asked(&self) -> bool;
}

/// Reads the organization, checks the changes still apply when `check` asks for it, and
/// applies them one at a time; then records what was applied as one entry.
pub async fn run(
    client: &AdminClient,
    journal: Option<&Journal>,
    changes: &[Change],
    record: &Record,
    check: bool,
    control: &mut dyn Control,
) -> Result<RunOutcome, ClientError> {
    let mut live = LiveOrg::load(client, Reading::ALL).await?;
    let mut outcome = RunOutcome::default();
    if check {
        outcome.conflicts = conflicts(changes, &live.model);
        if !outcome.conflicts.is_empty() {
            outcome.not_done = changes.to_vec();
            return Ok(outcome);
        }
    }
    let ordered = org_apply::in_safe_order(changes);
    let total = ordered.len();
    control.progress(0, total);
    let mut rest = ordered.into_iter();
    while let Some(change) = rest.next() {
        if control.stop_asked() {
            outcome.cancelled = true;
            outcome.not_done.push(change);
            outcome.not_done.extend(rest.by_ref());
            break;
        }
        let allowance = Allowance { destroy: true };
        let report = org_apply::apply(
            client,
            &mut live,
            std::slice::from_ref(&change),
            allowance,
            |_| {},
        )
        .await;
        if let Some((_, label, failure)) = report.failed {
            let why = if label == change.describe() {
                failure.to_string()
            } else {
                format!("{label}: {failure}")
            };
            outcome.failed = Some((change, why));
            outcome.not_done.extend(rest.by_ref());
            break;
        }
        outcome.applied.extend(report.applied);
        control.progress(outcome.applied.len(), total);
    }
    if let Some(journal) = journal {
        let stopped = stop_text(&outcome);
        match keep(client, journal, outcome.applied.clone(), record, stopped).await {
            Ok(entry) => outcome.entry = entry.map(|e| e.id),
            Err(why) => outcome.journal_error = Some(why),
        }
    }
    Ok(outcome)
}

/// The journal's words for a run that did not finish.
fn stop_text(outcome: &RunOutcome) -> Option<String> {
    if let Some((change, why)) = &outcome.failed {
        return Some(format!(
            "Stopped at {}: {why}; {} not applied",
            change.line(),
            outcome.not_done.len() + 1
        ));
    }
    outcome.cancelled.then(|| {
        format!(
            "Stopped by the admin; {} not applied",
            outcome.not_done.len()
        )
    })
}

/// Appends one entry for the client's organization; why not, as a sentence, when it cannot.
pub async fn keep(
    client: &AdminClient,
    journal: &Journal,
    changes: Vec<Change>,
    record: &Record,
    stopped: Option<String>,
) -> Result<Option<Entry>, String> {
    if changes.is_empty() {
        return Ok(None);
    }
    let organization = organization_id(client).await.map_err(|e| e.to_string())?;
    let entry = NewEntry {
        organization,
        source: record.source.clone(),
        summary: record.summary.clone(),
        changes,
        undoes: record.undoes,
        stopped,
    };
    journal
        .record(entry, OffsetDateTime::now_utc())
        .map_err(|e| e.to_string())
}

/// What undo would do now: the plan (if the journal holds anything to take back) and the
/// conflicts with the organization as it is now.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoPreview {
    pub plan: Option<UndoPlan>,
    pub conflicts: Vec<(Change, String)>,
}

/// Reads this organization's journal and, when there is something to undo, checks its
/// inverse against the organization as it is now.
pub async fn undo_preview(client: &AdminClient, journal: &Journal) -> Result<UndoPreview, String> {
    let organization = organization_id(client).await.map_err(|e| e.to_string())?;
    let entries = journal
        .entries_of(&organization)
        .map_err(|e| e.to_string())?;
    let Some(plan) = undo_plan(&entries) else {
        return Ok(UndoPreview {
            plan: None,
            conflicts: Vec::new(),
        });
    };
    let live = LiveOrg::load(client, Reading::ALL)
        .await
        .map_err(|e| e.to_string())?;
    let conflicts = conflicts(&plan.inverse, &live.model);
    Ok(UndoPreview {
        plan: Some(plan),
        conflicts,
    })
}

/// How an undo of `plan` is recorded.
pub fn undo_record(plan: &UndoPlan, source: &str) -> Record {
    Record {
        source: format!("{source} undo #{}", plan.entry.id),
        summary: format!("Undid #{}: {}", plan.entry.id, plan.entry.summary),
        undoes: Some(plan.entry.id),
    }
}

/// A change set in a sentence: its one change, or the first and how many more.
pub fn summary_of(changes: &[Change]) -> String {
    match changes {
        [] => "nothing".to_owned(),
        [one] => one.describe(),
        [first, rest @ ..] => format!("{} and {} more", first.describe(), rest.len()),
    }
}
