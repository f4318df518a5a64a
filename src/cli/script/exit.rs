//! The scripting commands' exit codes, one per kind of outcome a script branches on, and the
//! failure a command ends with: a code and a message for stderr.

use std::process::ExitCode;

use crate::actions::ActionError;
use crate::client::{ClientError, ErrorKind};

/// Exit codes, documented in `--help` and the README.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, or nothing needed doing.
    Success = 0,
    /// 1: could not be done: no connection, a server error, a configuration problem.
    Failure = 1,
    /// 2: the command line is wrong: an unknown option, a missing confirmation.
    Usage = 2,
    /// 3: refused by a rule of the organization or the server (a 4xx other than 401/403):
    /// an unknown or ambiguous name, a value the server does not accept, a conflict.
    Refused = 3,
    /// 4: authentication or permission: a rejected key, a forbidden call, read-only mode.
    Denied = 4,
    /// 5: the outcome is unknown: a change was sent and no answer came back.
    Unknown = 5,
    /// 6: `plan` found changes to make, `apply` left some (destructive ones it skipped), or
    /// `scim preview` found that a sync would change something.
    Pending = 6,
}

/// The text `--help` shows after the commands.
pub const EXIT_CODES_HELP: &str = "\
Exit codes (scripting commands):
  0  success, or nothing needed changing
  1  failure: no connection, a server error, a configuration problem
  2  bad usage: a wrong option, or a missing or wrong --confirm
  3  refused by a rule: an unknown or ambiguous name, an invalid value, a conflict (HTTP 4xx
     other than 401/403)
  4  authentication or permission: a rejected key, a forbidden call, --read-only
  5  outcome unknown: a change was sent and no answer came back; check before retrying
  6  plan: changes pending (0: none); apply: changes left, such as skipped destructive ones;
     scim preview: a sync would change something";

impl Exit {
    pub fn code(self) -> ExitCode {
        ExitCode::from(self as u8)
    }

    pub fn of_client_error(error: &ClientError) -> Self {
        match error.kind() {
            ErrorKind::Unauthorized | ErrorKind::Forbidden | ErrorKind::ReadOnly => Self::Denied,
            ErrorKind::NotFound | ErrorKind::Conflict | ErrorKind::Validation => Self::Refused,
            ErrorKind::OutcomeUnknown | ErrorKind::Cancelled => Self::Unknown,
            ErrorKind::Unreachable
            | ErrorKind::Timeout
            | ErrorKind::RateLimited
            | ErrorKind::Server
            | ErrorKind::Unexpected
            | ErrorKind::Undecodable
            | ErrorKind::ExtensionUnavailable
            | ErrorKind::Config => Self::Failure,
        }
    }
}

/// How a command ends when it does not succeed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }
}

impl From<ClientError> for Failure {
    fn from(error: ClientError) -> Self {
        Self::new(Exit::of_client_error(&error), error.to_string())
    }
}

impl From<ActionError> for Failure {
    fn from(error: ActionError) -> Self {
        Self::new(Exit::Refused, error.to_string())
    }
}

/// Anything else that stops a command before it talks to a server: the configuration, the
/// data directory, the embedded server.
impl From<Box<dyn std::error::Error>> for Failure {
    fn from(error: Box<dyn std::error::Error>) -> Self {
        Self::new(Exit::Failure, error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_error_has_its_code() {
        let refused = ClientError::Conflict {
            message: "taken".into(),
        };
        assert_eq!(Exit::of_client_error(&refused), Exit::Refused);
        let denied = ClientError::Unauthorized {
            message: "bad key".into(),
        };
        assert_eq!(Exit::of_client_error(&denied), Exit::Denied);
        let unknown = ClientError::OutcomeUnknown {
            host: "h".into(),
            operation: "POST /workspaces".into(),
            reason: "reset".into(),
        };
        assert_eq!(Exit::of_client_error(&unknown), Exit::Unknown);
        let down = ClientError::Unreachable {
            host: "h".into(),
            reason: "refused".into(),
        };
        assert_eq!(Exit::of_client_error(&down), Exit::Failure);
        let codes = [
            Exit::Success,
            Exit::Failure,
            Exit::Usage,
            Exit::Refused,
            Exit::Denied,
            Exit::Unknown,
            Exit::Pending,
        ];
        let distinct: std::collections::HashSet<u8> = codes.iter().map(|c| *c as u8).collect();
        assert_eq!(distinct.len(), 7);
    }
}
