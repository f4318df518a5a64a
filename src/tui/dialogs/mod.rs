//! The dialogs over the panes. Each lives in its own folder with its state, its keys, its
//! drawing and its outcome, and all of them answer to one trait, [`Dialog`]: it gets the
//! action a key stands for (never the raw key, except one typed into its text field) and says
//! what happens next as data ([`Next`]), which `update` carries out. They sit in a stack on
//! the state; the top one takes the keys and is drawn last.
//!
//! Adding a dialog: its folder here, a `mod` line below, and the line that opens it. What
//! dialogs share lives here once: a row of buttons and what Enter on it means (`buttons`), the
//! list and buttons of a confirmation that lists what it will do (`listed_confirm`), the
//! typed-name field of a change that cannot be undone (`name_to_type`), a form's field label
//! (`form`), a roles checklist's review stage (`review`), the member under the people view's
//! cursor (`person`), and a change's progress (`submission`).

/// The [`Dialog::submission`] accessors of a dialog that keeps its change's progress in a
/// field named `submission`.
macro_rules! submission_in_field {
    () => {
        fn submission(&self) -> Option<&$crate::tui::dialogs::Submission> {
            Some(&self.submission)
        }

        fn submission_mut(&mut self) -> Option<&mut $crate::tui::dialogs::Submission> {
            Some(&mut self.submission)
        }
    };
}

pub mod add_members;
pub mod admins_left;
pub mod archive;
pub mod command_line;
pub mod confirm_batch;
pub mod create_workspace;
pub mod edit_roles;
pub mod export_audit;
pub mod group_change;
pub mod group_form;
pub mod invite;
pub mod key_run;
pub mod key_shown;
pub mod new_key;
pub mod notice;
pub mod offboard;
pub mod org_roles;
pub mod picker;
pub mod reader;
pub mod remove_members;
pub mod run_report;
pub mod spend_limit;
pub mod unsaved;

mod buttons;
mod form;
mod listed_confirm;
mod name_to_type;
mod person;
mod review;
mod submission;
#[cfg(test)]
mod test_support;

use std::any::Any;
use std::fmt;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::actions::{Reply, Request};
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::{Input, Layer};
use crate::tui::state::{App, FlashLevel, Navigation, RemoteError, RequestId};
use crate::tui::theme::Theme;

pub use buttons::{Button, ConfirmRow, RowKey, not_closed_yet, row_key, step_button};
pub use form::field_label;
pub use listed_confirm::ListedConfirm;
pub use submission::Submission;

/// What happens once a dialog has taken an input.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// It stays open as it is now.
    Stay,
    /// It closes.
    Close,
    /// It stays open, and the status line says something.
    Say(FlashLevel, String),
    /// It sends its change, if the last frame drew it whole; it then stays open, taking no
    /// keys, until the answer.
    Send(Request),
    /// It closes, and the console goes on with what the dialog was for.
    Then(After),
    /// It stays open, and the text goes to the terminal's clipboard; the status line says so.
    Copy(crate::tui::effect::Clipboard, String),
    /// It stays open, taking no keys, while the organization's API keys are read again;
    /// [`Dialog::keys_reread`] then sees them.
    CheckKeys,
    /// It stays open and takes keys while `Call` reads what it needs to show its change;
    /// [`Dialog::reading`] gets the request's id, [`Dialog::read`] the answer.
    Read(crate::tui::call::Call),
}

/// What the console does once a dialog has closed.
#[derive(Debug, Clone, PartialEq)]
pub enum After {
    /// Go somewhere (asking first about unsaved changes).
    Go(Navigation),
    /// Run a `:` command.
    Command(String),
    /// Save the settings form, then go on.
    Save(Navigation),
    /// Drop the settings form's changes, then go on.
    Discard(Navigation),
    Say(FlashLevel, String),
    /// Start a fetch of the open organization view that changes something (a confirmed run).
    Start(crate::tui::views::Fetcher),
}

impl After {
    /// Whether this sends a change, and so needs the dialog to have been seen whole.
    pub fn sends_a_change(&self) -> bool {
        matches!(self, Self::Save(_) | Self::Start(_))
    }
}

/// Where dialogs draw: the whole screen, and the line at its foot (the command line's).
#[derive(Debug, Clone, Copy)]
pub struct Canvas {
    pub screen: Rect,
    pub bottom_line: Rect,
}

