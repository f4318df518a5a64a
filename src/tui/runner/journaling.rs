//! The console's changes kept in the journal, as the commands keep theirs (source
//! `console`): what the change touches is read just before it is sent (for the values it
//! replaces, see `reading`), and what the replies say was done is recorded after. All of it runs on the
//! request's own task, never on the frame's; a journal that cannot be read or written is
//! logged and never stops the change.

use crate::actions::Request;
use crate::actions::journal::Journal;
use crate::actions::journal_record::changes_sent;
use crate::actions::org_run::{Record, keep, summary_of};
use crate::client::AdminClient;
use crate::tui::call::{Call, Payload};
use crate::tui::state::RemoteError;

/// What the journal calls the console.
pub const SOURCE: &str = "console";

/// Makes a change call and records what it did.
pub async fn perform(
    client: &AdminClient,
    journal: &Journal,
    call: &Call,
    requests: &[Request],
) -> Result<Payload, RemoteError> {
    let before = match super::reading::before(client, requests).await {
        Ok(live) => Some(live),
        Err(error) => {
            tracing::warn!(%error, "the journal will not hold this change: cannot read the organization first");
            None
        }
    };
    let result = call.perform(client).await;
    if let (Some(before), Ok(Payload::Changed(applied))) = (&before, &result) {
        let changes = changes_sent(requests, &applied.replies, before);
        let stopped = applied.stopped.as_ref().map(|error| {
            format!(
                "Stopped after {} of {} requests: {}",
                applied.replies.len(),
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
