//! The two stages of a roles checklist (a workspace's roles, a member's organization roles):
//! ticking, then a review of the change with Cancel, Back and Apply. The review opens on
//! Cancel, as every confirmation does: a second Enter pressed before the plan was read must
//! not change anybody's access, nor throw the ticks away unsaid (Esc closes).

use ratatui::text::Line;

use crate::tui::keymap::Action;
use crate::tui::state::App;
use crate::tui::theme::Theme;
use crate::tui::widgets::dialog::{ButtonView, buttons};

use super::{Button, Next, Submission, not_closed_yet, step_button};

pub const REVIEW_BUTTONS: [Button; 3] = [Button::Cancel, Button::Back, Button::Apply];

/// The button the review opens on.
pub const REVIEW_OPENS_ON: Button = Button::Cancel;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Choose,
    /// The preview, with the focused button.
    Review(Button),
}

/// What a key on the review's buttons asks of the dialog.
#[derive(Debug)]
pub enum Reviewed {
    /// The focus moved, Back went back to the ticks, or the key means nothing here.
    Stay,
    Apply,
    Close,
    /// Enter on Cancel: the ticks stay, and this says how to apply or close.
    Said(Next),
}

/// Moves the focus along the review's buttons, goes back to ticking on Back (the refusal, if
/// any, was about the ticks before) and says what Apply or the cancel key asks for. Enter on
/// Cancel closes nothing: it says how to reach Apply and that the cancel key closes.
pub fn review_key(
    action: Action,
    focus: Button,
    stage: &mut Stage,
    submission: &mut Submission,
    app: &App,
) -> Reviewed {
    let pressed = match action {
        Action::NextButton => {
            *stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, 1));
            return Reviewed::Stay;
        }
        Action::PreviousButton => {
            *stage = Stage::Review(step_button(&REVIEW_BUTTONS, focus, -1));
            return Reviewed::Stay;
        }
        Action::Press if focus == Button::Cancel => {
            return Reviewed::Said(not_closed_yet(app, "Apply", "changing the roles"));
        }
        Action::Press => focus,
        Action::Cancel => Button::Cancel,
        _ => return Reviewed::Stay,
    };
    match pressed {
        Button::Apply => Reviewed::Apply,
        Button::Back => {
            *stage = Stage::Choose;
            submission.error = None;
            Reviewed::Stay
        }
        _ => Reviewed::Close,
    }
}

/// The review's buttons as drawn.
pub fn review_buttons(focus: Button, theme: &Theme) -> Line<'static> {
    let views: Vec<ButtonView> = REVIEW_BUTTONS
        .iter()
        .map(|b| ButtonView::new(*b, Some(focus)))
        .collect();
    buttons(&views, theme)
}
