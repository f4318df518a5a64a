//! The role editor as drawn: the checklist of roles, then the preview of every member's
//! change.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use uuid::Uuid;

use crate::actions::outcome::count_of;
use crate::tui::state::App;
use crate::tui::state::selection::full_page_offset;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, submission_lines};
use crate::tui::widgets::text::{fit, truncate, width, wrap, wrap_to_tallest};

use crate::actions::roles::{RoleTick, describe_change};

use super::super::admins_left;
use super::super::review::review_buttons;
use super::{EditRoles, RoleChoice, Stage};

/// Names listed in the heading before "and N more".
const NAMES_SHOWN: usize = 6;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &EditRoles,
    theme: &Theme,
) -> bool {
    // Sized to what it shows: the lines are laid out first, within what the screen allows.
    let width = 76;
    let room = dialog::inner_width(screen, width);
    let most = usize::from(screen.height.saturating_sub(4));
    if room < 20 || most < 5 {
        return false;
    }
    let mut body = Body::new(room);
    // Everyone whose roles may change is named (or counted) before anything is sent, those a
    // filter hides in the table too.
    let who = match d.targets.as_slice() {
        [one] => one.name.clone(),
        many => {
            let mut names: Vec<String> = many
                .iter()
                .take(NAMES_SHOWN)
                .map(|t| t.name.clone())
                .collect();
            if many.len() > NAMES_SHOWN {
                names.push(format!("and {} more", many.len() - NAMES_SHOWN));
            }
            format!(
                "{}: {}",
                count_of(many.len(), "member", "members"),
                names.join(", ")
            )
        }
    };
    body.wrapped(&format!("For {who}"), theme.header);
    match d.stage {
        Stage::Choose => choose(&mut body, d, most, theme),
        Stage::Review(focus) => {
            review(&mut body, app, d, most, theme);
            body.push(review_buttons(focus, theme));
        }
    }
    let title = format!("Roles in \"{}\"", truncate(&d.workspace_name, 40));
    dialog::show(frame, screen, width, &title, body, theme)
}

fn choose(body: &mut Body, d: &EditRoles, height: usize, theme: &Theme) {
    let room = body.width;
    let description = wrap_to_tallest(
        d.choices.get(d.cursor).map(described).as_deref(),
        d.choices.iter().map(described),
        room,
    );
    // The heading above, and the blank, description and problem lines below, take the rest.
    let below = 1 + description.len() + d.problem.as_ref().map_or(0, |p| wrap(p, room).len());
    let fits = height.saturating_sub(body.lines.len() + below).max(1);
    // A list longer than the room says so on a line of its own, which it then needs.
    let paged = d.choices.len() > fits;
    let list_height = if paged {
        fits.saturating_sub(1).max(1)
    } else {
        d.choices.len().max(1)
    };
    let offset = full_page_offset(Some(d.cursor), list_height, d.choices.len());
    for (i, choice) in d.choices.iter().enumerate().skip(offset).take(list_height) {
        let tick = match choice.tick {
            RoleTick::On => "[x]",
            RoleTick::Off => "[ ]",
            RoleTick::Keep => "[~]",
        };
        let under_cursor = i == d.cursor;
        let marker = if under_cursor { "▶" } else { " " };
        let mut text = format!("{marker} {tick} {}", choice.name);
        if choice.tick == RoleTick::Keep {
            text.push_str(mixed_note(&text, room));
        }
        let style = if under_cursor {
            theme.cursor
        } else {
            theme.text
        };
        body.push(Line::styled(fit(&text, room), style));
    }
    if paged {
        let last = (offset + list_height).min(d.choices.len());
        let mut position = format!("  roles {}-{last} of {}", offset + 1, d.choices.len());
        if last < d.choices.len() {
            position.push_str(&format!(" · ↓ {} more below", d.choices.len() - last));
        }
        if offset > 0 {
            position.push_str(" · ↑ more above");
        }
        body.line(&position, theme.muted);
    }
    body.blank();
    for line in description {
        body.line(&line, theme.muted);
    }
    if let Some(problem) = &d.problem {
        body.wrapped(&format!("! {problem}"), theme.field_error);
    }
}

/// A role and what it lets its holders do, as told under the list.
fn described(choice: &RoleChoice) -> String {
    format!("{}: {}", choice.name, choice.description)
}

/// What a mixed role says after its name: the whole explanation where it fits, else the
/// word for it, so the line is never cut mid-sentence.
fn mixed_note(row: &str, room: usize) -> &'static str {
    const WHOLE: &str = "  (some have it; each keeps theirs)";
    if width(row) + width(WHOLE) <= room {
        WHOLE
    } else {
        "  (mixed)"
    }
}

fn review(body: &mut Body, app: &App, d: &EditRoles, height: usize, theme: &Theme) {
    let changes = d.changes();
    let unchanged = d.targets.len() - changes.len();
    let after = |user: Uuid| {
        changes
            .iter()
            .find(|c| c.user_id == user)
            .map(|c| c.after.clone())
    };
    // Said whole above the buttons, so the changes make room for it.
    let warning = admins_left::warning(app, (d.workspace, &d.workspace_name), after)
        .map(|warning| format!("⚠ {warning}"));
    let warning_lines = warning.as_ref().map_or(0, |w| wrap(w, body.width).len());
    body.line(
        &format!(
            "{} in one request:",
            count_of(changes.len(), "change", "changes")
        ),
        theme.text,
    );
    let status = submission_lines(
        &d.submission,
        "Applying…",
        app.spinner_frame,
        body.width,
        theme,
    );
    let room_for_changes = height
        .saturating_sub(
            body.lines.len() + 3 + status.len() + usize::from(unchanged > 0) + warning_lines,
        )
        .max(1);
    // Each change is wrapped whole; what does not fit is counted on one last line.
    let start = body.lines.len();
    let mut shown = 0;
    for (i, change) in changes.iter().enumerate() {
        let text = describe_change(change);
        let needed = wrap(&text, body.width.saturating_sub(4)).len();
        let last = i + 1 == changes.len();
        let used = body.lines.len() - start;
        if used + needed + usize::from(!last) > room_for_changes && shown > 0 {
            break;
        }
        body.hanging("  ", &text, theme.text);
        shown += 1;
    }
    if shown < changes.len() {
        body.line(
            &format!("  … and {} more", changes.len() - shown),
            theme.muted,
        );
    }
    if unchanged > 0 {
        body.line(
            &format!(
                "  {} already as chosen: left alone",
                count_of(unchanged, "member is", "members are")
            ),
            theme.muted,
        );
    }
    if let Some(warning) = warning {
        body.wrapped(&warning, theme.field_error);
    }
    body.blank();
    for line in status {
        body.push(line);
    }
}
