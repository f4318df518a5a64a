//! The group change as drawn: the list being chosen from (ticks for several), or the review
//! with the plan's summary, who gains or loses which role, the name to type for a deletion,
//! the server's refusal whole, and the buttons with Cancel first.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::state::selection::full_page_offset;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};
use crate::tui::widgets::text::{width, wrap_to_tallest};

use super::super::name_to_type::name_to_type;
use super::super::{Button, ConfirmRow};
use super::{GroupChange, Item, Kind, PickList, Stage, review_buttons};

const WIDTH: u16 = 76;
/// List rows shown at once.
const LIST_ROWS: usize = 8;

fn title(kind: Kind) -> &'static str {
    match kind {
        Kind::AddMembers => "Add members to the group",
        Kind::RemoveMembers => "Remove members from the group",
        Kind::Nest => "Nest the group",
        Kind::Unnest => "Take the group out of a group",
        Kind::Assign => "Assign the group to a workspace",
        Kind::Unassign => "Remove a workspace assignment",
        Kind::Provision => "Provision a workspace from the group",
        Kind::OrganizationRole => "The group's organization role",
        Kind::Delete => "Delete the group",
    }
}

fn question(d: &GroupChange) -> String {
    let name = d.groups.name_of(d.group);
    match (d.kind, d.stage) {
        (Kind::AddMembers, _) => format!("Who joins \"{name}\"?"),
        (Kind::RemoveMembers, _) => format!("Which members leave \"{name}\"?"),
        (Kind::Nest, _) => format!("Nest \"{name}\" inside which group?"),
        (Kind::Unnest, _) => format!("Take \"{name}\" out of which group?"),
        (Kind::Assign, Stage::Roles) => {
            format!("Which roles does \"{name}\" grant there? Its members get them all.")
        }
        (Kind::Provision, Stage::Roles) => "Which role do its members get there?".into(),
        (Kind::Assign, _) => format!("Assign \"{name}\" to which workspace?"),
        (Kind::Unassign, _) => format!("End the assignment of \"{name}\" to which workspace?"),
        (Kind::Provision, _) => format!("Copy the members of \"{name}\" into which workspace?"),
        (Kind::OrganizationRole, _) => {
            format!("Which organization role does \"{name}\" grant its members?")
        }
        (Kind::Delete, _) => format!("Delete \"{name}\"?"),
    }
}

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &GroupChange,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    if !matches!(d.stage, Stage::Review(_)) || d.kind == Kind::Delete {
        body.wrapped(&question(d), theme.header);
    }
    match d.stage {
        Stage::Targets => list(&mut body, &d.targets, theme),
        Stage::Roles => list(&mut body, &d.roles, theme),
        Stage::Review(focus) => review(&mut body, app, d, focus, screen, theme),
    }
    if !matches!(d.stage, Stage::Review(_)) {
        if let Some(problem) = &d.problem {
            body.wrapped(problem, theme.field_error);
        }
        body.blank();
        let list = if d.stage == Stage::Roles {
            &d.roles
        } else {
            &d.targets
        };
        if !list.query.is_empty() {
            body.line(&format!("Find: {}", list.query), theme.field_label);
        }
        let keys = |action| app.keymap.describe_keys(Context::GroupPick, action);
        let hint = if list.multi {
            vec![
                "type to find".to_owned(),
                format!("{} ticks", keys(Action::Toggle)),
                format!("{} goes on to the preview", keys(Action::Choose)),
                format!("{} cancels", keys(Action::Cancel)),
            ]
        } else {
            vec![
                "type to find".to_owned(),
                format!("{} takes the one under the cursor", keys(Action::Choose)),
                format!("{} cancels", keys(Action::Cancel)),
            ]
        };
        // Wrapped between its parts: on a narrow screen no key is parted from what it does.
        body.hint(&hint, theme.notice);
    }
    dialog::show(frame, screen, WIDTH, title(d.kind), body, theme)
}

