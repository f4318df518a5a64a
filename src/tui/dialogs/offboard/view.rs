//! The offboarding dialog as drawn: what the person loses and their keys (a window of them
//! when they do not all fit), the box that deletes the keys in the same run, the email to
//! type with whether it matches, the buttons; or, for the last admin, why it cannot be done.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::dialogs::Button;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::super::name_to_type::name_to_type;
use super::{Focus, Offboard};

const WIDTH: u16 = 74;

/// The button the focus is on, if it is on one (not on the keys box).
fn focused_button(focus: Focus) -> Option<Button> {
    match focus {
        Focus::Cancel => Some(Button::Cancel),
        Focus::DeleteKeys => None,
        Focus::Offboard => Some(Button::Apply),
    }
}

pub(super) fn render(
    d: &Offboard,
    frame: &mut Frame,
    screen: Rect,
    _app: &App,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    if let Err(why) = &d.plans {
        body.wrapped(&format!("{} cannot be offboarded.", d.email), theme.header);
        body.wrapped(why, theme.field_error);
        body.blank();
        let close = ButtonView::new(Button::Ok, Some(Button::Ok)).text("Close");
        body.push(buttons(&[close], theme));
        return dialog::show(frame, screen, WIDTH, "Offboard", body, theme);
    }
    body.wrapped(
        &format!("Offboard {}? This is permanent: they lose", d.email),
        theme.header,
    );
    let mut listed = Body::new(body.width);
    listed.hanging("  • ", "membership of the organization", theme.text);
    for (name, roles) in &d.workspaces {
        listed.hanging("  • ", &format!("workspace {name} ({roles})"), theme.text);
    }
    let mut after = Body::new(body.width);
    if d.keys.is_empty() {
        listed.line("They own no API key.", theme.muted);
    } else {
        listed.line(
            &format!("API keys they own ({}):", d.keys.len()),
            theme.text,
        );
        for key in &d.keys {
            listed.hanging("  • ", key, theme.text);
        }
        let tick = if d.delete_keys { "[x]" } else { "[ ]" };
        let text =
            format!("{tick} delete these keys in the same run (they keep working otherwise)");
        let style = if d.focus == Focus::DeleteKeys {
            theme.cursor
        } else {
            theme.text
        };
        after.line(&text, style);
    }
    after.blank();
    after.wrapped("Type their email to confirm:", theme.text);
    name_to_type(&mut after, &d.typed, d.confirmed(), 44, true, theme);
    after.blank();
    let steps = match &d.plans {
        Ok((with, without)) => if d.delete_keys { with } else { without }.steps.len(),
        Err(_) => 0,
    };
    let offboard = format!(
        "Offboard ({})",
        crate::actions::outcome::count_of(steps, "request", "requests")
    );
    // Under the list: all that and the buttons.
    let focus = focused_button(d.focus);
    d.list.fill_then_buttons(
        &mut body,
        (listed.lines, after),
        screen,
        theme.muted,
        |read| {
            let offboard = ButtonView::new(Button::Apply, focus).text(offboard);
            let row = [
                ButtonView::new(Button::Cancel, focus),
                offboard.enabled(read),
            ];
            buttons(&row, theme)
        },
    );
    dialog::show(frame, screen, WIDTH, "Offboard", body, theme)
}
