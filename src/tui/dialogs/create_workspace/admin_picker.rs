//! The admin picker of the new-workspace form: a fuzzy search over the organization's members,
//! drawn over the form. Choosing one makes them the new workspace's admin.

use ratatui::Frame;
use ratatui::layout::Rect;
use uuid::Uuid;

use crate::tui::routing::Input;
use crate::tui::state::{App, picking};
use crate::tui::theme::Theme;

use super::super::picker::view::{Entry, PickerListing, render};
use super::super::picker::{Search, Searched};

#[derive(Debug, Clone, Default)]
pub struct AdminPicker {
    pub search: Search,
}

/// What a key in the picker came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chosen {
    /// Nothing yet.
    Nobody,
    Closed,
    /// Enter with nobody listed.
    NoMatch,
    /// This member, and how the form shows them.
    Member(Uuid, String),
}

impl AdminPicker {
    pub fn act(&mut self, input: Input, app: &App) -> Chosen {
        let choices = picking::members(app, self.search.query.value());
        match self.search.act(input, choices.len()) {
            Searched::Stay => Chosen::Nobody,
            Searched::Close => Chosen::Closed,
            Searched::Choose(at) => match choices.get(at) {
                Some(choice) => {
                    Chosen::Member(choice.id, format!("{} <{}>", choice.name, choice.email))
                }
                None => Chosen::NoMatch,
            },
        }
    }

    /// Draws the picker; returns whether it had room to.
    pub fn render(&self, frame: &mut Frame, screen: Rect, app: &App, theme: &Theme) -> bool {
        let entries: Vec<Entry> = picking::members(app, self.search.query.value())
            .into_iter()
            .map(|c| Entry {
                prefix: String::new(),
                text: c.name,
                positions: c.matched.positions,
                suffix: format!("  {}", c.email),
                style: theme.text,
            })
            .collect();
        let listing = PickerListing {
            title: "Choose the admin",
            entries,
            total: app.org().people.get().map_or(0, |p| p.persons.len()),
            status: None,
        };
        render(frame, screen, app, &self.search, listing, theme)
    }
}
