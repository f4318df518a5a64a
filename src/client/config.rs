//! Reading `config.toml`: profiles and the default, checked strictly.
//!
//! ```toml
//! default = "acme-prod"
//!
//! [profiles.acme-prod]
//! base_url = "https://api.mistral.ai/v1/admin"   # optional; this is the default
//! key_env = "ACME_ADMIN_KEY"                      # or key_command = "..." or key_file = "..."
//! auth = "both"                                   # or "bearer" or "x-api-key"
//! read_only = true
//! ```
//!
//! Unknown fields and wrong types are errors, never ignored, and every error names the file,
//! the line and the field. A key written into the file is refused: the file is meant to be
//! shareable and backed up, so keys come from the environment, a command or a private file.
//! That holds for a key pasted into the wrong field too (`key_file`, `key_command`, `base_url`):
//! the checks of single values live in `config_checks`.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::config_checks as checks;
use super::config_error::ConfigError;
use super::options::AuthStyle;
use super::profiles::{self, KeySource, Profile};
use crate::api::paths::DEFAULT_BASE_URL;
use crate::domain::secret_like::{contains_secret, looks_like_secret};

#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a config file holding `default` and [profiles.NAME] tables"
)]
struct RawConfig {
    default: Option<Spanned<String>>,
    #[serde(default)]
    profiles: BTreeMap<Spanned<String>, RawProfile>,
}

// What a wrong type says, e.g. for `acme = 3` under `[profiles]`, instead of the type's name.
// No double quotes: messages are passed through `hide_long_strings`.
#[derive(Debug, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a profile table: [profiles.NAME] holding base_url (optional) and one of \
        key_env, key_command or key_file"
)]
struct RawProfile {
    base_url: Option<Spanned<String>>,
    key_env: Option<Spanned<String>>,
    key_command: Option<Spanned<String>>,
    key_file: Option<Spanned<String>>,
    auth: Option<Spanned<String>>,
    #[serde(default)]
    read_only: bool,
}

/// What `config.toml` holds, in file terms.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigFile {
    pub profiles: Vec<Profile>,
    pub default: Option<String>,
}

/// Parses the text of a config file; `file` is only used in messages and to resolve relative
/// key-file paths.
pub fn parse(file: &Path, source: &str) -> Result<ConfigFile, ConfigError> {
    let at = |span: Option<Range<usize>>, field: Option<String>, message: String| {
        let line = span.map(|s| line_of(source, s.start));
        ConfigError::File {
            file: file.to_path_buf(),
            line,
            field,
            message,
        }
    };
    let raw: RawConfig = toml::from_str(source).map_err(|err| {
        let field = err.span().and_then(|s| field_at(source, s.start));
        let message = err.message().trim();
        let message = match unknown_field(message) {
            Some(name) if checks::is_inline_key_field(name) => checks::inline_key_refused(),
            _ => hide_long_strings(message),
        };
        at(err.span(), field, message)
    })?;

    let base_dir = file.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (name, raw) in raw.profiles {
        let field = |f: &str| Some(format!("profiles.{}.{f}", name.get_ref()));
        if looks_like_secret(name.get_ref()) {
            return Err(at(
                Some(name.span()),
                Some("profiles".to_owned()),
                "a profile is named with what looks like an API key (not shown); name it after \
                 its organization and give the key with key_env, key_command or key_file"
                    .to_owned(),
            ));
        }
        if profiles::is_reserved_name(name.get_ref()) {
            return Err(at(
                Some(name.span()),
                Some(format!("profiles.{}", name.get_ref())),
                format!(
                    "`{}` is reserved for a built-in profile; choose another name",
                    name.get_ref()
                ),
            ));
        }
        let sources = [
            raw.key_env.as_ref().map(|v| ("key_env", v)),
            raw.key_command.as_ref().map(|v| ("key_command", v)),
            raw.key_file.as_ref().map(|v| ("key_file", v)),
        ];
        let given: Vec<_> = sources.into_iter().flatten().collect();
        let (kind, value) = match given.as_slice() {
            [] => {
                return Err(at(
                    Some(name.span()),
                    Some(format!("profiles.{}", name.get_ref())),
                    "no key source; add key_env, key_command or key_file".to_owned(),
                ));
            }
            [one] => *one,
            [_, (second, value), ..] => {
                return Err(at(
                    Some(value.span()),
                    field(second),
                    "give exactly one of key_env, key_command and key_file".to_owned(),
                ));
            }
        };
        let text = value.get_ref().trim();
        if text.is_empty() {
            return Err(at(
                Some(value.span()),
                field(kind),
                "must not be empty".to_owned(),
            ));
        }
        checks::check_key_source(kind, text)
            .map_err(|message| at(Some(value.span()), field(kind), message))?;
        let key_source = match kind {
            "key_env" => KeySource::Env(text.to_owned()),
            "key_command" => KeySource::Command(text.to_owned()),
            _ => KeySource::File(expand_path(text, base_dir)),
        };
        let auth = match &raw.auth {
            None => AuthStyle::default(),
            Some(value) => AuthStyle::parse(value.get_ref()).ok_or_else(|| {
                at(
                    Some(value.span()),
                    field("auth"),
                    "unknown auth style; use \"both\", \"bearer\" or \"x-api-key\"".to_owned(),
                )
            })?,
        };
        let base_url = match &raw.base_url {
            None => DEFAULT_BASE_URL.to_owned(),
            Some(value) => checks::check_base_url(value.get_ref())
                .map_err(|message| at(Some(value.span()), field("base_url"), message))?,
        };
        out.push(Profile {
            name: name.get_ref().clone(),
            base_url,
            key_source,
            auth,
            read_only: raw.read_only,
            is_local: false,
        });
    }

    if let Some(default) = &raw.default {
        let known = profiles::is_local_name(default.get_ref())
            || out.iter().any(|p| &p.name == default.get_ref());
        if !known {
            let message = if looks_like_secret(default.get_ref()) {
                "`default` holds what looks like an API key (not shown); it names the profile \
                 to open, e.g. default = \"acme\""
                    .to_owned()
            } else {
                format!("no profile named `{}` in this file", default.get_ref())
            };
            return Err(at(
                Some(default.span()),
                Some("default".to_owned()),
                message,
            ));
        }
    }
    Ok(ConfigFile {
        profiles: out,
        default: raw.default.map(Spanned::into_inner),
    })
}

