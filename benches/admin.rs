//! Figures behind the project's speed claims, printed as a table (`cargo bench --bench admin`).
//!
//! The machine this runs on is shared and noisy, so each figure is the median of several runs,
//! and comparisons are made as ratios between runs measured side by side in this one process.

use std::time::{Duration, Instant};

use mistral_admin::api::OrganizationInviteIn;
use mistral_admin::client::{AdminClient, ClientConfig, Directory};
use mistral_admin::server::{Database, LocalServer, Seed, ServerOptions};
use mistral_admin::tui::dialogs::add_members::AddMembers;
use mistral_admin::tui::state::member_filter::MemberList;
use mistral_admin::tui::state::members::MemberSort;
use mistral_admin::tui::state::people::People;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

async fn sample<F, Fut>(runs: usize, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut samples = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f().await;
        samples.push(start.elapsed());
    }
    median(samples)
}

fn row(what: &str, took: Duration, note: &str) {
    println!("{what:<58} {:>10.1} ms  {note}", took.as_secs_f64() * 1e3);
}

/// The large organization, in memory or (as `serve` and the console use it) in a file.
async fn large_server(database: Database) -> (LocalServer, AdminClient) {
    let server = LocalServer::start(ServerOptions {
        seed: Seed::Large,
        database,
        ..ServerOptions::default()
    })
    .await
    .expect("server starts");
    let key = server.seeded()[0].admin_key.clone();
    let client = AdminClient::new(ClientConfig::new(server.admin_base_url(), key)).expect("client");
    (server, client)
}

/// A client for `org` on `server`, patient enough for a request that takes long on purpose.
fn client_for(server: &LocalServer, key: mistral_admin::domain::SecretString) -> AdminClient {
    let mut config = ClientConfig::new(server.admin_base_url(), key);
    config.request_timeout = Duration::from_secs(600);
    config.retry.max_retries = 0;
    AdminClient::new(config).expect("client")
}

fn invite(emails: &[String]) -> OrganizationInviteIn {
    OrganizationInviteIn {
        email: emails.join(","),
        ..OrganizationInviteIn::default()
    }
}

/// `POST /users-invite` on organizations with many open invitations: each address is looked
/// up among the organization's open invitations, so without an index on the address a bulk
/// invitation is quadratic in its size.
async fn invitations(dir: &std::path::Path) {
    const N: usize = 10_000;
    let server = LocalServer::start(ServerOptions {
        database: Database::File(dir.join("invites.sqlite3")),
        ..ServerOptions::default()
    })
    .await
    .expect("server starts");
    let mut bulk = Vec::new();
    let mut last = None;
    for run in 0..3 {
        let org = server
            .create_organization(&format!("Invites {run}"))
            .await
            .expect("organization");
        let client = client_for(&server, org.admin_key.clone());
        let emails: Vec<String> = (0..N)
            .map(|i| format!("person{i}@run{run}.example.com"))
            .collect();
        let start = Instant::now();
        let out = client.invite_users(&invite(&emails)).await.expect("invite");
        bulk.push(start.elapsed());
        assert_eq!(out.invited_members_count, Some(N as i64));
        last = Some(client);
    }
    row(
        "invite 10,000 addresses in one POST /users-invite",
        median(bulk),
        "3 runs, file database",
    );
    let client = last.expect("one run");
    let mut n = 0;
    let one = sample(21, || {
        n += 1;
        let client = &client;
        async move {
            let email = format!("late{n}@example.com");
            client
                .invite_users(&invite(&[email]))
                .await
                .expect("invite");
        }
    })
    .await;
    row(
        "invite one more address with 10,000 invitations open",
        one,
        "21 runs",
    );
    let filtered = sample(21, || async {
        let page = client
            .list_users(1, 25, Some("person5000@run2.example.com"))
            .await
            .expect("page");
        assert_eq!(page.invites.len(), 1);
    })
    .await;
    row(
        "GET /users?email=... among 10,000 open invitations",
        filtered,
        "21 runs",
    );
    server.shutdown().await;
}

