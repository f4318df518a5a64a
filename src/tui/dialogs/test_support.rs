//! What dialog tests share: the people view with a dialog opened on the member a search found,
//! and the check that a long confirmation sends nothing before its whole list was drawn.

use crossterm::event::KeyCode;

use crate::tui::effect::Effect;
use crate::tui::state::App;
use crate::tui::testing::{assert_says, key, press, press_keys, press_only, requests, type_text};
use crate::tui::views::people::tests::open_people;

/// The people view, the cursor on the member `who` finds, then `keys` (the dialog's key).
pub fn opened_on_member(who: &str, keys: &str) -> App {
    let mut app = open_people();
    press_keys(&mut app, "/");
    type_text(&mut app, who);
    press_keys(&mut app, "enter");
    press_keys(&mut app, keys);
    app
}

/// The first rule for a confirmation whose list runs past the 80x24 screen, drawn from its
/// top with the confirming button in focus: it shows `first` but not `last` (nor a "… and N
/// more" line); Enter there sends nothing and says why; `scroll` pressed `times` brings `last`
/// into view and the list counts as read (`read_whole`). Returns what Enter then does.
pub fn confirmed_once_read(
    app: &mut App,
    (first, last): (&str, &str),
    (scroll, times): (KeyCode, usize),
    read_whole: impl Fn(&App) -> bool,
) -> Vec<Effect> {
    let screen = crate::tui::render_tests::screen(app, 80, 24);
    assert!(
        screen.contains(first) && !screen.contains(last),
        "the list starts at its top: {screen}"
    );
    assert!(!screen.contains("… and"), "nothing is summed up as more");
    let effects = press_only(app, key(KeyCode::Enter));
    assert!(requests(&effects).is_empty(), "its end was never shown");
    assert_says(app, "scroll to the end first");
    assert!(!read_whole(app), "the dialog stays, its list unread");
    // The arrows of the view under it scroll the list, frame by frame.
    for _ in 0..times {
        press(app, key(scroll));
    }
    assert!(read_whole(app), "every line was drawn");
    let screen = crate::tui::render_tests::screen(app, 80, 24);
    assert!(screen.contains(last), "{screen}");
    press_only(app, key(KeyCode::Enter))
}
