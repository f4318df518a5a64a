//! Keys written as a script, so a test says which keys reach its screen in one line: words
//! separated by spaces, each one key (`enter`, `tab`, `backtab`, `esc`, `up`, `down`,
//! `pgdn`, `pgup`, `space`, `bs`, `ctrl-p`, or a single character), or `"text"` typed one
//! character at a time (no spaces inside).

use crossterm::event::{KeyCode, KeyEvent};

use crate::tui::state::App;

use super::{ctrl, key, press};

/// The keys a script stands for, in order.
pub fn script_keys(script: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    for word in script.split_whitespace() {
        if let Some(text) = word.strip_prefix('"').and_then(|w| w.strip_suffix('"')) {
            keys.extend(text.chars().map(|c| key(KeyCode::Char(c))));
            continue;
        }
        keys.push(match word {
            "enter" => key(KeyCode::Enter),
            "tab" => key(KeyCode::Tab),
            "backtab" => key(KeyCode::BackTab),
            "esc" => key(KeyCode::Esc),
            "up" => key(KeyCode::Up),
            "down" => key(KeyCode::Down),
            "pgdn" => key(KeyCode::PageDown),
            "pgup" => key(KeyCode::PageUp),
            "space" => key(KeyCode::Char(' ')),
            "bs" => key(KeyCode::Backspace),
            _ => {
                let mut chars = word.chars();
                match (chars.next(), chars.next(), word.strip_prefix("ctrl-")) {
                    (_, _, Some(c)) if c.chars().count() == 1 => {
                        ctrl(c.chars().next().unwrap_or(' '))
                    }
                    (Some(c), None, _) => key(KeyCode::Char(c)),
                    _ => panic!("not a key of a script: {word:?}"),
                }
            }
        });
    }
    keys
}

/// Presses the script's keys in turn, answering what they request, as [`press`] does.
pub fn press_keys(app: &mut App, script: &str) {
    for key in script_keys(script) {
        press(app, key);
    }
}

/// A console with the first organization loaded, after the script's keys.
pub fn loaded_after(script: &str) -> App {
    let mut app = super::loaded_app();
    press_keys(&mut app, script);
    app
}

/// The default workspace's Settings tab, from a server without the settings extension.
pub fn settings_without_extension() -> App {
    let mut app = super::loaded_app();
    press(&mut app, key(KeyCode::Enter));
    super::press_answered(
        &mut app,
        key(KeyCode::Char('2')),
        Ok(crate::tui::call::Payload::WorkspaceSettings(None)),
    );
    app
}

/// Runs a `:` command as typed: the colon, the text, enter.
pub fn run_command(app: &mut App, command: &str) {
    press(app, key(KeyCode::Char(':')));
    super::type_text(app, command);
    press(app, key(KeyCode::Enter));
}

/// A console with the first organization loaded, after a `:` command (an organization view).
pub fn command_opened(command: &str) -> App {
    let mut app = super::loaded_app();
    run_command(&mut app, command);
    app
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_reads_as_the_keys_it_names() {
        assert_eq!(
            script_keys("enter 2 ctrl-p \"ab\" space"),
            vec![
                key(KeyCode::Enter),
                key(KeyCode::Char('2')),
                ctrl('p'),
                key(KeyCode::Char('a')),
                key(KeyCode::Char('b')),
                key(KeyCode::Char(' ')),
            ]
        );
    }
}
