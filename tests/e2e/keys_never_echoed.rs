//! A key pasted where a name belongs (the default profile, a profile's name, a field name, the
//! `--profile` option or its variable) is never printed back: the messages say what is wrong
//! with the value hidden. A `--base-url` holding a password or a key is refused as bad usage
//! (exit code 2), as `config.toml` refuses it, without quoting it.

use std::process::Command;

/// Shaped like a Mistral key: 32 random letters and digits.
const KEY: &str = "q7Tz0LmWv3XbR9kPa2YcN5dHs8GfJ4eU";

fn run(config: &str, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let (code, text) = run_for_code(config, args, env);
    (code == Some(0), text)
}

/// Runs the binary in a scratch home with `config` as its config file; its exit code and
/// everything it printed, stdout then stderr.
fn run_for_code(config: &str, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let home = tempfile::tempdir().unwrap();
    let config_dir = home.path().join("config");
    std::fs::create_dir_all(&config_dir).unwrap();
    std::fs::write(config_dir.join("config.toml"), config).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mistral-admin"))
        .args(args)
        .env("MISTRAL_ADMIN_CONFIG_DIR", &config_dir)
        .env("MISTRAL_ADMIN_DATA_DIR", home.path().join("data"))
        .env_remove("MISTRAL_ADMIN_PROFILE")
        .env_remove("MISTRAL_ADMIN_API_KEY")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

const ACME: &str = "[profiles.acme]\nkey_env = \"ACME_KEY\"\n";

#[test]
fn a_key_in_place_of_a_name_is_refused_without_being_shown() {
    let cases = [
        (
            format!("default = \"{KEY}\"\n{ACME}"),
            vec!["profiles", "--offline"],
            vec![],
            "default",
        ),
        (
            format!("[profiles.{KEY}]\nkey_env = \"ACME_KEY\"\n"),
            vec!["profiles", "--offline"],
            vec![],
            "looks like an API key",
        ),
        (
            format!("{ACME}{KEY} = 1\n"),
            vec!["profiles", "--offline"],
            vec![],
            "acme",
        ),
        (
            format!("[profiles.{KEY}]\nkey_env = \"ACME_KEY\"\n"),
            vec!["config", "check"],
            vec![],
            "looks like an API key",
        ),
        (
            ACME.to_owned(),
            vec!["profiles", "--offline", "--profile", KEY],
            vec![],
            "No profile named",
        ),
        (
            ACME.to_owned(),
            vec!["profiles", "--offline"],
            vec![("MISTRAL_ADMIN_PROFILE", KEY)],
            "No profile named",
        ),
    ];
    for (config, args, env, says) in cases {
        let (ok, text) = run(&config, &args, &env);
        assert!(!ok, "{config} {args:?} was accepted:\n{text}");
        assert!(text.contains(says), "{config} {args:?}:\n{text}");
        assert!(
            !text.contains(KEY) && !text.contains(&KEY[..16]),
            "{config} {args:?}:\n{text}"
        );
    }
}

#[test]
fn a_base_url_holding_a_password_or_a_key_is_refused_as_bad_usage_without_being_shown() {
    let cases = [
        (
            format!("https://admin:{KEY}@api.mistral.ai/v1/admin"),
            KEY,
            "looks like a key",
        ),
        (
            "https://admin:hunter2-correct-horse@api.mistral.ai/v1/admin".to_owned(),
            "hunter2-correct-horse",
            "must not hold a user name or password",
        ),
        (
            format!("https://api.mistral.ai/v1/admin/{KEY}"),
            KEY,
            "looks like a key",
        ),
    ];
    let commands: [&[&str]; 3] = [
        &["profiles", "--offline"],
        &["get", "workspaces"],
        &["--read-only"],
    ];
    for (url, secret, says) in &cases {
        for command in commands {
            let mut args = command.to_vec();
            args.extend(["--base-url", url.as_str()]);
            let (code, text) = run_for_code(
                ACME,
                &args,
                &[("MISTRAL_ADMIN_API_KEY", "an-admin-key-given-apart-0123")],
            );
            assert_eq!(code, Some(2), "{args:?}:\n{text}");
            assert!(text.contains("--base-url"), "{args:?}:\n{text}");
            assert!(text.contains(says), "{args:?}:\n{text}");
            assert!(
                text.contains("MISTRAL_ADMIN_API_KEY"),
                "says where the key goes: {text}"
            );
            assert!(!text.contains(secret), "{args:?}:\n{text}");
        }
    }
}

#[test]
fn keys_split_by_dots_tildes_pluses_and_slashes_are_hidden_in_the_profiles_table() {
    // Base64 and bearer-token keys: each piece between the separators is too short to look
    // like a key on its own.
    let keys = [
        "q7Tz0LmW+v3XbR9k/Pa2YcN5dHs8+GfJ4eU",
        "9xKq.Wm2~Rb7+Tz4/Lp8.Nc3~Vh6+Jd1",
    ];
    let config = format!(
        "[profiles.base64]\nkey_command = \"echo {}==\"\n\
         [profiles.token]\nkey_command = \"printf %s {}\"\n\
         [profiles.file]\nkey_file = \"/run/secrets/mistral-admin.key\"\n",
        keys[0], keys[1]
    );
    let (ok, text) = run(&config, &["profiles", "--offline"], &[]);
    assert!(ok, "{text}");
    assert!(text.contains("command `echo [hidden]==`"), "{text}");
    assert!(text.contains("command `printf %s [hidden]`"), "{text}");
    assert!(
        text.contains("file /run/secrets/mistral-admin.key"),
        "{text}"
    );
    for key in keys {
        for piece in key.split(['.', '~', '+', '/']) {
            assert!(!text.contains(piece), "{piece} of {key} shown:\n{text}");
        }
    }
}

#[tokio::test]
async fn a_key_pasted_as_the_thing_to_act_on_is_not_repeated_in_the_refusal() {
    let s = crate::support::cli::Scripted::demo().await;
    let created = s
        .run(&[
            "keys",
            "create",
            "--workspace",
            "Research",
            "--owner",
            "zoe.angstrom@northwind.example",
            "--name",
            "pasted",
        ])
        .await
        .ok();
    let key = created.stdout.trim().to_owned();
    assert!(key.len() >= 32, "{created:#?}");
    let own_key = s.key.clone();
    for pasted in [key.as_str(), own_key.as_str()] {
        let cases: [&[&str]; 4] = [
            &["keys", "delete", pasted, "--confirm", "pasted"],
            &["keys", "rotate", pasted],
            &["get", "members", pasted],
            &["people", "remove", pasted, "--confirm", "x"],
        ];
        for args in cases {
            let run = s.run(args).await;
            assert_ne!(run.code, 0, "{args:?}");
            assert!(run.stderr.contains("[hidden]"), "{run:#?}");
            assert!(
                !run.stderr.contains(pasted) && !run.stderr.contains(&pasted[..16]),
                "{run:#?}"
            );
        }
    }
}

#[tokio::test]
async fn a_name_that_looks_like_a_key_is_shown_where_it_names_something_real() {
    let s = crate::support::cli::Scripted::demo().await;
    let name = "ci-runner-4f8a2b9c7d1e3f6a";
    s.run(&[
        "workspace",
        "create",
        name,
        "--admin",
        "zoe.angstrom@northwind.example",
    ])
    .await
    .ok();
    let run = s.run(&["workspace", "archive", name]).await.expect(2);
    assert!(
        run.stderr.contains(&format!("Archiving \"{name}\""))
            && run.stderr.contains(&format!("--confirm {name}")),
        "the admin sees what is archived and what to type: {run:#?}"
    );
}