/// Reads and parses the file; a missing file is an empty configuration.
pub fn load(file: &Path) -> Result<Option<ConfigFile>, ConfigError> {
    match std::fs::read_to_string(file) {
        Ok(source) => parse(file, &source).map(Some),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(ConfigError::Unreadable {
            file: file.to_path_buf(),
            reason: err.to_string(),
        }),
    }
}

/// `~/x` is under the home directory; a relative path is relative to the config file.
fn expand_path(text: &str, base_dir: &Path) -> PathBuf {
    if let Some(rest) = text.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    let path = PathBuf::from(text);
    if path.is_absolute() {
        path
    } else {
        base_dir.join(path)
    }
}

/// The name in the parser's `unknown field `NAME`, expected ...`.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    rest.split_once('`').map(|(name, _)| name)
}

/// Parser messages quote the offending value (`invalid type: string "…"`); a long quoted
/// value, or one that looks like a key, could be a key typed into the wrong field, so it is
/// not repeated.
fn hide_long_strings(message: &str) -> String {
    let mut out = String::new();
    let mut rest = message;
    while let Some(start) = rest.find('"') {
        let Some(len) = rest[start + 1..].find('"') else {
            break;
        };
        let quoted = &rest[start + 1..start + 1 + len];
        out.push_str(&rest[..start]);
        if quoted.chars().count() > 16 || contains_secret(quoted) {
            out.push_str("\"…\"");
        } else {
            out.push_str(&rest[start..start + len + 2]);
        }
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

fn line_of(source: &str, offset: usize) -> usize {
    let end = offset.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The dotted name of the field written on the line holding `offset`: the nearest table
/// header above it joined with the key at the start of that line.
fn field_at(source: &str, offset: usize) -> Option<String> {
    let line_no = line_of(source, offset);
    let lines: Vec<&str> = source.lines().collect();
    let line = lines.get(line_no - 1)?.trim();
    if line.starts_with('[') {
        return Some(
            line.trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_owned(),
        );
    }
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_owned())
        .filter(|k| !k.is_empty())?;
    let table = lines[..line_no - 1]
        .iter()
        .rev()
        .map(|l| l.trim())
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_owned());
    Some(match table {
        Some(table) => format!("{table}.{key}"),
        None => key,
    })
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
