//! The invitation form as drawn: the addresses field, every address with its mark (a window
//! of them when there are many), the roles, the workspaces (a window around the cursor, with
//! a line counting and naming the ticked ones it leaves out), and the buttons. Then the
//! preview: every address, role and workspace sent, and each pending invitation replaced.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::actions::invite_addresses::invalid_reason;
use crate::actions::invites::AddressStatus;
use crate::actions::outcome::count_of;
use crate::domain::OrgRole;
use crate::domain::roles::normalize_org_roles;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body, ButtonView, buttons};

use super::{BUTTONS, Invite, Part, Preview};

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
        AddressStatus::AlreadyInvited => ("↻", "already invited: this one replaces it".to_owned()),
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
        workspace_window(d, &mut body, workspace_rows, theme, focus);
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

/// The workspaces: a window of `rows` around the cursor, and under it a line counting those
/// left out and naming the ticked ones among them, which are sent all the same.
fn workspace_window(
    d: &Invite,
    body: &mut Body,
    rows: usize,
    theme: &Theme,
    focus: impl Fn(bool) -> ratatui::style::Style,
) {
    let ticked = d.workspaces.iter().filter(|w| w.2).count();
    body.line(
        &format!("Workspaces joined on acceptance ({ticked} ticked; each with its default role):"),
        focus(matches!(d.part, Part::Workspaces(_))),
    );
    let at = match d.part {
        Part::Workspaces(i) => i,
        _ => 0,
    };
    let start = at.saturating_sub(rows - 1);
    let shown = start..(start + rows).min(d.workspaces.len());
    for i in shown.clone() {
        let (_, name, on) = &d.workspaces[i];
        let tick = if *on { "[x]" } else { "[ ]" };
        let style = if d.part == Part::Workspaces(i) {
            theme.cursor
        } else {
            theme.text
        };
        body.line(&format!("  {tick} {name}"), style);
    }
    let left_out = d.workspaces.len() - shown.len();
    if left_out == 0 {
        return;
    }
    let hidden_ticked: Vec<&str> = d
        .workspaces
        .iter()
        .enumerate()
        .filter(|(i, w)| w.2 && !shown.contains(i))
        .map(|(_, w)| w.1.as_str())
        .collect();
    let text = if hidden_ticked.is_empty() {
        format!("  … {left_out} more (↑↓ scroll), none of them ticked")
    } else {
        format!(
            "  … {left_out} more (↑↓ scroll), {} ticked: {}",
            hidden_ticked.len(),
            hidden_ticked.join(", ")
        )
    };
    let style = if hidden_ticked.is_empty() {
        theme.muted
    } else {
        theme.text
    };
    body.line(&text, style);
}

/// The preview's list: the roles, every workspace, each pending invitation replaced with
/// what it gives now and will give, every new address, those sent again as they are, and
/// those not invited.
fn preview_lines(d: &Invite, preview: &Preview, width: usize, theme: &Theme) -> Body {
    let mut list = Body::new(width);
    let roles: Vec<&str> = normalize_org_roles(d.chosen_roles())
        .iter()
        .map(|r| r.name())
        .collect();
    list.hanging(
        "",
        &format!("Organization roles: {}", roles.join(", ")),
        theme.text,
    );
    let places: Vec<&str> = d
        .workspaces
        .iter()
        .filter(|w| w.2)
        .map(|w| w.1.as_str())
        .collect();
    if places.is_empty() {
        list.line("Workspaces joined on acceptance: none", theme.text);
    } else {
        list.line(
            &format!(
                "Workspaces joined on acceptance ({}), each with its default role:",
                places.len()
            ),
            theme.text,
        );
        for place in places {
            list.hanging("  • ", place, theme.text);
        }
    }
    if !preview.replaced.is_empty() {
        list.wrapped(
            &format!(
                "Pending invitations replaced ({}): what each gives now, and will give",
                preview.replaced.len()
            ),
            theme.field_error,
        );
        for one in &preview.replaced {
            list.hanging("  ↻ ", &one.before.email, theme.text);
            list.hanging("      now:  ", &one.before.terms(), theme.muted);
            list.hanging("      then: ", &one.after.terms(), theme.text);
        }
    }
    let replaced = |a: &str| {
        preview
            .replaced
            .iter()
            .any(|r| r.before.email.eq_ignore_ascii_case(a))
    };
    let with = |status: AddressStatus| -> Vec<&str> {
        d.addresses
            .iter()
            .filter(|(a, s)| *s == status && !replaced(a))
            .map(|(a, _)| a.as_str())
            .collect()
    };
    let groups = [
        ("New invitations", "  + ", with(AddressStatus::Valid)),
        (
            "Already invited with these roles and workspaces: sent again",
            "  ↻ ",
            with(AddressStatus::AlreadyInvited),
        ),
        ("Not invited: invalid", "  ✗ ", with(AddressStatus::Invalid)),
        (
            "Not invited: already members",
            "  = ",
            with(AddressStatus::AlreadyMember),
        ),
    ];
    for (title, sign, addresses) in groups {
        if addresses.is_empty() {
            continue;
        }
        list.line(&format!("{title} ({}):", addresses.len()), theme.text);
        for address in addresses {
            list.hanging(sign, address, theme.text);
        }
    }
    list
}

/// The preview: what Invite sends, scrolled inside the dialog when longer than the screen,
/// with Cancel in focus when it opens and Invite offered once every line was drawn.
pub(super) fn preview(
    d: &Invite,
    preview: &Preview,
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    theme: &Theme,
) -> bool {
    let width = dialog::inner_width(screen, WIDTH);
    let mut body = Body::new(width);
    let sending = d.sending();
    let invitations = count_of(sending, "invitation", "invitations");
    let heading = match preview.replaced.len() {
        0 => format!("Send {invitations}?"),
        n => format!(
            "Send {invitations}? {} the roles and workspaces of a pending invitation.",
            match n {
                1 => "One replaces".to_owned(),
                n => format!("{n} replace"),
            }
        ),
    };
    body.wrapped(&heading, theme.header);
    let list = preview_lines(d, preview, width, theme);
    let mut after = Body::new(width);
    after.wrapped(
        "Cancel (or esc) goes back to the form; nothing is sent before Invite.",
        theme.muted,
    );
    after.submission(&d.submission, "Inviting…", app.spinner_frame, theme);
    preview.listed.fill(
        &mut body,
        (list.lines, after),
        screen,
        &format!("Invite {sending}"),
        theme,
    );
    dialog::show(frame, screen, WIDTH, "Invite people: preview", body, theme)
}
