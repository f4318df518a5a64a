//! Measuring and cutting text by terminal columns, so wide (CJK, emoji) and combining
//! characters keep columns aligned; and the one place where text from the server is made safe
//! to show ([`shown`]).

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::domain::text::bidi_escaped;

pub const ELLIPSIS: &str = "…";

/// Text as the console shows it: every bidi control (U+202E and its kin) becomes a visible
/// escape such as `<U+202E>`. A terminal obeys those characters, so a name holding one would
/// reorder whatever follows it on the line (the rest of a pane title, a table row) and could
/// pass for another name. Measuring and cutting go through here, and so does every pane
/// title, so no name reaches the screen without it.
pub fn shown(text: &str) -> Cow<'_, str> {
    bidi_escaped(text)
}

/// Columns the text takes on screen, measured per grapheme (a base character and its
/// combining marks share one cell; a wide character takes two). Control characters count 0.
pub fn width(text: &str) -> usize {
    // Most of what is drawn is ASCII, one column a character: no need to find graphemes (and
    // ASCII holds no bidi control).
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    graphemes(&shown(text)).map(grapheme_width).sum()
}

/// Whether every character of the text is a grapheme of its own: Latin letters with their
/// accents precomposed (below U+0300, where the combining marks begin) and the ellipsis a
/// cut cell ends with. Such text, the usual non-ASCII text in a table, can be measured and
/// cut by characters instead of by searching for grapheme boundaries.
fn one_grapheme_per_char(text: &str) -> bool {
    text.chars().all(|c| c < '\u{300}' || c == '…')
}

/// The text's graphemes, found the cheap way where they are its characters.
fn graphemes(text: &str) -> impl Iterator<Item = &str> {
    let mut by_char = one_grapheme_per_char(text).then(|| text.char_indices());
    let mut by_grapheme = by_char.is_none().then(|| text.graphemes(true));
    std::iter::from_fn(move || match (&mut by_char, &mut by_grapheme) {
        (Some(chars), _) => chars.next().map(|(at, c)| &text[at..at + c.len_utf8()]),
        (None, Some(graphemes)) => graphemes.next(),
        (None, None) => None,
    })
}

fn grapheme_width(g: &str) -> usize {
    if g.chars().any(char::is_control) {
        return 0;
    }
    if needs_emoji_selector(g) {
        return 2;
    }
    g.width()
}

/// The emoji presentation selector, which asks for the two-column colour glyph.
const EMOJI_SELECTOR: char = '\u{FE0F}';

/// A pictograph such as 🛡 or 🗄 whose default presentation is text: Unicode counts it one
/// column, but terminals with an emoji font draw it two columns wide, which pushes whatever
/// follows (a pane's border) one column right. Given the selector, both agree on two.
fn needs_emoji_selector(g: &str) -> bool {
    let mut chars = g.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    is_pictograph(c) && g.width() == 1
}

fn is_pictograph(c: char) -> bool {
    ('\u{1F000}'..='\u{1FAFF}').contains(&c)
}

/// The text with the emoji selector after each pictograph that needs it (see
/// [`needs_emoji_selector`]), so that what is drawn takes the columns [`width`] counts.
pub fn wide_emoji(text: &str) -> Cow<'_, str> {
    // Most text has no pictograph at all: it is checked by characters, which is cheap, before
    // anything is split into graphemes.
    if !text.chars().any(is_pictograph) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 3);
    for g in text.graphemes(true) {
        out.push_str(g);
        if needs_emoji_selector(g) {
            out.push(EMOJI_SELECTOR);
        }
    }
    Cow::Owned(out)
}

