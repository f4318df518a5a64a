//! Reads one source file and lists the crate-root items it names: every `crate::x` (alone or
//! in a `crate::{x, y}` group), and every `super::` chain that climbs to the crate root.
//! Comments and string literals are blanked first, so prose and messages never count.

/// One reference to an item at the crate root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootRef {
    /// 1-based.
    pub line: usize,
    /// The item's name, or `*` for a glob of the whole crate root.
    pub item: String,
}

/// The crate-root items `source` names. `depth` is how deep the file's module sits below the
/// root (`src/tui/state/mod.rs`: 2), so that `super::` chains can be followed.
pub fn root_refs(source: &str, depth: usize) -> Vec<RootRef> {
    let code: Vec<char> = blank_comments_and_literals(source).chars().collect();
    let newlines: Vec<usize> = (0..code.len()).filter(|&at| code[at] == '\n').collect();
    let mut refs = Vec::new();
    // Brace depth at which each inline `mod name {` opened.
    let mut inline_mods: Vec<usize> = Vec::new();
    let mut braces = 0usize;
    let mut i = 0;
    while i < code.len() {
        match code[i] {
            '{' => braces += 1,
            '}' => {
                braces = braces.saturating_sub(1);
                if inline_mods.last() == Some(&braces) {
                    inline_mods.pop();
                }
            }
            c if is_ident_start(c) && (i == 0 || !is_ident(code[i - 1])) => {
                let word = ident_at(&code, i);
                let after = i + word.len();
                match word.as_str() {
                    "mod" => {
                        let name_at = skip_space(&code, after);
                        let name = ident_at(&code, name_at);
                        let next = skip_space(&code, name_at + name.len());
                        if !name.is_empty() && code.get(next) == Some(&'{') {
                            inline_mods.push(braces);
                        }
                    }
                    "crate" => {
                        if let Some(rest) = after_path_sep(&code, after) {
                            names_at(&code, &newlines, rest, &mut refs);
                        }
                    }
                    "super" if !preceded_by_path_sep(&code, i) => {
                        let mut climbs = 0;
                        let mut at = after;
                        let mut rest = None;
                        while let Some(next) = after_path_sep(&code, at) {
                            climbs += 1;
                            rest = Some(next);
                            if ident_at(&code, next) != "super" {
                                break;
                            }
                            at = next + "super".len();
                        }
                        let here = depth + inline_mods.len();
                        if let Some(rest) = rest.filter(|_| climbs >= here) {
                            names_at(&code, &newlines, rest, &mut refs);
                        }
                    }
                    _ => {}
                }
                i = after;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    refs
}

/// The names right after a path separator at `at`: one name, `*`, or each entry of a group,
/// each with the line it is written on.
fn names_at(code: &[char], newlines: &[usize], at: usize, refs: &mut Vec<RootRef>) {
    let mut push = |item: String, at: usize| {
        if !item.is_empty() && item != "self" {
            let line = 1 + newlines.partition_point(|&n| n < at);
            refs.push(RootRef { line, item });
        }
    };
    match code.get(at) {
        Some('*') => push("*".to_owned(), at),
        Some('{') => {
            let mut i = at + 1;
            loop {
                i = skip_space(code, i);
                match code.get(i) {
                    None | Some('}') => break,
                    Some('*') => push("*".to_owned(), i),
                    Some(_) => push(ident_at(code, i), i),
                }
                // On to the next entry of this group, past any nested group.
                let mut nested = 0usize;
                while let Some(&c) = code.get(i) {
                    match c {
                        '{' => nested += 1,
                        '}' if nested == 0 => return,
                        '}' => nested -= 1,
                        ',' if nested == 0 => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
        }
        Some(_) => push(ident_at(code, at), at),
        None => {}
    }
}

/// Where the path continues after `::` (spaces allowed around it), if one follows `at`.
fn after_path_sep(code: &[char], at: usize) -> Option<usize> {
    let at = skip_space(code, at);
    (code.get(at) == Some(&':') && code.get(at + 1) == Some(&':')).then(|| skip_space(code, at + 2))
}

fn preceded_by_path_sep(code: &[char], at: usize) -> bool {
    let mut i = at;
    while i > 0 && code[i - 1].is_whitespace() {
        i -= 1;
    }
    i >= 2 && code[i - 1] == ':' && code[i - 2] == ':'
}

fn skip_space(code: &[char], mut at: usize) -> usize {
    while code.get(at).is_some_and(|c| c.is_whitespace()) {
        at += 1;
    }
    at
}

fn ident_at(code: &[char], at: usize) -> String {
    if !code.get(at).is_some_and(|&c| is_ident_start(c)) {
        return String::new();
    }
    code[at..].iter().take_while(|&&c| is_ident(c)).collect()
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// The source with comments, string literals and char literals turned into spaces; line
/// breaks stay where they were, so line numbers still match the file.
pub fn blank_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let literal_end = if c == '/' && next == Some('/') {
            Some(find(&chars, i, |at| chars[at] == '\n').unwrap_or(chars.len()))
        } else if c == '/' && next == Some('*') {
            Some(block_comment_end(&chars, i))
        } else if c == '"' {
            Some(quoted_end(&chars, i + 1, '"'))
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            let open = i + hashes.len() + 2;
            let closing: Vec<char> = std::iter::once('"').chain(hashes.chars()).collect();
            Some(
                find(&chars, open, |at| chars[at..].starts_with(&closing))
                    .map_or(chars.len(), |at| at + closing.len()),
            )
        } else if c == '\'' {
            char_literal_end(&chars, i)
        } else {
            None
        };
        match literal_end {
            Some(end) => {
                out.extend(chars[i..end].iter().map(|&c| blank(c)));
                i = end;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn find(chars: &[char], from: usize, hit: impl Fn(usize) -> bool) -> Option<usize> {
    (from..chars.len()).find(|&at| hit(at))
}

/// Past the `*/` that closes the comment opened at `start`; block comments nest.
fn block_comment_end(chars: &[char], start: usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i + 1 < chars.len() {
        match (chars[i], chars[i + 1]) {
            ('/', '*') => {
                depth += 1;
                i += 2;
            }
            ('*', '/') => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    chars.len()
}

/// Past the unescaped `quote` that ends a literal whose text starts at `from`.
fn quoted_end(chars: &[char], from: usize, quote: char) -> usize {
    let mut i = from;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    chars.len()
}

/// The `#`s of a raw string (`r"`, `r#"`, `br##"`) starting at `at`, if one does.
fn raw_string_start(chars: &[char], at: usize) -> Option<String> {
    if at > 0 && is_ident(chars[at - 1]) {
        return None;
    }
    let mut i = at;
    if chars.get(i) == Some(&'b') {
        i += 1;
    }
    if chars.get(i) != Some(&'r') {
        return None;
    }
    i += 1;
    let hashes: String = chars[i..].iter().take_while(|&&c| c == '#').collect();
    (chars.get(i + hashes.len()) == Some(&'"')).then_some(hashes)
}

/// The end of a char literal at `at` (`'x'`, `'\n'`, `'\u{1F600}'`); `None` for a lifetime.
fn char_literal_end(chars: &[char], at: usize) -> Option<usize> {
    match chars.get(at + 1)? {
        '\\' => Some(quoted_end(chars, at + 1, '\'')),
        _ if chars.get(at + 2) == Some(&'\'') => Some(at + 3),
        _ => None,
    }
}
