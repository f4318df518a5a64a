//! What shows instead of the panes when the terminal is smaller than they need.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, minimum: (u16, u16), theme: &Theme) {
    let lines = vec![
        Line::styled("Terminal too small", theme.notice),
        Line::styled(
            format!(
                "{}x{}; needs {}x{}",
                area.width, area.height, minimum.0, minimum.1
            ),
            theme.text,
        ),
        Line::styled("Enlarge it, or q to quit", theme.muted),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let area = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
