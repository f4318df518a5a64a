//! Telling a value that looks like a key from a name, a path, a command or a URL.
//!
//! Keys reach places they do not belong by copy and paste: into `key_file`, `key_command` or
//! `base_url` in `config.toml`, or as an argument of a key command. Wherever the app would echo
//! such a value back (a table, an error message), it first asks [`looks_like_secret`] or passes
//! the text through [`redact_secrets`]. One heuristic serves every field, so they cannot drift.
//!
//! The heuristic errs on the side of hiding: a false alarm costs a rename, a miss leaks a key.
//! What it takes for a key, word by word (a word being a run of letters, digits, `-` and `_`):
//! - a word with a usual key prefix (`sk-`, `sk_`), at least 12 characters long;
//! - a word of at least 20 characters, not a UUID, whose kind of character (upper case, lower
//!   case, digit) changes often from one to the next: random alphanumerics like Mistral's
//!   32-character keys, hex strings, random letters. CamelCase names change kind only at the
//!   start of each part, so `Mistral2024AdminKeyBackup` is a name.
//!
//! Names such as `MISTRAL_ADMIN_KEY_2024`, file names such as `acme-prod.key` and commands such
//! as `pass show mistral/acme` are words that are short, single-case or split by `.` and `/`.
//!
//! Keys may also hold `.`, `~`, `+` and `/` (base64, the bearer-token alphabet), which split
//! such a key into words too short to be caught. So the same test is also made on each token,
//! a run of word characters and those four: a token none of whose words looks like a key, but
//! which does as a whole, is hidden whole. UUIDs inside a token (`/workspaces/<uuid>`) do not count towards it.

/// The shortest word taken for a key without a key prefix.
const MIN_KEY_LEN: usize = 20;
/// The shortest word with a key prefix taken for a key (`sk-` alone is not one).
const MIN_PREFIXED_LEN: usize = 12;
/// Prefixes that mark a word as a key whatever follows.
const KEY_PREFIXES: [&str; 2] = ["sk-", "sk_"];
/// What replaces a key-like word in text that is shown.
pub const HIDDEN: &str = "[hidden]";

/// Whether `text` as a whole looks like a key (or an `Authorization` header value holding one)
/// rather than the name, path, command or URL that belongs in the field.
pub fn looks_like_secret(text: &str) -> bool {
    let text = text.trim();
    if let Some(rest) = strip_bearer(text) {
        return !rest.trim().is_empty();
    }
    let one_word = text.chars().all(is_word_char) && word_looks_like_key(text);
    let split = text.chars().all(is_token_char) && token_is_split_key(text);
    !text.is_empty() && (one_word || split)
}

/// `text` with every word that looks like a key replaced by [`HIDDEN`], for a command or a path
/// that is about to be shown; a key split by `.~+/` is hidden whole. Everything else, including
/// the separators, is kept as written.
pub fn redact_secrets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut token = String::new();
    for c in text.chars() {
        if is_token_char(c) {
            token.push(c);
        } else {
            out.push_str(&redact_token(&token));
            token.clear();
            out.push(c);
        }
    }
    out.push_str(&redact_token(&token));
    out
}

/// Whether [`redact_secrets`] would hide anything in `text`.
pub fn contains_secret(text: &str) -> bool {
    text.split(|c| !is_word_char(c)).any(word_looks_like_key)
        || text.split(|c| !is_token_char(c)).any(token_is_split_key)
        || looks_like_secret(text)
}

/// A token with its key-like words hidden, so a path or a field name keeps what surrounds a
/// key written in it; or hidden whole when it is a key split into words too short to catch.
fn redact_token(token: &str) -> String {
    if token_is_split_key(token) || holds_key_with_random_pieces(token) {
        HIDDEN.to_owned()
    } else {
        redact_words(token)
    }
}

/// Whether `token` holds a key-like word beside pieces of the same key: joined by `+` (which
/// paths and names hardly use), or beside other words that are not plain. A key in base64
/// may have one long piece caught on its own and short ones around it that would otherwise
/// stay on screen; a path around a key (`/home/ada/keys/<key>.txt`, `/Users/ada/MyProject/
/// <key>.txt`) keeps its folders.
fn holds_key_with_random_pieces(token: &str) -> bool {
    let words: Vec<&str> = token.split(|c| !is_word_char(c)).collect();
    if !words.iter().any(|w| word_looks_like_key(w)) || reads_as_path(token) {
        return false;
    }
    token.contains('+')
        || words
            .iter()
            .any(|w| !w.is_empty() && !word_looks_like_key(w) && !is_uuid(w) && !is_plain(w))
}

