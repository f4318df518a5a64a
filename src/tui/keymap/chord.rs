//! One key with its modifiers: parsed from the keymap's spelling ("ctrl-p", "shift-tab", "G")
//! and matched against crossterm's key events.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl KeyChord {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        Self { code, modifiers }
    }

    /// The chord a key event stands for. Terminals disagree about reporting shift with
    /// printable characters ("G" may come with or without SHIFT) and with BackTab, so shift is
    /// dropped where the key code already says it.
    pub fn from_event(event: &KeyEvent) -> Self {
        normalized(event.code, event.modifiers)
    }

    /// Parses the keymap spelling: optional `ctrl-`, `alt-`, `shift-` prefixes, then a single
    /// character or a key name.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            // "-" alone is a key; "ctrl--" is ctrl with the minus key.
            if rest.len() == prefix.len() {
                break;
            }
            modifiers |= flag;
            rest = &rest[prefix.len()..];
        }
        let code = parse_code(rest).ok_or_else(|| format!("unknown key {text:?}"))?;
        let code = match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c)
                if modifiers.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() =>
            {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        Ok(normalized(code, modifiers))
    }
}

impl KeyChord {
    /// Keys hit by accident while typing or scrolling (backspace, delete, ctrl-d, ctrl-u):
    /// none of them may start something that cannot be taken back.
    pub fn is_accident_prone(self) -> bool {
        match self.code {
            KeyCode::Backspace | KeyCode::Delete => true,
            KeyCode::Char('d' | 'u') => self.modifiers.contains(KeyModifiers::CONTROL),
            _ => false,
        }
    }
}

fn normalized(code: KeyCode, modifiers: KeyModifiers) -> KeyChord {
    let keep = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT;
    let mut modifiers = modifiers & keep;
    if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
        modifiers.remove(KeyModifiers::SHIFT);
    }
    KeyChord { code, modifiers }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    Some(match lower.as_str() {
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "delete" | "del" => KeyCode::Delete,
        "insert" | "ins" => KeyCode::Insert,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "minus" => KeyCode::Char('-'),
        _ => {
            let number: u8 = lower.strip_prefix('f')?.parse().ok()?;
            if !(1..=12).contains(&number) {
                return None;
            }
            KeyCode::F(number)
        }
    })
}

impl fmt::Display for KeyChord {
    /// The spelling the keymap file accepts, so what help shows can be copied into it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn spellings_parse_to_the_chords_terminals_send() {
        let ctrl_p = KeyChord::parse("ctrl-p").unwrap();
        assert_eq!(
            ctrl_p,
            KeyChord::from_event(&event(KeyCode::Char('p'), KeyModifiers::CONTROL))
        );
        let back = KeyChord::parse("shift-tab").unwrap();
        assert_eq!(
            back,
            KeyChord::from_event(&event(KeyCode::BackTab, KeyModifiers::SHIFT))
        );
        assert_eq!(back, KeyChord::parse("backtab").unwrap());
        let big_g = KeyChord::parse("G").unwrap();
        assert_eq!(
            big_g,
            KeyChord::from_event(&event(KeyCode::Char('G'), KeyModifiers::SHIFT))
        );
        assert_eq!(
            big_g,
            KeyChord::from_event(&event(KeyCode::Char('G'), KeyModifiers::NONE))
        );
        assert_eq!(big_g, KeyChord::parse("shift-g").unwrap());
        assert_eq!(KeyChord::parse("-").unwrap().code, KeyCode::Char('-'));
        assert_eq!(
            KeyChord::parse("ctrl--").unwrap(),
            KeyChord::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert_eq!(KeyChord::parse("space").unwrap().code, KeyCode::Char(' '));
        assert_eq!(KeyChord::parse("F5").unwrap().code, KeyCode::F(5));
        assert_eq!(KeyChord::parse("é").unwrap().code, KeyCode::Char('é'));
    }

    #[test]
    fn nonsense_is_refused_with_the_value() {
        for bad in ["", "ctrl-", "foo", "f13", "ctrl-banana", "hyper-x"] {
            let err = KeyChord::parse(bad).unwrap_err();
            assert!(err.contains(&format!("{bad:?}")), "{err}");
        }
    }

    #[test]
    fn display_round_trips_through_parse() {
        for text in [
            "q",
            "ctrl-p",
            "shift-tab",
            "enter",
            "alt-x",
            "space",
            "f2",
            "G",
            "-",
        ] {
            let chord = KeyChord::parse(text).unwrap();
            let shown = chord.to_string();
            if !shown.contains(['↑', '↓', '←', '→']) {
                assert_eq!(KeyChord::parse(&shown).unwrap(), chord, "{text} -> {shown}");
            }
        }
    }
}
