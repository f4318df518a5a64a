//! How commands print what they read: an aligned table (bold headers only on a terminal),
//! one JSON document, JSON Lines or CSV. Each listing carries both its cells and its JSON
//! records, so every format shows the same rows.

use std::io::IsTerminal;

use clap::ValueEnum;
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

use super::exit::{Exit, Failure};
use crate::api::datetime::{format_date, format_timestamp};
use crate::domain::csv;
use crate::domain::text::bidi_escaped;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people.
    #[default]
    Table,
    /// One JSON document: the contract's field names, with resolved names beside UUIDs.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header line; lists inside a cell are separated by `;`.
    Csv,
}

/// One cell: text, a list (joined by ", " in a table and ";" in CSV), or a moment (to the
/// minute in a table, in full RFC 3339 in CSV).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    List(Vec<String>),
    Time(Option<time::OffsetDateTime>),
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<Vec<String>> for Cell {
    fn from(list: Vec<String>) -> Self {
        Self::List(list)
    }
}

impl From<time::OffsetDateTime> for Cell {
    fn from(moment: time::OffsetDateTime) -> Self {
        Self::Time(Some(moment))
    }
}

impl From<Option<time::Date>> for Cell {
    fn from(date: Option<time::Date>) -> Self {
        Self::Text(date.map(format_date).unwrap_or_default())
    }
}

const MINUTE: &[time::format_description::FormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");

impl Cell {
    fn table_text(&self) -> String {
        match self {
            Self::Time(Some(moment)) => {
                let utc = moment.to_offset(time::UtcOffset::UTC);
                utc.format(MINUTE).unwrap_or_default()
            }
            other => other.joined(", "),
        }
    }

    fn joined(&self, separator: &str) -> String {
        match self {
            Self::Text(text) => text.clone(),
            Self::List(items) => items.join(separator),
            Self::Time(moment) => moment.map(format_timestamp).unwrap_or_default(),
        }
    }
}

/// What a read command prints: columns and cells for the table and CSV, a JSON record per
/// row for JSON Lines, and the JSON document (the records as an array unless a command gives
/// its own).
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    pub records: Vec<Value>,
    pub document: Option<Value>,
}

impl Listing {
    pub fn new(columns: &[&'static str]) -> Self {
        Self {
            columns: columns.to_vec(),
            ..Self::default()
        }
    }

    pub fn push(&mut self, cells: Vec<Cell>, record: Value) {
        debug_assert_eq!(cells.len(), self.columns.len());
        self.rows.push(cells);
        self.records.push(record);
    }

    pub fn render(&self, format: Format, colour: bool) -> String {
        match format {
            Format::Table => self.table(colour),
            Format::Json => {
                let document = self
                    .document
                    .clone()
                    .unwrap_or_else(|| Value::Array(self.records.clone()));
                pretty(&document)
            }
            Format::Jsonl => self.records.iter().map(|r| format!("{r}\n")).collect(),
            Format::Csv => self.csv(),
        }
    }

    fn table(&self, colour: bool) -> String {
        let header: Vec<String> = self
            .columns
            .iter()
            .map(|c| c.to_uppercase().replace('_', " "))
            .collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| row.iter().map(|c| printable(&c.table_text())).collect())
            .collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.width());
            }
        }
        let line = |cells: &[String]| -> String {
            let mut text = String::new();
            for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
                text.push_str(cell);
                if i + 1 < cells.len() {
                    text.push_str(&" ".repeat(width - cell.width() + 2));
                }
            }
            text.trim_end().to_owned()
        };
        let mut out = line(&header);
        if colour {
            out = format!("\x1b[1m{out}\x1b[0m");
        }
        out.push('\n');
        for row in &rows {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }

    fn csv(&self) -> String {
        let mut out = csv_line(self.columns.iter().map(|c| c.to_string()));
        for row in &self.rows {
            out.push_str(&csv_line(row.iter().map(|c| c.joined(";"))));
        }
        out
    }
}

/// Writes to stdout. A reader that went away (`| head`) ends the output quietly; any other
/// error is reported.
pub fn emit(text: &str) -> Result<(), Failure> {
    match write_stdout(text) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => {
            other.map_err(|e| Failure::new(Exit::Failure, format!("cannot write to stdout: {e}")))
        }
    }
}

/// Writes what must not be lost (a new key) to stdout; any error, a closed pipe included, is
/// reported.
pub fn emit_all(text: &str) -> Result<(), Failure> {
    write_stdout(text)
        .map_err(|e| Failure::new(Exit::Failure, format!("cannot write to stdout: {e}")))
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

pub fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}

fn csv_line(cells: impl Iterator<Item = String>) -> String {
    let quoted: Vec<String> = cells.map(|text| csv::cell(&text)).collect();
    format!("{}\r\n", quoted.join(","))
}

/// Text safe to print on a terminal: control characters (an escape sequence a server sent)
/// shown as `?`, bidi controls as `<U+202E>` (they would turn the rest of the row around).
fn printable(text: &str) -> String {
    bidi_escaped(text)
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// Whether a table may use bold: stdout is a terminal and colour is not turned off.
pub fn colour_allowed(no_color: bool) -> bool {
    !no_color
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn listing() -> Listing {
        let mut listing = Listing::new(&["name", "roles", "last_used"]);
        listing.push(
            vec![
                "Zoë Ångström".into(),
                vec!["dev".into(), "user".into()].into(),
                "".into(),
            ],
            json!({"name": "Zoë Ångström"}),
        );
        listing.push(
            vec!["Taro 田中".into(), Cell::List(vec![]), "2026-06-01".into()],
            json!({"name": "Taro 田中"}),
        );
        listing
    }

    #[test]
    fn tables_align_by_display_width_without_trailing_spaces() {
        assert_eq!(
            listing().render(Format::Table, false),
            "NAME          ROLES      LAST USED\n\
             Zoë Ångström  dev, user\n\
             Taro 田中     \u{20}          2026-06-01\n"
        );
        assert!(
            listing()
                .render(Format::Table, true)
                .starts_with("\x1b[1mNAME")
        );
    }

    #[test]
    fn csv_quotes_what_needs_it_and_lists_use_semicolons() {
        let mut listing = Listing::new(&["name", "roles"]);
        listing.push(
            vec![
                "Doe, \"Jane\"".into(),
                vec!["dev".into(), "user".into()].into(),
            ],
            json!({}),
        );
        assert_eq!(
            listing.render(Format::Csv, false),
            "name,roles\r\n\"Doe, \"\"Jane\"\"\",dev;user\r\n"
        );
    }

    #[test]
    fn a_table_shows_bidi_controls_as_escapes_and_csv_keeps_formulas_as_text() {
        let mut listing = Listing::new(&["name", "roles"]);
        listing.push(vec!["Lab\u{202E}txt.exe".into(), "=1+1".into()], json!({}));
        let table = listing.render(Format::Table, false);
        assert!(table.contains("Lab<U+202E>txt.exe  =1+1"), "{table}");
        assert_eq!(
            listing.render(Format::Csv, false),
            "name,roles\r\nLab\u{202E}txt.exe,'=1+1\r\n"
        );
    }

    #[test]
    fn json_is_one_document_and_jsonl_one_record_a_line() {
        let text = listing().render(Format::Json, false);
        let parsed: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(parsed[1]["name"], "Taro 田中");
        assert_eq!(
            listing().render(Format::Jsonl, false),
            "{\"name\":\"Zoë Ångström\"}\n{\"name\":\"Taro 田中\"}\n"
        );
    }
}
