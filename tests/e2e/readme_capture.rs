//! Prints the console's main screen on the demo data, for the README's text capture:
//! `cargo test --test e2e readme_capture -- --ignored --nocapture`.

use crate::support::pty::*;

#[test]
#[ignore = "prints a capture for the README; run by hand"]
fn print_the_main_screen() {
    let home = Home::new();
    let mut console = Console::start(&home, &[], 100, 28);
    console.wait_for("Members (");
    console.wait_for("Aiko");
    console.send(&ctrl('p'));
    console.send("research");
    console.send(ENTER);
    console.wait_for_row("Organizations (", "Research ");
    console.wait_gone("Loading");
    let screen = console.screen();
    for line in screen.lines() {
        println!("{}", line.trim_end());
    }
    console.send("q");
    console.wait_exit();
}

/// The `:people` view with a member's detail pane, for the README's capture of People:
/// `cargo test --test e2e print_the_people_view -- --ignored --nocapture`.
#[test]
#[ignore = "prints a capture for the README; run by hand"]
fn print_the_people_view() {
    let home = Home::new();
    let mut console = Console::start(&home, &[], 100, 30);
    console.wait_for("Members (");
    open_view(&mut console, "people", " expired)");
    console.send("/");
    console.send("camille");
    console.wait_for_row("▶", "Camille");
    console.send(ENTER);
    console.send(ENTER);
    console.wait_for("Latest audit entries (");
    let screen = console.screen();
    for line in screen.lines() {
        println!("{}", line.trim_end());
    }
    console.send(ESC);
    console.wait_gone(" expired)");
    console.send("q");
    console.wait_exit();
}
