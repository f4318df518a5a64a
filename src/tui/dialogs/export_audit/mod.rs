//! Exporting the audit entries the view shows: a path typed (`.csv` writes CSV, anything else
//! JSON Lines), then the file is written off the console's thread; an existing file is never
//! overwritten. A failure brings this dialog back with the path as typed and the reason.

use std::path::PathBuf;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::text::Span;
use tui_input::Input as TextInput;

use crate::actions::audit_trail::{AuditNames, ExportFormat, export};
use crate::api::AuditLogOut;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::update::text_input;
use crate::tui::views::Fetcher;
use crate::tui::views::audit::ExportFetch;
use crate::tui::widgets::dialog::{self, Body};

use super::{After, Button, Canvas, ConfirmRow, Dialog, Next, RowKey, row_key};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Apply];
const WIDTH: u16 = 72;

#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// The entries shown when the dialog opened, in the order shown.
    pub entries: Vec<AuditLogOut>,
    pub names: AuditNames,
    pub path: TextInput,
    pub focus: Button,
    /// Why the last attempt failed.
    pub problem: Option<String>,
}

impl ExportDialog {
    pub fn new(entries: Vec<AuditLogOut>, names: AuditNames) -> Self {
        Self {
            entries,
            names,
            path: TextInput::default(),
            // It changes nothing in the organization and never overwrites a file: enter
            // after typing the path writes it.
            focus: Button::Apply,
            problem: None,
        }
    }

    /// The dialog again after a failed write, with the path as typed.
    pub fn failed(
        entries: Vec<AuditLogOut>,
        names: AuditNames,
        path: &str,
        problem: String,
    ) -> Self {
        let mut dialog = Self::new(entries, names);
        dialog.path = TextInput::new(path.to_owned());
        dialog.problem = Some(problem);
        dialog
    }

    fn format(&self) -> ExportFormat {
        ExportFormat::for_path(self.path.value())
    }

    fn start(&mut self) -> Next {
        let typed = self.path.value().trim();
        if typed.is_empty() {
            self.problem = Some("Type where to write the file".into());
            return Next::Stay;
        }
        let shown: Vec<&AuditLogOut> = self.entries.iter().collect();
        let text = export(&shown, &self.names, self.format());
        Next::Then(After::Start(Fetcher::new(ExportFetch {
            path: PathBuf::from(expand_home(typed)),
            typed: typed.to_owned(),
            text,
            count: shown.len(),
        })))
    }
}

/// `~/x` as the shell would read it.
fn expand_home(path: &str) -> String {
    match (path.strip_prefix("~/"), std::env::var("HOME")) {
        (Some(rest), Ok(home)) => format!("{home}/{rest}"),
        _ => path.to_owned(),
    }
}

impl Dialog for ExportDialog {
    fn name(&self) -> &'static str {
        "export audit entries"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Text, Layer::Keys(Context::Dialog)]
    }

    fn typed(&mut self, key: KeyEvent) {
        if text_input::feed(&mut self.path, &key) == Some(true) {
            self.problem = None;
        }
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match row_key(action, &BUTTONS, &mut self.focus, Button::Apply) {
            RowKey::Confirm => self.start(),
            RowKey::Close => Next::Close,
            RowKey::Moved | RowKey::Other => Next::Stay,
        }
    }

    fn paste(&mut self, text: &str) {
        text_input::paste(&mut self.path, text);
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, _app: &App, theme: &Theme) -> bool {
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        body.wrapped(
            &format!(
                "Export the {} entries shown (the filter applied, newest first).",
                self.entries.len()
            ),
            theme.header,
        );
        body.input(
            vec![Span::styled("File: ", theme.field_label)],
            &self.path,
            None,
            true,
            Span::raw(""),
            theme,
        );
        let format = match self.format() {
            ExportFormat::Csv => "CSV: time, actor, action, target, log id",
            ExportFormat::JsonLines => {
                "JSON Lines: each entry whole, with the names shown (.csv for CSV)"
            }
        };
        body.wrapped(format, theme.muted);
        if let Some(problem) = &self.problem {
            body.wrapped(problem, theme.field_error);
        }
        body.blank();
        let row = ConfirmRow {
            buttons: &BUTTONS,
            focus: self.focus,
            confirm: Button::Apply,
            text: "Export",
        };
        body.push(row.line(true, theme));
        dialog::show(
            frame,
            canvas.screen,
            WIDTH,
            "Export audit entries",
            body,
            theme,
        )
    }
}
