//! Remote resources: always `Loading`, `Loaded` or `Failed`, and tagged with the request
//! they wait for so that a late or superseded answer is dropped instead of shown.

use std::fmt;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Unreachable,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Validation,
    RateLimited,
    Server,
    Cancelled,
    Other,
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

/// A remote value plus the request (if any) whose answer would replace it. While a refresh
/// runs, the previous value stays on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Resource<T> {
    pub value: Remote<T>,
    pub pending: Option<RequestId>,
}

impl<T> Default for Resource<T> {
    fn default() -> Self {
        Self {
            value: Remote::Loading,
            pending: None,
        }
    }
}

impl<T> Resource<T> {
    pub fn loaded(value: T) -> Self {
        Self {
            value: Remote::Loaded(value),
            pending: None,
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
        self.value = match result {
            Ok(value) => Remote::Loaded(value),
            Err(err) => Remote::Failed(err),
        };
        true
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
        assert_eq!(r.error().unwrap().message, "boom");
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
    fn field_messages_match_on_the_last_path_part() {
        let mut err = RemoteError::new(ErrorKind::Validation, "invalid");
        err.fields.push(("body.name".into(), "too long".into()));
        assert_eq!(err.field("name"), Some("too long"));
        assert_eq!(err.field("icon"), None);
    }
}
