//! End-to-end: a staged plan longer than its confirmation. The dialog lists every change,
//! scrolled inside it; Apply is refused (nothing sent, the server unchanged through the Admin
//! API) until the arrows have brought the last line on screen, and then applies them all.

use crate::support::pty::*;

/// Research's member names, as the Admin API lists them.
fn research(home: &Home) -> Vec<String> {
    with_api(home, async |client| {
        let research = workspace_id(client, "Research").await;
        let members = members_of(client, research).await;
        members.into_iter().map(|(name, _)| name).collect()
    })
}

/// The number before `word` on the screen ("23 selected").
fn count_before(screen: &str, word: &str) -> usize {
    let at = screen.find(word).expect("the word is on screen");
    let digits: String = screen[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .expect("a count")
}

#[test]
fn a_plan_longer_than_its_confirmation_applies_only_once_scrolled_to_its_end() {
    let home = Home::new();
    let before = research(&home);
    // A short terminal: the confirmation has room for a few of the changes only.
    let mut console = Console::start(&home, &[], 100, 18);
    console.wait_for("Members (");
    open(&mut console, "Research");
    console.send(&ctrl('t'));
    console.wait_for("STAGED 0");
    console.send("a");
    console.wait_for("Add members to \"Research\"");
    console.send("*");
    let picked = console.wait_until("everyone selected", |screen| {
        count_before(&screen.contents(), " selected") > 0
    });
    let staged = count_before(&picked, " selected");
    assert!(staged > 10, "enough people to add: {picked}");
    console.send(ENTER);
    console.wait_for(&format!("STAGED {staged}"));
    console.wait_gone("Add members to");

    open_view(&mut console, "plan", "Staged plan");
    console.send("A");
    let confirm = console.wait_for(&format!("Apply these {staged} staged change(s)"));
    assert!(confirm.contains(" below: ↓/PgDn"), "{confirm}");
    assert!(!confirm.contains("… and"), "no change summed up: {confirm}");
    // The confirmation opens on Cancel; Apply before the end is refused, and says why.
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Nothing sent: scroll to the end first");
    assert_eq!(research(&home), before, "nothing was sent");

    // A change may wrap onto a second line: enough arrows for every line (it stops at the end).
    console.send(&"j".repeat(staged * 3));
    console.wait_for(" · end");
    console.send(ENTER);
    console.wait_for(&format!("Applied {staged} staged change(s)"));
    console.send(ESC);
    console.wait_for("Members (");
    quit(&mut console);
    assert_eq!(
        research(&home).len(),
        before.len() + staged,
        "every change of the plan was applied"
    );
}
