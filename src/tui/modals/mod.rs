//! Dialogs drawn over the panes, bottom of the stack first, so the top one is drawn last.

pub mod add_members;
pub mod command_line;
pub mod confirm;
pub mod create;
pub mod help;
pub mod member;
pub mod messages;
pub mod picker;
pub mod roles;
pub mod too_small;
pub mod unsaved;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::state::sighting::DialogSighting;
use crate::tui::state::{App, Modal};
use crate::tui::theme::Theme;

/// `screen` is the whole terminal; `bottom_line` is where the command line goes. Returns what
/// the frame shows of the top dialog, if there is one.
pub fn render(
    frame: &mut Frame,
    screen: Rect,
    bottom_line: Rect,
    app: &App,
    theme: &Theme,
) -> Option<DialogSighting> {
    let mut whole = false;
    for modal in &app.modals {
        whole = match modal {
            Modal::Help { scroll } => help::render(frame, screen, app, *scroll, theme),
            Modal::WorkspacePicker(p) => picker::render_workspaces(frame, screen, app, p, theme),
            Modal::OrganizationPicker(p) => {
                picker::render_organizations(frame, screen, app, p, theme)
            }
            Modal::CommandLine(input) => command_line::render(frame, bottom_line, input, theme),
            Modal::Unsaved(prompt) => unsaved::render(frame, screen, app, prompt, theme),
            Modal::AddMembers(d) => add_members::render(frame, screen, app, d, theme),
            Modal::EditRoles(d) => roles::render(frame, screen, app, d, theme),
            Modal::RemoveMembers(d) => confirm::render_remove(frame, screen, app, d, theme),
            Modal::Archive(d) => confirm::render_archive(frame, screen, app, d, theme),
            Modal::CreateWorkspace(d) => create::render(frame, screen, app, d, theme),
            Modal::AdminPicker(p) => picker::render_members(frame, screen, app, p, theme),
            Modal::Notice(n) => confirm::render_notice(frame, screen, n, theme),
            Modal::Messages { scroll } => messages::render(frame, screen, app, *scroll, theme),
            Modal::Member { user, scroll } => {
                member::render(frame, screen, app, *user, *scroll, theme)
            }
        };
    }
    let top = app.modals.last()?;
    Some(DialogSighting {
        depth: app.modals.len(),
        kind: std::mem::discriminant(top),
        whole,
    })
}
