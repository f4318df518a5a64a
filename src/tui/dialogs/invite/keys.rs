//! The invitation form's keys: typing and pasting addresses, moving between the parts,
//! ticking roles and workspaces, and the buttons; then the preview's: scrolling, Cancel
//! back to the form, Invite sending.

use crate::actions::invites::{Invitation, invite_replacing};
use crate::domain::OrgRole;
use crate::tui::keymap::Action;
use crate::tui::routing::Input;
use crate::tui::state::App;
use crate::tui::update::text_input;

use super::super::{Button, ListedConfirm, Next, step_button};
use super::{BUTTONS, Invite, Part, Preview, Stage};

/// Puts pasted text at the cursor in one edit: line breaks become spaces (they separate
/// addresses), other control characters go. Inserting character by character would take
/// time growing with the square of a long paste.
pub(super) fn paste(input: &mut tui_input::Input, text: &str) {
    let clean: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    let value = input.value();
    let at = value
        .char_indices()
        .nth(input.cursor())
        .map_or(value.len(), |(i, _)| i);
    let joined = format!("{}{clean}{}", &value[..at], &value[at..]);
    let cursor = input.cursor() + clean.chars().count();
    *input = tui_input::Input::new(joined).with_cursor(cursor);
}

impl Invite {
    fn parts(&self) -> Vec<Part> {
        let mut parts = vec![Part::Addresses, Part::Roles(0)];
        if !self.workspaces.is_empty() {
            parts.push(Part::Workspaces(0));
        }
        parts.push(Part::Buttons(Button::Apply));
        parts
    }

    fn same_kind(a: Part, b: Part) -> bool {
        std::mem::discriminant(&a) == std::mem::discriminant(&b)
    }

    fn next_part(&mut self, delta: isize) {
        let parts = self.parts();
        let at = parts
            .iter()
            .position(|p| Self::same_kind(*p, self.part))
            .unwrap_or(0) as isize;
        self.part = parts[(at + delta).rem_euclid(parts.len() as isize) as usize];
    }

    pub(super) fn key(&mut self, input: Input, _app: &App) -> Next {
        let action = match input {
            Input::Typed(key) => {
                if text_input::feed(&mut self.text, &key) == Some(true) {
                    self.remark();
                }
                return Next::Stay;
            }
            Input::Action(action) => action,
        };
        match (action, self.part) {
            (Action::Cancel, _) => return Next::Close,
            (Action::NextField, _) => self.next_part(1),
            (Action::PreviousField, _) => self.next_part(-1),
            (Action::Up, Part::Addresses) => self.scroll = self.scroll.saturating_sub(1),
            (Action::Down, Part::Addresses) => {
                self.scroll = (self.scroll + 1).min(self.addresses.len().saturating_sub(1));
            }
            (Action::Up, Part::Roles(i)) => self.part = Part::Roles(i.saturating_sub(1)),
            (Action::Down, Part::Roles(i)) => {
                self.part = Part::Roles((i + 1).min(OrgRole::ALL.len() - 1));
            }
            (Action::Up, Part::Workspaces(i)) => self.part = Part::Workspaces(i.saturating_sub(1)),
            (Action::Down, Part::Workspaces(i)) => {
                self.part = Part::Workspaces((i + 1).min(self.workspaces.len().saturating_sub(1)));
            }
            (Action::Up | Action::Down, Part::Buttons(b)) => {
                self.part = Part::Buttons(step_button(&BUTTONS, b, 1));
            }
            (Action::Toggle, Part::Roles(i)) => {
                self.roles[i] = !self.roles[i];
                self.problem = None;
            }
            (Action::Toggle, Part::Workspaces(i)) => {
                if let Some(w) = self.workspaces.get_mut(i) {
                    w.2 = !w.2;
                }
            }
            // Only enter presses a button: space ticks, and must never send by accident.
            (Action::Press, Part::Buttons(Button::Apply)) => return self.send(),
            (Action::Press, Part::Buttons(_)) => return Next::Close,
            (Action::Press, _) => self.next_part(1),
            _ => {}
        }
        Next::Stay
    }

    /// Invite on the form: opens the preview of what would be sent, or says why nothing can be.
    fn send(&mut self) -> Next {
        if self.chosen_roles().is_empty() {
            self.problem = Some("Tick at least one organization role".into());
            return Next::Stay;
        }
        let invitation = Invitation {
            addresses: self.addresses.iter().map(|(a, _)| a.clone()).collect(),
            roles: self.chosen_roles(),
            workspaces: self
                .workspaces
                .iter()
                .filter(|w| w.2)
                .map(|w| (w.0, w.1.clone()))
                .collect(),
            language: None,
        };
        let known: Vec<_> = self.workspaces.iter().map(|w| (w.0, w.1.clone())).collect();
        match invite_replacing(&invitation, &self.directory, &known) {
            Ok((plan, _)) if plan.changes_nothing() => self.problem = Some(plan.summary),
            Ok((plan, replaced)) => {
                self.stage = Stage::Preview(Box::new(Preview {
                    plan,
                    replaced,
                    listed: ListedConfirm::default(),
                }));
            }
            Err(error) => self.problem = Some(error.to_string()),
        }
        Next::Stay
    }

    /// A key on the preview: scrolling and the buttons. Invite sends, once every line was
    /// drawn; Cancel (or the cancel key) goes back to the form with everything as it was.
    pub(super) fn preview_key(&mut self, input: Input) -> Next {
        let Stage::Preview(preview) = &mut self.stage else {
            return Next::Stay;
        };
        let request = preview.plan.steps[0].request.clone();
        match preview.listed.act(input, || Next::Send(request)) {
            Next::Close => {
                self.stage = Stage::Form;
                self.submission.error = None;
                Next::Stay
            }
            next => next,
        }
    }
}
