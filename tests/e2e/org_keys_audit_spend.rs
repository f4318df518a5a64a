//! End-to-end: `:keys`, `:spend` and `:audit` in the real binary on the embedded demo server,
//! each change checked through the Admin API afterwards: a key made in the console opens
//! `/v1/models`, its rotation retires it, its deletion retires the replacement; the spending
//! limit is set and cleared; follow mode shows another client's change; the export holds the
//! rows the view shows.

use std::time::{Duration, Instant};

use crate::support::pty::*;
use mistral_admin::actions::spend::current_limit;
use mistral_admin::api::AdminWorkspaceIn;
use mistral_admin::client::{AuditQuery, ErrorKind};
use mistral_admin::domain::SecretString;
use mistral_admin::tui::runner::clipboard::osc52;

/// The new key the dialog shows once: the line after "New key".
fn shown_key(screen: &str) -> String {
    let mut lines = screen.lines().skip_while(|l| !l.contains("New key \""));
    lines.next().expect("the new key's heading");
    let line = lines.next().expect("the key's line");
    // The dialog's frame is double-lined; the table behind it shows on either side.
    line.split('║').nth(1).unwrap_or(line).trim().to_owned()
}

/// A key as lists show it: its first and last four characters.
fn hidden(key: &str) -> String {
    format!("{}...{}", &key[..4], &key[key.len() - 4..])
}

/// Whether `key` opens `/v1/models`; the error kind when it does not.
fn models_with(home: &Home, key: &str) -> Result<(), ErrorKind> {
    let key = SecretString::new(key.to_owned());
    with_api(home, async |client| {
        client
            .list_models_with_key(&key)
            .await
            .map(|_| ())
            .map_err(|e| e.kind())
    })
}

#[test]
fn a_key_is_created_shown_once_used_rotated_and_deleted() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_view(&mut console, "keys", "keys · showing");
    console.send("n");
    console.wait_for("New API key");
    console.send(TAB);
    console.send(TAB);
    console.send("e2e-rot");
    console.send(&ctrl('s'));
    let screen = console.wait_for("It will not be shown again");
    let first = shown_key(&screen);
    assert!(
        first.len() >= 20,
        "a whole key on its own line: {first:?}\n{screen}"
    );
    console.send("y");
    console.wait_for("Copied the new key");
    let inside_tmux = std::env::var_os("TMUX").is_some();
    let copy = osc52(&first, inside_tmux);
    let raw = console.raw_output();
    let at = find_bytes(&raw, b"]52;");
    assert!(
        find_bytes(&raw, copy.as_bytes()).is_some(),
        "y sends the key to the terminal's clipboard (OSC 52): {:?} for {first:?}",
        at.map(
            |i| String::from_utf8_lossy(&raw[i.saturating_sub(4)..(i + 80).min(raw.len())])
                .into_owned()
        )
    );
    console.send(ESC);
    let after = console.wait_gone("It will not be shown again");
    assert!(
        !after.contains(&first),
        "the key is gone from the screen:\n{after}"
    );
    assert_eq!(
        models_with(&home, &first),
        Ok(()),
        "the new key opens /v1/models"
    );

    // The newest key is the first row once the list reloads: rotate it under one
    // confirmation (Cancel first).
    console.wait_for_row("e2e-rot", &hidden(&first));
    console.send("R");
    console.wait_for("Rotate API key");
    console.send(TAB);
    console.send(ENTER);
    // The run ends (the old key deleted), then the replacement shows in its own dialog.
    let screen = console.wait_until("the replacement, shown once", |s| {
        let text = s.contents();
        text.contains("Rotated:") && text.contains("It will not be shown again")
    });
    let second = shown_key(&screen);
    assert_ne!(first, second);
    console.send(ESC);
    console.wait_gone("It will not be shown again");
    assert_eq!(
        models_with(&home, &first),
        Err(ErrorKind::Unauthorized),
        "the old key no longer works"
    );
    assert_eq!(models_with(&home, &second), Ok(()), "the replacement works");

    console.wait_for_row("e2e-rot", &hidden(&second));
    console.send("D");
    console.wait_for("Delete API keys");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Deleted 1 API key");
    assert_eq!(
        models_with(&home, &second),
        Err(ErrorKind::Unauthorized),
        "the deleted key no longer works"
    );
    let raw = String::from_utf8_lossy(&console.raw_output()).into_owned();
    let titles: Vec<&str> = raw.split("\x1b]0;").skip(1).collect();
    assert!(
        titles.iter().all(|t| !t.contains(&second)),
        "never in the title"
    );
    console.send(ESC);
    console.wait_for("Members (");
    quit(&mut console);
    let logs: Vec<String> = std::fs::read_dir(home.data_dir().join("logs"))
        .expect("the console keeps a log")
        .flatten()
        .filter_map(|f| std::fs::read_to_string(f.path()).ok())
        .collect();
    assert!(!logs.is_empty(), "a log file was written");
    let log = logs.concat();
    assert!(
        !log.contains(&first) && !log.contains(&second),
        "never in the log"
    );
}

