//! Remote resources: always `Loading`, `Loaded` or `Failed`, and tagged with the request
//! they wait for so that a late or superseded answer is dropped instead of shown. A refresh
//! that fails because the server could not be reached keeps what was shown, marked stale
//! with the time it was loaded.

use std::fmt;

use time::OffsetDateTime;

/// The client's error kinds, which the console shares: the console adds none of its own.
pub use crate::client::ErrorKind;

/// Identifies one request from the moment it is sent; answers carry it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// What went wrong with a request, as the UI needs it: a line for the status bar and, for
/// validation errors, the message per field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteError {
    pub kind: ErrorKind,
    pub message: String,
    /// `(field path, message)` pairs from a 422, e.g. `("name", "String should have ...")`.
    pub fields: Vec<(String, String)>,
}

impl RemoteError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
            fields: Vec::new(),
        }
    }

    pub fn cancelled() -> Self {
        Self::new(ErrorKind::Cancelled, "cancelled")
    }

    /// Whether the data shown before this failure is still the best there is: the server
    /// could not be reached, failed or asked to wait, which says nothing about the data. After
    /// any other failure (the key was refused, the thing is gone) the old data is not shown.
    pub fn keeps_what_was_shown(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Unreachable
                | ErrorKind::Timeout
                | ErrorKind::OutcomeUnknown
                | ErrorKind::RateLimited
                | ErrorKind::Server
                | ErrorKind::Unexpected
                | ErrorKind::Undecodable
        )
    }

    /// Whether the server said no (a 4xx, or the client refused to send): nothing changed.
    pub fn is_refusal(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Unauthorized
                | ErrorKind::Forbidden
                | ErrorKind::NotFound
                | ErrorKind::Conflict
                | ErrorKind::Validation
                | ErrorKind::ReadOnly
                | ErrorKind::ExtensionUnavailable
        )
    }

    /// The message for one field, matching the last part of the path (`body.name` -> `name`).
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(path, _)| path == name || path.rsplit('.').next() == Some(name))
            .map(|(_, message)| message.as_str())
    }
}

impl fmt::Display for RemoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The honest state of one piece of remote data.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote<T> {
    Loading,
    Loaded(T),
    Failed(RemoteError),
}

/// What a view's data is before its first answer.
impl<T> Default for Remote<T> {
    fn default() -> Self {
        Self::Loading
    }
}

/// A remote value plus the request (if any) whose answer would replace it. While a refresh
/// runs, the previous value stays on screen; if the refresh cannot reach the server, it stays
/// after too, with [`stale`](Self::stale) saying why.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource<T> {
    pub value: Remote<T>,
    pub pending: Option<RequestId>,
    /// When the value shown was loaded (UTC), if known.
    pub loaded_at: Option<OffsetDateTime>,
    /// Why the value shown is older than the last attempt to load it.
    pub stale: Option<RemoteError>,
}

impl<T> Default for Resource<T> {
    fn default() -> Self {
        Self {
            value: Remote::Loading,
            pending: None,
            loaded_at: None,
            stale: None,
        }
    }
}

impl<T> Resource<T> {
    pub fn loaded(value: T) -> Self {
        Self {
            value: Remote::Loaded(value),
            ..Self::default()
        }
    }

    /// Records that `id` was sent for this resource; any earlier request is superseded.
    pub fn start(&mut self, id: RequestId) {
        self.pending = Some(id);
        if matches!(self.value, Remote::Failed(_)) {
            self.value = Remote::Loading;
        }
    }

    /// Takes an answer if it is the one this resource waits for. Returns false (and changes
    /// nothing) for a stale or unexpected answer.
    pub fn accept(&mut self, id: RequestId, result: Result<T, RemoteError>) -> bool {
        if self.pending != Some(id) {
            return false;
        }
        self.pending = None;
        match result {
            Ok(value) => {
                self.value = Remote::Loaded(value);
                self.loaded_at = None;
                self.stale = None;
            }
            Err(err) if err.keeps_what_was_shown() && matches!(self.value, Remote::Loaded(_)) => {
                self.stale = Some(err);
            }
            Err(err) => {
                self.value = Remote::Failed(err);
                self.loaded_at = None;
                self.stale = None;
            }
        }
        true
    }

    /// [`accept`](Self::accept), noting when a value arrived (`now`, from the event loop's
    /// clock) so that a later stale view can say how old it is.
    pub fn accept_at(
        &mut self,
        id: RequestId,
        result: Result<T, RemoteError>,
        now: OffsetDateTime,
    ) -> bool {
        let arrived = result.is_ok();
        let taken = self.accept(id, result);
        if taken && arrived {
            self.loaded_at = Some(now);
        }
        taken
    }

