//! The archive confirmation as drawn: what archiving takes away, the name to type with whether
//! it matches, and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::actions::archive::archive_consequences;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};
use crate::tui::widgets::text::truncate;

use super::super::name_to_type::name_to_type;
use super::super::{Button, ConfirmRow};
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
    name_to_type(
        &mut body,
        &d.typed,
        d.confirmed(),
        40,
        !d.submission.is_sending(),
        theme,
    );
    body.blank();
    body.submission(&d.submission, "Archiving…", app.spinner_frame, theme);
    let row = ConfirmRow {
        buttons: &BUTTONS,
        focus: d.focus,
        confirm: Button::Archive,
        text: &format!("Archive \"{}\"", truncate(&d.name, 24)),
    };
    body.push(row.line(d.confirmed(), theme));
    dialog::show(frame, screen, WIDTH, "Archive workspace", body, theme)
}
