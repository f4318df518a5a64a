//! The role editor as drawn: the checklist of roles, then the preview of every member's
//! change, scrolled when longer than the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use uuid::Uuid;

use crate::actions::outcome::count_of;
use crate::tui::state::App;
use crate::tui::state::selection::full_page_offset;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ConfirmRow};
use crate::tui::widgets::read_through::position_parts;
use crate::tui::widgets::text::{fit, truncate, width, wrap, wrap_to_tallest};

use crate::actions::roles::{RoleTick, describe_change};

use super::super::Button;
use super::super::admins_left;
use super::super::review::REVIEW_BUTTONS;
use super::{EditRoles, GroupsRead, RoleChoice, Said, Stage};

/// Lines the heading may take to name every member; a longer list is counted instead, and
/// the preview names each one in its scrolling list.
const HEADING_LINES: usize = 2;

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
    body.wrapped(&heading(d, room), theme.header);
    match d.stage {
        Stage::Choose => choose(&mut body, d, most, theme),
        Stage::Review(focus) => review(&mut body, app, d, (screen, focus), theme),
    }
    let title = format!("Roles in \"{}\"", truncate(&d.workspace_name, 40));
    dialog::show(frame, screen, width, &title, body, theme)
}

/// Who the change is for, never cut short: everyone named where the names fit the heading,
/// else how many, with where each is named (the preview lists every one of them).
fn heading(d: &EditRoles, room: usize) -> String {
    let many = match d.targets.as_slice() {
        [one] => return format!("For {}", one.name),
        many => many,
    };
    let counted = count_of(many.len(), "member", "members");
    let names: Vec<&str> = many.iter().map(|t| t.name.as_str()).collect();
    let named = format!("For {counted}: {}", names.join(", "));
    if wrap(&named, room).len() <= HEADING_LINES {
        return named;
    }
    match d.stage {
        Stage::Choose => format!("For {counted}; the preview names each one"),
        Stage::Review(_) => format!("For {counted}, each named below"),
    }
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
        let parts = position_parts("roles", (offset + 1, last, d.choices.len()), "↓");
        body.line(&format!("  {}", parts.join(" · ")), theme.muted);
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

/// The preview: every change, in a list that scrolls in what the screen leaves between the
/// heading and the buttons, then what is left alone, the warning and the buttons, Apply dimmed
/// until every change was drawn.
fn review(
    body: &mut Body,
    app: &App,
    d: &EditRoles,
    (screen, focus): (Rect, Button),
    theme: &Theme,
) {
    let changes = d.changes();
    let unchanged: Vec<&str> = d
        .targets
        .iter()
        .filter(|t| !changes.iter().any(|c| c.user_id == t.user_id))
        .map(|t| t.name.as_str())
        .collect();
    let after = |user: Uuid| {
        changes
            .iter()
            .find(|c| c.user_id == user)
            .map(|c| c.after.clone())
    };
    let said = d.groups_said();
    // Unknown while the groups are read; told without them (erring on the side of being
    // shown) when they could not be.
    let warning = (!matches!(d.groups, GroupsRead::Reading(_)))
        .then(|| {
            let place = (d.workspace, d.workspace_name.as_str());
            admins_left::warning(app, place, after, d.groups.access())
        })
        .flatten()
        .map(|warning| format!("⚠ {warning}"));
    body.line(
        &format!(
            "{} in one request:",
            count_of(changes.len(), "change", "changes")
        ),
        theme.text,
    );
    let mut listed = Body::new(body.width);
    for change in &changes {
        listed.hanging("  ", &describe_change(change), theme.text);
    }
    // Those left alone are named too, so the heading may only count them all.
    if !unchanged.is_empty() {
        let left_alone = format!(
            "{} already as chosen, left alone: {}",
            count_of(unchanged.len(), "member is", "members are"),
            unchanged.join(", ")
        );
        listed.hanging("  ", &left_alone, theme.muted);
    }
    // What groups keep is part of what Apply does: it is read through with the changes.
    let waiting = match said {
        Said::Notes(notes) => {
            for note in notes {
                listed.hanging("  ", &format!("· {note}"), theme.text);
            }
            None
        }
        Said::Waiting(text) => Some(text),
    };
    // Said whole under the list, which makes room for it.
    let mut below = Body::new(body.width);
    if let Some(waiting) = waiting {
        below.wrapped(&waiting, theme.field_error);
    }
    if let Some(warning) = warning {
        below.wrapped(&warning, theme.field_error);
    }
    below.blank();
    below.submission(&d.submission, "Applying…", app.spinner_frame, theme);
    let row = ConfirmRow {
        buttons: &REVIEW_BUTTONS,
        focus,
        confirm: Button::Apply,
        text: "Apply",
    };
    // Apply waits for the groups as it does for the end of the list.
    let groups_read = d.groups.access().is_some();
    d.preview_list
        .fill_then_buttons(body, (listed.lines, below), screen, theme.muted, |read| {
            row.line(read && groups_read, theme)
        });
}