/// `export` and `plan` of the large organization: reading it whole (10,000 people, 500
/// workspaces with their settings), writing the file, and diffing the file against it.
async fn organization_file(client: &AdminClient) {
    use mistral_admin::actions::org_live::{LiveOrg, Reading};
    use mistral_admin::domain::org::Organization;
    let written = std::cell::RefCell::new(String::new());
    let export = sample(3, || {
        let written = &written;
        async move {
            let live = LiveOrg::load(client, Reading::ALL)
                .await
                .expect("organization");
            *written.borrow_mut() = toml::to_string_pretty(&live.model).expect("toml");
        }
    })
    .await;
    let text = written.into_inner();
    row(
        "export the large organization (10,000 people, 500 workspaces)",
        export,
        &format!("3 runs, {} KB of TOML", text.len() / 1024),
    );
    let plan = sample(3, || {
        let text = &text;
        async move {
            let mut wanted: Organization = toml::from_str(text).expect("the export reads back");
            let live = LiveOrg::load(client, Reading::ALL)
                .await
                .expect("organization");
            let diff = live.diff(&mut wanted, mistral_admin::domain::org::Deletions::Skipped);
            assert!(diff.changes.is_empty() && diff.problems.is_empty());
        }
    })
    .await;
    row(
        "plan the large organization against its export",
        plan,
        "3 runs, no changes",
    );
}

