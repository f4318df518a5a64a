//! An HTTP/1.1 server on raw TCP that answers from a script: slow replies, errors, garbage,
//! dropped connections. It records every request, how many were in flight at once, and how
//! often a client hung up before it answered.
//!
//! Raw TCP rather than a framework, so that the tests see exactly what reaches the socket
//! and can notice the moment a client closes its connection.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A request as it reached the server.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Without the query.
    pub path: String,
    pub query: String,
    /// Lower-case names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The value of one query parameter.
    pub fn param(&self, name: &str) -> Option<String> {
        form_urlencoded::parse(self.query.as_bytes())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }
}

type Handler = Arc<dyn Fn(&Recorded) -> Reply + Send + Sync>;

/// What the server does with one request.
#[derive(Clone)]
pub enum Reply {
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Waits, then does the inner reply; notices a client that hangs up meanwhile.
    Delay(Duration, Box<Reply>),
    /// Never answers; notices a client that hangs up.
    Hang,
    /// Closes the connection without a word.
    Close,
    /// Decides from the request.
    Dynamic(Handler),
}

impl Reply {
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.to_string(),
        }
    }

    pub fn raw(status: u16, body: &str) -> Self {
        Self::Respond {
            status,
            headers: vec![("content-type".into(), "text/html".into())],
            body: body.to_owned(),
        }
    }

    /// FastAPI's error shape.
    pub fn detail(status: u16, detail: &str) -> Self {
        Self::json(status, serde_json::json!({ "detail": detail }))
    }

    pub fn empty(status: u16) -> Self {
        Self::Respond {
            status,
            headers: Vec::new(),
            body: String::new(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        if let Self::Respond { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }

    pub fn after(self, delay: Duration) -> Self {
        Self::Delay(delay, Box::new(self))
    }

    pub fn dynamic(handler: impl Fn(&Recorded) -> Reply + Send + Sync + 'static) -> Self {
        Self::Dynamic(Arc::new(handler))
    }
}

/// Replies for one method and path: served in order, the last one repeating.
struct Script {
    queue: VecDeque<Reply>,
    last: Reply,
}

#[derive(Default)]
struct State {
    scripts: Mutex<HashMap<(String, String), Script>>,
    log: Mutex<Vec<Recorded>>,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    hangups: AtomicUsize,
}

pub struct FaultServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: JoinHandle<()>,
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultServer {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let state = Arc::new(State::default());
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(serve_connection(stream, shared.clone()));
            }
        });
        Self { addr, state, task }
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The admin base URL, as the real service spells it.
    pub fn base_url(&self) -> String {
        format!("{}/v1/admin", self.origin())
    }

    /// Scripts `method path` (path under the origin, e.g. `/v1/admin/roles`). Requests with no
    /// script get FastAPI's `404 {"detail":"Not Found"}`.
    pub fn on(&self, method: &str, path: &str, replies: Vec<Reply>) {
        let mut queue: VecDeque<Reply> = replies.into();
        let last = queue.pop_back().expect("at least one reply");
        self.state
            .scripts
            .lock()
            .unwrap()
            .insert((method.to_owned(), path.to_owned()), Script { queue, last });
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state.log.lock().unwrap().clone()
    }

    /// How many requests reached `method path`.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.requests()
            .iter()
            .filter(|r| r.method == method && r.path == path)
            .count()
    }

    pub fn max_in_flight(&self) -> usize {
        self.state.max_in_flight.load(Ordering::SeqCst)
    }

    /// Clients that closed their connection while the server was still preparing a reply.
    pub fn hangups(&self) -> usize {
        self.state.hangups.load(Ordering::SeqCst)
    }
}

/// A port with nothing listening on it.
pub async fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    format!("http://{addr}/v1/admin")
}

async fn serve_connection(mut stream: TcpStream, state: Arc<State>) {
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    state.log.lock().unwrap().push(request.clone());
    let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    state.max_in_flight.fetch_max(now, Ordering::SeqCst);
    let reply = {
        let mut scripts = state.scripts.lock().unwrap();
        match scripts.get_mut(&(request.method.clone(), request.path.clone())) {
            Some(script) => script
                .queue
                .pop_front()
                .unwrap_or_else(|| script.last.clone()),
            None => Reply::detail(404, "Not Found"),
        }
    };
    perform(&mut stream, &request, reply, &state).await;
    state.in_flight.fetch_sub(1, Ordering::SeqCst);
}

async fn perform(stream: &mut TcpStream, request: &Recorded, reply: Reply, state: &State) {
    let mut reply = reply;
    loop {
        match reply {
            Reply::Dynamic(handler) => reply = handler(request),
            Reply::Delay(delay, inner) => {
                if wait_or_hangup(stream, Some(delay)).await {
                    state.hangups.fetch_add(1, Ordering::SeqCst);
                    return;
                }
                reply = *inner;
            }
            Reply::Hang => {
                wait_or_hangup(stream, None).await;
                state.hangups.fetch_add(1, Ordering::SeqCst);
                return;
            }
            Reply::Close => return,
            Reply::Respond {
                status,
                headers,
                body,
            } => {
                let mut head = format!(
                    "HTTP/1.1 {status} {}\r\ncontent-length: {}\r\nconnection: close\r\n",
                    reason(status),
                    body.len()
                );
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(body.as_bytes()).await;
                let _ = stream.shutdown().await;
                return;
            }
        }
    }
}

/// Waits for `delay` (or forever); true if the client closed the connection first.
async fn wait_or_hangup(stream: &mut TcpStream, delay: Option<Duration>) -> bool {
    let mut buf = [0u8; 256];
    let sleep = async {
        match delay {
            Some(d) => tokio::time::sleep(d).await,
            None => std::future::pending().await,
        }
    };
    tokio::pin!(sleep);
    loop {
        tokio::select! {
            _ = &mut sleep => return false,
            read = stream.read(&mut buf) => match read {
                Ok(0) | Err(_) => return true,
                Ok(_) => continue,
            },
        }
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Recorded> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let target = request_line.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_owned(), q.to_owned()),
        None => (target, String::new()),
    };
    Some(Recorded {
        method,
        path,
        query,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
