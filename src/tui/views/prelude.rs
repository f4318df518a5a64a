//! What a view's module reaches for in nearly every file: the drawing surface, its keys and
//! offers, the console's state, the view contract and the shared list. A view opens with
//! `use crate::tui::views::prelude::*;` and imports by name only what is its own.

pub use ratatui::Frame;
pub use ratatui::layout::Rect;

pub use crate::tui::keymap::{Action, Context};
pub use crate::tui::routing::Offer;
pub use crate::tui::state::{App, FlashLevel, Remote, RemoteError};
pub use crate::tui::theme::Theme;

pub use super::fetch::{FetchAnswer, read};
pub use super::list::{List, Listing, Rows, best};
pub use super::{Entry, Fetcher, Step, View, ViewData, acts_on};
