//! One member's details (Enter on a member), as text: every organization and workspace role by its full
//! name, the API keys they created, and when they joined. Where the table is too narrow for
//! roles, this is where they are read whole.

use ratatui::text::Line;
use uuid::Uuid;

use crate::api::datetime::format_date;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::App;
use crate::tui::state::org::key_expired;
use crate::tui::state::people::RoleNames;
use crate::tui::theme::Theme;
use crate::tui::widgets::reader;
use crate::tui::widgets::text::{wide_emoji, wrap};

/// The widest the details get.
pub const WIDTH: u16 = 84;

/// The details' lines for a screen `screen_width` wide.
pub fn lines(app: &App, user: Uuid, screen_width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let room = reader::inner_width(screen_width, WIDTH);
    let org = app.org();
    let Some(person) = org.directory().and_then(|p| p.person(user)) else {
        return vec![Line::styled(
            "This member is no longer in the organization's directory",
            theme.muted,
        )];
    };
    let mut lines = Vec::new();
    // Each entry wrapped whole, its continuation lines indented under it.
    let add = |lines: &mut Vec<Line<'static>>, text: &str, style| {
        let indent: String = text.chars().take_while(|c| *c == ' ').collect();
        let hang = format!("{indent}    ");
        for (i, part) in wrap(text, room.saturating_sub(hang.len()))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { &indent } else { &hang };
            lines.push(Line::styled(format!("{lead}{part}"), style));
        }
    };
    add(
        &mut lines,
        &format!("{} <{}>", person.name, person.email),
        theme.header,
    );
    if let Some(joined) = person.joined {
        add(
            &mut lines,
            &format!("Joined the organization on {}", format_date(joined.date())),
            theme.text,
        );
    }
    let org_roles = if person.org_roles.is_empty() {
        "(none)".to_owned()
    } else {
        person.org_roles.join(", ")
    };
    add(
        &mut lines,
        &format!("Organization roles: {org_roles}"),
        theme.text,
    );
    lines.push(Line::raw(""));

    // In the order of the workspace list, so the details read like the panes.
    let all = org.all_workspaces();
    let mut memberships: Vec<(usize, String, &RoleNames)> = person
        .memberships
        .iter()
        .map(|(id, roles)| {
            let at = all.iter().position(|f| f.workspace.uuid == *id);
            let name = at.map_or_else(
                || format!("(workspace {id})"),
                |i| {
                    let ws = all[i].workspace;
                    match ws.icon.as_deref().filter(|icon| !icon.is_empty()) {
                        Some(icon) => format!("{} {}", wide_emoji(icon), ws.name),
                        None => ws.name.clone(),
                    }
                },
            );
            (at.unwrap_or(usize::MAX), name, roles)
        })
        .collect();
    memberships.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    add(
        &mut lines,
        &format!("Workspaces ({}):", memberships.len()),
        theme.header,
    );
    for (_, name, roles) in memberships {
        add(
            &mut lines,
            &format!("  {name}: {}", roles.join(", ")),
            theme.text,
        );
    }
    lines.push(Line::raw(""));

    match org.api_keys.get() {
        None => add(&mut lines, "API keys: not loaded", theme.muted),
        Some(keys) => {
            let theirs: Vec<_> = keys
                .iter()
                .filter(|k| {
                    k.created_by
                        .as_deref()
                        .is_some_and(|owner| owner.eq_ignore_ascii_case(&person.email))
                })
                .collect();
            add(
                &mut lines,
                &format!("API keys they created ({}):", theirs.len()),
                theme.header,
            );
            for key in theirs {
                let workspace = key
                    .workspace_id
                    .and_then(|id| org.find_workspace(id))
                    .map_or_else(String::new, |f| format!(" in {}", f.workspace.name));
                let expiry = match key.expiration_date {
                    Some(date) if key_expired(key, app.today) => {
                        format!(" · expired {}", format_date(date))
                    }
                    Some(date) => format!(" · expires {}", format_date(date)),
                    None => " · no expiry".to_owned(),
                };
                let name = key.name.as_deref().unwrap_or("(unnamed)");
                let style = if key_expired(key, app.today) {
                    theme.archived
                } else {
                    theme.text
                };
                add(
                    &mut lines,
                    &format!("  {name} {}{workspace}{expiry}", key.hidden_key),
                    style,
                );
            }
        }
    }
    lines
}

/// The details' title, with the key that closes them.
pub fn title(app: &App) -> String {
    let close = app.keymap.describe_keys(Context::Help, Action::Close);
    format!("Member · {close} closes")
}
