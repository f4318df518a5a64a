//! What a call to the Admin API can fail with, in words fit for a status line.
//!
//! Every message is short, names what failed, and never holds key material: texts that come
//! from a server are scrubbed of the credential and truncated before they land here, and URLs
//! appear only as a host or a path.

use std::fmt;
use std::time::Duration;

use super::config_error::ConfigError;

/// The largest reply body the client reads. A page of a thousand members, the largest page
/// the contract serves, is about a megabyte; a reply past this is a fault (or an attack) that
/// would otherwise take the console's memory with it.
pub const MAX_RESPONSE_BYTES: usize = 32 * 1024 * 1024;

/// One field a 422 response complained about: `members.0.user_uuid` and the server's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum ClientError {
    /// No connection (refused, DNS failure, TLS failure): nothing was sent. A connection that
    /// broke after it was made is [`Self::ConnectionLost`] for a read and
    /// [`Self::OutcomeUnknown`] for a change.
    #[error("Cannot reach {host}: {reason}")]
    Unreachable { host: String, reason: String },
    #[error("{operation} timed out after {}", seconds(*after))]
    Timeout { operation: String, after: Duration },
    /// A read reached the server, and the connection was closed or reset before the whole
    /// reply came (the server stopped, a proxy dropped it): not a timeout, and retried like
    /// one that could not connect.
    #[error(
        "The connection to {host} was closed before {operation} got its reply{}",
        lost_detail(reason)
    )]
    ConnectionLost {
        host: String,
        operation: String,
        reason: String,
    },
    /// A change was sent, or may have been, and no answer came back: the connection broke after
    /// it was made, or the reply took longer than allowed. The server may have acted on it, so
    /// it is neither repeated nor reported as "cannot reach".
    #[error(
        "No answer from {host} to {operation} ({reason}): the change may or may not have been \
         made; reload to check before trying again"
    )]
    OutcomeUnknown {
        host: String,
        operation: String,
        reason: String,
    },
    /// 401: the key is wrong, revoked or not an admin key.
    #[error("Unauthorized: {message}")]
    Unauthorized { message: String },
    /// 403: the key is valid but may not do this.
    #[error("Forbidden: {message}")]
    Forbidden { message: String },
    /// 404, e.g. "Workspace not found".
    #[error("{message}")]
    NotFound { message: String },
    /// 409, e.g. "Conflict: a workspace named Research already exists".
    #[error("Conflict: {message}")]
    Conflict { message: String },
    /// 422 (and 400): the request was refused because of its content.
    #[error("{}", validation_summary(message, fields))]
    Validation {
        fields: Vec<FieldError>,
        message: String,
    },
    /// 429 after the allowed retries.
    #[error("Rate limited by the server{}", retry_hint(*retry_after))]
    RateLimited {
        retry_after: Option<Duration>,
        message: String,
    },
    /// 5xx after the allowed retries (or at once for calls that are not safe to repeat).
    #[error("Server error {status} on {operation}: {message}")]
    Server {
        status: u16,
        operation: String,
        message: String,
    },
    /// Any other status the contract does not lead us to expect.
    #[error("Unexpected status {status} on {operation}: {message}")]
    Unexpected {
        status: u16,
        operation: String,
        message: String,
    },
    /// A success status whose body is not what the contract describes.
    #[error("Unreadable reply to {operation}: {reason} (body starts {excerpt:?})")]
    Undecodable {
        operation: String,
        reason: String,
        excerpt: String,
    },
    /// A reply larger than the client reads ([`MAX_RESPONSE_BYTES`]); it was not read on.
    #[error(
        "The reply to {operation} is larger than {} MiB, the most this client reads; nothing \
         of it was used",
        MAX_RESPONSE_BYTES / (1024 * 1024)
    )]
    TooLarge { operation: String },
    /// A change asked of a read-only client; nothing was sent.
    #[error("Read-only profile: {operation} was not sent")]
    ReadOnly { operation: String },
    /// The server lacks one of the local server's `/x-local` extensions (a real Mistral server).
    #[error("{feature} is not available on this server (it is a local-server extension)")]
    ExtensionUnavailable { feature: &'static str },
    #[error(transparent)]
    Config(#[from] ConfigError),
}

/// The kind of a [`ClientError`], for code that branches on it: the scripting commands' exit
/// codes and the console's messages read the same kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Unreachable,
    Timeout,
    OutcomeUnknown,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Validation,
    RateLimited,
    Server,
    Unexpected,
    Undecodable,
    ExtensionUnavailable,
    ReadOnly,
    Config,
    /// The caller stopped waiting before the answer came (the console's ctrl-c); a change may
    /// or may not have been made. No [`ClientError`] has this kind: the caller gives it.
    Cancelled,
}

