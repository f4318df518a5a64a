//! A TCP proxy in front of a local server that notes the request line of every HTTP request
//! going through, and can hold the changes (`DELETE`, `POST`, `PUT`, `PATCH`) at its door until
//! the test lets each one in: to count what the console reads, and to stop waiting for a change
//! that has not reached the server yet.

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

use mistral_admin::server::LocalServer;

/// The request lines (`GET /v1/users?page=1 ...`) that reached the proxy, in order.
pub type Seen = Arc<Mutex<Vec<String>>>;

pub struct Proxy {
    /// The server's admin base URL, through the proxy.
    pub base_url: String,
    pub seen: Seen,
    /// With [`Proxy::holding_changes`]: one permit lets one held change through.
    doors: Option<Arc<Semaphore>>,
}

impl Proxy {
    /// Passes everything through at once.
    pub async fn counting(server: &LocalServer) -> Self {
        Self::start(server, None).await
    }

    /// Holds every change until [`Proxy::let_one_in`]; reads pass at once.
    pub async fn holding_changes(server: &LocalServer) -> Self {
        Self::start(server, Some(Arc::new(Semaphore::new(0)))).await
    }

    /// Lets the next held change (or the next one to come) through to the server.
    pub fn let_one_in(&self) {
        self.doors
            .as_ref()
            .expect("a proxy that holds")
            .add_permits(1);
    }

    /// The request lines seen so far that start with `method`.
    pub fn seen_with(&self, method: &str) -> Vec<String> {
        let seen = self.seen.lock().unwrap();
        seen.iter()
            .filter(|line| line.starts_with(method))
            .cloned()
            .collect()
    }

    async fn start(server: &LocalServer, doors: Option<Arc<Semaphore>>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a port");
        let origin = format!("http://{}", listener.local_addr().expect("address"));
        let base_url = server.admin_base_url().replace(&server.origin(), &origin);
        let target = server.addr();
        let seen: Seen = Arc::default();
        let noted = Arc::clone(&seen);
        let held = doors.clone();
        tokio::spawn(async move {
            while let Ok((inbound, _)) = listener.accept().await {
                let outbound = TcpStream::connect(target).await.expect("the server");
                tokio::spawn(relay(inbound, outbound, Arc::clone(&noted), held.clone()));
            }
        });
        Self {
            base_url,
            seen,
            doors,
        }
    }
}

const CHANGES: [&str; 4] = ["DELETE ", "POST ", "PUT ", "PATCH "];

async fn relay(inbound: TcpStream, outbound: TcpStream, seen: Seen, doors: Option<Arc<Semaphore>>) {
    let (mut from_client, mut to_client) = inbound.into_split();
    let (mut from_server, mut to_server) = outbound.into_split();
    tokio::spawn(async move { tokio::io::copy(&mut from_server, &mut to_client).await });
    let mut buffer = vec![0u8; 16 * 1024];
    let mut partial = String::new();
    while let Ok(read) = from_client.read(&mut buffer).await {
        if read == 0 {
            break;
        }
        partial.push_str(&String::from_utf8_lossy(&buffer[..read]));
        let mut holds = false;
        while let Some(end) = partial.find("\r\n") {
            let line: String = partial.drain(..end + 2).collect();
            let line = line.trim_end();
            if line.ends_with("HTTP/1.1") {
                holds |= CHANGES.iter().any(|method| line.starts_with(method));
                seen.lock().unwrap().push(line.to_owned());
            }
        }
        if let (true, Some(doors)) = (holds, &doors) {
            doors.acquire().await.expect("the doors stay").forget();
        }
        if to_server.write_all(&buffer[..read]).await.is_err() {
            break;
        }
    }
}
