//! Reading what came back (a body, capped in size) and turning it (a status and a body, or a
//! transport failure) into a [`ClientError`].
//!
//! Server-provided text is untrusted: it is scrubbed of the credential (a misbehaving proxy
//! could echo request headers) and cut short before it becomes part of a message.

use std::time::Duration;

use reqwest::StatusCode;
use serde::de::DeserializeOwned;

use super::error::{ClientError, FieldError, MAX_RESPONSE_BYTES};
use crate::api::{Detail, ErrorBody};
use crate::domain::SecretString;

/// Longest server text kept in a message.
const MESSAGE_LIMIT: usize = 200;
/// Longest body excerpt kept in an [`ClientError::Undecodable`].
const EXCERPT_LIMIT: usize = 80;

/// What an error message needs to know about the call that failed.
pub(crate) struct CallContext<'a> {
    /// `GET /workspaces`: method and path, never the host or the query.
    pub operation: &'a str,
    /// What a 404 means here, e.g. "Workspace"; used when the server says no more than that.
    pub subject: &'a str,
    pub credential: &'a SecretString,
}

/// Maps a non-success status and its body to an error.
pub(crate) fn status_error(
    ctx: &CallContext<'_>,
    status: StatusCode,
    body: &[u8],
    retry_after: Option<Duration>,
) -> ClientError {
    let detail = serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|b| b.detail);
    let text = |fallback: &str| -> String {
        let raw = match &detail {
            Some(Detail::Message(m)) if !m.trim().is_empty() => m.clone(),
            Some(Detail::Other(v)) => v.to_string(),
            Some(Detail::Validation(items)) => items
                .iter()
                .map(|i| i.msg.clone())
                .collect::<Vec<_>>()
                .join("; "),
            _ => fallback.to_owned(),
        };
        clean(&raw, ctx.credential, MESSAGE_LIMIT)
    };
    let reason = status.canonical_reason().unwrap_or("error");
    match status.as_u16() {
        401 => ClientError::Unauthorized {
            message: text("the server rejected the admin key"),
        },
        403 => ClientError::Forbidden {
            message: text("this key may not do that"),
        },
        404 => {
            let generic = format!("{} not found", ctx.subject);
            let message = match &detail {
                // "Not Found" alone is what a framework says for any unknown route.
                Some(Detail::Message(m)) if !m.eq_ignore_ascii_case("not found") => text(&generic),
                _ => generic,
            };
            ClientError::NotFound { message }
        }
        409 => ClientError::Conflict {
            message: text("the change conflicts with the current state"),
        },
        400 | 422 => {
            let fields = match &detail {
                Some(Detail::Validation(items)) => items
                    .iter()
                    .map(|item| FieldError {
                        path: clean(&item.field_path(), ctx.credential, MESSAGE_LIMIT),
                        message: clean(&item.msg, ctx.credential, MESSAGE_LIMIT),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            ClientError::Validation {
                fields,
                message: text(reason),
            }
        }
        429 => ClientError::RateLimited {
            retry_after,
            message: text(reason),
        },
        500..=599 => ClientError::Server {
            status: status.as_u16(),
            operation: ctx.operation.to_owned(),
            message: text(reason),
        },
        other => ClientError::Unexpected {
            status: other,
            operation: ctx.operation.to_owned(),
            message: text(reason),
        },
    }
}

/// Decodes a success body, or says where and why it did not match the contract.
pub(crate) fn decode<T: DeserializeOwned>(
    ctx: &CallContext<'_>,
    body: &[u8],
) -> Result<T, ClientError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner().to_string();
        let reason = if path.is_empty() || path == "." {
            inner
        } else {
            format!("at {path}: {inner}")
        };
        ClientError::Undecodable {
            operation: ctx.operation.to_owned(),
            reason: clean(&reason, ctx.credential, MESSAGE_LIMIT),
            excerpt: excerpt(body, ctx.credential),
        }
    })
}

/// The start of a body, printable and free of the credential.
pub(crate) fn excerpt(body: &[u8], credential: &SecretString) -> String {
    let text = String::from_utf8_lossy(body);
    clean(&text, credential, EXCERPT_LIMIT)
}

/// Removes the credential, flattens control characters and truncates to `limit` characters.
pub(crate) fn clean(text: &str, credential: &SecretString, limit: usize) -> String {
    let scrubbed = if credential.expose().len() >= 4 {
        text.replace(credential.expose(), "[redacted]")
    } else {
        text.to_owned()
    };
    let flat: String = scrubbed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut chars = flat.chars();
    let kept: String = chars.by_ref().take(limit).collect();
    if chars.next().is_some() {
        format!("{kept}…")
    } else {
        kept
    }
}

/// A reply body as read: whole, or cut off at [`MAX_RESPONSE_BYTES`].
pub(crate) enum Body {
    Whole(Vec<u8>),
    TooLarge,
}

