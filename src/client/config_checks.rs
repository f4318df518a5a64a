//! The checks of single values in `config.toml`: a key where it does not belong, and base URLs.
//!
//! Each check returns the message for the caller to place at a file, line and field. No
//! message repeats a value that looks like a key (see [`crate::domain::secret_like`]): the
//! whole point of refusing a pasted key is to keep it off screens and out of scrollback.

use reqwest::Url;

use crate::domain::secret_like::{contains_secret, looks_like_secret};

/// How a key is given instead, the end of every refusal of a key in the file.
const HOW_TO_GIVE_A_KEY: &str = "instead use key_env = \"VARIABLE\", \
    key_command = \"pass show mistral/admin\" or key_file = \"path\" (a file only you can \
    read: chmod 600)";

/// An example of what a base URL looks like, for messages.
const EXAMPLE_BASE_URL: &str = "https://api.mistral.ai/v1/admin";

/// Whether an unknown field's name says it holds a key, e.g. `api_key`, `apiKey`, `api-key`,
/// `mistral_api_key`, `token`, `password`, `bearer`. Near-misses of the real fields (`keyfile`,
/// `key-env`) are not: those get the parser's "unknown field" with the list of known ones.
pub(crate) fn is_inline_key_field(name: &str) -> bool {
    let plain: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    plain.ends_with("key")
        || plain.ends_with("keys")
        || plain.ends_with("token")
        || plain.ends_with("secret")
        || plain.contains("password")
        || plain.contains("passwd")
        || plain.contains("passphrase")
        || plain.contains("bearer")
        || plain.contains("credential")
}

/// The refusal of a field such as `api_key = "..."`.
pub(crate) fn inline_key_refused() -> String {
    format!(
        "a key written in the config file is refused, because this file is meant to be shared \
         and backed up; {HOW_TO_GIVE_A_KEY}"
    )
}

/// Checks the value of `key_env`, `key_command` or `key_file` (already trimmed, not empty).
pub(crate) fn check_key_source(kind: &str, value: &str) -> Result<(), String> {
    let what = match kind {
        "key_env" if !is_env_var_name(value) || looks_like_secret(value) => {
            // Most likely the key itself was pasted here; never echo it back.
            return Err(
                "must be the name of an environment variable (letters, digits and _), \
                 not the key itself"
                    .to_owned(),
            );
        }
        "key_command" => "a command",
        "key_file" => "the path of a file",
        _ => return Ok(()),
    };
    if looks_like_secret(value) {
        return Err(format!(
            "looks like a key, not {what}; a key written in the config file is refused, \
             because this file is meant to be shared and backed up; {HOW_TO_GIVE_A_KEY}"
        ));
    }
    Ok(())
}

/// How the key goes with `--base-url`, the end of its refusals of a key in the URL.
const HOW_TO_GIVE_A_KEY_WITH_THE_FLAG: &str =
    "give the key in the environment variable MISTRAL_ADMIN_API_KEY instead";

/// Checks a base URL as written in `config.toml` and returns it without trailing slashes.
pub(crate) fn check_base_url(written: &str) -> Result<String, String> {
    check_base_url_saying(written, HOW_TO_GIVE_A_KEY)
}

/// Checks the `--base-url` of a command line as [`check_base_url`] checks the file's. The
/// refusals say how the flag takes its key, the environment rather than the file.
pub fn check_base_url_flag(written: &str) -> Result<String, String> {
    check_base_url_saying(written, HOW_TO_GIVE_A_KEY_WITH_THE_FLAG)
}

