//! The load generator: a fixed number of keep-alive HTTP/1.1 connections (hyper's client),
//! each sending one request after another for a fixed time, every latency recorded.

use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use super::serve::KEY;

/// What one run of load measured.
pub struct Load {
    pub requests_per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
}

/// `connections` connections send `GET` of `paths` to `origin` for `duration`, every answer a
/// 200 with its whole body read: each connection asks them one after another, round and round,
/// connection `i` starting `i / connections` of the way along, so the connections are never
/// at the same place of the walk.
pub async fn walk(origin: &str, paths: &[String], connections: usize, duration: Duration) -> Load {
    let addr = origin.trim_start_matches("http://").to_owned();
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|i| {
            let addr = addr.clone();
            let mut paths = paths.to_vec();
            let start = i * paths.len() / connections;
            paths.rotate_left(start);
            tokio::spawn(async move { one_connection(&addr, &paths, deadline).await })
        })
        .collect();
    let mut latencies = Vec::new();
    for worker in workers {
        latencies.extend(worker.await.expect("load connection"));
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    Load {
        requests_per_second: latencies.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
    }
}

async fn one_connection(addr: &str, paths: &[String], deadline: Instant) -> Vec<Duration> {
    let mut sender = connect(addr).await;
    let mut latencies = Vec::new();
    for path in paths.iter().cycle() {
        if Instant::now() >= deadline {
            break;
        }
        latencies.push(timed_get(&mut sender, addr, path).await);
    }
    latencies
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

/// A keep-alive HTTP/1.1 connection to `addr`.
async fn connect(addr: &str) -> Sender {
    let stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let (sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    sender
}

/// `GET path` with the bench's key, its whole body read; how long it took. Anything but a 200
/// fails the bench with the body.
async fn timed_get(sender: &mut Sender, addr: &str, path: &str) -> Duration {
    let request = hyper::Request::get(path)
        .header("host", addr)
        .header("authorization", format!("Bearer {KEY}"))
        .body(Empty::<Bytes>::new())
        .expect("request");
    let start = Instant::now();
    let response = sender.send_request(request).await.expect("response");
    let status = response.status();
    let body = response.into_body().collect().await.expect("body");
    let took = start.elapsed();
    assert_eq!(status, 200, "{path}: {:?}", body.to_bytes());
    took
}

/// One connection sends the two paths of a pair in turn, `rounds` times, round `r` taking pair
/// `r` (round and round the pairs); the latencies of the first and of the second, in order.
/// Taking turns request by request keeps both figures under the same noise.
pub async fn alternate(origin: &str, pairs: &[[String; 2]], rounds: usize) -> [Vec<Duration>; 2] {
    let addr = origin.trim_start_matches("http://");
    let mut sender = connect(addr).await;
    let mut out = [Vec::with_capacity(rounds), Vec::with_capacity(rounds)];
    for pair in pairs.iter().cycle().take(rounds) {
        for (i, path) in pair.iter().enumerate() {
            out[i].push(timed_get(&mut sender, addr, path).await);
        }
    }
    out
}