/// A word as names and paths write them: in each part between `-` and `_`, at most one change
/// of kind (`home`, `Documents`, `v1`, `x86_64`, `README`), where random pieces change often
/// (`Xy3`, `q7Tz0LmW`).
fn is_plain(word: &str) -> bool {
    word.split(['-', '_']).all(|part| {
        let kinds: Vec<Option<u8>> = part.chars().map(kind).collect();
        kinds.windows(2).filter(|w| w[0] != w[1]).count() <= 1
    })
}

/// Whether `token` reads as a path: it starts where paths start (`/`, `~`, `.`), has `/`, no
/// `+`, two lower-case words of three letters or more (`tmp`, `key`, `run`), and at most one
/// short random piece (the folder `mktemp -d` names). A key split by `/` may hold two such
/// lower-case pieces and start with `/`, but then its other pieces are random.
fn reads_as_path(token: &str) -> bool {
    let words: Vec<&str> = token.split(|c| !is_word_char(c)).collect();
    let lower_words = words
        .iter()
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
        .count();
    // A word long enough to be a key is hidden on its own; only the short pieces count here.
    let random_pieces = words
        .iter()
        .filter(|w| !w.is_empty() && !is_plain(w) && !word_looks_like_key(w) && !is_uuid(w))
        .count();
    token.starts_with(['/', '~', '.'])
        && token.contains('/')
        && !token.contains('+')
        && lower_words >= 2
        && random_pieces <= 1
}

/// `token` with each word that looks like a key replaced by [`HIDDEN`].
fn redact_words(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut word = String::new();
    for c in token.chars() {
        if is_word_char(c) {
            word.push(c);
        } else {
            out.push_str(shown_word(&word));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(shown_word(&word));
    out
}

fn shown_word(word: &str) -> &str {
    if word_looks_like_key(word) {
        HIDDEN
    } else {
        word
    }
}

/// Whether a token (word characters and `.~+/`) is a key split by those characters: no word
/// of it looks like a key on its own (such a word is hidden alone), and the whole does. Its
/// UUIDs become plain separators first: they are names, and a path full of them is not random.
fn token_is_split_key(token: &str) -> bool {
    // Two lower-case words make a path (`/tmp/tmp.X3kq9Lm2Tb/key`, as `mktemp -d` names folders).
    if token.split(|c| !is_word_char(c)).any(word_looks_like_key) || reads_as_path(token) {
        return false;
    }
    let mut masked = String::with_capacity(token.len());
    let mut word = String::new();
    let flush = |word: &mut String, masked: &mut String| {
        masked.push_str(if is_uuid(word) { "/" } else { word });
        word.clear();
    };
    for c in token.chars() {
        if is_word_char(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut masked);
            masked.push(c);
        }
    }
    flush(&mut word, &mut masked);
    word_looks_like_key(&masked)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Word characters and the rest of the bearer-token alphabet but `=`, which only pads a key's
/// end: as a separator it keeps the name in `key=VALUE` on screen.
fn is_token_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '.' | '~' | '+' | '/')
}

fn strip_bearer(text: &str) -> Option<&str> {
    let head = text.get(..7)?;
    head.eq_ignore_ascii_case("bearer ").then(|| &text[7..])
}

