//! The Add Members dialog as drawn: the search, the people who can be added (with the
//! selection), the role they get, and what Enter will do.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::actions::outcome::count_of;
use crate::api::RoleOut;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::state::selection::full_page_offset;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{Body, submission_lines};
use crate::tui::widgets::frame;
use crate::tui::widgets::read_through::position_parts;
use crate::tui::widgets::text::{fit, truncate, width, wrap, wrap_to_tallest};

use super::{AddMembers, Candidate, Column};

/// The widest the role column gets; the people take the rest.
const ROLE_COLUMN: usize = 28;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &AddMembers,
    theme: &Theme,
) -> bool {
    let area = frame::centered(screen, 96, screen.height.saturating_sub(2).min(24));
    let title = format!("Add members to \"{}\"", truncate(&d.workspace_name, 40));
    let inner = frame::dialog(frame, area, &title, theme);
    if inner.height < 6 || inner.width < 20 {
        return false;
    }
    let room = usize::from(inner.width);
    let mut body = Body::new(room);
    body.wrapped(
        "Only people already in the organization can be added, and they join at once. \
         To bring in someone new, invite them to the organization first.",
        theme.muted,
    );
    search_line(&mut body, app, d, theme);

    let footer = footer_lines(app, d, room, theme);
    let list_height = usize::from(inner.height)
        .saturating_sub(body.lines.len() + 1 + footer.len())
        .max(1);
    let role_width = ROLE_COLUMN.min(room * 2 / 5);
    let people_width = room.saturating_sub(role_width + 2);
    let people = people_lines(d, people_width, list_height, theme);
    let roles = role_lines(d, role_width, list_height, theme);
    let heading = |text: String, column: Column| {
        if d.column == column {
            Span::styled(format!("▸ {text}"), theme.title_focused)
        } else {
            Span::styled(format!("  {text}"), theme.header)
        }
    };
    let people_title = format!("People ({} of {})", d.shown.len(), d.candidates.len());
    body.push(Line::from(vec![
        heading(
            fit(&people_title, people_width.saturating_sub(2)),
            Column::People,
        ),
        Span::raw("  "),
        heading("Role".to_owned(), Column::Role),
    ]));
    for row in 0..list_height {
        let left = people
            .get(row)
            .cloned()
            .unwrap_or_else(|| Line::raw(" ".repeat(people_width)));
        let mut spans = left.spans;
        spans.push(Span::raw("  "));
        if let Some(right) = roles.get(row) {
            spans.extend(right.spans.iter().cloned());
        }
        body.push(Line::from(spans));
    }
    for line in footer {
        body.push(line);
    }
    body.render(frame, inner)
}

fn search_line(body: &mut Body, app: &App, d: &AddMembers, theme: &Theme) {
    let mut count = format!("  {} selected", d.selected.len());
    let hidden = d.hidden_selected();
    if hidden > 0 {
        count.push_str(&format!(" ({hidden} hidden by the search)"));
    }
    if d.search.typing || d.search.is_active() {
        body.input(
            vec![Span::styled("Search ", theme.field_label)],
            &d.search.input,
            Some(28),
            d.search.typing,
            Span::styled(count, theme.dirty),
            theme,
        );
    } else {
        let key = app
            .keymap
            .describe_keys(Context::AddMembers, Action::Search);
        body.push(Line::from(vec![
            Span::styled(format!("{key} searches by name or email"), theme.muted),
            Span::styled(count, theme.dirty),
        ]));
    }
}

fn people_lines(d: &AddMembers, room: usize, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    if d.shown.is_empty() {
        let text = format!("Nobody matches \"{}\"", d.search.text().trim());
        return vec![Line::styled(fit(&text, room), theme.muted)];
    }
    let ids = d.shown_ids();
    let selected = d.cursor.resolve(&ids);
    let layout = PeopleLayout::new(d, room);
    let window = Window::new("people", selected, d.shown.len(), height, layout.rows, room);
    let mut lines = Vec::new();
    for (row, (index, _)) in d.shown.iter().enumerate().skip(window.offset) {
        if row >= window.offset + window.entries {
            break;
        }
        let person = &d.candidates[*index];
        let under_cursor = selected == Some(row);
        let style = row_style(under_cursor, d.column == Column::People, theme);
        let ticked = d.selected.contains(&person.user_id);
        for text in layout.rows_of(person, under_cursor, ticked) {
            lines.push(Line::styled(fit(&text, room), style));
        }
    }
    window.below(lines, height, room, theme)
}

