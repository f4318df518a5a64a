//! The new-workspace form: each field with its message underneath, the admin chosen from
//! the organization's members, and the Create and Cancel buttons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};
use crate::tui::widgets::text::{truncate, width};

use super::super::{Button, field_label};
use super::{CreateField, CreateWorkspace};

const LABEL_WIDTH: usize = 16;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &CreateWorkspace,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, 72));
    let editable = !d.submission.is_sending();
    for field in [
        CreateField::Name,
        CreateField::Description,
        CreateField::Icon,
        CreateField::Admin,
        CreateField::AddAll,
    ] {
        let focused = d.focus == field;
        let label = field_label(field.label(), focused, LABEL_WIDTH, theme);
        match (field, d.input(field)) {
            (_, Some(input)) => {
                let box_width = if field == CreateField::Icon { 4 } else { 44 };
                body.input(
                    vec![label],
                    input,
                    Some(box_width),
                    focused && editable,
                    Span::raw(""),
                    theme,
                );
            }
            (CreateField::Admin, None) => {
                let (text, style) = match &d.admin {
                    Some((_, who)) => (who.clone(), theme.field_value),
                    None => ("(choose a member)".to_owned(), theme.muted),
                };
                let room = body.width.saturating_sub(width(&label.content) + 2);
                body.push(Line::from(vec![
                    label,
                    Span::styled("[", theme.muted),
                    Span::styled(truncate(&text, room.min(44)), style),
                    Span::styled("]", theme.muted),
                ]));
            }
            _ => {
                let text = if d.add_all { "[x] yes" } else { "[ ] no" };
                body.push(Line::from(vec![
                    label,
                    Span::styled(text, theme.field_value),
                ]));
            }
        }
        let indent = " ".repeat(LABEL_WIDTH + 3);
        match d.message(field) {
            Some(message) => body.hanging(&indent, &format!("! {message}"), theme.field_error),
            None => body.line(&format!("{indent}{}", note(app, field)), theme.muted),
        }
    }
    if d.submission.error.is_some() && !d.server_errors.is_empty() {
        // The server's words already sit at the fields they concern.
        body.line("✗ Not created: see the fields marked !", theme.field_error);
    } else {
        body.submission(&d.submission, "Creating…", app.spinner_frame, theme);
    }
    let focus = match d.focus {
        CreateField::Create => Some(Button::Create),
        CreateField::Cancel => Some(Button::Cancel),
        _ => None,
    };
    body.push(buttons(
        &[
            ButtonView::new(Button::Create, focus),
            ButtonView::new(Button::Cancel, focus),
        ],
        theme,
    ));
    dialog::show(frame, screen, 72, "New workspace", body, theme)
}

/// What to say under a field that has nothing wrong with it.
fn note(app: &App, field: CreateField) -> String {
    match field {
        CreateField::Name => "required; unique among active workspaces".into(),
        CreateField::Description => "optional".into(),
        CreateField::Icon => "optional: one emoji".into(),
        CreateField::Admin => {
            let choose = app.keymap.describe_keys(Context::Create, Action::Choose);
            format!("{choose} chooses; they become its workspace_admin")
        }
        CreateField::AddAll => "all current members join as workspace_contributor".into(),
        CreateField::Create | CreateField::Cancel => String::new(),
    }
}
