//! The API keys tab: a read-only list of the workspace's keys (never the key itself).

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::api::ApiKeyExtendedOut;
use crate::api::datetime::format_date;
use crate::tui::state::org::key_expired;
use crate::tui::state::{Focus, Remote};
use crate::tui::widgets::table::{self, Column, Row};
use crate::tui::widgets::{frame, spinner};

use super::detail::OpenTab;

pub fn render(frame: &mut Frame, area: Rect, tab: OpenTab<'_>) {
    let (app, found, view, theme) = (tab.app, tab.found, tab.view, tab.theme);
    let org = app.org();
    match &org.api_keys.value {
        Remote::Loading => {
            let lines = frame::loading_line("API keys", spinner(app.spinner_frame), theme);
            return frame::placeholder(frame, area, lines);
        }
        Remote::Failed(err) => {
            return frame::placeholder(
                frame,
                area,
                frame::error_lines("API keys", err, app, theme),
            );
        }
        Remote::Loaded(_) => {}
    }
    let keys = org.keys_of(found.workspace.uuid);
    if keys.is_empty() {
        return frame::placeholder(
            frame,
            area,
            frame::empty_line("No API keys in this workspace", theme),
        );
    }
    let columns = [
        // Columns that do not fit are hidden from the right: when a key was made matters
        // least, so it goes first on narrow terminals.
        Column::new("Name", 6, 30),
        Column::new("Key", 8, 16),
        Column::new("Owner", 8, 30),
        Column::new("Expires", 10, 10),
        Column::new("Last used", 10, 10),
        Column::new("Created", 10, 10),
    ];
    // Keys of an archived workspace and expired keys no longer work: both are dimmed.
    let style_of = |key: &ApiKeyExtendedOut| {
        if found.archived || key_expired(key, app.today) {
            theme.archived
        } else {
            theme.text
        }
    };
    let never = || "never".to_owned();
    let rows: Vec<Row> = keys
        .iter()
        .map(|k| {
            Row::new(
                vec![
                    k.name.clone().unwrap_or_else(|| "(unnamed)".into()),
                    k.hidden_key.clone(),
                    k.created_by.clone().unwrap_or_default(),
                    k.expiration_date.map(format_date).unwrap_or_else(never),
                    k.last_used.map(format_date).unwrap_or_else(never),
                    k.created_at
                        .map(|t| format_date(t.date()))
                        .unwrap_or_default(),
                ],
                style_of(k),
            )
        })
        .collect();
    let ids: Vec<_> = keys.iter().map(|k| k.key_id).collect();
    let table = table::Table {
        columns: &columns,
        rows: &rows,
        selected: view.keys_cursor.resolve(&ids),
        focused: app.focus == Focus::Detail,
        title_suffix: None,
        header: true,
    };
    table::render(frame, area, &table, theme);
}
