//! The offboarding dialog as drawn: what the person loses, their keys and the box that
//! deletes them in the same run, the email to type with whether it matches, the buttons; or,
//! for the last admin, why it cannot be done.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::super::name_to_type::name_to_type;
use super::{Focus, Offboard};

const WIDTH: u16 = 74;
/// Workspaces and keys listed before "… and N more".
const LISTED: usize = 4;

fn listed(body: &mut Body, items: &[String], theme: &Theme) {
    for item in items.iter().take(LISTED) {
        body.hanging("  • ", item, theme.text);
    }
    if items.len() > LISTED {
        body.line(
            &format!("  … and {} more", items.len() - LISTED),
            theme.muted,
        );
    }
}

fn button(label: String, focused: bool, theme: &Theme) -> Span<'static> {
    if focused {
        Span::styled(format!("▶ {label} ◀"), theme.button_focused)
    } else {
        Span::styled(format!("[ {label} ]"), theme.button)
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
        body.push(Line::from(button("Close".into(), true, theme)).centered());
        return dialog::show(frame, screen, WIDTH, "Offboard", body, theme);
    }
    body.wrapped(
        &format!("Offboard {}? This is permanent: they lose", d.email),
        theme.header,
    );
    let mut lost = vec!["membership of the organization".to_owned()];
    lost.extend(
        d.workspaces
            .iter()
            .map(|(name, roles)| format!("workspace {name} ({roles})")),
    );
    listed(&mut body, &lost, theme);
    if d.keys.is_empty() {
        body.line("They own no API key.", theme.muted);
    } else {
        body.line(
            &format!("API keys they own ({}):", d.keys.len()),
            theme.text,
        );
        listed(&mut body, &d.keys, theme);
        let tick = if d.delete_keys { "[x]" } else { "[ ]" };
        let text =
            format!("{tick} delete these keys in the same run (they keep working otherwise)");
        let style = if d.focus == Focus::DeleteKeys {
            theme.cursor
        } else {
            theme.text
        };
        body.line(&text, style);
    }
    body.blank();
    body.wrapped("Type their email to confirm:", theme.text);
    name_to_type(&mut body, &d.typed, d.confirmed(), 44, true, theme);
    body.blank();
    let steps = match &d.plans {
        Ok((with, without)) => if d.delete_keys { with } else { without }.steps.len(),
        Err(_) => 0,
    };
    body.push(
        Line::from(vec![
            button("Cancel".into(), d.focus == Focus::Cancel, theme),
            Span::raw("  "),
            button(
                format!(
                    "Offboard ({})",
                    crate::actions::outcome::count_of(steps, "request", "requests")
                ),
                d.focus == Focus::Offboard,
                theme,
            ),
        ])
        .centered(),
    );
    dialog::show(frame, screen, WIDTH, "Offboard", body, theme)
}