    /// Stops waiting: the view was left or the user cancelled. Data already shown stays.
    pub fn abandon(&mut self) {
        if self.pending.take().is_some() && matches!(self.value, Remote::Loading) {
            self.value = Remote::Failed(RemoteError::cancelled());
        }
    }

    /// Stops waiting for one particular request, if it is the pending one.
    pub fn abandon_request(&mut self, id: RequestId) {
        if self.pending == Some(id) {
            self.abandon();
        }
    }

    pub fn get(&self) -> Option<&T> {
        match &self.value {
            Remote::Loaded(value) => Some(value),
            _ => None,
        }
    }

    pub fn get_mut(&mut self) -> Option<&mut T> {
        match &mut self.value {
            Remote::Loaded(value) => Some(value),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&RemoteError> {
        match &self.value {
            Remote::Failed(err) => Some(err),
            _ => None,
        }
    }

    pub fn is_busy(&self) -> bool {
        self.pending.is_some()
    }

    /// Neither loaded nor on its way: a request should be sent when it is needed.
    pub fn needs_request(&self) -> bool {
        self.pending.is_none() && !matches!(self.value, Remote::Loaded(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_awaited_answer_is_taken() {
        let mut r: Resource<u32> = Resource::default();
        r.start(RequestId(1));
        r.start(RequestId(2));
        assert!(!r.accept(RequestId(1), Ok(10)), "superseded answer dropped");
        assert_eq!(r.value, Remote::Loading);
        assert!(r.accept(RequestId(2), Ok(20)));
        assert_eq!(r.get(), Some(&20));
        assert!(!r.accept(RequestId(2), Ok(30)), "an answer is taken once");
    }

    #[test]
    fn a_refresh_keeps_the_old_value_until_the_answer() {
        let mut r = Resource::loaded(5);
        r.start(RequestId(3));
        assert_eq!(r.get(), Some(&5));
        assert!(r.is_busy());
        r.accept(
            RequestId(3),
            Err(RemoteError::new(ErrorKind::Server, "boom")),
        );
        assert_eq!(
            r.get(),
            Some(&5),
            "a failed refresh leaves it, marked stale"
        );
        assert_eq!(r.stale.as_ref().unwrap().message, "boom");
    }

    #[test]
    fn abandoning_drops_the_answer_and_says_so_if_nothing_was_shown() {
        let mut r: Resource<u32> = Resource::default();
        r.start(RequestId(1));
        r.abandon();
        assert!(!r.accept(RequestId(1), Ok(1)));
        assert_eq!(r.error().unwrap().kind, ErrorKind::Cancelled);
        assert!(r.needs_request());
        let mut shown = Resource::loaded(1);
        shown.start(RequestId(2));
        shown.abandon();
        assert_eq!(shown.get(), Some(&1));
    }

    #[test]
    fn an_unreachable_server_leaves_the_old_value_marked_stale() {
        let first = time::macros::datetime!(2026-06-01 09:15:00 UTC);
        let mut r: Resource<u32> = Resource::default();
        r.start(RequestId(1));
        r.accept_at(RequestId(1), Ok(7), first);
        r.start(RequestId(2));
        let down = RemoteError::new(ErrorKind::Unreachable, "Cannot reach x: connection refused");
        assert!(r.accept_at(
            RequestId(2),
            Err(down.clone()),
            first + time::Duration::minutes(5)
        ));
        assert_eq!(r.get(), Some(&7));
        assert_eq!(r.stale, Some(down));
        assert_eq!(
            r.loaded_at,
            Some(first),
            "the time the value was loaded, not the failure"
        );
        // The next good answer clears the mark.
        r.start(RequestId(3));
        r.accept_at(RequestId(3), Ok(8), first + time::Duration::minutes(6));
        assert_eq!((r.get(), r.stale.as_ref()), (Some(&8), None));
        // A refusal is not staleness: the old value goes.
        r.start(RequestId(4));
        r.accept(
            RequestId(4),
            Err(RemoteError::new(ErrorKind::Unauthorized, "revoked")),
        );
        assert_eq!(r.get(), None);
        assert_eq!(r.error().unwrap().kind, ErrorKind::Unauthorized);
        // With nothing shown before, a failure is a failure.
        let mut fresh: Resource<u32> = Resource::default();
        fresh.start(RequestId(5));
        fresh.accept(
            RequestId(5),
            Err(RemoteError::new(ErrorKind::Unreachable, "down")),
        );
        assert!(fresh.error().is_some() && fresh.stale.is_none());
    }

    #[test]
    fn field_messages_match_on_the_last_path_part() {
        let mut err = RemoteError::new(ErrorKind::Validation, "invalid");
        err.fields.push(("body.name".into(), "too long".into()));
        assert_eq!(err.field("name"), Some("too long"));
        assert_eq!(err.field("icon"), None);
    }
}
