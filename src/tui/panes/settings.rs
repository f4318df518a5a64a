//! The Settings tab: the form with its messages (wrapped, so a reason is read whole), dirty
//! markers and read-only reasons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::state::form::{Extension, Field, SettingsForm};
use crate::tui::state::{App, Focus, WorkspaceView};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, width, wrap};
use crate::tui::widgets::{cursor, frame, input, spinner};

/// Widest a value box gets; descriptions longer than this scroll.
const VALUE_MAX: usize = 60;

/// Draws the form; returns whether every field and message fitted (it scrolls to the focused
/// field when not), which a save needs. When the pane is short, the hints under the fields and
/// the spacing go first, so the fields and their errors still fit.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    view: &WorkspaceView,
    theme: &Theme,
) -> bool {
    let Some(form) = view.form.as_ref() else {
        let lines = frame::loading_line("settings", spinner(app.spinner_frame), theme);
        frame::placeholder(frame, area, lines);
        return false;
    };
    let height = usize::from(area.height);
    let room = usize::from(area.width);
    let mut drawn = layout(app, form, room, true, theme);
    if drawn.lines.len() > height {
        drawn = layout(app, form, room, false, theme);
    }
    let whole = drawn.lines.len() <= height && drawn.lines.iter().all(|line| line.width() <= room);
    // Scrolled just enough to show the focused field with its message.
    let offset = drawn.focus_end.saturating_sub(height);
    frame.render_widget(Paragraph::new(drawn.lines).scroll((offset as u16, 0)), area);
    if let Some((line, column)) = drawn.cursor
        && line >= offset
        && line - offset < height
        && column < room
    {
        cursor::place(
            frame,
            (area.x + column as u16, area.y + (line - offset) as u16),
        );
    }
    whole
}

/// The form's lines for a pane `room` columns wide.
struct Drawn<'a> {
    lines: Vec<Line<'a>>,
    /// `(line, column)` of the terminal cursor while a field is edited.
    cursor: Option<(usize, usize)>,
    /// The line after the focused field and its message.
    focus_end: usize,
}

fn layout<'a>(
    app: &App,
    form: &SettingsForm,
    room: usize,
    roomy: bool,
    theme: &Theme,
) -> Drawn<'a> {
    let focused = app.focus == Focus::Detail;
    let refusal = app.workspace_refusal();
    let longest = Field::ALL
        .iter()
        .map(|f| width(f.label()))
        .max()
        .unwrap_or(0)
        + 2;
    let label_width = longest.min(room / 2).max(4);
    let value_width = room.saturating_sub(label_width + 3).min(VALUE_MAX);

    let mut lines: Vec<Line> = Vec::new();
    push_wrapped(
        &mut lines,
        status_line(app, form, refusal.as_deref(), theme),
        room,
        "",
    );
    if roomy {
        lines.push(Line::raw(""));
    }
    let mut cursor: Option<(usize, usize)> = None;
    let mut focus_end = 0;
    for field in Field::ALL {
        if field == Field::MembersCanCreateKeys {
            if roomy {
                lines.push(Line::raw(""));
            }
            push_wrapped(&mut lines, extension_heading(app, form, theme), room, "");
        }
        let editing = form.editing_field() == Some(field);
        let (value_spans, cursor_column) =
            value(form, field, value_width, editing, refusal.is_some(), theme);
        let marker = if focused && field == form.focus {
            "▶ "
        } else {
            "  "
        };
        let mut label = field.label().to_owned();
        if form.is_field_dirty(field) {
            label.push_str(" *");
        }
        let label_style = if focused && field == form.focus {
            theme.field_focused
        } else {
            theme.field_label
        };
        let prefix = format!("{} ", fit(&label, label_width));
        if let Some(column) = cursor_column {
            cursor = Some((lines.len(), width(marker) + width(&prefix) + column));
        }
        let mut spans = vec![
            Span::styled(marker, theme.field_focused),
            Span::styled(prefix, label_style),
        ];
        spans.extend(value_spans);
        lines.push(Line::from(spans));
        // A message is wrapped whole under its field: a refusal names the limit it is about.
        // Hints (the notes) are left out when the pane is short; errors never are.
        let message = match form.message(field) {
            Some(message) => Some((format!("! {message}"), theme.field_error)),
            None if roomy => Some((note(form, field), theme.muted)),
            None => None,
        };
        match message {
            Some((text, style)) if !text.is_empty() => {
                push_wrapped(&mut lines, Line::styled(text, style), room, "    ")
            }
            // A roomy form keeps a line under each field, so a message does not move the
            // fields below it when it appears.
            _ if roomy => lines.push(Line::raw("")),
            _ => {}
        }
        if field == form.focus {
            focus_end = lines.len();
        }
    }
    Drawn {
        lines,
        cursor,
        focus_end,
    }
}