async fn run() {
    println!("{:<58} {:>13}", "measurement (median)", "time");
    // `cargo bench --bench admin -- invitations` runs only that part.
    if std::env::args().any(|a| a == "invitations") {
        let dir = std::env::temp_dir().join(format!("mistral-admin-bench-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        invitations(&dir).await;
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }

    // `cargo bench --bench admin -- frames` runs only the frame writes.
    if std::env::args().any(|a| a == "frames") {
        frame_writes();
        return;
    }

    // `cargo bench --bench admin -- organization-file` runs only export and plan.
    if std::env::args().any(|a| a == "organization-file") {
        let (server, client) = large_server(Database::Memory).await;
        organization_file(&client).await;
        server.shutdown().await;
        return;
    }

    let seeding = sample(3, || async {
        let (server, _) = large_server(Database::Memory).await;
        server.shutdown().await;
    })
    .await;
    row(
        "seed the large organization (10,000 users, 500 workspaces)",
        seeding,
        "3 runs, in memory",
    );

    let dir = std::env::temp_dir().join(format!("mistral-admin-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (server, client) = large_server(Database::File(dir.join("large.sqlite3"))).await;
    println!("(the listings below read a file database in WAL mode, as serve and the console do)");

    let serial = sample(5, || async {
        let mut page = 1;
        loop {
            let got = client.list_users(page, 1000, None).await.expect("page");
            if got.members.len() + got.invites.len() < 1000 {
                break;
            }
            page += 1;
        }
    })
    .await;
    row(
        "list 10,000 users, pages of 1,000 one after another",
        serial,
        "5 runs",
    );
    let concurrent = sample(5, || async {
        let all = client.list_all_users().await.expect("listing");
        assert_eq!(all.members.len(), 10_000);
    })
    .await;
    row(
        "list 10,000 users with list_all_users (4 pages in flight)",
        concurrent,
        &format!(
            "{:.2}x the serial time",
            concurrent.as_secs_f64() / serial.as_secs_f64()
        ),
    );

    let workspaces = sample(5, || async {
        let all = client.list_all_workspaces(false).await.expect("workspaces");
        assert_eq!(all.len(), 500);
    })
    .await;
    row("list all 500 active workspaces", workspaces, "5 runs");

    let users = client.list_all_users().await.expect("listing");
    let roles = client.roles().await.expect("roles");
    let building = sample(9, || {
        let (members, invites) = (users.members.clone(), users.invites.clone());
        let roles = &roles;
        async move {
            let directory = Directory::new(members, invites, roles);
            assert_eq!(directory.members().len(), 10_000);
        }
    })
    .await;
    row(
        "build the membership Directory of 10,000 users",
        building,
        "9 runs",
    );

    let directory = Directory::new(users.members.clone(), users.invites.clone(), &roles);
    let busiest = client.list_all_workspaces(false).await.expect("workspaces")[0].uuid;
    let lookup = sample(9, || async {
        let members = directory.workspace_members(busiest);
        assert!(members.len() >= 10_000);
    })
    .await;
    row(
        "members of the default workspace from the Directory",
        lookup,
        "9 runs",
    );

    // The Add Members dialog on the smallest workspace: nearly everyone is a candidate.
    let people = mistral_admin::tui::runner::convert::people(&directory);
    let all = client.list_all_workspaces(false).await.expect("workspaces");
    let smallest = all
        .iter()
        .min_by_key(|w| directory.member_count(w.uuid))
        .expect("a workspace");
    let opening = sample(9, || async {
        let dialog = AddMembers::new(smallest.uuid, &smallest.name, &people);
        assert!(dialog.candidates.len() > 9_000);
    })
    .await;
    row(
        "open Add Members (candidates among 10,000 people)",
        opening,
        "9 runs",
    );
    let mut dialog = AddMembers::new(smallest.uuid, &smallest.name, &people);
    let typing = sample(9, || {
        dialog.search.input = tui_input::Input::new("mar".into());
        dialog.refilter();
        assert!(!dialog.shown.is_empty());
        async {}
    })
    .await;
    row(
        "Add Members fuzzy search, one key press (\"mar\")",
        typing,
        "9 runs",
    );

    member_filter(&people, busiest);
    let keys = client.list_all_api_keys().await.expect("keys");
    people_tables(directory.clone(), keys);

    organization_file(&client).await;

    server.shutdown().await;
    invitations(&dir).await;
    let _ = std::fs::remove_dir_all(&dir);
    frame_writes();
}

/// A frame of a one-row move put on a 120x40 terminal (ratatui's `TestBackend`) by ratatui's
/// `Terminal::draw` (the whole screen diffed) and by the console's `Redraw` (rows compared
/// first): the same frames, in turns, so only the writing differs. Each frame is copied from
/// one of two screens made beforehand (the cursor on one row, then on the next), so drawing
/// costs the same little in both.
fn frame_writes() {
    use mistral_admin::tui::redraw::Redraw;
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Modifier, Style};
    use ratatui::{Frame, Terminal};

    const FRAMES: u32 = 200;
    let screen = |cursor: u16| {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 120, 40));
        for y in 0..40 {
            let style = if y == cursor {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            let line =
                format!("│▶ Member {y:>3}  member{y}@large.example  workspace_member  member │");
            let (end, _) = buffer.set_stringn(0, y, &line, 120, style);
            buffer.set_string(end, y, "┃ 10000 ┃", style);
        }
        buffer
    };
    let screens = [screen(5), screen(6)];
    let draw_screen = |frame: &mut Frame, cursor: u16| {
        let shown = &screens[usize::from(cursor - 5)];
        frame.buffer_mut().content.clone_from_slice(&shown.content);
    };
    let mut ratatui_runs = Vec::new();
    let mut redraw_runs = Vec::new();
    let mut plain = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut rowwise = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut redraw = Redraw::default();
    for _ in 0..9 {
        let start = Instant::now();
        for i in 0..FRAMES {
            let cursor = 5 + (i % 2) as u16;
            plain
                .draw(|frame| draw_screen(frame, cursor))
                .expect("draw");
        }
        ratatui_runs.push(start.elapsed() / FRAMES);
        let start = Instant::now();
        for i in 0..FRAMES {
            let cursor = 5 + (i % 2) as u16;
            redraw
                .draw(&mut rowwise, |frame| draw_screen(frame, cursor))
                .expect("draw");
        }
        redraw_runs.push(start.elapsed() / FRAMES);
    }
    assert_eq!(plain.backend().buffer(), rowwise.backend().buffer());
    let (whole, rows) = (median(ratatui_runs), median(redraw_runs));
    for (what, took) in [
        (
            "a one-row move's frame at 120x40, ratatui's whole-screen diff",
            whole,
        ),
        (
            "the same frame, rows compared first (the console's Redraw)",
            rows,
        ),
    ] {
        println!("{what:<64} {:>7.1} us", took.as_secs_f64() * 1e6);
    }
    println!(
        "{:<64} {:>7.2}x",
        "  rows compared first / whole-screen diff",
        rows.as_secs_f64() / whole.as_secs_f64()
    );
}

/// The Members tab's filter on the default workspace (everyone): sorting once per directory,
/// then one typed character at a time. Every address contains "example", so each character
/// keeps all 10,000 rows: the most a character can cost.
fn member_filter(people: &People, workspace: uuid::Uuid) {
    let sort = MemberSort::default();
    let sorting = {
        let mut runs = Vec::new();
        for _ in 0..9 {
            let mut list = MemberList::default();
            let start = Instant::now();
            let shown = list.rows(people, 1, workspace, "", sort);
            runs.push(start.elapsed());
            assert!(shown.len() >= 10_000);
        }
        median(runs)
    };
    row(
        "sort the default workspace's 10,000 members",
        sorting,
        "9 runs",
    );
    let mut list = MemberList::default();
    list.rows(people, 1, workspace, "", sort);
    let mut typed = Vec::new();
    let mut query = String::new();
    for c in "example".chars() {
        query.push(c);
        let start = Instant::now();
        let shown = list.rows(people, 1, workspace, &query, sort);
        typed.push(start.elapsed());
        assert!(shown.len() >= 10_000);
    }
    row(
        "member filter, one character keeping 10,000 rows",
        median(typed),
        "7 characters",
    );
}

/// The `:people` view's work per load and per key, in-process: its rows built once from the
/// directory (10,000 members), a sort, and a `/` search character (every address holds
/// "example": the first row matches, so this is the least; "#" matches none: the most).
fn people_tables(
    directory: mistral_admin::client::Directory,
    keys: Vec<mistral_admin::api::ApiKeyExtendedOut>,
) {
    use mistral_admin::tui::views::people::{Loaded, Tables};
    use std::collections::HashMap;
    use std::sync::Arc;
    let loaded = Loaded {
        directory: Arc::new(directory),
        keys: Arc::new(keys),
        owners: Arc::new(HashMap::new()),
        inviters: Arc::new(HashMap::new()),
        groups: None,
    };
    let mut builds = Vec::new();
    for _ in 0..9 {
        let start = Instant::now();
        let tables = Tables::build(&loaded, None);
        builds.push(start.elapsed());
        assert!(tables.members.len() >= 10_000);
    }
    row(
        ":people rows built once per load (10,000)",
        median(builds),
        "9 runs",
    );
    let mut tables = Tables::build(&loaded, None);
    let mut sorts = Vec::new();
    for column in 0..6 {
        let start = Instant::now();
        tables.sort(column, false);
        sorts.push(start.elapsed());
    }
    row(
        ":people sort by a column (10,000)",
        median(sorts),
        "6 columns",
    );
    let mut misses = Vec::new();
    for query in ["#", "##", "###", "####", "#####"] {
        let start = Instant::now();
        assert!(tables.find(false, query).is_none());
        misses.push(start.elapsed());
    }
    row(
        ":people search character matching nobody (10,000)",
        median(misses),
        "5 characters",
    );
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    runtime.block_on(run());
}
