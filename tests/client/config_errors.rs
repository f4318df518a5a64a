//! `config.toml` mistakes, each refused with the file, line and field, and in words a person
//! can act on: a key pasted into any field (never repeated back), key-holding field names,
//! a profile that is not a table, base URLs that are not a server's address.

use std::path::Path;

use mistral_admin::client::config::parse;
use mistral_admin::client::{ConfigError, KeySource, ProfileSet};
use mistral_admin::dirs::AppDirs;

/// Mistral's key shape (32 random alphanumerics), and a prefixed key.
const KEYS: [&str; 2] = [
    "HQSxfB7IaJRKNHRv0e5OAYJNO1h2Ug6Y",
    "sk-live-pasted-by-mistake-0123456789",
];

fn parse_err(text: &str) -> String {
    let err: ConfigError = parse(Path::new("/cfg/config.toml"), text).unwrap_err();
    err.to_string()
}

fn assert_hidden(shown: &str, key: &str) {
    assert!(!shown.contains(key), "the key is repeated: {shown}");
    assert!(
        !shown.contains(&key[..12]),
        "part of the key is repeated: {shown}"
    );
}

#[test]
fn a_key_pasted_into_any_key_source_or_the_base_url_is_refused_without_repeating_it() {
    for key in KEYS {
        for field in ["key_file", "key_command", "key_env"] {
            let shown = parse_err(&format!("[profiles.acme]\n{field} = \"{key}\"\n"));
            assert!(
                shown.starts_with(&format!(
                    "/cfg/config.toml, line 2, field `profiles.acme.{field}`: "
                )),
                "{shown}"
            );
            assert_hidden(&shown, key);
            if field == "key_env" {
                assert!(shown.contains("not the key itself"), "{shown}");
            } else {
                assert!(shown.contains(": looks like a key, not "), "{shown}");
                assert!(shown.contains("key_env = \"VARIABLE\""), "{shown}");
            }
        }
        let shown = parse_err(&format!(
            "[profiles.acme]\nkey_env = \"A\"\nbase_url = \"{key}\"\n"
        ));
        assert!(
            shown.starts_with(
                "/cfg/config.toml, line 3, field `profiles.acme.base_url`: looks like a key, not a URL"
            ),
            "{shown}"
        );
        assert_hidden(&shown, key);
        for url in [
            format!("https://api.mistral.ai/v1/admin?api_key={key}"),
            format!("https://api.mistral.ai/v1/admin/{key}"),
            format!("https://admin:{key}@api.mistral.ai/v1/admin"),
        ] {
            let shown = parse_err(&format!(
                "[profiles.acme]\nkey_env = \"A\"\nbase_url = \"{url}\"\n"
            ));
            assert!(
                shown.contains(
                    "field `profiles.acme.base_url`: the URL holds something that looks like a key"
                ),
                "{shown}"
            );
            assert_hidden(&shown, key);
        }
    }
}

#[test]
fn keys_inside_commands_and_paths_are_hidden_wherever_the_source_is_shown() {
    let key = KEYS[0];
    let tmp = tempfile::tempdir().unwrap();
    let dirs = AppDirs::under(tmp.path());
    std::fs::create_dir_all(&dirs.config_dir).unwrap();
    std::fs::write(
        dirs.config_file(),
        format!(
            "[profiles.echo]\nkey_command = \"echo {key}\"\n\
             [profiles.named]\nkey_file = \"/keys/{key}.key\"\n"
        ),
    )
    .unwrap();
    let set = ProfileSet::load(&dirs).unwrap();
    let command = &set.get("echo").unwrap().key_source;
    assert_eq!(
        *command,
        KeySource::Command(format!("echo {key}")),
        "kept as written, so it still runs"
    );
    assert_eq!(command.to_string(), "command `echo [hidden]`");
    assert_eq!(
        set.get("named").unwrap().key_source.to_string(),
        "file /keys/[hidden].key"
    );
}

#[test]
fn fields_named_like_a_key_are_refused_in_every_spelling() {
    for field in [
        "key",
        "api_key",
        "apikey",
        "api-key",
        "apiKey",
        "admin_key",
        "mistral_api_key",
        "MISTRAL_API_KEY",
        "token",
        "access_token",
        "secret",
        "password",
        "bearer",
    ] {
        let shown = parse_err(&format!(
            "[profiles.acme]\nkey_env = \"A\"\n\"{field}\" = \"{}\"\n",
            KEYS[0]
        ));
        assert!(
            shown.starts_with(&format!(
                "/cfg/config.toml, line 3, field `profiles.acme.{field}`: a key written in the config file is refused"
            )),
            "{field}: {shown}"
        );
        assert_hidden(&shown, KEYS[0]);
    }
    let shown = parse_err(&format!("api_key = \"{}\"\n", KEYS[1]));
    assert!(
        shown.starts_with(
            "/cfg/config.toml, line 1, field `api_key`: a key written in the config file is refused"
        ),
        "{shown}"
    );
    // A typo of a real field is still an unknown field, with the list of the known ones.
    let shown = parse_err("[profiles.acme]\nkeyfile = \"acme.key\"\n");
    assert!(
        shown.contains("field `profiles.acme.keyfile`: unknown field `keyfile`, expected one of"),
        "{shown}"
    );
}

