//! The group form as drawn: the name (or the locked name and why), the description, what the
//! change does to anyone's roles, the problem next to its field, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use tui_input::Input as TextInput;

use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::{Field, GroupForm};

const WIDTH: u16 = 70;

pub(super) fn render(
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    d: &GroupForm,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    let editing = !d.submission.is_sending();
    let field = |body: &mut Body, label: &str, input: &TextInput, field: Field| {
        let label = Span::styled(format!("{label:<13}"), theme.field_label);
        let typing = editing && d.focus == field;
        body.input(vec![label], input, None, typing, Span::raw(""), theme);
    };
    if d.name_locked {
        body.line(
            &format!("Name         🔒 {}", d.name.value()),
            theme.field_value,
        );
        body.wrapped(
            "The identity provider owns this group's name and members: change them there.",
            theme.muted,
        );
    } else {
        field(&mut body, "Name", &d.name, Field::Name);
    }
    if let Some((Field::Name, problem)) = &d.field_error {
        body.wrapped(&format!("  {problem}"), theme.field_error);
    }
    field(&mut body, "Description", &d.description, Field::Description);
    body.blank();
    let effect = if d.editing.is_some() {
        "No one gains or loses a role through this change."
    } else {
        "A new group grants nothing until it has members and a workspace or organization role."
    };
    body.wrapped(effect, theme.muted);
    body.blank();
    body.submission(&d.submission, "Saving…", app.spinner_frame, theme);
    let keys = |action| app.keymap.describe_keys(Context::Editing, action);
    let verb = if d.editing.is_some() {
        "saves"
    } else {
        "creates the group"
    };
    body.wrapped(
        &format!(
            "{} {verb} · {} next field · {} cancels",
            keys(Action::Done),
            keys(Action::NextField),
            keys(Action::Cancel)
        ),
        theme.notice,
    );
    let title = if d.editing.is_some() {
        "Rename or describe the group"
    } else {
        "New group"
    };
    dialog::show(frame, screen, WIDTH, title, body, theme)
}
