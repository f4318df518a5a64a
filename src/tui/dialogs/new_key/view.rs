//! The new-key form as drawn: each field with what it holds (a choice shows what typing
//! found), a problem under its field, the server's answer, and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};
use crate::tui::widgets::text::truncate;

use super::super::{Button, field_label};
use super::{KeyField, NewKeyForm};

const WIDTH: u16 = 72;
const LABEL_WIDTH: usize = 12;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &NewKeyForm,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    let editable = !d.submission.is_sending();
    let step = app.keymap.describe_keys(Context::KeyForm, Action::Toggle);
    for field in KeyField::ORDER.into_iter().filter(|f| !f.is_button()) {
        let focused = d.focus == field;
        let label = field_label(field.label(), focused, LABEL_WIDTH, theme);
        if field.is_choice() {
            let chosen = match field {
                KeyField::Workspace => d.chosen_workspace().map(|w| w.name.clone()),
                _ => d.chosen_owner().map(NewKeyForm::owner_text),
            };
            let (text, style) = match chosen {
                Some(text) => (text, theme.field_value),
                None => (
                    "(none: the workspace has no members)".to_owned(),
                    theme.muted,
                ),
            };
            let room = body.width.saturating_sub(LABEL_WIDTH + 6);
            let query = if field == KeyField::Workspace {
                &d.workspace_query
            } else {
                &d.owner_query
            };
            let hint = if focused && query.value().is_empty() {
                format!("  type to find · {step} next")
            } else if focused {
                format!("  found by \"{}\"", query.value())
            } else {
                String::new()
            };
            body.push(Line::from(vec![
                label,
                Span::styled("[", theme.muted),
                Span::styled(truncate(&text, room.min(40)), style),
                Span::styled("]", theme.muted),
                Span::styled(
                    truncate(&hint, room.saturating_sub(text.len().min(40))),
                    theme.muted,
                ),
            ]));
        } else {
            let input = if field == KeyField::Name {
                &d.name
            } else {
                &d.expires
            };
            let suffix = if field == KeyField::Expires {
                "  YYYY-MM-DD, days, or empty: never"
            } else {
                "  optional"
            };
            body.input(
                vec![label],
                input,
                Some(24),
                focused && editable,
                Span::styled(suffix, theme.muted),
                theme,
            );
        }
        if let Some((at, problem)) = &d.problem
            && *at == field
        {
            body.hanging("    ", problem, theme.field_error);
        }
    }
    body.blank();
    body.wrapped(
        "The key is shown once, when it is made: have somewhere to put it.",
        theme.muted,
    );
    body.submission(&d.submission, "Creating the key…", app.spinner_frame, theme);
    let focus = match d.focus {
        KeyField::Create => Some(Button::Create),
        KeyField::Cancel => Some(Button::Cancel),
        _ => None,
    };
    let views = [
        ButtonView::new(Button::Cancel, focus),
        ButtonView::new(Button::Create, focus).text("Create key"),
    ];
    body.push(buttons(&views, theme));
    dialog::show(frame, screen, WIDTH, "New API key", body, theme)
}
