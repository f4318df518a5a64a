//! The server's figures under load, each printed against its target (`cargo bench --bench
//! server`; `-- demo`, `-- large` or `-- huge` for one size).
//!
//! Each size runs `mistral-admin serve --seed SIZE` as its own process on a file database, as
//! people run it, and loads it from this process with 8 keep-alive connections: the two list
//! endpoints beside `GET /roles` (a static catalogue behind the same key check), which shows
//! what the machine's HTTP path allows in the same minute. Each listing is measured twice: one
//! page asked again and again, as consoles ask their first pages, which the server keeps ready
//! to send; and a walk through more pages than the server keeps, so that every answer is built
//! (see `built`). The machine is shared and noisy, so every figure is the median of several
//! runs, the endpoints taking turns within each run.
//! `MISTRAL_ADMIN_BENCH_BIN=path` measures another build of the binary (an older commit, to
//! compare), `MISTRAL_ADMIN_BENCH_SECONDS` sets the length of one run (default 2).

mod built;
mod load;
mod serve;

use std::time::{Duration, Instant};

use mistral_admin::client::{AdminClient, ClientConfig, WorkspaceQuery};
use mistral_admin::domain::SecretString;

use load::Load;
use serve::Served;

/// Connections the load generator keeps open.
const CONNECTIONS: usize = 8;
/// Runs of each measurement; the figure is their median.
const RUNS: usize = 5;

