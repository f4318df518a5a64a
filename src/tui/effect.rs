//! What `update` asks the outside world to do. Effects run on tokio tasks and come back as
//! messages; `update` itself never waits on anything.

use std::time::Duration;

use super::call::Call;
use super::state::RequestId;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Send a request on behalf of a profile; the answer arrives as `Msg::Reply` with `id`.
    Request {
        id: RequestId,
        profile: usize,
        call: Call,
    },
    /// Stop these requests if they are still running: a read is aborted; a change, or a run of
    /// changes, is asked to send nothing after the request under way, and still answers.
    Cancel(Vec<RequestId>),
    /// Send `Msg::FlashExpired(id)` after a while.
    ExpireFlash { id: u64, after: Duration },
    /// Put text on the clipboard of the terminal the admin sits at (OSC 52).
    Copy(Clipboard),
}

/// Text for the clipboard: a new key, so its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Clipboard(pub String);

impl std::fmt::Debug for Clipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clipboard(<redacted>)")
    }
}

/// Carries effects out. The console's runner talks to the Admin API through the client;
/// `update` knows nothing of it.
pub trait EffectRunner {
    fn run(&mut self, effect: Effect);

    /// Changes sent that have not finished yet, stopped ones included.
    fn changes_under_way(&self) -> usize {
        0
    }

    /// Of [`changes_under_way`](Self::changes_under_way), those the journal records once they
    /// end (a SCIM sync's start is a change the journal does not hold).
    fn journaled_under_way(&self) -> usize {
        0
    }

    /// What each of [`changes_under_way`](Self::changes_under_way) sends, in words.
    fn unfinished(&self) -> Vec<String> {
        Vec::new()
    }

    /// As the console closes: waits up to `within` for the changes on their way to finish
    /// (and be journaled), and gives how many were still going when the time ran out. The
    /// wait may be cut short by dropping it; [`unfinished`](Self::unfinished) then still
    /// names what had not finished.
    fn settle(&mut self, within: Duration) -> impl Future<Output = usize> {
        let _ = within;
        async { 0 }
    }
}