/// The checks of a base URL; a refusal of a key ends with `how_to_give_a_key`.
fn check_base_url_saying(written: &str, how_to_give_a_key: &str) -> Result<String, String> {
    let written = written.trim();
    if looks_like_secret(written) {
        return Err(format!(
            "looks like a key, not a URL; the base URL is the server's address, such as \
             {EXAMPLE_BASE_URL}, and the key is given apart: {how_to_give_a_key}"
        ));
    }
    if contains_secret(written) {
        return Err(format!(
            "the URL holds something that looks like a key; the base URL is only the server's \
             address, such as {EXAMPLE_BASE_URL}; {how_to_give_a_key}"
        ));
    }
    let expected = format!("expected a base URL such as {EXAMPLE_BASE_URL}");
    if !(written.starts_with("https://") || written.starts_with("http://")) {
        return Err(format!(
            "{written:?} must start with https:// (or http:// for a local server)"
        ));
    }
    let url = Url::parse(written).map_err(|err| {
        let err = err.to_string();
        if err == "empty host" {
            format!("{written:?} has no host name; {expected}")
        } else {
            format!("{written:?} is not a URL ({err}); {expected}")
        }
    })?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{written:?} has no host name; {expected}"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Not quoted: a password may be in there.
        return Err(format!(
            "the URL must not hold a user name or password; {how_to_give_a_key}"
        ));
    }
    if url.query().is_some() {
        return Err(format!(
            "{written:?} must not have a query string (the part from `?`); {expected}"
        ));
    }
    if url.fragment().is_some() {
        return Err(format!(
            "{written:?} must not have a fragment (the part from `#`); {expected}"
        ));
    }
    Ok(written.trim_end_matches('/').to_owned())
}

pub(crate) fn is_env_var_name(text: &str) -> bool {
    !text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_that_hold_a_key_are_told_from_typos_of_the_real_fields() {
        for name in [
            "key",
            "api_key",
            "apikey",
            "api-key",
            "apiKey",
            "API_KEY",
            "admin_key",
            "mistral_api_key",
            "token",
            "access_token",
            "secret",
            "client_secret",
            "password",
            "passwd",
            "bearer",
            "bearer_token",
            "credentials",
        ] {
            assert!(is_inline_key_field(name), "{name}");
        }
        for name in [
            "keyfile",
            "key-env",
            "keycommand",
            "readonly",
            "baseurl",
            "defualt",
        ] {
            assert!(!is_inline_key_field(name), "{name}");
        }
    }

    #[test]
    fn base_urls_are_checked_whole_and_never_echo_a_key() {
        assert_eq!(
            check_base_url(" https://api.mistral.ai/v1/admin/ ").unwrap(),
            "https://api.mistral.ai/v1/admin"
        );
        assert_eq!(
            check_base_url("http://127.0.0.1:8787/v1/admin").unwrap(),
            "http://127.0.0.1:8787/v1/admin"
        );
        assert_eq!(
            check_base_url("https://").unwrap_err(),
            "\"https://\" has no host name; expected a base URL such as https://api.mistral.ai/v1/admin"
        );
        assert!(
            check_base_url("https://api.mistral.ai/v1/admin?x=1")
                .unwrap_err()
                .starts_with(
                    "\"https://api.mistral.ai/v1/admin?x=1\" must not have a query string"
                )
        );
        assert!(
            check_base_url("https://h/#top")
                .unwrap_err()
                .contains("fragment")
        );
        let key = "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y";
        for written in [
            key.to_owned(),
            format!("https://api.mistral.ai/v1/admin?key={key}"),
            format!("https://admin:{key}@api.mistral.ai/v1/admin"),
        ] {
            let message = check_base_url(&written).unwrap_err();
            assert!(!message.contains(key), "{message}");
            assert!(message.contains("key_env"), "{message}");
        }
        let message = check_base_url("https://admin:hunter2@api.mistral.ai").unwrap_err();
        assert!(!message.contains("hunter2"), "{message}");
    }

    #[test]
    fn key_sources_that_are_keys_are_refused_without_the_value() {
        let key = "sk-live-secret-value-123456";
        for kind in ["key_env", "key_command", "key_file"] {
            let message = check_key_source(kind, key).unwrap_err();
            assert!(!message.contains(key), "{message}");
        }
        assert!(check_key_source("key_env", "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y").is_err());
        assert!(check_key_source("key_env", "ACME_ADMIN_KEY").is_ok());
        assert!(check_key_source("key_command", "pass show mistral/acme").is_ok());
        assert!(check_key_source("key_file", "~/keys/acme-prod.key").is_ok());
        assert!(is_env_var_name("ACME_ADMIN_KEY"));
        assert!(!is_env_var_name("sk-0123456789"));
        assert!(!is_env_var_name("1ABC"));
    }
}