fn word_looks_like_key(word: &str) -> bool {
    let len = word.chars().count();
    let lower_word = word.to_ascii_lowercase();
    if len >= MIN_PREFIXED_LEN && KEY_PREFIXES.iter().any(|p| lower_word.starts_with(p)) {
        return true;
    }
    if len < MIN_KEY_LEN || is_uuid(word) {
        return false;
    }
    let upper = word.chars().filter(char::is_ascii_uppercase).count();
    let lower = word.chars().filter(char::is_ascii_lowercase).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = upper + lower;
    // Changes of kind (upper, lower, digit) between neighbours; `-` and `_` break the chain,
    // so `acme-prod-2024` counts none. Random strings change kind at most positions.
    let kinds: Vec<Option<u8>> = word.chars().map(kind).collect();
    let changes = kinds
        .windows(2)
        .filter(|w| matches!((w[0], w[1]), (Some(a), Some(b)) if a != b))
        .count();
    // Random mixed case and digits (Mistral's keys) changes kind at about 3 positions in 5,
    // hex at about 1 in 2, random letters at 1 in 2; CamelCase names at under 1 in 3. The
    // thresholds miss about one random 32-character key in a thousand.
    (digits > 0 && upper > 0 && lower > 0 && changes * 3 >= len)
        || (digits * 5 >= len && letters >= 4 && changes * 4 >= len)
        || (upper > 0 && lower > 0 && changes * 5 >= len * 2)
}

fn kind(c: char) -> Option<u8> {
    match c {
        'A'..='Z' => Some(0),
        'a'..='z' => Some(1),
        '0'..='9' => Some(2),
        _ => None,
    }
}

