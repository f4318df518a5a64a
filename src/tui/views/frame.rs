//! What every view does the same way with what it loads: its frame with a title, the honest
//! placeholder (loading, failed) it shows while it has nothing else, and an answer taken in.

use std::any::Any;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::state::{App, FlashLevel, Remote, RemoteError};
use crate::tui::theme::Theme;
use crate::tui::widgets::frame::{error_lines, loading_line, pane, placeholder};
use crate::tui::widgets::spinner;

use super::fetch::{Fetch, FetchAnswer, read};
use super::{Fetcher, Step};

/// Draws a view's frame (focused: the view takes the keys) and returns the room inside.
pub fn body(frame: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    pane(
        frame,
        area,
        Line::from(Span::raw(format!(" {title} "))),
        true,
        theme,
    )
}

/// Draws a view's frame and, until `remote` is loaded, the placeholder of `what` in it; once
/// loaded, the room inside and the value to draw there.
pub fn loaded<'a, T>(
    frame: &mut Frame,
    area: Rect,
    (title, what): (&str, &str),
    remote: &'a Remote<T>,
    app: &App,
    theme: &Theme,
) -> Option<(Rect, &'a T)> {
    let inner = body(frame, area, title, theme);
    if unless_loaded(frame, inner, what, remote, app, theme) {
        return None;
    }
    match remote {
        Remote::Loaded(value) => Some((inner, value)),
        _ => None,
    }
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
        *slot = Remote::Failed(RemoteError::cancelled());
    }
}

/// Takes a fresh answer into `slot`; a failed reload keeps what was shown (the status line
/// says why), a failed first load shows the failure.
pub fn take<T>(slot: &mut Remote<T>, result: Result<T, RemoteError>) {
    match result {
        Ok(value) => *slot = Remote::Loaded(value),
        Err(error) if matches!(slot, Remote::Loaded(_)) && error.keeps_what_was_shown() => {}
        Err(error) => *slot = Remote::Failed(error),
    }
}

/// Takes the answer to one of a view's loads into `slot` (as [`take`] does); a failure is
/// also said in the status line, after `prefix` ("Usage: ").
pub fn take_answer<T: Any + Clone>(
    slot: &mut Remote<T>,
    result: FetchAnswer,
    prefix: &str,
) -> Vec<Step> {
    let failure = result
        .as_ref()
        .err()
        .map(|e| format!("{prefix}{}", e.message));
    take(slot, read::<T>(result));
    failure
        .map(|text| vec![Step::Say(FlashLevel::Error, text)])
        .unwrap_or_default()
}

/// A view's one load: the fetch that brings it, and where its answer goes.
pub struct OneLoad<'a> {
    pub fetch: Fetcher,
    pub slot: &'a mut dyn Slot,
}

impl<'a> OneLoad<'a> {
    pub fn new<T: Any + Clone>(fetch: impl Fetch, slot: &'a mut Remote<T>) -> Self {
        Self {
            fetch: Fetcher::new(fetch),
            slot,
        }
    }
}

/// Where a load's answer goes, whatever it holds.
pub trait Slot {
    /// Takes the answer in (as [`take_answer`] does, the failure said as it is).
    fn take(&mut self, result: FetchAnswer) -> Vec<Step>;

    /// The load will not come (as [`cancel`] says).
    fn cancel(&mut self);
}

impl<T: Any + Clone> Slot for Remote<T> {
    fn take(&mut self, result: FetchAnswer) -> Vec<Step> {
        take_answer(self, result, "")
    }

    fn cancel(&mut self) {
        cancel(self);
    }
}
