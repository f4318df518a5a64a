//! The `/` filter of a list: text the user types, and whether they are still typing it.

use tui_input::Input;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub input: Input,
    /// Keys go to the filter text while true.
    pub typing: bool,
}

impl Filter {
    pub fn text(&self) -> &str {
        self.input.value()
    }

    /// Whether rows are being hidden.
    pub fn is_active(&self) -> bool {
        !self.input.value().trim().is_empty()
    }

    pub fn start(&mut self) {
        self.typing = true;
    }

    pub fn clear(&mut self) {
        self.input.reset();
        self.typing = false;
    }
}

impl PartialEq for Filter {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text() && self.typing == other.typing
    }
}