#[test]
fn a_profile_that_is_not_a_table_says_what_a_profile_looks_like() {
    let shown = parse_err("[profiles]\na = 3\n");
    assert_eq!(
        shown,
        "/cfg/config.toml, line 2, field `profiles.a`: invalid type: integer `3`, expected a \
         profile table: [profiles.NAME] holding base_url (optional) and one of key_env, \
         key_command or key_file"
    );
    assert!(!shown.contains("RawProfile"));
    let shown = parse_err(&format!("[profiles]\nacme = \"{}\"\n", KEYS[0]));
    assert!(shown.contains("expected a profile table"), "{shown}");
    assert_hidden(&shown, KEYS[0]);
    let shown = parse_err("profiles = 3\n");
    assert!(!shown.contains("Raw"), "{shown}");
}

#[test]
fn base_urls_are_checked_whole_where_they_are_written() {
    let at = |url: &str| {
        parse_err(&format!(
            "[profiles.a]\nkey_env = \"A\"\nbase_url = \"{url}\"\n"
        ))
    };
    assert_eq!(
        at("https://"),
        "/cfg/config.toml, line 3, field `profiles.a.base_url`: \"https://\" has no host name; \
         expected a base URL such as https://api.mistral.ai/v1/admin"
    );
    assert_eq!(
        at("https://api.mistral.ai/v1/admin?x=1"),
        "/cfg/config.toml, line 3, field `profiles.a.base_url`: \
         \"https://api.mistral.ai/v1/admin?x=1\" must not have a query string (the part from `?`); \
         expected a base URL such as https://api.mistral.ai/v1/admin"
    );
    assert!(at("https://api.mistral.ai/v1/admin#x").contains("must not have a fragment"));
    let shown = at("https://ada:hunter2@api.mistral.ai/v1/admin");
    assert!(
        shown.contains("must not hold a user name or password"),
        "{shown}"
    );
    assert!(!shown.contains("hunter2"), "{shown}");
    assert!(at("api.mistral.ai").contains("\"api.mistral.ai\" must start with https://"));
    assert!(at("https://exa mple.com").contains("is not a URL"));
    let ok = parse(
        Path::new("/cfg/config.toml"),
        "[profiles.a]\nkey_env = \"A\"\nbase_url = \"https://api.mistral.ai/v1/admin/\"\n",
    )
    .unwrap();
    assert_eq!(ok.profiles[0].base_url, "https://api.mistral.ai/v1/admin");
}

#[tokio::test]
async fn messages_about_key_commands_and_files_hide_what_looks_like_a_key() {
    let key = KEYS[0];
    let tmp = tempfile::tempdir().unwrap();
    // The command itself holds no key; what it prints on stderr does.
    let said = tmp.path().join("said.txt");
    std::fs::write(&said, format!("token {key} was rejected by the vault\n")).unwrap();
    let dirs = AppDirs::under(tmp.path());
    std::fs::create_dir_all(&dirs.config_dir).unwrap();
    std::fs::write(
        dirs.config_file(),
        format!(
            "[profiles.vault]\nkey_command = \"cat '{}' >&2; exit 2\"\n\
             [profiles.echo]\nkey_command = \"echo {key} >&2; exit 3\"\n\
             [profiles.named]\nkey_file = \"/nowhere/{key}.key\"\n",
            said.display()
        ),
    )
    .unwrap();
    let set = ProfileSet::load(&dirs).unwrap();
    let resolve = |name: &str| {
        let profile = set.get(name).unwrap().clone();
        async move { profile.resolve_key().await.unwrap_err().to_string() }
    };
    assert_eq!(
        resolve("vault").await,
        format!(
            "Profile `vault`: key command `cat '{}' >&2; exit 2` exited with status 2: \
             token [hidden] was rejected by the vault",
            said.display()
        )
    );
    assert_eq!(
        resolve("echo").await,
        "Profile `echo`: key command `echo [hidden] >&2; exit 3` exited with status 3: [hidden]"
    );
    let shown = resolve("named").await;
    assert!(
        shown.starts_with("Profile `named`: cannot read key file /nowhere/[hidden].key: "),
        "{shown}"
    );
    assert_hidden(&shown, key);
}