impl ClientError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Unreachable { .. } => ErrorKind::Unreachable,
            Self::Timeout { .. } => ErrorKind::Timeout,
            Self::ConnectionLost { .. } => ErrorKind::Unreachable,
            Self::OutcomeUnknown { .. } => ErrorKind::OutcomeUnknown,
            Self::Unauthorized { .. } => ErrorKind::Unauthorized,
            Self::Forbidden { .. } => ErrorKind::Forbidden,
            Self::NotFound { .. } => ErrorKind::NotFound,
            Self::Conflict { .. } => ErrorKind::Conflict,
            Self::Validation { .. } => ErrorKind::Validation,
            Self::RateLimited { .. } => ErrorKind::RateLimited,
            Self::Server { .. } => ErrorKind::Server,
            Self::Unexpected { .. } => ErrorKind::Unexpected,
            Self::Undecodable { .. } | Self::TooLarge { .. } => ErrorKind::Undecodable,
            Self::ExtensionUnavailable { .. } => ErrorKind::ExtensionUnavailable,
            Self::ReadOnly { .. } => ErrorKind::ReadOnly,
            Self::Config(_) => ErrorKind::Config,
        }
    }

    /// The per-field problems of a validation error, for a form to show beside its fields;
    /// empty for every other kind.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Self::Validation { fields, .. } => fields,
            _ => &[],
        }
    }

    /// Whether trying the same thing again later could succeed without changing anything. Not
    /// so for an unknown outcome: the first attempt may have done it already.
    pub fn is_transient(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Unreachable
                | ErrorKind::Timeout
                | ErrorKind::RateLimited
                | ErrorKind::Server
        )
    }
}

/// A duration as messages say it: "300 ms", "5 s", "1.5 s".
pub(crate) fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs < 1.0 {
        format!("{} ms", duration.as_millis())
    } else if duration.subsec_millis() == 0 {
        format!("{} s", duration.as_secs())
    } else {
        format!("{secs:.1} s")
    }
}

/// What a lost connection's low-level reason adds: a reset is worth naming, "connection
/// closed ..." repeats the message.
fn lost_detail(reason: &str) -> String {
    if reason.is_empty() || reason.contains("closed") {
        String::new()
    } else {
        format!(" ({reason})")
    }
}

fn retry_hint(retry_after: Option<Duration>) -> String {
    match retry_after {
        Some(after) => format!("; try again in {}", seconds(after)),
        None => "; try again later".to_owned(),
    }
}

fn validation_summary(message: &str, fields: &[FieldError]) -> String {
    match fields {
        [] => format!("Invalid request: {message}"),
        [only] => format!("Invalid {only}"),
        [first, rest @ ..] => format!("Invalid {first} (and {} more)", rest.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_well_on_a_status_line() {
        let err = ClientError::Validation {
            fields: vec![
                FieldError {
                    path: "name".into(),
                    message: "String should have at most 255 characters".into(),
                },
                FieldError {
                    path: "icon".into(),
                    message: "too long".into(),
                },
            ],
            message: "2 invalid fields".into(),
        };
        assert_eq!(
            err.to_string(),
            "Invalid name: String should have at most 255 characters (and 1 more)"
        );
        assert_eq!(err.field_errors().len(), 2);

        let timeout = ClientError::Timeout {
            operation: "GET /users".into(),
            after: Duration::from_millis(300),
        };
        assert_eq!(timeout.to_string(), "GET /users timed out after 300 ms");

        let limited = ClientError::RateLimited {
            retry_after: Some(Duration::from_secs(2)),
            message: String::new(),
        };
        assert_eq!(
            limited.to_string(),
            "Rate limited by the server; try again in 2 s"
        );
        assert!(limited.is_transient());
        assert!(limited.field_errors().is_empty());
    }
}
