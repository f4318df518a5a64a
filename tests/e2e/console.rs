//! End-to-end: the real binary in a pseudo-terminal, on the embedded demo server, driven by
//! keys; the server's state is checked through the Admin API afterwards.

use crate::support::pty::*;

#[test]
fn the_first_frame_shows_the_demo_organization_and_quitting_restores_the_terminal() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    let screen = console.wait_for("Research");
    let status_line = screen.lines().next().unwrap_or_default().to_owned();
    assert!(status_line.contains("LOCAL"), "{status_line}");
    assert!(status_line.contains("Northwind Labs"), "{status_line}");
    assert!(!status_line.contains(" RO "), "{status_line}");
    assert!(screen.contains("Customer Support"));
    quit(&mut console);

    let raw = console.raw_output();
    let entered = find_bytes(&raw, b"\x1b[?1049h").expect("entered the alternate screen");
    let left = find_bytes(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    let shown = find_bytes(&raw, b"\x1b[?25h").expect("showed the cursor");
    assert!(entered < left, "left after entering");
    assert!(shown > left, "cursor shown on the way out");
    let restored = find_bytes(&raw, b"\x1b[?2004l").expect("bracketed paste turned off");
    assert!(restored > entered);
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.wait_for("Research");
    // The first press cancels anything still loading, or quits when nothing is; a second press
    // is sent only if the first one did not end the console (a ctrl-c that reaches a terminal
    // already restored would be a real SIGINT, not a key).
    console.send(&ctrl('c'));
    if !console.exits_within(std::time::Duration::from_secs(2)) {
        console.send(&ctrl('c'));
    }
    let status = console.wait_exit();
    assert!(status.success(), "{status:?}");
    let raw = console.raw_output();
    assert!(find_bytes(&raw, b"\x1b[?1049l") > find_bytes(&raw, b"\x1b[?1049h"));
    assert!(find_bytes(&raw, b"\x1b[?25h") > find_bytes(&raw, b"\x1b[?1049l"));
}

#[test]
fn the_picker_switches_workspace_and_dash_jumps_back() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.send(&ctrl('p'));
    console.wait_for("Open workspace");
    console.send("resea");
    console.send(ENTER);
    wait_open(&mut console, "Research");
    console.send(&ctrl('p'));
    console.wait_for("Open workspace");
    console.send("mobile");
    console.send(ENTER);
    wait_open(&mut console, "Mobile App");
    console.send("-");
    wait_open(&mut console, "Research");
    console.send("-");
    wait_open(&mut console, "Mobile App");
    console.send(":ws customer");
    console.send(ENTER);
    wait_open(&mut console, "Customer Support");
    quit(&mut console);
}

#[test]
fn the_members_filter_narrows_the_table() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.wait_for("Aiko");
    console.send(ENTER);
    console.send("/");
    console.send("nunez");
    let screen = console.wait_gone("Aiko");
    assert!(screen.contains("José Núñez"), "{screen}");
    console.send(ESC);
    console.wait_for("Aiko");
    console.send("/billing");
    let screen = console.wait_gone("Aiko");
    assert!(
        screen.contains("hannah.schmidt@"),
        "matched by role:\n{screen}"
    );
    assert!(!screen.contains("José Núñez"));
    // Enter keeps the filter and hands the keys back to the table.
    console.send(ENTER);
    console.wait_gone("esc clear");
    quit(&mut console);
}

#[test]
fn settings_saved_in_the_console_are_on_the_server() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.send(&ctrl('p'));
    console.send("research");
    console.send(ENTER);
    wait_open(&mut console, "Research");
    console.send("2");
    console.wait_for("Members create keys");
    console.wait_gone("loading…");
    // Description: edit, then save.
    console.send("j");
    console.send(ENTER);
    console.send(&ctrl('u'));
    console.send("Edited from the console");
    console.send(ENTER);
    console.wait_for("Unsaved changes");
    console.send(&ctrl('s'));
    console.wait_for("Saved \"Research\"");
    console.wait_for("No unsaved changes");
    // Monthly cap: down to the last field, edit, save.
    console.send("jjj");
    console.send(ENTER);
    console.send(&ctrl('u'));
    console.send("250");
    console.send(ENTER);
    console.wait_for("Monthly spend cap *");
    console.send(&ctrl('s'));
    console.wait_gone("Monthly spend cap *");
    console.wait_for("No unsaved changes");
    quit(&mut console);

    with_api(&home, async |client| {
        let workspaces = client.list_all_workspaces(false).await.unwrap();
        let research = workspaces.iter().find(|w| w.name == "Research").unwrap();
        assert_eq!(
            research.description.as_deref(),
            Some("Edited from the console")
        );
        let settings = client
            .workspace_settings(research.uuid)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(settings.monthly_spend_cap, Some(250));
    });
}

