//! The console's changes kept in the journal, as the commands keep theirs (source
//! `console`): what the change touches is read just before it is sent (for the values it
//! replaces, see `reading`), and what the replies say was done is recorded after, member
//! changes as the members read again show them (`actions::journal_settle`). All of it runs on the
//! request's own task, never on the frame's; a journal that cannot be read or written is
//! logged and never stops the change.
//!
//! A change is not torn down when the admin stops waiting for it (ctrl-c): the request under
//! way is finished and recorded, and the next one is not sent. A dropped request may still be
//! made by the server, and the journal would then miss a change that `undo` must know about.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::actions::journal::Journal;
use crate::actions::journal_record::changes_sent;
use crate::actions::journal_settle::as_they_came_out;
use crate::actions::org_run::{Record, keep, summary_of};
use crate::actions::{Reply, Request};
use crate::client::{AdminClient, ErrorKind};
use crate::tui::call::{Call, Payload, change};
use crate::tui::state::RemoteError;

/// What the journal calls the console.
pub const SOURCE: &str = "console";

/// Makes a change call (a `Call::Change`, or a view's fetch that sends one change) and, with a
/// journal, records what it did. `stop` asks it to send nothing after the request under way.
pub async fn perform(
    client: &AdminClient,
    journal: Option<&Journal>,
    call: &Call,
    requests: &[Request],
    stop: &AtomicBool,
) -> Result<Payload, RemoteError> {
    let Some(journal) = journal else {
        return send(client, call, requests, stop).await;
    };
    let before = match super::reading::before(client, requests).await {
        Ok(live) => Some(live),
        Err(error) => {
            tracing::warn!(%error, "the journal will not hold this change: cannot read the organization first");
            None
        }
    };
    let result = send(client, call, requests, stop).await;
    if let (Some(before), Some((replies, stopped))) = (&before, sent(&result)) {
        let asked = changes_sent(requests, replies, before);
        let done = &requests[..replies.len()];
        let (changes, unread) = as_they_came_out(client, done, asked, before).await;
        if let Some(error) = unread {
            tracing::warn!(%error, "the journal holds this change as asked: cannot read the members again");
        }
        let stopped = stopped.map(|error| {
            format!(
                "Stopped after {} of {} requests: {}",
                replies.len(),
                requests.len(),
                error.message
            )
        });
        let record = Record {
            source: SOURCE.to_owned(),
            summary: summary_of(&changes),
            undoes: None,
        };
        if let Err(why) = keep(client, journal, changes, &record, stopped).await {
            tracing::warn!(%why, "the journal does not hold this change");
        }
    }
    result
}

async fn send(
    client: &AdminClient,
    call: &Call,
    requests: &[Request],
    stop: &AtomicBool,
) -> Result<Payload, RemoteError> {
    match call {
        Call::Change(_) => Ok(Payload::Changed(change(client, requests, stop).await?)),
        // A view's one change: ctrl-c while the organization was being read for the journal
        // (or the connection made) stops it before it is sent.
        _ if stop.load(Ordering::Relaxed) => Err(RemoteError::new(
            ErrorKind::Cancelled,
            "stopped with ctrl-c",
        )),
        _ => call.perform(client).await,
    }
}

/// The replies of what was made, and why the rest was not, as the answer carries them.
fn sent(result: &Result<Payload, RemoteError>) -> Option<(&[Reply], Option<&RemoteError>)> {
    match result.as_ref().ok()? {
        Payload::Changed(applied) => Some((&applied.replies, applied.stopped.as_ref())),
        Payload::View(data) => data
            .get::<Reply>()
            .map(|reply| (std::slice::from_ref(reply), None)),
        _ => None,
    }
}