const ROLES: &str = "/v1/admin/roles";
const WORKSPACES: &str = "/v1/admin/workspaces?page_size=50";
const USERS: &str = "/v1/admin/users?page_size=100";

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn seconds() -> Duration {
    std::env::var("MISTRAL_ADMIN_BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .unwrap_or(Duration::from_secs(2))
}

fn row(size: &str, what: &str, value: String, target: &str) {
    println!("{size:<6} {what:<50} {value:>16}  {target}");
}

fn verdict(met: bool, target: &str) -> String {
    format!("{} target {target}", if met { "meets" } else { "MISSES" })
}

/// Median requests per second, p50 and p99 (ms) of several runs.
struct Figures {
    rps: f64,
    p50: f64,
    p99: f64,
}

fn figures(runs: &[Load]) -> Figures {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    Figures {
        rps: median(runs.iter().map(|l| l.requests_per_second).collect()),
        p50: median(runs.iter().map(|l| ms(l.p50)).collect()),
        p99: median(runs.iter().map(|l| ms(l.p99)).collect()),
    }
}

/// One measured endpoint: the paths its connections walk, and the rate it must reach.
struct Endpoint {
    what: &'static str,
    paths: Vec<String>,
    target: Option<f64>,
}

impl Endpoint {
    fn kept(what: &'static str, path: &str, target: Option<f64>) -> Self {
        let paths = vec![path.to_owned()];
        Self {
            what,
            paths,
            target,
        }
    }
}

/// What the size's server is measured on: `GET /roles`, the two listings asked for one page
/// again and again (kept pages), and the same listings walked page after page (built pages).
async fn endpoints(server: &Served) -> Vec<Endpoint> {
    let mut endpoints = vec![
        Endpoint::kept("GET /roles (trivial)", ROLES, None),
        Endpoint::kept(
            "GET /workspaces?page_size=50, kept page",
            WORKSPACES,
            Some(4000.0),
        ),
        Endpoint::kept("GET /users?page_size=100, kept page", USERS, Some(2000.0)),
    ];
    let (users, workspaces) = totals(server).await;
    if let Some(paths) = built::workspace_pages(workspaces) {
        endpoints.push(Endpoint {
            what: "GET /workspaces, built pages (size 46-54)",
            paths,
            target: Some(4000.0),
        });
    }
    if let Some(paths) = built::user_pages(users, 100) {
        endpoints.push(Endpoint {
            what: "GET /users?page_size=100, built pages",
            paths,
            target: Some(2000.0),
        });
    }
    endpoints
}

/// How many members (with invitations) and active workspaces the organization lists.
async fn totals(server: &Served) -> (i64, i64) {
    let client = client(server);
    let users = client.list_users(1, 1, None).await.expect("first page");
    let query = WorkspaceQuery {
        page_size: Some(1),
        ..WorkspaceQuery::active()
    };
    let workspaces = client.list_workspaces(&query).await.expect("workspaces");
    (users.total.unwrap_or(0), workspaces.total)
}

async fn measure(size: &str) {
    let started = Instant::now();
    let Some(server) = Served::start(size) else {
        row(
            size,
            "serve refused this seed",
            "-".into(),
            "(older build?)",
        );
        return;
    };
    row(
        size,
        "serve ready, seeding included (s)",
        format!("{:.1}", started.elapsed().as_secs_f64()),
        "",
    );
    let origin = server.origin.clone();
    let run = seconds();
    let endpoints = endpoints(&server).await;
    for endpoint in &endpoints {
        load::walk(&origin, &endpoint.paths, CONNECTIONS, run / 4).await;
    }
    let mut by_endpoint: Vec<Vec<Load>> = endpoints.iter().map(|_| Vec::new()).collect();
    for _ in 0..RUNS {
        for (runs, endpoint) in by_endpoint.iter_mut().zip(&endpoints) {
            runs.push(load::walk(&origin, &endpoint.paths, CONNECTIONS, run).await);
        }
    }
    let measured: Vec<Figures> = by_endpoint.iter().map(|runs| figures(runs)).collect();
    let roles = measured[0].rps;
    for (endpoint, f) in endpoints.iter().zip(&measured) {
        let latency = format!("p50 {:.2} / p99 {:.2} ms", f.p50, f.p99);
        let judged = match endpoint.target {
            Some(target) => format!(
                "{latency}; {:.0}% of /roles; {}",
                100.0 * f.rps / roles,
                verdict(f.rps >= target, &format!(">= {target:.0}"))
            ),
            None => latency,
        };
        row(
            size,
            &format!("{}, {CONNECTIONS} connections", endpoint.what),
            format!("{:.0} req/s", f.rps),
            &judged,
        );
    }
    deep_pages(size, &server).await;
    let rss = server.rss_mb().unwrap_or(f64::NAN);
    row(
        size,
        "server RSS after the load (MB)",
        format!("{rss:.1}"),
        &verdict(rss < 50.0, "< 50 MB"),
    );
    page_everyone(size, &server).await;
}

fn client(server: &Served) -> AdminClient {
    let mut config = ClientConfig::new(server.admin_base_url(), SecretString::new(serve::KEY));
    config.request_timeout = Duration::from_secs(600);
    AdminClient::new(config).expect("client")
}

/// The last full page of members against the first: medians of 200 requests of each on one
/// connection, taking turns; once for a page the server keeps (the same two pages throughout)
/// and once for pages it builds (page sizes 90-110 in turn, none of them kept).
async fn deep_pages(size: &str, server: &Served) {
    let (total, _) = totals(server).await;
    let deep = (total / 100).max(1);
    let kept = vec![[format!("{USERS}&page=1"), format!("{USERS}&page={deep}")]];
    let mut walks = vec![("kept", format!("page {deep} vs page 1"), kept)];
    if let Some(pairs) = built::first_and_last_user_pages(total) {
        walks.push(("built", "last vs first page".to_owned(), pairs));
    }
    for (how, which, pairs) in walks {
        let [first, last] = load::alternate(&server.origin, &pairs, 200).await;
        let ms = |v: Vec<Duration>| median(v.iter().map(|d| d.as_secs_f64() * 1e3).collect());
        let (first, last) = (ms(first), ms(last));
        row(
            size,
            &format!("GET /users {which}, {how} (medians, in turns)"),
            format!("{:.2}x", last / first),
            &format!(
                "{last:.2} vs {first:.2} ms; {}",
                verdict(last / first <= 1.5, "<= 1.5x")
            ),
        );
    }
}

/// What the console's client takes to read every member and invitation.
async fn page_everyone(size: &str, server: &Served) {
    let client = client(server);
    let mut took = Vec::new();
    let mut count = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let all = client.list_all_users().await.expect("every user");
        took.push(start.elapsed().as_secs_f64() * 1e3);
        count = all.members.len() + all.invites.len();
    }
    row(
        size,
        &format!("client pages all {count} users (list_all_users, ms)"),
        format!("{:.0}", median(took)),
        "median of 3",
    );
}

fn main() {
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| ["demo", "large", "huge"].contains(&a.as_str()))
        .collect();
    let sizes: Vec<&str> = ["demo", "large", "huge"]
        .into_iter()
        .filter(|s| wanted.is_empty() || wanted.iter().any(|w| w == s))
        .collect();
    println!(
        "server under load: {} ({} runs of {:.1} s per figure, medians)",
        serve::binary().display(),
        RUNS,
        seconds().as_secs_f64()
    );
    // The load generator keeps to one thread, leaving the rest of the machine to the server.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    for size in sizes {
        runtime.block_on(measure(size));
    }
}
