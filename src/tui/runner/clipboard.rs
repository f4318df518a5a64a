//! Copying to the clipboard of the terminal the admin sits at, wherever the console runs:
//! the OSC 52 sequence asks the terminal itself, so it works over SSH; inside tmux it is
//! wrapped so tmux passes it on to the outer terminal.

use std::io::Write;

/// Writes the copy request for `text` to the console's terminal (its standard output).
pub fn copy(text: &crate::tui::effect::Clipboard) {
    let inside_tmux = std::env::var_os("TMUX").is_some();
    let sequence = osc52(&text.0, inside_tmux);
    let mut out = std::io::stdout().lock();
    // A terminal that cannot take it ignores it; nothing else to do on failure.
    if out.write_all(sequence.as_bytes()).is_err() || out.flush().is_err() {
        tracing::debug!("the clipboard request could not be written");
    }
}

/// The escape sequence that puts `text` on the clipboard.
pub fn osc52(text: &str, inside_tmux: bool) -> String {
    let plain = format!("\x1b]52;c;{}\x07", base64(text.as_bytes()));
    if inside_tmux {
        // tmux passes a DCS "tmux;" payload through, with its escapes doubled.
        format!("\x1bPtmux;{}\x1b\\", plain.replace('\x1b', "\x1b\x1b"))
    } else {
        plain
    }
}

/// Standard base64 with padding, as OSC 52 expects.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64_and_tmux_gets_it_wrapped() {
        assert_eq!(base64(b"any carnal pleas"), "YW55IGNhcm5hbCBwbGVhcw==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
        assert_eq!(osc52("abc", false), "\x1b]52;c;YWJj\x07");
        assert_eq!(osc52("abc", true), "\x1bPtmux;\x1b\x1b]52;c;YWJj\x07\x1b\\");
    }
}
