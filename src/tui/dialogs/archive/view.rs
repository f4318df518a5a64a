//! The archive confirmation as drawn: what archiving takes away, the name to type with whether
//! it matches, and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::actions::archive::archive_consequences;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};
use crate::tui::widgets::text::truncate;

use super::super::Button;
use super::{ArchiveDialog, BUTTONS};

const WIDTH: u16 = 70;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &ArchiveDialog,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    body.wrapped(
        &format!(
            "Archive \"{}\"? This is permanent: an archived workspace cannot be restored.",
            d.name
        ),
        theme.header,
    );
    for consequence in archive_consequences(d.members, d.keys) {
        body.line(&format!("  • {consequence}"), theme.text);
    }
    body.blank();
    body.wrapped(
        "Type the workspace's name to confirm (case, accents, dashes and spaces need not match):",
        theme.text,
    );
    let (mark, style) = if d.confirmed() {
        ("  ✓ matches", theme.flash_success)
    } else if d.typed.value().is_empty() {
        ("", theme.muted)
    } else {
        ("  ✗ does not match", theme.field_error)
    };
    body.input(
        Vec::new(),
        &d.typed,
        Some(40.min(body.width.saturating_sub(16))),
        !d.submission.is_sending(),
        Span::styled(mark, style),
        theme,
    );
    body.blank();
    body.submission(&d.submission, "Archiving…", app.spinner_frame, theme);
    let views: Vec<ButtonView> = BUTTONS
        .iter()
        .map(|b| {
            let view = ButtonView::new(*b, Some(d.focus));
            if *b == Button::Archive {
                view.text(format!("Archive \"{}\"", truncate(&d.name, 24)))
                    .enabled(d.confirmed())
            } else {
                view
            }
        })
        .collect();
    body.push(buttons(&views, theme));
    dialog::show(frame, screen, WIDTH, "Archive workspace", body, theme)
}
