//! What every view draws the same way: its frame with a title, and the honest placeholder
//! (loading, failed) it shows while it has nothing else.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::state::{App, Remote};
use crate::tui::theme::Theme;
use crate::tui::widgets::frame::{error_lines, loading_line, pane, placeholder};
use crate::tui::widgets::spinner;

/// Draws a view's frame (focused: the view takes the keys) and returns the room inside.
pub fn body(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    let block = pane(Line::from(Span::raw(format!(" {title} "))), true, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// Draws the loading or failed placeholder of `what` and says so; false when it is loaded.
pub fn unless_loaded<T>(
    frame: &mut Frame,
    area: Rect,
    what: &str,
    remote: &Remote<T>,
    app: &App,
    theme: &Theme,
) -> bool {
    match remote {
        Remote::Loaded(_) => false,
        Remote::Loading => {
            placeholder(
                frame,
                area,
                loading_line(what, spinner(app.spinner_frame), theme),
            );
            true
        }
        Remote::Failed(error) => {
            placeholder(frame, area, error_lines(what, error, app, theme));
            true
        }
    }
}

/// A load that was waited for and will not come: cancelled, unless something is shown.
pub fn cancel<T>(slot: &mut Remote<T>) {
    if matches!(slot, Remote::Loading) {
        *slot = Remote::Failed(crate::tui::state::RemoteError::cancelled());
    }
}

/// Takes a fresh answer into `slot`; a failed reload keeps what was shown (the status line
/// says why), a failed first load shows the failure.
pub fn take<T>(slot: &mut Remote<T>, result: Result<T, crate::tui::state::RemoteError>) {
    match result {
        Ok(value) => *slot = Remote::Loaded(value),
        Err(error) if matches!(slot, Remote::Loaded(_)) && error.keeps_what_was_shown() => {}
        Err(error) => *slot = Remote::Failed(error),
    }
}
