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

/// `connections` connections send `GET path` to `origin` for `duration`; every answer must be
/// a 200 with its whole body read.
pub async fn run(origin: &str, path: &str, connections: usize, duration: Duration) -> Load {
    let addr = origin.trim_start_matches("http://").to_owned();
    let deadline = Instant::now() + duration;
    let started = Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|_| {
            let (addr, path) = (addr.clone(), path.to_owned());
            tokio::spawn(async move { one_connection(&addr, &path, deadline).await })
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

async fn one_connection(addr: &str, path: &str, deadline: Instant) -> Vec<Duration> {
    let stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut latencies = Vec::new();
    while Instant::now() < deadline {
        let request = hyper::Request::get(path)
            .header("host", addr)
            .header("authorization", format!("Bearer {KEY}"))
            .body(Empty::<Bytes>::new())
            .expect("request");
        let start = Instant::now();
        let response = sender.send_request(request).await.expect("response");
        let status = response.status();
        let body = response.into_body().collect().await.expect("body");
        latencies.push(start.elapsed());
        assert_eq!(status, 200, "{path}: {:?}", body.to_bytes());
    }
    latencies
}

/// One connection sends `first` and `second` in turn, `rounds` times each; the latencies of
/// each, in order. Taking turns request by request keeps both figures under the same noise.
pub async fn alternate(
    origin: &str,
    first: &str,
    second: &str,
    rounds: usize,
) -> [Vec<Duration>; 2] {
    let addr = origin.trim_start_matches("http://");
    let stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .expect("handshake");
    tokio::spawn(connection);
    let mut out = [Vec::with_capacity(rounds), Vec::with_capacity(rounds)];
    for _ in 0..rounds {
        for (i, path) in [first, second].into_iter().enumerate() {
            let request = hyper::Request::get(path)
                .header("host", addr)
                .header("authorization", format!("Bearer {KEY}"))
                .body(Empty::<Bytes>::new())
                .expect("request");
            let start = Instant::now();
            let response = sender.send_request(request).await.expect("response");
            let status = response.status();
            response.into_body().collect().await.expect("body");
            out[i].push(start.elapsed());
            assert_eq!(status, 200, "{path}");
        }
    }
    out
}
