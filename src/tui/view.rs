//! Draws the whole screen from the state: status line, panes, hint line, then dialogs.
//! A pure function of the state; it is called only when something changed. It reports what it
//! could draw whole, so that keys act only on what the admin could see.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::dialogs::{self, Canvas};
use super::panes::{detail, hints, organizations, status, too_small, workspaces};
use super::state::sighting::DialogSighting;
use super::state::{App, Sighting};
use super::theme::Theme;
use super::views;
use super::widgets::cells;

/// Below this the panes cannot show a usable row; a notice shows instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Where each part of the screen goes for a terminal of `area`'s size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub status: Rect,
    pub organizations: Rect,
    pub workspaces: Rect,
    pub detail: Rect,
    pub hints: Rect,
}

pub fn layout(area: Rect, profiles: usize) -> Areas {
    let [status, body, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let left_width = (area.width / 3).clamp(24, 44);
    let [left, detail] =
        Layout::horizontal([Constraint::Length(left_width), Constraint::Fill(1)]).areas(body);
    // The switcher shows every profile when it can, but never more than a third of the column.
    let wanted = u16::try_from(profiles)
        .unwrap_or(u16::MAX)
        .saturating_add(2);
    let org_height = wanted.clamp(3, (left.height / 3).max(3));
    let [organizations, workspaces] =
        Layout::vertical([Constraint::Length(org_height), Constraint::Fill(1)]).areas(left);
    Areas {
        status,
        organizations,
        workspaces,
        detail,
        hints,
    }
}

/// Whether a terminal of this size is too small for the panes.
pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// Draws the screen and says what it showed.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) -> Sighting {
    let area = frame.area();
    cells::paint(frame.buffer_mut(), area, theme.text);
    if too_small(area.width, area.height) {
        too_small::render(frame, area, (MIN_WIDTH, MIN_HEIGHT), app, theme);
        return Sighting::too_small();
    }
    let areas = layout(area, app.profiles.len());
    status::render(frame, areas.status, app, theme);
    let whole_form = match views::control::current(app) {
        Some(open) => {
            // An organization view takes the place of every pane.
            let body = areas
                .organizations
                .union(areas.workspaces)
                .union(areas.detail);
            open.view.render(frame, body, app, theme);
            None
        }
        None => {
            organizations::render(frame, areas.organizations, app, theme);
            workspaces::render(frame, areas.workspaces, app, theme);
            detail::render(frame, areas.detail, app, theme)
        }
    };
    hints::render(frame, areas.hints, app, theme);
    let canvas = Canvas {
        screen: area,
        bottom_line: areas.hints,
    };
    let whole = dialogs::render(frame, canvas, app, theme);
    let dialog = app.dialogs.last().map(|top| DialogSighting {
        depth: app.dialogs.len(),
        kind: top.name(),
        whole,
    });
    Sighting {
        too_small: false,
        dialog,
        whole_form,
    }
}