#[test]
fn the_spending_limit_is_set_then_cleared() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_view(&mut console, "spend", "Monthly limit:");
    console.send("e");
    console.wait_for("Monthly spending limit");
    console.send(&"\x7f".repeat(12));
    console.send("777");
    console.wait_for("Set the monthly spending limit to 777 EUR");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("777 EUR a month");
    let limit = with_api(&home, async |client| {
        client.spend_limit().await.expect("limit")
    });
    assert_eq!(current_limit(&limit), Some(777));

    console.send("e");
    console.wait_for("Monthly spending limit");
    console.send(&"\x7f".repeat(12));
    console.wait_for("to no limit");
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("no monthly limit");
    let limit = with_api(&home, async |client| {
        client.spend_limit().await.expect("limit")
    });
    assert_eq!(current_limit(&limit), None);
    assert!(limit.limits.completion.no_monthly_limit);
    console.send(ESC);
    console.wait_for("Members (");
    quit(&mut console);
}

#[test]
fn follow_mode_shows_another_clients_change_and_the_export_matches_the_view() {
    let home = Home::new();
    let query = AuditQuery {
        limit: Some(1000),
        ..AuditQuery::default()
    };
    let total = with_api(&home, async |client| {
        client.audit_logs(&query).await.expect("audit").len()
    });
    assert!(total > 100, "the demo history is longer than one page");
    let mut console = start(&home, &[]);
    open_view(&mut console, "audit", "100 shown");
    // At the end of the first page, the next one loads.
    console.send("G");
    console.wait_for(&format!("{} shown", total.min(200)));
    console.send("g");
    console.send("F");
    console.wait_for("following");
    // The clock starts when the other client's change is made.
    let made = with_api(&home, async |client| {
        let admin = client.list_all_users().await.expect("users").members[0].uuid;
        let body = AdminWorkspaceIn {
            name: "Tail-e2e".into(),
            description: String::new(),
            icon: String::new(),
            add_all_org_members: false,
            admin_user_id: admin,
        };
        client.create_workspace(&body).await.expect("workspace");
        Instant::now()
    });
    let screen = console.wait_for("Tail-e2e");
    assert!(
        made.elapsed() <= Duration::from_secs(5),
        "shown {:?} after the change",
        made.elapsed()
    );
    console.send("F");
    console.wait_for("Stopped following");

    let path = home.path().join("trail.csv");
    console.send("x");
    console.wait_for("Export audit entries");
    console.send(&path.display().to_string());
    console.send(ENTER);
    console.wait_for("Exported");
    let text = std::fs::read_to_string(&path).expect("the export");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "time,actor,action,target,log_id");
    // Each row on screen is the export's line in the same place: time, actor, action.
    let is_entry = |line: &&str| {
        let cells: Vec<char> = line
            .trim_start_matches(['┃', ' ', '▶'])
            .chars()
            .take(5)
            .collect();
        cells.len() == 5 && cells[..4].iter().all(char::is_ascii_digit) && cells[4] == '-'
    };
    let shown: Vec<&str> = screen.lines().filter(is_entry).collect();
    assert!(shown.len() >= 5, "rows on screen:\n{screen}");
    for (row, line) in shown.iter().zip(lines.iter().skip(1)) {
        let cells: Vec<&str> = line.split(',').collect();
        for cell in &cells[..3] {
            let cut: String = cell.chars().take(12).collect();
            assert!(row.contains(&cut), "{cut:?} not in the row {row:?}");
        }
    }
    // A second export to the same path keeps the file and the path typed.
    console.send("x");
    console.wait_for("Export audit entries");
    console.send(&path.display().to_string());
    console.send(ENTER);
    console.wait_for("exists already");
    console.send(ESC);
    console.wait_gone("Export audit entries");
    console.send(ESC);
    console.wait_for("Members (");
    quit(&mut console);
}

/// Prints the audit view on the demo data, for the README's text capture:
/// `cargo test --test e2e print_the_audit_log -- --ignored --nocapture`.
#[test]
#[ignore = "prints a capture for the README; run by hand"]
fn print_the_audit_log() {
    let home = Home::new();
    let mut console = Console::start(&home, &[], 100, 16);
    console.wait_for("Members (");
    open_view(&mut console, "audit", "shown");
    console.wait_gone("Loading");
    for line in console.screen().lines() {
        println!("{}", line.trim_end());
    }
    console.send(ESC);
    console.send("q");
    console.wait_exit();
}
