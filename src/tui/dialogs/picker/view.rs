//! Drawing a fuzzy picker: the query, the ranked entries with their matched characters
//! highlighted, and how many of all match.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::selection::page_offset;
use crate::tui::state::{App, Remote, picking};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fit, truncate, width};
use crate::tui::widgets::{frame, input, spinner};

use super::Search;

/// One entry as the picker draws it.
pub struct Entry {
    pub prefix: String,
    pub text: String,
    /// The matched characters of `text`, by index.
    pub positions: Vec<usize>,
    pub suffix: String,
    pub style: Style,
}

/// What a picker lists: its title, the entries that match the query, how many there are in
/// all, and what to say in the entries' place while they load.
pub struct PickerListing {
    pub title: &'static str,
    pub entries: Vec<Entry>,
    pub total: usize,
    pub status: Option<String>,
}

/// The workspaces, archived ones marked, with the list's loading or failure.
pub fn workspaces(app: &App, picker: &Search, theme: &Theme) -> PickerListing {
    let choices = picking::workspaces(app, picker.query.value());
    let total = app.org().all_workspaces().len();
    let entries: Vec<Entry> = choices
        .into_iter()
        .map(|c| {
            let icon = if c.icon.is_empty() {
                "  ".to_owned()
            } else {
                fit(&c.icon, 2)
            };
            Entry {
                prefix: format!("{icon} "),
                text: c.name,
                positions: c.matched.positions,
                suffix: if c.archived {
                    " archived".into()
                } else {
                    String::new()
                },
                style: if c.archived {
                    theme.archived
                } else {
                    theme.text
                },
            }
        })
        .collect();
    let status = match &app.org().workspaces.value {
        Remote::Loading => Some(format!(
            "{} loading workspaces…",
            spinner(app.spinner_frame)
        )),
        Remote::Failed(err) => Some(format!("✗ {err}")),
        Remote::Loaded(_) => None,
    };
    PickerListing {
        title: "Open workspace",
        entries,
        total,
        status,
    }
}

/// The profiles, the current one marked, each with its organization's name when known.
pub fn organizations(app: &App, picker: &Search, theme: &Theme) -> PickerListing {
    let choices = picking::organizations(app, picker.query.value());
    let entries: Vec<Entry> = choices
        .into_iter()
        .map(|c| Entry {
            prefix: if c.current {
                "● ".into()
            } else {
                "  ".into()
            },
            text: c.profile,
            positions: c.matched.positions,
            suffix: {
                let mut s = String::new();
                if let Some(name) = c.name {
                    s.push_str("  ");
                    s.push_str(&name);
                }
                if c.is_local {
                    s.push_str("  [local]");
                }
                s
            },
            style: theme.text,
        })
        .collect();
    PickerListing {
        title: "Switch organization",
        entries,
        total: app.profiles.len(),
        status: None,
    }
}

/// Draws a picker over `screen` with what `listing` holds. Returns whether it had room to.
pub fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    picker: &Search,
    listing: PickerListing,
    theme: &Theme,
) -> bool {
    let PickerListing {
        title,
        entries,
        total,
        status,
    } = listing;
    let area = frame::centered(screen, 64, 18.min(screen.height.saturating_sub(2)));
    let close = app.keymap.describe_keys(Context::Picker, Action::Close);
    let inner = frame::dialog(frame, area, &format!("{title} · {close} closes"), theme);
    if inner.height < 2 || inner.width < 4 {
        return false;
    }
    let room = usize::from(inner.width);
    frame.render_widget(Paragraph::new(Span::styled("> ", theme.hint_key)), inner);
    let query_area = Rect {
        x: inner.x + 2,
        width: inner.width - 2,
        height: 1,
        ..inner
    };
    input::render(frame, query_area, &picker.query, theme.field_editing, true);

    let list_height = usize::from(inner.height) - 2;
    let mut lines = Vec::new();
    if let Some(status) = status {
        lines.push(Line::styled(truncate(&status, room), theme.muted));
    } else if entries.is_empty() {
        lines.push(Line::styled("Nothing matches", theme.muted));
    }
    let selected = (!entries.is_empty()).then(|| picker.cursor.min(entries.len() - 1));
    let offset = page_offset(selected, list_height.saturating_sub(lines.len()));
    let shown = entries.len();
    for (index, entry) in entries.into_iter().enumerate().skip(offset) {
        if lines.len() >= list_height {
            break;
        }
        let under_cursor = selected == Some(index);
        lines.push(entry_line(entry, under_cursor, room, theme));
    }
    let list_area = Rect {
        y: inner.y + 1,
        height: inner.height - 2,
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), list_area);
    let footer = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    let count = format!("{shown} of {total}");
    frame.render_widget(Paragraph::new(Span::styled(count, theme.muted)), footer);
    true
}

/// An entry with its matched characters highlighted, cut to the room.
fn entry_line(entry: Entry, under_cursor: bool, room: usize, theme: &Theme) -> Line<'static> {
    let base = if under_cursor {
        theme.cursor
    } else {
        entry.style
    };
    let marker = if under_cursor { "▶ " } else { "  " };
    let mut spans = vec![
        Span::styled(marker, base),
        Span::styled(entry.prefix.clone(), base),
    ];
    let text_room =
        room.saturating_sub(width(marker) + width(&entry.prefix) + width(&entry.suffix));
    let text = truncate(&entry.text, text_room.max(4));
    // Highlight whole graphemes, so a combining mark stays with its letter.
    let mut char_index = 0;
    for grapheme in text.graphemes(true) {
        let count = grapheme.chars().count();
        let hit = (char_index..char_index + count).any(|i| entry.positions.contains(&i));
        char_index += count;
        let style = if hit {
            base.patch(theme.match_highlight)
        } else {
            base
        };
        spans.push(Span::styled(grapheme.to_owned(), style));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let suffix = truncate(&entry.suffix, room.saturating_sub(used));
    let used = used + width(&suffix);
    spans.push(Span::styled(suffix, base.patch(theme.muted)));
    spans.push(Span::styled(" ".repeat(room.saturating_sub(used)), base));
    Line::from(spans)
}
