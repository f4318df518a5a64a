//! The status line: LOCAL/REMOTE, RO and STAGED badges, profile and organization, the open
//! workspace, a spinner while requests run, a mark while stale data is shown, and the flash
//! message.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::call::Call;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Input;
use crate::tui::state::{App, FlashLevel, Remote};
use crate::tui::theme::Theme;
use crate::tui::update::keys;
use crate::tui::widgets::text::{truncate, width};
use crate::tui::widgets::{cells, spinner};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let total = usize::from(area.width);
    let profile = app.profile();
    let mut left: Vec<Span> = Vec::new();
    if profile.is_local {
        left.push(Span::styled(" LOCAL ", theme.badge_local));
    } else {
        left.push(Span::styled(" REMOTE ", theme.badge_remote));
    }
    if app.change_refusal().is_some() {
        left.push(Span::raw(" "));
        left.push(Span::styled(" RO ", theme.badge_read_only));
    }
    // Staging on, or changes left staged: how many wait in the plan.
    let staged = app.staging.count(app.current);
    if app.staging.on || staged > 0 {
        left.push(Span::raw(" "));
        left.push(Span::styled(
            format!(" STAGED {staged} "),
            theme.badge_remote,
        ));
    }
    // A server without the organization extension (a real one) never names it: then the
    // profile's name is all there is, with no placeholder that looks like loading.
    let where_text = match &app.org().organization.value {
        Remote::Loaded(Some(org)) => format!(" {} · {}", profile.name, org.name),
        Remote::Loading => format!(" {} · …", profile.name),
        Remote::Loaded(None) | Remote::Failed(_) => format!(" {}", profile.name),
    };

    let badges: usize = left.iter().map(|s| width(&s.content)).sum();
    // The flash gets the room first: it is what the user needs to read now.
    let room_right = total.saturating_sub(badges + 8);
    let mut right: Vec<Span> = Vec::new();
    if app.is_busy() {
        let mut labels: Vec<&str> = app.in_flight.values().map(|f| f.label.as_str()).collect();
        labels.dedup();
        // A long directory load says how far it has got.
        let progress = app.org().directory_progress().map(|p| p.figure());
        let labels: Vec<String> = labels
            .into_iter()
            .map(|label| match &progress {
                Some(figure) if label == Call::People.label() => format!("{label} {figure}"),
                _ => label.to_owned(),
            })
            .collect();
        right.push(Span::styled(spinner(app.spinner_frame), theme.spinner));
        right.push(Span::styled(
            format!(" {} ", labels.join(", ")),
            theme.muted,
        ));
    }
    // Data kept from before a failed reload says so for as long as it is shown.
    if let Some(stale) = app.org().staleness() {
        right.push(Span::styled(
            format!("⚠ stale, {}: {} ", stale.loaded(), stale.reason),
            theme.flash_error,
        ));
    }
    if let Some(flash) = &app.flash {
        let (mark, style) = match flash.level {
            FlashLevel::Info => ("•", theme.flash_info),
            FlashLevel::Success => ("✓", theme.flash_success),
            FlashLevel::Error => ("✗", theme.flash_error),
        };
        let whole = format!("{mark} {} ", flash.text);
        let text = if width(&whole) <= room_right {
            whole
        } else {
            // Cut, it says where to read it whole.
            let more = format!(" ({} reads it all) ", messages_key(app));
            let cut = truncate(&whole, room_right.saturating_sub(width(&more)));
            format!("{cut}{more}")
        };
        right.push(Span::styled(text, style));
    }

    let right = squeeze(right, room_right);
    let right_width: usize = right.iter().map(|s| width(&s.content)).sum();
    let room_where = total.saturating_sub(badges + right_width + 1);
    left.push(Span::styled(truncate(&where_text, room_where), theme.text));
    let left_width: usize = left.iter().map(|s| width(&s.content)).sum();
    let gap = total.saturating_sub(left_width + right_width);
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(gap)));
    spans.extend(right);
    cells::one_line(
        frame.buffer_mut(),
        area,
        Line::from(spans),
        theme.status_bar,
    );
}

/// The key that opens the message log from here: the first of its keys nothing before the
/// global keys takes (a dialog's text field takes `m`), or the command when none does.
fn messages_key(app: &App) -> String {
    app.keymap
        .keys(Context::Global, Action::Messages)
        .iter()
        .find(|chord| {
            let key = KeyEvent::new(chord.code, chord.modifiers);
            matches!(
                keys::find(app, &key),
                keys::Found::Acts(_, Input::Action(Action::Messages))
            )
        })
        .map_or_else(|| ":messages".to_owned(), ToString::to_string)
}

/// Keeps the last spans (the flash) whole where possible, cutting from the front.
fn squeeze(spans: Vec<Span<'static>>, room: usize) -> Vec<Span<'static>> {
    let mut kept: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in spans.into_iter().rev() {
        let w = width(&span.content);
        if used + w <= room {
            used += w;
            kept.push(span);
        } else if room > used {
            let cut = truncate(&span.content, room - used);
            used += width(&cut);
            kept.push(Span::styled(cut, span.style));
        }
    }
    kept.reverse();
    kept
}
