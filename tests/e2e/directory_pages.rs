//! End-to-end: the directory pages in from a server that holds its later pages back. The
//! console shows the first page's members with how far the load has got, stays usable, and
//! refuses Add Members until everyone has arrived. The answers are the real local server's,
//! relayed by the fault-injecting server, which holds every page after the first.

use serde_json::Value;

use mistral_admin::server::Seed;

use crate::support::fault_server::{FaultServer, Reply};
use crate::support::http::key_client;
use crate::support::local_server;
use crate::support::pty::*;

/// Members on the first page: fewer than the demo organization has.
const FIRST_PAGE: usize = 10;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_page_of_members_shows_while_the_rest_is_held_back() {
    let real = local_server().seed(Seed::Demo).start().await;
    let key = real.seeded()[0].admin_key.expose().to_owned();
    let api = key_client(&real.origin(), &key);
    let first_page = api
        .get(&format!("/users?page=1&page_size={FIRST_PAGE}"))
        .await
        .ok();
    let total = first_page["total"].as_u64().expect("the listing's total") as usize;
    assert!(
        total > FIRST_PAGE,
        "the demo organization needs more than a page"
    );
    let workspaces = api.get("/workspaces?page=1&page_size=1000").await.ok();
    let archived = api
        .get("/workspaces?is_archived=true&page=1&page_size=1000")
        .await
        .ok();
    let roles = api.get("/roles").await.ok();

    let relay = FaultServer::start().await;
    relay.on(
        "GET",
        "/v1/admin/users",
        vec![Reply::dynamic(move |request| {
            match request.param("page").as_deref() {
                Some("1") | None => Reply::json(200, first_page.clone()),
                _ => Reply::Hang,
            }
        })],
    );
    relay.on(
        "GET",
        "/v1/admin/workspaces",
        vec![Reply::dynamic(move |request| {
            let body: &Value = match request.param("is_archived").as_deref() {
                Some("true") => &archived,
                _ => &workspaces,
            };
            Reply::json(200, body.clone())
        })],
    );
    relay.on("GET", "/v1/admin/roles", vec![Reply::json(200, roles)]);

    let home = Home::new();
    let url = relay.base_url();
    tokio::task::spawn_blocking(move || {
        let mut console = Console::start_with_env(
            &home,
            &["--base-url", &url],
            100,
            30,
            &[("MISTRAL_ADMIN_API_KEY", &key)],
        );
        let loaded = format!("members {FIRST_PAGE} of {total}");
        let screen = console.wait_for(&loaded);
        assert!(
            screen.contains(&format!("Members ({FIRST_PAGE} so far)"))
                || screen.contains(" so far)"),
            "the tab counts what has arrived:\n{screen}"
        );
        let rows = screen.lines().filter(|l| l.contains('@')).count();
        assert!(
            rows > 0,
            "member rows before the directory is complete:\n{screen}"
        );

        // Usable meanwhile: the table takes the focus and moves.
        console.send(TAB);
        console.send(DOWN);
        // Add Members would offer "everyone" from a part of the organization: it waits.
        console.send("a");
        let screen = console.wait_for("still loading");
        assert!(
            screen.contains(&format!("{FIRST_PAGE} of {total}")),
            "the refusal says how far:\n{screen}"
        );
        assert!(!screen.contains("Add members to"), "no dialog:\n{screen}");
        console.send("q");
        let status = console.wait_exit();
        assert!(status.success(), "{status:?}");
    })
    .await
    .expect("the console flow");
    real.shutdown().await;
}
