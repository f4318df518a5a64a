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
    /// Abort these requests if they are still running.
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
}