/// The server's answer to a dialog's change: the profile whose organization it changed, and
/// what the server replied to its requests.
#[derive(Debug, Clone, Copy)]
pub struct Answered<'a> {
    pub profile: usize,
    pub replies: &'a [Reply],
}

/// A dialog, whichever it is.
pub trait Dialog: fmt::Debug + AnyDialog {
    /// What it is, for the record of what a frame showed.
    fn name(&self) -> &'static str;

    /// Where its keys are looked up, most specific first; a dialog of buttons alone takes the
    /// dialog keys.
    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog)]
    }

    /// Whether it does something with `action` now; an action it has no use for is looked up
    /// in its next layer.
    fn offers(&self, _action: Action) -> bool {
        true
    }

    /// What an input does to it, and what happens next. It reads the rest of the console
    /// from `app` and changes nothing there: that is what [`Next`] asks for. An action goes to
    /// [`Dialog::action`], a key typed into its text field to [`Dialog::typed`].
    fn act(&mut self, input: Input, app: &App) -> Next {
        match input {
            Input::Action(action) => self.action(action, app),
            Input::Typed(key) => {
                self.typed(key);
                Next::Stay
            }
        }
    }

    /// What an action does to it, for a dialog that leaves [`Dialog::act`] as it is.
    fn action(&mut self, _action: Action, _app: &App) -> Next {
        Next::Stay
    }

    /// A key typed into its text field, for a dialog that has one.
    fn typed(&mut self, _key: KeyEvent) {}

    /// Pasted text, for a text field of it that takes keys.
    fn paste(&mut self, _text: &str) {}

    /// Draws it over the panes; says whether every line of it fitted.
    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool;

    /// The change it sends, for a dialog that sends one.
    fn submission(&self) -> Option<&Submission> {
        None
    }

    fn submission_mut(&mut self) -> Option<&mut Submission> {
        None
    }

    /// The server refused its change: the dialog says why and keeps what the admin chose.
    fn refused(&mut self, error: RemoteError) {
        if let Some(submission) = self.submission_mut() {
            submission.fail(error);
        }
    }

    /// The admin stopped waiting for its change (ctrl-c): a dialog with a destructive button
    /// moves its focus back to Cancel, so the next Enter does not send the change again.
    fn focus_cancel(&mut self) {}

    /// The API keys as read again at its asking ([`Next::CheckKeys`]).
    fn keys_reread(&mut self, _keys: &[crate::api::ApiKeyExtendedOut]) {}

    /// What it reads as it opens, beside its keys, before it can show its change whole.
    fn reads_on_open(&self) -> Option<crate::tui::call::Call> {
        None
    }

    /// Its read ([`Dialog::reads_on_open`], [`Next::Read`]) is on its way as `id`.
    fn reading(&mut self, _id: RequestId) {}

    /// The answer to the read `id`, taken if it is the dialog's.
    fn read(&mut self, _id: RequestId, _result: &Result<crate::tui::call::Payload, RemoteError>) {}

    /// ctrl-c stopped its read on its way: no answer comes.
    fn read_stopped(&mut self) {}

    /// The server made its change and answered it (`answer`); the dialog has closed. Shows
    /// the change in the panes at once and reloads what it touched.
    fn done(&self, _app: &mut App, _answer: Answered) -> Vec<Effect> {
        Vec::new()
    }

    /// Whether its change is on its way (it then takes no keys but ctrl-c).
    fn is_sending(&self) -> bool {
        self.submission().is_some_and(Submission::is_sending)
    }
}

/// What every dialog can do by being a plain cloneable type: be copied with the state (tests
/// and the random walk keep states), and be looked at as its own type (tests).
pub trait AnyDialog {
    fn clone_box(&self) -> Box<dyn Dialog>;
    fn as_any(&self) -> &dyn Any;
}

impl<T: Dialog + Clone + 'static> AnyDialog for T {
    fn clone_box(&self) -> Box<dyn Dialog> {
        Box::new(self.clone())
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl Clone for Box<dyn Dialog> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}

/// What asking for a dialog gives: the dialog, or why it does not open.
pub type Opened = Result<Box<dyn Dialog>, (FlashLevel, String)>;

/// Draws the stack, bottom first; says whether the top one fitted whole.
pub fn render(frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
    let mut whole = false;
    for dialog in &app.dialogs {
        whole = dialog.render(frame, canvas, app, theme);
    }
    whole
}
