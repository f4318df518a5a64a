//! The hint line: the keys that work now, from the routing table and the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::tui::keymap::action::spec_of;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Layer, offered, routes};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::cells;
use crate::tui::widgets::text::width;

/// The hint line's `(key, word)` pairs: the hinted actions of every context in the routing
/// table, offered by the handler that takes that context now.
pub fn hints(app: &App) -> Vec<(String, &'static str)> {
    if app.dialogs.last().is_some_and(|d| d.is_sending()) {
        // While a dialog's change is on its way, ctrl-c is the only key that does anything.
        let stop = app.keymap.keys(Context::Global, Action::Interrupt);
        return stop
            .first()
            .map(|key| vec![(key.to_string(), "stop waiting")])
            .unwrap_or_default();
    }
    let routes = routes(app);
    // Over a dialog the line keeps to the dialog's own keys: the one global key that also
    // works there (the staging switch) is named by the refusal it answers, and by help.
    let over_dialog = !app.dialogs.is_empty();
    let contexts: Vec<Context> = routes
        .iter()
        .filter_map(|r| match r.layer {
            Layer::Keys(Context::Global) if over_dialog => None,
            Layer::Keys(context) => Some(context),
            Layer::Text => None,
        })
        .collect();
    let mut hints = app.keymap.hints(&contexts, |context, action| {
        offered(app, &routes, context, action)
    });
    // The archived toggle says where it goes, not where the list is.
    let toggle = spec_of(Context::WorkspaceList, Action::ToggleArchived).and_then(|s| s.hint);
    if app.org().show_archived {
        for (_, word) in &mut hints {
            if Some(*word) == toggle {
                *word = "active";
            }
        }
    }
    hints
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hints = hints(app);
    let room = usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, word) in hints {
        let needed = width(&key) + 1 + width(word) + 2;
        if used + needed > room {
            break;
        }
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(" ", theme.hint_text));
        spans.push(Span::styled(word, theme.hint_text));
        spans.push(Span::styled("  ", theme.hint_text));
        used += needed;
    }
    cells::one_line(
        frame.buffer_mut(),
        area,
        Line::from(spans),
        Style::default(),
    );
}
