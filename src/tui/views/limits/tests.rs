//! The rate-limits view: sorting, the search that moves the cursor, and its fixture.

use crossterm::event::KeyCode;

use super::*;
use crate::tui::testing::*;
use crate::tui::views::testing::{opened, search, shown_as};

/// The fixture server's limits: a Scale plan's.
pub fn limits() -> Limits {
    let model = |name: &str, per_minute: i64| ModelLimit {
        model: name.to_owned(),
        tokens_per_minute: per_minute,
        tokens_per_month: per_minute * 4_320,
    };
    Limits {
        requests_per_second: 20,
        models: vec![
            model("codestral-latest", 1_000_000),
            model("mistral-embed", 4_000_000),
            model("mistral-large-latest", 400_000),
            model("mistral-small-latest", 2_000_000),
        ],
    }
}

fn shown(app: &App) -> &RateLimits {
    shown_as(app)
}

#[test]
fn sorting_keeps_the_cursor_on_its_model() {
    let mut app = opened("limits");
    press(&mut app, key(KeyCode::Down));
    assert_eq!(
        shown(&app).list.cursor.id().map(String::as_str),
        Some("mistral-embed")
    );
    press_keys(&mut app, "s S");
    let view = shown(&app);
    let order: Vec<_> = view.rows().iter().map(|r| r.model.as_str()).collect();
    assert_eq!(order[0], "mistral-embed", "most tokens per minute first");
    assert_eq!(view.selected(), Some(0), "the cursor followed its model");
}

#[test]
fn the_search_moves_the_cursor_to_the_best_match_and_hides_nothing() {
    let mut app = opened("limits");
    search(&mut app, "large");
    let view = shown(&app);
    assert_eq!(
        view.list.cursor.id().map(String::as_str),
        Some("mistral-large-latest")
    );
    assert_eq!(view.rows().len(), 4);
    press(&mut app, key(KeyCode::Enter));
    assert!(!shown(&app).list.typing());
    search(&mut app, "zzz");
    assert_says(&app, "No model matches");
    assert_eq!(
        shown(&app).list.cursor.id().map(String::as_str),
        Some("mistral-large-latest")
    );
    press_keys(&mut app, "esc esc");
    assert!(app.view.is_none(), "esc leaves the search, then the view");
}
