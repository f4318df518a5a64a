//! The organization-role dialog as drawn: the checklist with the last-admin rule under it,
//! or the preview of before and after with the buttons and the server's answer.

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::actions::Intent;
use crate::domain::OrgRole;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{self, Body};

use super::super::review::review_buttons;
use super::{OrgRoles, Stage};

const WIDTH: u16 = 70;

fn describe(role: OrgRole) -> &'static str {
    match role {
        OrgRole::Member => "uses the workspaces they are added to",
        OrgRole::BillingManager => "sees and manages billing and spending",
        OrgRole::OrganizationAdmin => "administers the whole organization",
    }
}

fn names(roles: &[OrgRole]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    names.join(", ")
}

/// The groups named as the CLI's notes name them: `the group "Finance"`.
fn the_groups(groups: &[&str]) -> String {
    let quoted: Vec<String> = groups.iter().map(|g| format!("\"{g}\"")).collect();
    match quoted.len() {
        1 => format!("the group {}", quoted[0]),
        _ => format!("the groups {}", quoted.join(", ")),
    }
}

pub(super) fn render(
    d: &OrgRoles,
    frame: &mut Frame,
    screen: Rect,
    app: &App,
    theme: &Theme,
) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    let email = d.email();
    let before = d.directory.org_roles(d.person.uuid).join(", ");
    match d.stage {
        Stage::Choose => {
            body.wrapped(
                &format!("Organization roles of {email} (now: {before})"),
                theme.header,
            );
            body.blank();
            for (i, role) in OrgRole::ALL.into_iter().enumerate() {
                let tick = if d.ticks[i] { "[x]" } else { "[ ]" };
                let cursor = if i == d.cursor { "▶" } else { " " };
                let style = if i == d.cursor {
                    theme.cursor
                } else {
                    theme.text
                };
                body.line(
                    &format!("{cursor} {tick} {:<18} {}", role.name(), describe(role)),
                    style,
                );
                let groups = d.groups_giving(role);
                if !groups.is_empty() {
                    body.wrapped(
                        &format!(
                            "given by {}: it stays while they are in it, ticked or not",
                            the_groups(&groups)
                        ),
                        theme.muted,
                    );
                }
            }
            body.blank();
            if d.only_admin() {
                body.wrapped(
                    &format!(
                        "{email} is the only organization_admin: that role cannot be taken away until someone else holds it (the server refuses it too)."
                    ),
                    theme.field_label,
                );
            }
            if let Some(problem) = &d.problem {
                body.wrapped(problem, theme.field_error);
            }
            body.line("space ticks · enter previews · esc closes", theme.muted);
        }
        Stage::Review(focus) => {
            // What they will hold in total (a group's role included), in the checklist's order.
            let after: Vec<OrgRole> = match d.plan.as_ref().map(|p| &p.intent) {
                Some(Intent::SetOrganizationRoles { after, .. }) => (OrgRole::ALL.into_iter())
                    .filter(|r| after.iter().any(|a| a == r.name()))
                    .collect(),
                _ => d.chosen(),
            };
            let after = names(&after);
            body.wrapped(
                &format!("Change the organization roles of {email}?"),
                theme.header,
            );
            body.blank();
            body.line(&format!("  before: {before}"), theme.muted);
            body.line(&format!("  after:  {after}"), theme.text);
            body.blank();
            for note in d.plan.iter().flat_map(|p| &p.notes) {
                body.wrapped(note, theme.field_label);
                body.blank();
            }
            body.submission(
                &d.submission,
                "Changing the roles…",
                app.spinner_frame,
                theme,
            );
            body.push(review_buttons(focus, theme));
        }
    }
    dialog::show(frame, screen, WIDTH, "Organization roles", body, theme)
}