fn list(body: &mut Body, list: &PickList, theme: &Theme) {
    let offset = full_page_offset(Some(list.cursor), LIST_ROWS, list.items.len());
    for (i, item) in list.items.iter().enumerate().skip(offset).take(LIST_ROWS) {
        let under = i == list.cursor;
        let marker = if under { "▶ " } else { "  " };
        let tick = match (list.multi, list.ticked.contains(&item.id)) {
            (false, _) => "",
            (true, true) => "[x] ",
            (true, false) => "[ ] ",
        };
        let note = if item.note.is_empty() {
            String::new()
        } else {
            format!("  {}", item.note)
        };
        let style = if under { theme.cursor } else { theme.text };
        body.line(&format!("{marker}{tick}{}{note}", item.label), style);
    }
    // Ticks scrolled out of sight still count: the line says how many there are.
    let ticked = match list.ticked.len() {
        0 => String::new(),
        n => format!("{n} ticked"),
    };
    let position = (list.items.len() > LIST_ROWS)
        .then(|| format!("{} of {}", list.cursor + 1, list.items.len()));
    let said: Vec<String> = position
        .into_iter()
        .chain((list.multi && !ticked.is_empty()).then_some(ticked))
        .collect();
    if !said.is_empty() {
        body.line(&format!("  {}", said.join(" · ")), theme.muted);
    }
    told_whole(body, list, theme);
}

/// An entry and its note, as told under the list.
fn told(item: &Item) -> String {
    format!("{}: {}", item.label, item.note)
}

/// Where a note is too long for its row (and cut there), the note of the entry under the
/// cursor is told whole under the list, on as many lines as the longest takes, so the dialog
/// keeps its size as the cursor moves.
fn told_whole(body: &mut Body, list: &PickList, theme: &Theme) {
    let room = body.width;
    // The marker and the tick before the label ("▶ [x] "), and the gap before the note.
    let around = 2 + if list.multi { 4 } else { 0 } + 2;
    let cut = |item: &Item| around + width(&item.label) + width(&item.note) > room;
    if !list
        .items
        .iter()
        .any(|item| !item.note.is_empty() && cut(item))
    {
        return;
    }
    let under_cursor = list
        .items
        .get(list.cursor)
        .filter(|item| !item.note.is_empty());
    let said = under_cursor.map(told);
    for line in wrap_to_tallest(said.as_deref(), list.items.iter().map(told), room) {
        body.line(&line, theme.muted);
    }
}

fn review(body: &mut Body, app: &App, d: &GroupChange, focus: Button, screen: Rect, theme: &Theme) {
    let Some(plan) = &d.plan else {
        return;
    };
    body.wrapped(&plan.summary, theme.text);
    for note in &plan.notes {
        body.hanging("  ", &format!("Note: {note}"), theme.muted);
    }
    body.blank();
    let preview = d.preview(app);
    let mut listed = Body::new(body.width);
    if preview.is_empty() {
        body.wrapped(
            "No one gains or loses a role through this change.",
            theme.muted,
        );
    } else {
        body.line("Who gains or loses a role through it:", theme.field_label);
        for line in &preview {
            let loses = line.contains(" loses ");
            let (mark, style) = if loses {
                ("- ", theme.field_error)
            } else {
                ("+ ", theme.text)
            };
            listed.hanging("  ", &format!("{mark}{line}"), style);
        }
    }
    let mut below = Body::new(body.width);
    if d.kind == Kind::Delete {
        below.blank();
        below.wrapped("Type the group's name to confirm (exactly):", theme.text);
        name_to_type(
            &mut below,
            &d.typed,
            d.confirmed(),
            40,
            !d.submission.is_sending(),
            theme,
        );
    }
    below.blank();
    below.submission(&d.submission, "Sending…", app.spinner_frame, theme);
    let apply = d.apply_text();
    // The preview scrolls in what the screen leaves between the summary and the buttons.
    d.preview_list
        .fill_then_buttons(body, (listed.lines, below), screen, theme.muted, |read| {
            let row = ConfirmRow {
                buttons: review_buttons(d.has_choices()),
                focus,
                confirm: Button::Apply,
                text: &apply,
            };
            row.line(d.confirmed() && read, theme)
        });
}