/// The cursor marker and the tick box before a name: `▶ [x] `.
const BEFORE_NAME: usize = 6;

/// How the people column lays out each person: on one line, the names in a column as wide
/// as the widest and the email after it; where an email would not fit that way, the email
/// goes under the name, wrapped, never cut. Measured over everyone who can be added, so the
/// layout stays put while a search narrows the list.
struct PeopleLayout {
    /// The name column's width on one line; `None` when each email goes under its name.
    name_width: Option<usize>,
    /// Lines each person takes.
    rows: usize,
    /// The room after the marker and the tick box.
    text_room: usize,
}

impl PeopleLayout {
    fn new(d: &AddMembers, room: usize) -> Self {
        let text_room = room.saturating_sub(BEFORE_NAME).max(1);
        let widest =
            |f: fn(&Candidate) -> &str| d.candidates.iter().map(|c| width(f(c))).max().unwrap_or(0);
        let (names, emails) = (widest(|c| &c.name), widest(|c| &c.email));
        if names + 1 + emails <= text_room {
            return Self {
                name_width: Some(names),
                rows: 1,
                text_room,
            };
        }
        let email_rows = d
            .candidates
            .iter()
            .map(|c| wrap(&c.email, text_room).len())
            .max()
            .unwrap_or(1);
        Self {
            name_width: None,
            rows: 1 + email_rows,
            text_room,
        }
    }

    /// The lines of one person, padded to the rows every person takes.
    fn rows_of(&self, person: &Candidate, under_cursor: bool, ticked: bool) -> Vec<String> {
        let marker = if under_cursor { "▶ " } else { "  " };
        let tick = if ticked { "[x] " } else { "[ ] " };
        let mut rows = match self.name_width {
            Some(name_width) => vec![format!(
                "{marker}{tick}{} {}",
                fit(&person.name, name_width),
                person.email
            )],
            None => {
                let mut rows = vec![format!("{marker}{tick}{}", person.name)];
                let indent = " ".repeat(BEFORE_NAME);
                for part in wrap(&person.email, self.text_room) {
                    rows.push(format!("{indent}{part}"));
                }
                rows
            }
        };
        rows.resize(self.rows, String::new());
        rows
    }
}

fn role_lines(d: &AddMembers, room: usize, height: usize, theme: &Theme) -> Vec<Line<'static>> {
    let window = Window::new("roles", Some(d.role), d.roles.len(), height, 1, room);
    let lines = d
        .roles
        .iter()
        .enumerate()
        .skip(window.offset)
        .take(window.entries)
        .map(|(i, role)| {
            let chosen = i == d.role;
            let text = if chosen {
                format!("▶ (•) {}", role.name)
            } else {
                format!("  ( ) {}", role.name)
            };
            let style = row_style(chosen, d.column == Column::Role, theme);
            Line::styled(fit(&text, room), style)
        })
        .collect();
    window.below(lines, height, room, theme)
}

/// The part of a list a column shows: where it starts, how many entries, and, when not all
/// fit, the lines under them that say which are shown and how many more are below, in the
/// words of every scrolled list ("roles 1-5 of 11 · 6 below: ↓"). Those lines take as many rows
/// wherever the cursor is, and the last page is filled from above, so the list keeps its
/// height as the cursor moves.
struct Window {
    offset: usize,
    entries: usize,
    /// Said under the entries, padded to the rows set aside for it.
    told: Vec<String>,
}

impl Window {
    fn new(
        noun: &str,
        cursor: Option<usize>,
        len: usize,
        height: usize,
        entry_rows: usize,
        room: usize,
    ) -> Self {
        let entry_rows = entry_rows.max(1);
        if len * entry_rows <= height {
            return Self {
                offset: 0,
                entries: len,
                told: Vec::new(),
            };
        }
        // The most the position can take: the widest numbers, with more below.
        let widest = [
            format!("{noun} {len}-{len} of {len}"),
            format!("{len} below: ↓"),
        ];
        let tallest = hint_rows(&widest, room).len();
        let entries = (height.saturating_sub(tallest) / entry_rows).max(1);
        let offset = full_page_offset(cursor, entries, len);
        let shown = (offset + 1, (offset + entries).min(len), len);
        let mut told = hint_rows(&position_parts(noun, shown, "↓"), room);
        told.resize(tallest, String::new());
        Self {
            offset,
            entries,
            told,
        }
    }