/// A UUID in its usual spelling: password managers name items by them, and they are not keys.
fn is_uuid(word: &str) -> bool {
    let groups: Vec<&str> = word.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&str; 5] = [
        "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y",
        "sk-live-secret-value-123456",
        "sk-canary-7f3a9c1e5b2d4f6a8c0e",
        "f3a9c1e5b2d4f6a8c0e17d2b",
        "qWeRtYuIoPaSdFgHjKlZxCvB",
    ];

    #[test]
    fn keys_are_recognised_whole_and_inside_text() {
        for key in KEYS {
            assert!(looks_like_secret(key), "{key}");
            assert!(looks_like_secret(&format!(" {key}\n")), "{key}");
            assert!(looks_like_secret(&format!("Bearer {key}")), "{key}");
            let command = format!("echo {key} | tr -d '\\n'");
            assert!(!looks_like_secret(&command), "a command is not a key");
            assert_eq!(redact_secrets(&command), "echo [hidden] | tr -d '\\n'");
            assert!(contains_secret(&command));
            let url = format!("https://api.mistral.ai/v1/admin?key={key}");
            assert_eq!(
                redact_secrets(&url),
                "https://api.mistral.ai/v1/admin?key=[hidden]"
            );
        }
    }

    #[test]
    fn random_keys_of_mistrals_shape_are_almost_all_recognised() {
        use rand::distr::{Alphanumeric, SampleString};
        use rand::{SeedableRng, rngs::StdRng};
        let mut rng = StdRng::seed_from_u64(7);
        let missed = (0..2000)
            .filter(|_| !looks_like_secret(&Alphanumeric.sample_string(&mut rng, 32)))
            .count();
        assert!(missed <= 10, "{missed} of 2000 random keys missed");
    }

    /// Keys of the bearer-token alphabet: base64 and keys split by `.` and `~`.
    const SPLIT_KEYS: [&str; 3] = [
        "q7Tz0LmW+v3XbR9k/Pa2YcN5dHs8+GfJ4eU",
        "9xKq.Wm2~Rb7+Tz4/Lp8.Nc3~Vh6+Jd1",
        "Zm9vYmFy/K3q+Wp7Lx2N/Rb5Tz8Vh1Jd",
    ];

    #[test]
    fn keys_split_by_dots_tildes_pluses_and_slashes_are_hidden_whole() {
        for key in SPLIT_KEYS {
            assert!(looks_like_secret(key), "{key}");
            assert!(looks_like_secret(&format!("Bearer {key}")), "{key}");
            let command = format!("printf %s {key}==");
            assert!(!looks_like_secret(&command), "a command is not a key");
            assert!(contains_secret(&command), "{key}");
            assert_eq!(redact_secrets(&command), "printf %s [hidden]==");
            assert_eq!(
                redact_secrets(&format!("https://api.mistral.ai/v1/admin?key={key}")),
                "https://api.mistral.ai/v1/admin?key=[hidden]"
            );
        }
    }

    #[test]
    fn random_base64_keys_are_almost_all_recognised() {
        use rand::{Rng, SeedableRng, rngs::StdRng};
        const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut rng = StdRng::seed_from_u64(11);
        let missed = (0..2000)
            .map(|_| -> String {
                (0..32)
                    .map(|_| char::from(BASE64[rng.random_range(0..BASE64.len())]))
                    .collect()
            })
            .filter(|key| !contains_secret(&format!("echo {key}")))
            .count();
        assert!(missed <= 10, "{missed} of 2000 random keys missed");
    }

    #[test]
    fn a_base64_key_with_one_long_piece_is_hidden_whole() {
        for (text, shown) in [
            (
                "echo Ab3/q7Tz0LmWv3XbR9kPa2YcN5dHs8/Xy==",
                "echo [hidden]==",
            ),
            ("echo xy+q7Tz0LmWv3XbR9kPa2YcN5dHs8", "echo [hidden]"),
            (
                "/home/ada/keys/q7Tz0LmWv3XbR9kPa2YcN5dHs8.txt",
                "/home/ada/keys/[hidden].txt",
            ),
            (
                "/Users/ada/MyProject/q7Tz0LmWv3XbR9kPa2YcN5dHs8.txt",
                "/Users/ada/MyProject/[hidden].txt",
            ),
        ] {
            assert_eq!(redact_secrets(text), shown);
        }
    }

    /// Pieces of a key that happen to be lower-case words do not make it a path.
    #[test]
    fn a_key_split_by_slashes_into_lower_case_pieces_is_hidden_whole() {
        for key in [
            "Zm9vYmFy/abcd/K3qWp7Lx2N/efgh/Rb5Tz8Vh1Jd",
            "q7Tz0L/mwx/Wv3XbR9kPa2/yck/N5dHs8",
            // Starting with `/`, as a path does.
            "/q7Tz0L/mwx/Wv3XbR9kPa2/yck/N5dHs8",
            "/Zm9vYmFy/abc/K3qWp7Lx2N/efg/Rb5Tz8Vh1Jd",
        ] {
            assert!(looks_like_secret(key), "{key}");
            assert_eq!(redact_secrets(&format!("echo {key}")), "echo [hidden]");
        }
    }

    #[test]
    fn a_path_under_a_folder_made_by_mktemp_is_not_a_key() {
        for text in [
            "/tmp/tmp.X3kq9Lm2Tb/key",
            "/tmp/tmp.aB4kQ9zX1c/mistral/admin.key",
            "/run/user/1000/tmp.Qz7Xw2Lp9K/key",
            "/srv/app/Config/tmp.Qz7Xw2Lp9K/api.key",
            "/var/lib/mistral-admin/v2/x86_64/tmp.Qz7Xw2Lp9K/key",
        ] {
            assert!(!looks_like_secret(text), "{text}");
            assert!(!contains_secret(text), "{text}");
            assert_eq!(redact_secrets(text), text);
        }
    }

    #[test]
    fn paths_of_uuids_and_versions_are_not_keys() {
        for text in [
            "/v1/admin/workspaces/3f1a2b4c-5d6e-7f80-9a1b-2c3d4e5f6a7b/members/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
            "/opt/Tools/v1.2.3/bin/mistral-admin",
            "~/Library/Keychains/login.keychain-db",
            "/Users/Ada/Documents/Keys2024/MistralProd.key",
        ] {
            assert!(!contains_secret(text), "{text}");
            assert_eq!(redact_secrets(text), text);
        }
    }

    #[test]
    fn names_paths_commands_and_urls_are_not_keys() {
        for text in [
            "MISTRAL_ADMIN_KEY_2024",
            "ACME_ADMIN_KEY",
            "acme-prod-2024-backup-key",
            "~/.config/mistral-admin/acme-prod.key",
            "/home/ada/keys/Mistral2024AdminKeyBackup.txt",
            "pass show mistral/acme",
            "security find-generic-password -s mistral-admin -w",
            "bw get password 3f1a2b4c-5d6e-7f80-9a1b-2c3d4e5f6a7b",
            "op item get hz5ugqctjrfgxjpdxhz4ihyxzy --fields credential",
            "https://api.mistral.ai/v1/admin",
            "http://127.0.0.1:8787/v1/admin",
            "release2024build5678abcd",
            "sk-short",
            "",
        ] {
            assert!(!contains_secret(text), "{text}");
            assert_eq!(redact_secrets(text), text);
        }
    }
}