/// Reads a reply body chunk by chunk, stopping (and dropping the connection) as soon as it
/// is known to pass [`MAX_RESPONSE_BYTES`]: from its declared length, or from what arrived.
pub(crate) async fn read_capped(mut response: reqwest::Response) -> Result<Body, reqwest::Error> {
    if response
        .content_length()
        .is_some_and(|length| length > MAX_RESPONSE_BYTES as u64)
    {
        return Ok(Body::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Ok(Body::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Body::Whole(body))
}

/// Why a request failed below HTTP, in a few words and without the URL that reqwest's own
/// messages carry.
pub(crate) fn transport_reason(err: &reqwest::Error) -> String {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    let mut innermost: Option<String> = None;
    while let Some(current) = source {
        if let Some(io) = current.downcast_ref::<std::io::Error>() {
            use std::io::ErrorKind as K;
            let said = match io.kind() {
                K::ConnectionRefused => "connection refused".to_owned(),
                K::ConnectionReset => "connection reset".to_owned(),
                K::ConnectionAborted => "connection aborted".to_owned(),
                K::TimedOut => "connection timed out".to_owned(),
                K::UnexpectedEof => "connection closed early".to_owned(),
                _ => io.to_string(),
            };
            return said;
        }
        innermost = Some(current.to_string());
        source = current.source();
    }
    let reason = innermost.unwrap_or_else(|| {
        if err.is_connect() {
            "cannot connect".to_owned()
        } else {
            "the connection failed".to_owned()
        }
    });
    // reqwest and hyper messages are short; guard anyway against a URL slipping in.
    match reason.find("://") {
        Some(_) => "the connection failed".to_owned(),
        None => reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(key: &SecretString) -> CallContext<'_> {
        CallContext {
            operation: "GET /workspaces",
            subject: "Workspace",
            credential: key,
        }
    }

    /// The error a reply of `status` with `body` becomes, for a call made with `key`.
    fn reply_error(key: &SecretString, status: StatusCode, body: &[u8]) -> ClientError {
        status_error(&ctx(key), status, body, None)
    }

    #[test]
    fn statuses_map_to_kinds_with_the_servers_words() {
        let key = SecretString::new("sk-test-aaaaaaaaaaaaaaaaaaaa");
        let conflict = reply_error(
            &key,
            StatusCode::CONFLICT,
            br#"{"detail":"a workspace named Research already exists"}"#,
        );
        assert_eq!(
            conflict.to_string(),
            "Conflict: a workspace named Research already exists"
        );
        let missing = reply_error(&key, StatusCode::NOT_FOUND, br#"{"detail":"Not Found"}"#);
        assert_eq!(missing.to_string(), "Workspace not found");
        let specific = reply_error(
            &key,
            StatusCode::NOT_FOUND,
            br#"{"detail":"User not found"}"#,
        );
        assert_eq!(specific.to_string(), "User not found");
        let invalid = reply_error(
            &key,
            StatusCode::UNPROCESSABLE_ENTITY,
            br#"{"detail":[{"loc":["body","members",0,"user_uuid"],"msg":"Field required","type":"missing"}]}"#,
        );
        assert_eq!(invalid.field_errors()[0].path, "members.0.user_uuid");
        assert_eq!(
            invalid.to_string(),
            "Invalid members.0.user_uuid: Field required"
        );
        let server = reply_error(&key, StatusCode::BAD_GATEWAY, b"<html>oops</html>");
        assert_eq!(
            server.to_string(),
            "Server error 502 on GET /workspaces: Bad Gateway"
        );
    }

    #[test]
    fn server_text_is_scrubbed_and_cut() {
        let key = SecretString::new("sk-test-bbbbbbbbbbbbbbbbbbbb");
        let echoed = reply_error(
            &key,
            StatusCode::UNAUTHORIZED,
            br#"{"detail":"bad key sk-test-bbbbbbbbbbbbbbbbbbbb"}"#,
        );
        assert_eq!(echoed.to_string(), "Unauthorized: bad key [redacted]");
        let long = "x".repeat(500);
        assert_eq!(clean(&long, &key, 10), format!("{}…", "x".repeat(10)));
        assert_eq!(clean("a\nb", &key, 10), "a b");
    }

    #[test]
    fn undecodable_bodies_report_where_and_show_the_start() {
        let key = SecretString::new("sk-test-cccccccccccccccccccc");
        let c = ctx(&key);
        let err = decode::<crate::api::WorkspacesOut>(&c, b"{\"total\": \"many\"}").unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.starts_with("Unreadable reply to GET /workspaces: at total"),
            "{shown}"
        );
        assert!(shown.contains("{\\\"total\\\": \\\"many\\\"}"), "{shown}");
    }
}
