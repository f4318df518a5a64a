//! A new API key, shown the one time it exists in the clear: `y` copies it to the clipboard
//! through the terminal (OSC 52), and a warning says it will not be shown again. Closing the
//! dialog drops it: it is in no pane, log or title afterwards.

use ratatui::Frame;
use ratatui::text::{Line, Span};

use crate::api::ApiKeyOut;
use crate::tui::effect::Clipboard;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::{Canvas, Dialog, Next};

const WIDTH: u16 = 76;

#[derive(Debug, Clone)]
pub struct KeyShown {
    /// Its `Debug` hides the plaintext.
    pub key: ApiKeyOut,
    /// The key policy shortened the expiry asked for: said in words.
    pub note: Option<String>,
}

impl KeyShown {
    pub fn new(key: ApiKeyOut, note: Option<String>) -> Self {
        Self { key, note }
    }
}

/// The key and its warning, for this dialog and for a rotation that stopped after making it.
pub fn secret_lines(body: &mut Body, key: &ApiKeyOut, theme: &Theme) {
    let name = key.name.as_deref().unwrap_or("(unnamed)");
    body.line(
        &format!("New key \"{name}\" ({}):", key.hidden_key),
        theme.text,
    );
    let secret = key.key.as_deref().unwrap_or("(the server sent no key)");
    // The whole key on lines of its own, so it can be read or selected without a cut.
    for chunk in secret
        .chars()
        .collect::<Vec<_>>()
        .chunks(body.width.max(8) - 2)
    {
        let text: String = chunk.iter().collect();
        body.push(Line::from(Span::styled(
            format!("  {text}"),
            theme.field_value,
        )));
    }
    body.wrapped(
        "It will not be shown again: copy it now.",
        theme.field_error,
    );
}

/// The new key to the terminal's clipboard, for this dialog and a rotation's.
pub fn copy_secret(key: &ApiKeyOut) -> Next {
    match key.key.clone() {
        Some(secret) => Next::Copy(
            Clipboard(secret),
            "Copied the new key to the clipboard".into(),
        ),
        None => Next::Stay,
    }
}

impl Dialog for KeyShown {
    fn name(&self) -> &'static str {
        "new API key"
    }

    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::NewKey)]
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        match action {
            Action::CopyKey => copy_secret(&self.key),
            Action::Close => Next::Close,
            _ => Next::Stay,
        }
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        let mut body = Body::new(dialog::inner_width(canvas.screen, WIDTH));
        secret_lines(&mut body, &self.key, theme);
        match self.key.expiration_date {
            Some(day) => body.line(&format!("It works through {day}."), theme.text),
            None => body.line("It never expires.", theme.text),
        }
        if let Some(note) = &self.note {
            body.wrapped(note, theme.header);
        }
        body.blank();
        let copy = app.keymap.describe_keys(Context::NewKey, Action::CopyKey);
        let close = app.keymap.describe_keys(Context::NewKey, Action::Close);
        body.line(&format!("{copy} copy · {close} close"), theme.muted);
        dialog::show(frame, canvas.screen, WIDTH, "New API key", body, theme)
    }
}
