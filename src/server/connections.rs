//! The accept loop: HTTP/1.1 connections with a deadline for request heads, a cap on how
//! many are open at once, and an accept loop that survives running out of descriptors.
//!
//! A client that opens a connection and then sends nothing, or a byte a second, must not hold
//! it forever: hyper's header read timeout closes any connection whose request head is not
//! complete within [`ConnectionLimits::header_timeout`] of the moment the server starts
//! waiting for it. That moment is the connection's opening or the end of the previous
//! response, so the same deadline closes idle keep-alive connections.
//!
//! Each connection holds one file descriptor. The cap keeps the server below the process's
//! limit (`ulimit -n`, minus a reserve for the database and logs): at the cap, the loop stops
//! accepting until a connection closes, and new clients wait in the kernel's backlog instead
//! of making every `accept` fail with "Too many open files". If `accept` fails anyway (the
//! limit was lowered, another part of the process opened files), the loop pauses briefly and
//! logs once in a while rather than spinning.

use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{Semaphore, oneshot, watch};
use tokio::task::JoinSet;

use super::listener::Repaired;

/// A request head (request line and headers) larger than this is answered 431.
pub const MAX_HEAD_BYTES: usize = 400 * 1024;
/// More header lines than this is answered 431.
pub const MAX_HEADERS: usize = 100;
/// The default deadline for a request head, and so for an idle keep-alive connection.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// The most connections the server keeps open, whatever the descriptor limit.
pub const MAX_CONNECTIONS_CEILING: usize = 4096;
/// Descriptors kept for the rest of the process at least (database files, logs, the
/// runtime, the console's own client connections), out of the limit.
const RESERVED_DESCRIPTORS: usize = 64;
/// How long the loop waits after an `accept` that failed for want of resources.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);
/// Repeated accept failures are logged at most this often.
const ACCEPT_LOG_EVERY: Duration = Duration::from_secs(10);

/// How the server treats slow and numerous clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Time for a complete request head, from the connection's opening or the previous
    /// response.
    pub header_timeout: Duration,
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            max_connections: default_max_connections(),
        }
    }
}

/// The connection cap for this process: an eighth of the descriptor limit (at least
/// [`RESERVED_DESCRIPTORS`]) stays free for everything else.
pub fn default_max_connections() -> usize {
    match descriptor_limit() {
        Some(limit) => {
            let reserve = (limit / 8).max(RESERVED_DESCRIPTORS);
            limit
                .saturating_sub(reserve)
                .clamp(1, MAX_CONNECTIONS_CEILING)
        }
        None => MAX_CONNECTIONS_CEILING,
    }
}

/// The soft limit on open descriptors (`ulimit -n`), if there is one.
#[cfg(unix)]
fn descriptor_limit() -> Option<usize> {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit only writes the struct it is given, which lives on this stack frame.
    let status = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) };
    if status != 0 || limit.rlim_cur == libc::RLIM_INFINITY {
        return None;
    }
    usize::try_from(limit.rlim_cur).ok()
}

#[cfg(not(unix))]
fn descriptor_limit() -> Option<usize> {
    None
}

/// Serves `app` on `listener` until `stop` fires, then lets open connections finish their
/// current request and waits for them.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    mut stop: oneshot::Receiver<()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let (closing, closing_seen) = watch::channel(false);
    let mut connections = JoinSet::new();
    let mut failures = AcceptFailures::default();
    let mut was_full = false;
    loop {
        while connections.try_join_next().is_some() {}
        let full = slots.available_permits() == 0;
        if full && !was_full {
            tracing::warn!(
                max_connections = limits.max_connections,
                "connection cap reached; new connections wait until one closes"
            );
        }
        was_full = full;
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => match slot {
                Ok(slot) => slot,
                Err(_) => break,
            },
            _ = &mut stop => break,
        };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut stop => break,
        };
        let stream = match accepted {
            Ok((stream, _peer)) => stream,
            Err(err) => {
                failures.record(&err);
                if !is_about_one_connection(&err) {
                    // Out of descriptors or memory: give the other connections a moment to
                    // close rather than retrying in a tight loop.
                    tokio::select! {
                        _ = tokio::time::sleep(ACCEPT_PAUSE) => {}
                        _ = &mut stop => break,
                    }
                }
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let closing = closing_seen.clone();
        connections.spawn(async move {
            serve_connection(stream, app, limits, closing).await;
            drop(slot);
        });
    }
    drop(listener);
    let _ = closing.send(true);
    while connections.join_next().await.is_some() {}
}

async fn serve_connection(
    stream: tokio::net::TcpStream,
    app: Router,
    limits: ConnectionLimits,
    mut closing: watch::Receiver<bool>,
) {
    let io = TokioIo::new(Repaired::new(stream));
    let service = TowerToHyperService::new(app);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS);
    let connection = builder.serve_connection(io, service);
    tokio::pin!(connection);
    tokio::select! {
        outcome = connection.as_mut() => {
            if let Err(err) = outcome {
                tracing::debug!(%err, "connection ended with an error");
            }
            return;
        }
        _ = closing.wait_for(|closing| *closing) => {}
    }
    connection.as_mut().graceful_shutdown();
    let _ = connection.await;
}

/// Errors that concern only the connection being accepted (it was reset before `accept`
/// returned): the next `accept` may go ahead at once.
fn is_about_one_connection(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::ConnectionRefused
            | io::ErrorKind::Interrupted
    )
}

/// Logs accept failures without flooding the log: the first, then a count every
/// [`ACCEPT_LOG_EVERY`].
#[derive(Default)]
struct AcceptFailures {
    last_logged: Option<Instant>,
    unlogged: u64,
}

impl AcceptFailures {
    fn record(&mut self, err: &io::Error) {
        let due = self
            .last_logged
            .is_none_or(|at| at.elapsed() >= ACCEPT_LOG_EVERY);
        if due {
            tracing::error!(%err, repeated = self.unlogged, "cannot accept a connection");
            self.last_logged = Some(Instant::now());
            self.unlogged = 0;
        } else {
            self.unlogged += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_stays_below_the_descriptor_limit() {
        let cap = default_max_connections();
        assert!((1..=MAX_CONNECTIONS_CEILING).contains(&cap), "{cap}");
        if let Some(limit) = descriptor_limit().filter(|l| *l > 1) {
            assert!(cap < limit, "{cap} of {limit}");
        }
    }
}