/// The text cut to at most `max` columns, with "…" at the end when something was cut. A wide
/// character that would straddle the limit is dropped rather than split.
pub fn truncate(text: &str, max: usize) -> String {
    let safe = shown(text);
    let text = wide_emoji(&safe);
    let text = text.as_ref();
    if width(text) <= max {
        return text.chars().filter(|c| !c.is_control()).collect();
    }
    if max == 0 {
        return String::new();
    }
    if text.is_ascii() {
        let mut out: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(max - 1)
            .collect();
        out.push_str(ELLIPSIS);
        return out;
    }
    let mut out = String::new();
    let mut used = 0;
    for g in graphemes(text) {
        let w = grapheme_width(g);
        if w == 0 && g.chars().any(char::is_control) {
            continue;
        }
        if used + w > max - 1 {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push_str(ELLIPSIS);
    out
}

/// The text cut to `columns` and padded with spaces to exactly that width.
pub fn fit(text: &str, columns: usize) -> String {
    let mut out = String::with_capacity(columns);
    push_fitted(&mut out, text, columns, false);
    out
}

/// As [`fit`], aligned to the right.
pub fn fit_right(text: &str, columns: usize) -> String {
    let mut out = String::with_capacity(columns);
    push_fitted(&mut out, text, columns, true);
    out
}

/// Appends what [`fit`] (or, `right`, [`fit_right`]) makes of the text. A table fits every
/// cell of every row it draws: printable ASCII, most cells, is cut and padded in place,
/// without measuring it again or making a string of its own.
pub fn push_fitted(out: &mut String, text: &str, columns: usize, right: bool) {
    let plain = text.bytes().all(|b| b.is_ascii() && !b.is_ascii_control());
    if plain && text.len() <= columns {
        let pad = columns - text.len();
        if right {
            out.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(text);
        if !right {
            out.extend(std::iter::repeat_n(' ', pad));
        }
    } else if plain {
        // Cut: exactly `columns` wide with the ellipsis, so no padding either way.
        if columns > 0 {
            out.push_str(&text[..columns - 1]);
            out.push_str(ELLIPSIS);
        }
    } else {
        let cut = truncate(text, columns);
        let pad = columns.saturating_sub(width(&cut));
        if right {
            out.extend(std::iter::repeat_n(' ', pad));
        }
        out.push_str(&cut);
        if !right {
            out.extend(std::iter::repeat_n(' ', pad));
        }
    }
}

/// Splits text so that the last `max` columns are kept: for input fields that scroll.
pub fn tail(text: &str, max: usize) -> (String, usize) {
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let mut used = 0;
    let mut start = graphemes.len();
    while start > 0 {
        let w = grapheme_width(graphemes[start - 1]);
        if used + w > max {
            break;
        }
        used += w;
        start -= 1;
    }
    (graphemes[start..].concat(), used)
}

/// The text without its first `columns` columns (for a field scrolled to the right).
pub fn skip_columns(text: &str, columns: usize) -> String {
    let mut skipped = 0;
    let mut out = String::new();
    for g in text.graphemes(true) {
        if skipped < columns {
            skipped += grapheme_width(g);
            continue;
        }
        out.push_str(g);
    }
    out
}

/// What a dialog tells about the entry under its cursor (`told`, if any), wrapped to `room`
/// and padded with empty lines to the height the tallest of `all` takes, so the dialog keeps
/// its size as the cursor moves.
pub fn wrap_to_tallest(
    told: Option<&str>,
    all: impl IntoIterator<Item = String>,
    room: usize,
) -> Vec<String> {
    let tallest = all
        .into_iter()
        .map(|text| wrap(&text, room).len())
        .max()
        .unwrap_or(0);
    let mut lines = told.map(|text| wrap(text, room)).unwrap_or_default();
    let padding = tallest.saturating_sub(lines.len());
    lines.extend(std::iter::repeat_n(String::new(), padding));
    lines
}

/// Word-wraps text into lines of at most `max` columns; a word longer than a line is cut
/// across lines. Always at least one line, so an empty text still takes its row.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let text = &*shown(text);
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = width(word);
        if used > 0 && used + 1 + w <= max {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for g in word.graphemes(true) {
            let gw = grapheme_width(g);
            if used + gw > max && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push_str(g);
            used += gw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_between_words_and_cuts_only_long_ones() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("日本語 チーム", 6), vec!["日本語", "チーム"]);
        for line in wrap("Zoë Ångström and 山田太郎 lose access at once", 9) {
            assert!(width(&line) <= 9, "{line:?}");
        }
    }

    #[test]
    fn text_measured_by_characters_measures_as_by_graphemes() {
        for text in [
            "Zoë Ångström",
            "ana.pérez@acme.exa…",
            "a\u{ad}b",
            "x\r\ny",
            "ÿ…é\t",
        ] {
            let by_graphemes: usize = text.graphemes(true).map(grapheme_width).sum();
            assert_eq!(width(text), by_graphemes, "{text:?}");
            for max in 0..14 {
                let cut = truncate(text, max);
                assert!(width(&cut) <= max, "{text:?} at {max}: {cut:?}");
            }
        }
        assert_eq!(truncate("Zoë Ångström", 6), "Zoë Å…");
        assert_eq!(
            graphemes("Zoë…").collect::<Vec<_>>(),
            "Zoë…".graphemes(true).collect::<Vec<_>>()
        );
        assert_eq!(
            graphemes("e\u{301}").count(),
            1,
            "a combining mark: by graphemes"
        );
    }

    #[test]
    fn wide_and_combining_characters_are_measured_in_columns() {
        assert_eq!(width("abc"), 3);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("e\u{301}te\u{301}"), 3);
        assert_eq!(width("🚀"), 2);
        assert_eq!(width("a\tb"), 2);
    }

    #[test]
    fn text_presentation_pictographs_are_drawn_two_columns_wide() {
        assert_eq!(width("🛡"), 2);
        assert_eq!(wide_emoji("🛡 Security"), "🛡\u{FE0F} Security");
        assert_eq!(fit("🛡", 2), "🛡\u{FE0F}");
        assert_eq!(wide_emoji("🛡\u{FE0F}"), "🛡\u{FE0F}", "already selected");
        assert_eq!(wide_emoji("★ ⚖ 🚀"), "★ ⚖ 🚀", "others are left alone");
        // What ratatui measures once the selector is there: the same two columns.
        assert_eq!(UnicodeWidthStr::width(wide_emoji("🛡").as_ref()), 2);
    }

    #[test]
    fn fitting_in_place_is_cutting_then_padding() {
        for text in [
            "",
            "Jane",
            "jane.doe@example.com",
            "a\tb",
            "Zoë Ångström",
            "山田太郎",
        ] {
            for columns in 0..24 {
                let cut = truncate(text, columns);
                let pad = " ".repeat(columns.saturating_sub(width(&cut)));
                assert_eq!(
                    fit(text, columns),
                    format!("{cut}{pad}"),
                    "{text:?} {columns}"
                );
                assert_eq!(
                    fit_right(text, columns),
                    format!("{pad}{cut}"),
                    "{text:?} {columns}"
                );
            }
        }
    }

    #[test]
    fn truncation_never_exceeds_the_width() {
        for text in [
            "Hello world",
            "日本語のチーム",
            "Zoe\u{308} Ma\u{301}rtin",
            "🚀🚀🚀",
            "",
        ] {
            for max in 0..12 {
                let cut = truncate(text, max);
                assert!(width(&cut) <= max, "{text:?} at {max}: {cut:?}");
                let padded = fit(text, max);
                assert_eq!(width(&padded), max, "{text:?} at {max}: {padded:?}");
                assert_eq!(width(&fit_right(text, max)), max);
            }
        }
    }

    #[test]
    fn cutting_marks_the_cut_and_keeps_combining_marks_with_their_letter() {
        assert_eq!(truncate("Workspace", 5), "Work…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("日本語", 5), "日本…");
        assert_eq!(truncate("e\u{301}e\u{301}e\u{301}", 2), "e\u{301}…");
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn skipping_counts_columns() {
        assert_eq!(skip_columns("abcdef", 2), "cdef");
        assert_eq!(skip_columns("日本語", 2), "本語");
        assert_eq!(skip_columns("ab", 5), "");
    }

    #[test]
    fn the_tail_is_what_an_input_shows_when_scrolled() {
        assert_eq!(tail("abcdef", 3), ("def".to_string(), 3));
        assert_eq!(tail("日本語", 5), ("本語".to_string(), 4));
        assert_eq!(tail("", 5), (String::new(), 0));
    }
}