#[test]
fn a_server_refusal_shows_at_the_field_and_keeps_the_text() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.send(&ctrl('p'));
    console.send("mobile");
    console.send(ENTER);
    wait_open(&mut console, "Mobile App");
    console.send("2");
    console.wait_for("Members create keys");
    // Another active workspace already has this name: the server answers 409 or 422.
    console.send(ENTER);
    console.send(&ctrl('u'));
    console.send("Research");
    console.send(ENTER);
    console.send(&ctrl('s'));
    let screen = console.wait_for("Not saved");
    assert!(screen.contains("[Research"), "typed text kept:\n{screen}");
    let at_field = screen
        .lines()
        .skip_while(|line| !line.contains("[Research"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        at_field.contains('!'),
        "the refusal sits under the name:\n{screen}"
    );
    assert!(screen.contains("Unsaved changes"));
    // Leaving asks first; Stay keeps the text.
    console.send("q");
    console.wait_for("Save them before quitting?");
    console.send(ESC);
    console.wait_gone("Save them before quitting?");
    console.send("q");
    console.wait_for("Save them before quitting?");
    console.send("d");
    let status = console.wait_exit();
    assert!(status.success());

    with_api(&home, async |client| {
        let names: Vec<String> = client
            .list_all_workspaces(false)
            .await
            .unwrap()
            .into_iter()
            .map(|w| w.name)
            .collect();
        assert!(names.contains(&"Mobile App".to_owned()), "{names:?}");
        assert_eq!(names.iter().filter(|n| *n == "Research").count(), 1);
    });
}

#[test]
fn switching_organization_shows_the_other_one() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.send(&ctrl('o'));
    console.wait_for("Switch organization");
    console.send("globex");
    console.send(ENTER);
    let screen = console.wait_until("Globex on the status line", |s| {
        s.contents()
            .lines()
            .next()
            .unwrap_or("")
            .contains("Globex Research")
    });
    assert!(
        screen
            .lines()
            .next()
            .unwrap()
            .contains("local:globex-research")
    );
    console.wait_for("Hammock District");
    console.send(&ctrl('o'));
    console.send("northwind");
    console.send(ENTER);
    console.wait_until("Northwind on the status line", |s| {
        s.contents()
            .lines()
            .next()
            .unwrap_or("")
            .contains("Northwind Labs")
    });
    console.wait_for("Research");
    quit(&mut console);
}

#[test]
fn profile_flag_opens_another_local_organization() {
    let home = Home::new();
    let mut console = Console::start(&home, &["--profile", "local:globex-research"], COLS, ROWS);
    console.wait_until("Globex on the status line", |s| {
        s.contents()
            .lines()
            .next()
            .unwrap_or("")
            .contains("Globex Research")
    });
    quit(&mut console);
}

#[test]
fn read_only_mode_shows_the_badge_and_refuses_changes() {
    let home = Home::new();
    let mut console = start(&home, &["--read-only"]);
    let screen = console.wait_for(" RO ");
    assert!(screen.lines().next().unwrap().contains(" RO "));
    console.send(ENTER);
    console.send("2");
    console.wait_for("Members create keys");
    console.send(ENTER);
    console.wait_for("started with --read-only");
    quit(&mut console);
}

#[test]
fn no_color_draws_without_colours() {
    let home = Home::new();
    let mut console = Console::start_with_env(&home, &[], COLS, ROWS, &[("NO_COLOR", "1")]);
    console.wait_for("Members (");
    quit(&mut console);
    let raw = String::from_utf8_lossy(&console.raw_output()).into_owned();
    for colour in ["38;5;", "48;5;", "38;2;", "48;2;"] {
        assert!(!raw.contains(colour), "found colour {colour:?}");
    }
    assert!(raw.contains("\x1b[7m"), "reverse video marks the cursor");
}
