//! Keeping what the commands change in the journal (`actions::journal`): each change
//! command reads the organization just before sending, so the journal knows the values it
//! replaced, and the members a member change named just after (their groups may keep what
//! was taken); `apply` and `undo` record the plan engine's changes directly, and end as their
//! run ended. A journal that
//! cannot be written is said on stderr and does not undo what was done.

use time::OffsetDateTime;

use super::exit::{Exit, Failure};
use super::session::Session;
use crate::actions::journal::{Entry, Journal, NewEntry};
use crate::actions::journal_record::{changes_of, organization_id, reading_for};
use crate::actions::journal_settle::as_they_came_out;
use crate::actions::org_apply::{self, Failure as StepFailure, Report};
use crate::actions::org_live::LiveOrg;
use crate::actions::{Execution, Plan, outcome};
use crate::domain::org::Change;

/// The organization as it is before a change command sends its plan; `None` (said on
/// stderr) when it cannot be read, and then the change is not journaled.
pub async fn before(session: &Session, plan: &Plan) -> Option<LiveOrg> {
    match LiveOrg::load(&session.client, reading_for(plan)).await {
        Ok(live) => Some(live),
        Err(error) => {
            eprintln!(
                "note: the journal will not hold this change (cannot read the organization first: {error})"
            );
            None
        }
    }
}

/// Records what a change command's plan did.
pub async fn after_plan(
    session: &Session,
    plan: &Plan,
    execution: &Execution,
    before: Option<&LiveOrg>,
) {
    let Some(before) = before else { return };
    let asked = changes_of(plan, &execution.replies, before);
    let sent: Vec<_> = plan
        .requests()
        .take(execution.replies.len())
        .cloned()
        .collect();
    let (changes, unread) = as_they_came_out(&session.client, &sent, asked, before).await;
    if let Some(error) = unread {
        eprintln!(
            "note: the journal holds this change as asked, not as it came out (cannot read the members again: {error})"
        );
    }
    let stopped = outcome::failure(plan, execution);
    // The command's words (`members set-roles`), never its values.
    let words: Vec<String> = std::env::args()
        .skip(1)
        .take_while(|a| !a.starts_with('-'))
        .take(2)
        .collect();
    let source = format!("command {}", words.join(" "));
    record(session, &source, &plan.summary, changes, None, stopped).await;
}

/// Records what an `apply` or `undo` run did, then ends the command the way the run ended:
/// a step that failed exits as its server error would (or as refused, when the plan itself
/// failed), with the run's account of where it stopped.
pub async fn after_run(
    session: &Session,
    source: &str,
    summary: &str,
    report: &Report,
    undoes: Option<u64>,
) -> Result<(), Failure> {
    let next = match undoes {
        Some(entry) => org_apply::undo_left(entry),
        None => org_apply::APPLY_AGAIN.to_owned(),
    };
    let stopped = report.stopped(&next);
    record(
        session,
        source,
        summary,
        report.applied.clone(),
        undoes,
        stopped.clone(),
    )
    .await;
    match (stopped, &report.failed) {
        (Some(text), Some((_, _, failure))) => {
            let exit = match failure {
                StepFailure::Server(error) => Exit::of_client_error(error),
                StepFailure::Plan(_) => Exit::Refused,
            };
            Err(Failure::new(exit, text))
        }
        _ => Ok(()),
    }
}

/// Appends an entry for this session's organization.
pub async fn record(
    session: &Session,
    source: &str,
    summary: &str,
    changes: Vec<Change>,
    undoes: Option<u64>,
    stopped: Option<String>,
) -> Option<Entry> {
    if changes.is_empty() {
        return None;
    }
    let organization = match organization_id(&session.client).await {
        Ok(id) => id,
        Err(error) => {
            eprintln!("note: the journal does not hold this change: {error}");
            return None;
        }
    };
    let entry = NewEntry {
        organization,
        source: source.to_owned(),
        summary: summary.to_owned(),
        changes,
        undoes,
        stopped,
    };
    match Journal::in_data_dir(&session.dirs).record(entry, OffsetDateTime::now_utc()) {
        Ok(entry) => entry,
        Err(error) => {
            eprintln!("note: the journal does not hold this change: {error}");
            None
        }
    }
}