/// Adds `line` after `indent`; a line too long for `room` columns is wrapped, its continuation
/// lines indented two columns further, in the style of its last part (the words that matter).
fn push_wrapped<'a>(lines: &mut Vec<Line<'a>>, line: Line<'a>, room: usize, indent: &str) {
    if width(indent) + line.width() <= room {
        let mut spans = vec![Span::raw(indent.to_owned())];
        spans.extend(line.spans);
        lines.push(Line::from(spans).style(line.style));
        return;
    }
    let style = line
        .spans
        .last()
        .map_or(line.style, |span| line.style.patch(span.style));
    let text: String = line
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    let hang = format!("{indent}  ");
    for (i, part) in wrap(&text, room.saturating_sub(width(&hang)).max(1))
        .into_iter()
        .enumerate()
    {
        let lead = if i == 0 { indent } else { hang.as_str() };
        lines.push(Line::from(vec![
            Span::raw(lead.to_owned()),
            Span::styled(part, style),
        ]));
    }
}

fn status_line<'a>(
    app: &App,
    form: &SettingsForm,
    refusal: Option<&str>,
    theme: &Theme,
) -> Line<'a> {
    if let Some(reason) = refusal {
        return Line::styled(
            format!("Read-only: {}", reason.trim_start_matches("read-only: ")),
            theme.field_read_only,
        );
    }
    if form.saving.is_some() {
        return Line::from(vec![
            Span::styled(spinner(app.spinner_frame), theme.spinner),
            Span::styled(" Saving…", theme.muted),
        ]);
    }
    if form.is_dirty() {
        let save = app.keymap.describe_keys(
            crate::tui::keymap::Context::Settings,
            crate::tui::keymap::Action::Save,
        );
        return Line::styled(format!("* Unsaved changes · {save} saves"), theme.dirty);
    }
    Line::styled("No unsaved changes", theme.muted)
}

fn extension_heading<'a>(app: &App, form: &SettingsForm, theme: &Theme) -> Line<'a> {
    let title = Span::styled("Console settings ", theme.header);
    match &form.extension {
        Extension::Available { .. } => Line::from(vec![
            title,
            Span::styled("(local server extension)", theme.muted),
        ]),
        Extension::Loading => Line::from(vec![
            title,
            Span::styled(spinner(app.spinner_frame), theme.spinner),
            Span::styled(" loading…", theme.muted),
        ]),
        Extension::Unavailable(reason) => Line::from(vec![
            title,
            Span::styled(format!("read-only: {reason}"), theme.field_read_only),
        ]),
    }
}

/// The value part of a field's line, and the cursor column within it while editing.
fn value<'a>(
    form: &SettingsForm,
    field: Field,
    room: usize,
    editing: bool,
    refused: bool,
    theme: &Theme,
) -> (Vec<Span<'a>>, Option<usize>) {
    let locked = refused || (field.is_extension() && !form.extension_available());
    let style = if editing {
        theme.field_editing
    } else if locked {
        theme.field_read_only
    } else {
        theme.field_value
    };
    if field == Field::MembersCanCreateKeys {
        let text = match (&form.extension, form.members_can_create_keys) {
            (Extension::Available { .. }, true) => "[x] yes",
            (Extension::Available { .. }, false) => "[ ] no",
            _ => "-",
        };
        return (vec![Span::styled(text, style)], None);
    }
    let Some(field_input) = form.input(field) else {
        return (Vec::new(), None);
    };
    if field == Field::MonthlySpendCap && !form.extension_available() {
        return (vec![Span::styled("-", style)], None);
    }
    let suffix = match (&form.extension, field) {
        (Extension::Available { currency, .. }, Field::MonthlySpendCap) => format!(" {currency}"),
        _ => String::new(),
    };
    let box_width = room.saturating_sub(width(&suffix) + 2).max(1);
    if field_input.value().is_empty() && !editing {
        let empty = match field {
            Field::MonthlySpendCap => "(no cap)",
            _ => "(none)",
        };
        return (
            vec![
                Span::styled(format!("[{}]", fit(empty, box_width)), theme.muted),
                Span::styled(suffix, theme.muted),
            ],
            None,
        );
    }
    let (shown, cursor) = input::visible(field_input, box_width, editing);
    (
        vec![
            Span::styled("[", bracket(theme, editing)),
            Span::styled(shown, style),
            Span::styled("]", bracket(theme, editing)),
            Span::styled(suffix, theme.muted),
        ],
        cursor.map(|c| c + 1),
    )
}

/// What to say under a field that has no problem: the cap's upper bound.
fn note(form: &SettingsForm, field: Field) -> String {
    match (&form.extension, field) {
        (
            Extension::Available {
                organization_limit,
                currency,
            },
            Field::MonthlySpendCap,
        ) => match organization_limit {
            Some(limit) => {
                format!("at most the organization's limit: {limit} {currency}; empty for none")
            }
            None => "the organization has no limit; empty for none".to_owned(),
        },
        _ => String::new(),
    }
}

fn bracket(theme: &Theme, editing: bool) -> Style {
    if editing {
        theme.field_focused
    } else {
        theme.muted
    }
}
