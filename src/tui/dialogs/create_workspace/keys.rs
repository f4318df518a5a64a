//! The new-workspace form's keys: moving between fields, typing, flipping the box, the admin
//! picker, and Create.

use crate::actions::Request;
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::state::{App, FlashLevel};
use crate::tui::update::text_input;

use super::super::Next;
use super::{AdminPicker, CreateField, CreateWorkspace};

impl CreateWorkspace {
    pub(super) fn form_key(&mut self, input: Input, app: &App) -> Next {
        let field = self.focus;
        let action = match input {
            Input::Action(action) => action,
            Input::Typed(key) => {
                if let Some(text) = self.input_mut(field)
                    && text_input::feed(text, &key) == Some(true)
                {
                    // The refusal was about what the fields said before.
                    self.server_errors.remove(&field);
                    self.submission.error = None;
                }
                return Next::Stay;
            }
        };
        match action {
            Action::NextField => self.focus = field.step(1),
            Action::PreviousField => self.focus = field.step(-1),
            Action::Submit => return self.submit(),
            Action::Cancel => return Next::Close,
            // Space flips the box on the box, and does nothing elsewhere: above all, it never
            // presses Create.
            Action::Toggle if field != CreateField::AddAll => {}
            Action::Choose | Action::Toggle => match field {
                CreateField::Name | CreateField::Description | CreateField::Icon => {
                    self.focus = field.step(1)
                }
                CreateField::Admin => return self.open_admin_picker(app),
                CreateField::AddAll => {
                    self.add_all = !self.add_all;
                    self.submission.error = None;
                }
                CreateField::Create => return self.submit(),
                CreateField::Cancel => return Next::Close,
            },
            _ => {}
        }
        Next::Stay
    }

    fn open_admin_picker(&mut self, app: &App) -> Next {
        if app.org().people.get().is_none() {
            return Next::Say(
                FlashLevel::Error,
                "The organization's members are still loading".into(),
            );
        }
        self.admin_picker = Some(AdminPicker::default());
        Next::Stay
    }

    /// What the admin picker gave: the focus stays on the admin just chosen, since a focus
    /// that jumps ahead puts the next keys somewhere the admin has not looked.
    pub(super) fn take_admin(&mut self, chosen: super::admin_picker::Chosen) -> Next {
        use super::admin_picker::Chosen;
        match chosen {
            Chosen::Nobody => Next::Stay,
            Chosen::Closed => {
                self.admin_picker = None;
                Next::Stay
            }
            Chosen::NoMatch => Next::Say(FlashLevel::Info, "Nobody matches".into()),
            Chosen::Member(id, label) => {
                self.admin_picker = None;
                self.admin = Some((id, label));
                self.server_errors.remove(&CreateField::Admin);
                self.submission.error = None;
                Next::Stay
            }
        }
    }

    fn submit(&mut self) -> Next {
        match self.request() {
            Ok(body) => Next::Send(Request::CreateWorkspace { body }),
            Err(reason) => Next::Say(FlashLevel::Error, format!("Not created: {reason}")),
        }
    }

    /// Pasted text goes to the picker's query, or to the focused text field.
    pub(super) fn paste_text(&mut self, text: &str) {
        if let Some(picker) = self.admin_picker.as_mut() {
            picker.search.paste(text);
            return;
        }
        let field = self.focus;
        if let Some(input) = self.input_mut(field)
            && text_input::paste(input, text)
        {
            self.server_errors.remove(&field);
            self.submission.error = None;
        }
    }
}
