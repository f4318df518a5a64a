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
