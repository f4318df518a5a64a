//! The destructive confirmations: removing members (who loses access) and archiving a
//! workspace (what happens, and the name to type). Both open with Cancel focused.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use crate::tui::state::App;
use crate::tui::state::dialogs::{ArchiveDialog, Button, RemoveMembers, archive, count_of, remove};
use crate::tui::state::modal::Notice;
use crate::tui::state::org::KeyCount;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons, submission_lines};
use crate::tui::widgets::text::truncate;

/// Names listed by name before "… and N more".
const NAMES_SHOWN: usize = 6;
const WIDTH: u16 = 70;

pub fn render_notice(frame: &mut Frame, screen: Rect, notice: &Notice, theme: &Theme) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, 60));
    body.wrapped(&notice.text, theme.text);
    body.blank();
    body.push(buttons(
        &[ButtonView::new(Button::Ok, Some(Button::Ok))],
        theme,
    ));
    dialog::show(frame, screen, 60, &notice.title, body, theme)
}

pub fn render_remove(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &RemoveMembers,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    body.wrapped(
        &format!(
            "Remove {} from \"{}\"?",
            count_of(d.targets.len(), "member", "members"),
            d.workspace_name
        ),
        theme.header,
    );
    body.wrapped(
        "They lose access to this workspace at once. They stay in the organization and can be added again.",
        theme.text,
    );
    for (_, name) in d.targets.iter().take(NAMES_SHOWN) {
        body.line(&format!("  • {name}"), theme.text);
    }
    if d.targets.len() > NAMES_SHOWN {
        body.line(
            &format!("  … and {} more", d.targets.len() - NAMES_SHOWN),
            theme.muted,
        );
    }
    body.blank();
    let who = count_of(d.targets.len(), "member", "members");
    for line in submission_lines(
        &d.submission,
        &format!("Removing {who}…"),
        app.spinner_frame,
        body.width,
        theme,
    ) {
        body.push(line);
    }
    let views: Vec<ButtonView> = remove::BUTTONS
        .iter()
        .map(|b| {
            let view = ButtonView::new(*b, Some(d.focus));
            if *b == Button::Remove {
                view.text(format!("Remove {who}"))
            } else {
                view
            }
        })
        .collect();
    body.push(buttons(&views, theme));
    dialog::show(frame, screen, WIDTH, "Remove members", body, theme)
}

pub fn render_archive(
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
    let members = match d.members {
        Some(0) => "It has no members to lose access".to_owned(),
        Some(1) => "1 member loses access at once".to_owned(),
        Some(n) => format!("{n} members lose access at once"),
        None => "Its members lose access at once".to_owned(),
    };
    let keys = match d.keys {
        None => "Its API keys stop working immediately".to_owned(),
        Some(KeyCount {
            working: 0,
            expired: 0,
        }) => "It has no API keys".to_owned(),
        Some(KeyCount {
            working: 0,
            expired: 1,
        }) => "Its only API key has expired already".to_owned(),
        Some(KeyCount {
            working: 0,
            expired,
        }) => format!("All {expired} of its API keys have expired already"),
        Some(KeyCount { working, expired }) => {
            let mut text = format!(
                "{} working immediately",
                count_of(working, "API key stops", "API keys stop")
            );
            if expired > 0 {
                text.push_str(&format!(" ({expired} more expired already)"));
            }
            text
        }
    };
    for consequence in [
        members.as_str(),
        keys.as_str(),
        "It stays listed under Archived, read-only",
    ] {
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
    for line in submission_lines(
        &d.submission,
        "Archiving…",
        app.spinner_frame,
        body.width,
        theme,
    ) {
        body.push(line);
    }
    let views: Vec<ButtonView> = archive::BUTTONS
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
