//! Feeding keys and pasted text into tui-input fields.

use crossterm::event::{Event, KeyEvent};
use tui_input::{Input, InputRequest};

/// Applies an editing key. `None` if the key is not an editing key; otherwise whether the
/// text changed.
pub fn feed(input: &mut Input, key: &KeyEvent) -> Option<bool> {
    let request = tui_input::backend::crossterm::to_input_request(&Event::Key(*key))?;
    let changed = input.handle(request).is_some_and(|c| c.value);
    Some(changed)
}

/// Inserts pasted text on one line: line breaks and tabs become spaces, other control
/// characters are dropped.
pub fn paste(input: &mut Input, text: &str) -> bool {
    let mut changed = false;
    for c in text.chars() {
        let c = match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        changed |= input.handle(InputRequest::InsertChar(c)).is_some();
    }
    changed
}

/// Whether a key edits text (a character, backspace, the arrows within the text, ...).
pub fn is_editing(key: &KeyEvent) -> bool {
    tui_input::backend::crossterm::to_input_request(&Event::Key(*key)).is_some()
}