    /// `lines` with what the window says under them, kept within `height` rows.
    fn below(
        &self,
        mut lines: Vec<Line<'static>>,
        height: usize,
        room: usize,
        theme: &Theme,
    ) -> Vec<Line<'static>> {
        if self.told.is_empty() {
            return lines;
        }
        lines.truncate(height.saturating_sub(self.told.len()));
        let blank = height.saturating_sub(lines.len() + self.told.len());
        lines.extend(std::iter::repeat_n(Line::raw(" ".repeat(room)), blank));
        for text in &self.told {
            lines.push(Line::styled(fit(&format!("  {text}"), room), theme.muted));
        }
        lines
    }
}

/// `parts` joined with " · ", wrapped between parts into lines `room` wide (less the two
/// columns each line is indented by).
fn hint_rows(parts: &[String], room: usize) -> Vec<String> {
    let mut body = Body::new(room.saturating_sub(2).max(1));
    body.hint(parts, Style::default());
    body.lines
        .iter()
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

/// A row of one of the two columns: the cursor's row shows it, dimmer when the other column
/// has the keys.
fn row_style(under_cursor: bool, column_focused: bool, theme: &Theme) -> Style {
    match (under_cursor, column_focused) {
        (true, true) => theme.cursor,
        (true, false) => theme.cursor_unfocused,
        _ => theme.text,
    }
}

/// A role and what it lets its holders do, as told under the lists.
fn described(role: &RoleOut) -> String {
    format!("{}: {}", role.name, role.description)
}

/// Names shown in the "Selected:" line before "and N more".
const NAMES_SHOWN: usize = 4;

/// The chosen role's description, who is selected (by name, those the search hides too), then
/// what Enter does (or the state of the request).
fn footer_lines(app: &App, d: &AddMembers, room: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let told = d.chosen_role().map(described);
    for line in wrap_to_tallest(told.as_deref(), d.roles.iter().map(described), room) {
        lines.push(Line::styled(line, theme.muted));
    }
    let mut selected = d.selected_people();
    if !selected.is_empty() {
        let shown: std::collections::HashSet<uuid::Uuid> = d.shown_ids().into_iter().collect();
        // Those the search hides first: they are the ones the list does not show.
        selected.sort_by_key(|c| shown.contains(&c.user_id));
        let mut names: Vec<String> = selected
            .iter()
            .take(NAMES_SHOWN)
            .map(|c| {
                if shown.contains(&c.user_id) {
                    c.name.clone()
                } else {
                    format!("{} (hidden by the search)", c.name)
                }
            })
            .collect();
        if selected.len() > NAMES_SHOWN {
            names.push(format!("and {} more", selected.len() - NAMES_SHOWN));
        }
        for line in wrap(&format!("Selected: {}", names.join(", ")), room) {
            lines.push(Line::styled(line, theme.text));
        }
    }
    let who = count_of(d.selected.len(), "person", "people");
    let status = submission_lines(
        &d.submission,
        &format!("Adding {who}…"),
        app.spinner_frame,
        room,
        theme,
    );
    if status.is_empty() {
        let keys = |context, action| app.keymap.describe_keys(context, action);
        let submit = keys(Context::AddMembers, Action::Submit);
        let role = d.chosen_role().map_or("", |r| r.name.as_str());
        let text = if d.search.typing {
            format!(
                "Typing a search: {} keeps it, {} clears it",
                keys(Context::Filter, Action::Done),
                keys(Context::Filter, Action::Clear)
            )
        } else if d.selected.is_empty() {
            format!(
                "Select people with {}, then press {submit} to add them",
                keys(Context::AddMembers, Action::Mark)
            )
        } else {
            format!("{submit}: add {who} as {role}")
        };
        for line in wrap(&text, room) {
            lines.push(Line::styled(line, theme.notice));
        }
    } else {
        lines.extend(status);
    }
    lines
}
