//! The stream each connection runs on, with one repair: a `{"detail": ...}` body on the few
//! errors that hyper answers by itself.
//!
//! When a request head cannot be parsed (a URL longer than hyper's 64 KiB limit, a malformed
//! request line or header, a head that is too large), hyper replies 414, 400 or 431 before
//! the router ever sees a request, with an empty body, and then closes the connection. Every
//! other error of this server has the FastAPI shape, and clients rely on it, so each accepted
//! connection's writes are watched: a response head that hyper wrote by itself (one of those
//! statuses, no `content-type`, `content-length: 0`) is replaced by the same head with a JSON
//! body. No hook in hyper allows this, and its limit on URL length cannot be changed.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// A stream whose bodiless automatic error responses get a JSON body.
pub struct Repaired<S> {
    inner: S,
    /// Replacement bytes not yet written to `inner`.
    pending: Vec<u8>,
    written: usize,
}

impl<S> Repaired<S> {
    pub fn new(inner: S) -> Self {
        Self {
            inner,
            pending: Vec::new(),
            written: 0,
        }
    }
}

/// hyper's automatic responses: the status line it writes, and what to tell the caller.
const AUTOMATIC: [(&[u8], &str); 3] = [
    (
        b"HTTP/1.1 414 ",
        "URI Too Long: the path and query may be at most 65534 bytes",
    ),
    (
        b"HTTP/1.1 400 ",
        "Bad Request: the request line or a header could not be parsed",
    ),
    (
        b"HTTP/1.1 431 ",
        "Request Header Fields Too Large: the request head is too large",
    ),
];

/// The complete response that replaces `head` when `head` is one of hyper's automatic,
/// bodiless error responses; `None` for anything else (every response the router makes has
/// a `content-type`).
pub fn repair(head: &[u8]) -> Option<Vec<u8>> {
    let (_, detail) = AUTOMATIC.iter().find(|(line, _)| head.starts_with(line))?;
    let text = std::str::from_utf8(head).ok()?;
    let headers = text.strip_suffix("\r\n\r\n")?;
    let mut lines = headers.split("\r\n");
    let status_line = lines.next()?;
    let mut kept = Vec::new();
    let mut empty_body = false;
    for line in lines {
        let name = line.split(':').next().unwrap_or("").trim();
        if name.eq_ignore_ascii_case("content-type") {
            return None;
        }
        if name.eq_ignore_ascii_case("content-length") {
            empty_body = line.split(':').nth(1).map(str::trim) == Some("0");
            continue;
        }
        if !name.eq_ignore_ascii_case("connection") {
            kept.push(line);
        }
    }
    if !empty_body {
        return None;
    }
    let body = serde_json::json!({ "detail": detail }).to_string();
    let mut out = format!(
        "{status_line}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for line in kept {
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("\r\n");
    out.push_str(&body);
    Some(out.into_bytes())
}

impl<S: AsyncWrite + Unpin> Repaired<S> {
    /// Writes what is left of a replacement; ready once all of it is out.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.written < self.pending.len() {
            let n =
                ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        self.pending.clear();
        self.written = 0;
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Repaired<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

/// Not vectored (the default), so hyper flattens each response head into one buffer and a
/// head it wrote by itself arrives here whole.
impl<S: AsyncWrite + Unpin> AsyncWrite for Repaired<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        ready!(self.poll_pending(cx))?;
        if let Some(replacement) = repair(buf) {
            self.pending = replacement;
            // The caller's bytes count as written; the replacement goes out here or on the
            // next write, flush or shutdown.
            if let Poll::Ready(Err(err)) = self.poll_pending(cx) {
                return Poll::Ready(Err(err));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_pending(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_heads_get_a_json_body_and_others_are_left_alone() {
        let head = b"HTTP/1.1 414 URI Too Long\r\ncontent-length: 0\r\ndate: Mon, 01 Jan 2029 00:00:00 GMT\r\n\r\n";
        let fixed = String::from_utf8(repair(head).expect("repaired")).unwrap();
        let (head, body) = fixed.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 414 URI Too Long\r\n"), "{head}");
        assert!(head.contains("content-type: application/json"), "{head}");
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{head}"
        );
        assert!(head.contains("date: Mon"), "{head}");
        let body: serde_json::Value = serde_json::from_str(body).unwrap();
        assert!(body["detail"].as_str().unwrap().contains("65534"));

        for untouched in [
            &b"HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n"[..],
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 12\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
            b"{\"detail\":\"HTTP/1.1 414 \"}",
        ] {
            assert_eq!(repair(untouched), None, "{}", String::from_utf8_lossy(untouched));
        }
    }
}
