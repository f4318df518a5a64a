//! The invitation form as drawn: the addresses field, every address with its mark (a window
//! of them when there are many), the roles, the workspaces, and the buttons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::actions::invite_addresses::invalid_reason;
use crate::actions::invites::AddressStatus;
use crate::domain::OrgRole;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::{BUTTONS, Invite, Part};

const WIDTH: u16 = 78;

fn mark(address: &str, status: &AddressStatus) -> (&'static str, String) {
    match status {
        AddressStatus::Valid => ("✓", "valid".to_owned()),
        AddressStatus::Invalid => (
            "✗",
            format!(
                "invalid: {}",
                invalid_reason(address).unwrap_or("not an address")
            ),
        ),
        AddressStatus::AlreadyMember => ("=", "already a member".to_owned()),
        AddressStatus::AlreadyInvited => ("↻", "already invited: sent again".to_owned()),
    }
}

pub(super) fn render(
    d: &Invite,
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    // Rows for the address list and the workspaces, shared out by the screen's height.
    let spare = usize::from(screen.height).saturating_sub(17).max(2);
    let address_rows = spare.div_ceil(2).min(12);
    let workspace_rows = (spare - spare.div_ceil(2)).clamp(1, 8);
    let focus = |p: bool| {
        if p {
            theme.field_focused
        } else {
            theme.field_label
        }
    };
    body.line(
        "Addresses (commas, spaces or new lines between them; paste a list):",
        focus(d.part == Part::Addresses),
    );
    body.input(
        Vec::new(),
        &d.text,
        None,
        d.part == Part::Addresses,
        Span::raw(""),
        theme,
    );
    body.line(
        &format!(
            "{} addresses: {} new, {} invalid, {} already members, {} already invited",
            d.addresses.len(),
            d.count(&AddressStatus::Valid),
            d.count(&AddressStatus::Invalid),
            d.count(&AddressStatus::AlreadyMember),
            d.count(&AddressStatus::AlreadyInvited),
        ),
        theme.muted,
    );
    for (address, status) in d.addresses.iter().skip(d.scroll).take(address_rows) {
        let (sign, text) = mark(address, status);
        let style = match status {
            AddressStatus::Valid | AddressStatus::AlreadyInvited => theme.text,
            AddressStatus::Invalid => theme.field_error,
            AddressStatus::AlreadyMember => theme.muted,
        };
        body.line(&format!("  {sign} {address}  {text}"), style);
    }
    let below = d.addresses.len().saturating_sub(d.scroll + address_rows);
    if below > 0 {
        body.line(&format!("  … {below} more (up/down scroll)"), theme.muted);
    }
    let mut roles = vec![Span::styled(
        "Organization roles: ",
        focus(matches!(d.part, Part::Roles(_))),
    )];
    for (i, role) in OrgRole::ALL.into_iter().enumerate() {
        let tick = if d.roles[i] { "[x]" } else { "[ ]" };
        let style = if d.part == Part::Roles(i) {
            theme.cursor
        } else {
            theme.text
        };
        roles.push(Span::styled(format!("{tick} {}", role.name()), style));
        roles.push(Span::raw(" "));
    }
    body.push(Line::from(roles));
    if !d.workspaces.is_empty() {
        body.line(
            "Workspaces joined on acceptance (with the workspace's default role):",
            focus(matches!(d.part, Part::Workspaces(_))),
        );
        let at = match d.part {
            Part::Workspaces(i) => i,
            _ => 0,
        };
        let start = at.saturating_sub(workspace_rows - 1);
        for (i, (_, name, on)) in d
            .workspaces
            .iter()
            .enumerate()
            .skip(start)
            .take(workspace_rows)
        {
            let tick = if *on { "[x]" } else { "[ ]" };
            let style = if d.part == Part::Workspaces(i) {
                theme.cursor
            } else {
                theme.text
            };
            body.line(&format!("  {tick} {name}"), style);
        }
    }
    if let Some(problem) = &d.problem {
        body.wrapped(problem, theme.field_error);
    }
    body.submission(&d.submission, "Inviting…", app.spinner_frame, theme);
    let focused = match d.part {
        Part::Buttons(b) => Some(b),
        _ => None,
    };
    let views: Vec<ButtonView> = BUTTONS
        .iter()
        .map(|b| {
            let view = ButtonView::new(*b, focused);
            if *b == super::Button::Apply {
                view.text(format!("Invite {}", d.sending()))
            } else {
                view
            }
        })
        .collect();
    body.push(buttons(&views, theme));
    dialog::show(frame, screen, WIDTH, "Invite people", body, theme)
}
