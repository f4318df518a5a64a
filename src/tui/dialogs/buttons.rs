//! The buttons at the foot of a dialog, and moving the focus along a row of them.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Add,
    Apply,
    Back,
    Remove,
    Archive,
    Create,
    Cancel,
    Ok,
}

impl Button {
    pub fn label(self) -> &'static str {
        match self {
            Self::Add => "Add",
            Self::Apply => "Apply",
            Self::Back => "Back",
            Self::Remove => "Remove",
            Self::Archive => "Archive",
            Self::Create => "Create",
            Self::Cancel => "Cancel",
            Self::Ok => "OK",
        }
    }
}

/// The button `delta` places from `current` in `row`, wrapping around.
pub fn step_button(row: &[Button], current: Button, delta: isize) -> Button {
    let Some(at) = row.iter().position(|b| *b == current) else {
        return row.first().copied().unwrap_or(current);
    };
    let n = row.len() as isize;
    row[(at as isize + delta).rem_euclid(n) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_wrap_around() {
        let row = [Button::Cancel, Button::Archive];
        assert_eq!(step_button(&row, Button::Cancel, 1), Button::Archive);
        assert_eq!(step_button(&row, Button::Archive, 1), Button::Cancel);
        assert_eq!(step_button(&row, Button::Cancel, -1), Button::Archive);
    }
}
