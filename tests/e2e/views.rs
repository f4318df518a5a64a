//! End-to-end: the organization views (`:usage`, `:limits`, ...) in the real binary on the
//! embedded demo server, each compared with what the Admin API answers for the same thing.

use crate::support::pty::*;
use mistral_admin::client::UsageQuery;
use mistral_admin::tui::views::numbers::{grouped, money};
use mistral_admin::tui::widgets::text::truncate;

/// The screen's rows, without the vt100 quoting.
fn rows(screen: &str) -> Vec<&str> {
    screen.lines().collect()
}

#[test]
fn the_usage_chart_shows_what_get_usage_says_for_the_month() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_view(&mut console, "usage", "Per workspace ·");
    let screen = console.wait_for("Days of");
    quit_view_then_console(&mut console);

    let now = time::OffsetDateTime::now_utc();
    let (expected, total) = with_api(&home, async |client| {
        let usage = client
            .usage(&UsageQuery::month(now.year(), u8::from(now.month())))
            .await
            .expect("usage");
        let workspaces = client.list_all_workspaces(false).await.expect("workspaces");
        let mut amounts: Vec<(String, f64)> = usage
            .amount_by_workspace()
            .into_iter()
            .map(|(id, amount)| {
                let name = workspaces
                    .iter()
                    .find(|w| w.uuid == id)
                    .map(|w| w.name.clone())
                    .unwrap_or_default();
                (name, amount)
            })
            .collect();
        amounts.sort_by(|a, b| b.1.total_cmp(&a.1));
        (amounts, usage.total_amount())
    });
    assert!(
        expected.len() >= 3,
        "the demo organization spends in several workspaces"
    );
    assert!(
        screen.contains(&format!("total {}", money(total))),
        "the month's total:\n{screen}"
    );
    // Each bar: the workspace's name, then its cost, on one row of the chart (the right half).
    for (name, amount) in expected.iter().take(8) {
        let label = truncate(name, 14);
        let value = money(*amount);
        let bar = rows(&screen).into_iter().find(|row| {
            let right: String = row.chars().skip(50).collect();
            right.contains(&label) && right.contains(&value)
        });
        assert!(bar.is_some(), "no bar for {name} at {value}:\n{screen}");
    }
}

/// Esc leaves the view for the panes; then the console quits as usual.
fn quit_view_then_console(console: &mut Console) {
    console.send(ESC);
    console.wait_for("Members (");
    quit(console);
}

#[test]
fn the_limits_table_is_get_rate_limit_and_the_search_moves_the_cursor() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    let screen = open_view(&mut console, "limits", "Requests per second");
    console.send("/");
    console.send("embed");
    let found = console.wait_for_row("▶", "mistral-embed");
    console.send(ENTER);
    quit_view_then_console(&mut console);

    let limits = with_api(&home, async |client| {
        client.rate_limits().await.expect("limits")
    });
    assert!(screen.contains(&format!(
        "Requests per second: {}",
        grouped(limits.requests_per_second)
    )));
    for (model, limit) in &limits.tokens_limits_by_model {
        let row = rows(&screen)
            .into_iter()
            .find(|row| row.contains(model.as_str()))
            .unwrap_or_else(|| panic!("no row for {model}:\n{screen}"));
        assert!(row.contains(&grouped(limit.tokens_per_minute)), "{row}");
        assert!(row.contains(&grouped(limit.tokens_per_month)), "{row}");
    }
    assert!(found.contains("mistral-embed"));
}

const NEWCOMER: &str = "nadia.haddad@northwind.example";

async fn is_member(client: &mistral_admin::client::AdminClient, email: &str) -> bool {
    let users = client.list_all_users().await.expect("users");
    users
        .members
        .iter()
        .any(|m| m.email.as_deref() == Some(email))
}

/// Starts a run with `key` in the SCIM view and waits until the view shows it ended.
fn dry_run(console: &mut Console) -> String {
    open_view(console, "scim", "Identity-provider sync");
    console.send("d");
    console.wait_for("Dry run done")
}

#[test]
fn a_scim_dry_run_shows_a_diff_and_changes_nothing_then_the_real_run_applies_it() {
    let home = Home::new();
    let before = with_api(&home, async |client| {
        assert!(!is_member(client, NEWCOMER).await);
        organization_state(client).await
    });

    let mut console = start(&home, &[]);
    let diff = dry_run(&mut console);
    assert!(
        diff.contains(&format!("+ {NEWCOMER} (joins the organization)")),
        "{diff}"
    );
    assert!(diff.contains("People: 2 provisioned"), "{diff}");
    // The confirmation opens on Cancel: enter closes it and sends nothing.
    console.send("R");
    console.wait_for("Run the identity-provider sync for real?");
    console.send(ENTER);
    console.wait_gone("Run the identity-provider sync for real?");
    quit_view_then_console(&mut console);
    let after_dry_run = with_api(&home, async |client| organization_state(client).await);
    assert_eq!(
        before, after_dry_run,
        "a dry run (and Cancel) changed nothing"
    );

    let mut console = start(&home, &[]);
    dry_run(&mut console);
    console.send("R");
    console.wait_for("Run the identity-provider sync for real?");
    console.send(TAB);
    console.send(ENTER);
    let done = console.wait_for("Sync done");
    assert!(done.contains("Applied"), "{done}");
    quit_view_then_console(&mut console);
    with_api(&home, async |client| {
        assert!(
            is_member(client, NEWCOMER).await,
            "the real run provisioned"
        );
    });
}

#[test]
fn vibe_lists_as_idle_the_seat_holders_the_analytics_never_saw() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_view(&mut console, "vibe", "active people");
    // People, Agents, Workspaces, then Idle seats.
    console.send("[");
    let screen = console.wait_for("[Idle seats (");
    quit_view_then_console(&mut console);

    let idle: Vec<String> = with_api(&home, async |client| {
        let window =
            mistral_admin::client::VibeWindow::days_before(time::OffsetDateTime::now_utc(), 30);
        let active = client.vibe_work_by_user(&window).await.expect("by user");
        let users = client.list_all_users().await.expect("users");
        users
            .members
            .iter()
            .filter(|m| m.subscriptions.iter().any(|s| s.kind == "CHAT"))
            .filter(|m| !active.data.iter().any(|a| a.user_id == m.uuid.to_string()))
            .filter_map(|m| m.email.clone())
            .collect()
    });
    assert!(
        !idle.is_empty(),
        "the demo has seat holders who never use Vibe"
    );
    assert!(
        screen.contains(&format!("[Idle seats ({})]", idle.len())),
        "{screen}"
    );
    for email in &idle {
        assert!(
            screen.contains(email.as_str()),
            "{email} not listed:\n{screen}"
        );
    }
}
