//! Unit tests of profile selection and naming.

use super::*;

fn set_with(names: &[&str], default: Option<&str>) -> ProfileSet {
    let mut profiles = vec![Profile::builtin_local()];
    profiles.extend(names.iter().map(|n| Profile {
        name: (*n).to_owned(),
        base_url: DEFAULT_BASE_URL.to_owned(),
        key_source: KeySource::Env(format!("{}_KEY", n.to_uppercase())),
        auth: AuthStyle::Both,
        read_only: false,
        is_local: false,
    }));
    ProfileSet {
        profiles,
        default: default.map(str::to_owned),
        path: None,
    }
}

/// What `--profile` and `--base-url` ask for, without `--read-only`.
fn overrides(profile: Option<&str>, base_url: Option<&str>) -> Overrides {
    Overrides {
        profile: profile.map(str::to_owned),
        base_url: base_url.map(str::to_owned),
        read_only: false,
    }
}

#[test]
fn precedence_profile_then_base_url_then_default_then_local() {
    let mut set = set_with(&["acme"], Some("acme"));
    assert_eq!(
        set.apply_overrides(&overrides(None, None), false).unwrap(),
        "acme"
    );

    let mut set = set_with(&["acme"], None);
    assert_eq!(
        set.apply_overrides(&overrides(None, None), false).unwrap(),
        "local"
    );

    // An exported key alone offers the `env` profile but never displaces the default...
    let mut set = set_with(&["acme"], Some("acme"));
    assert_eq!(
        set.apply_overrides(&overrides(None, None), true).unwrap(),
        "acme"
    );
    assert_eq!(set.get("env").unwrap().base_url, DEFAULT_BASE_URL);
    // ...nor the local demo when nothing is configured.
    let mut set = set_with(&[], None);
    assert_eq!(
        set.apply_overrides(&overrides(None, None), true).unwrap(),
        "local"
    );

    let mut set = set_with(&["acme"], Some("acme"));
    let chosen = set
        .apply_overrides(&overrides(None, Some("http://127.0.0.1:9/v1/admin/")), true)
        .unwrap();
    assert_eq!(chosen, "env");
    assert_eq!(
        set.get("env").unwrap().base_url,
        "http://127.0.0.1:9/v1/admin"
    );
    assert_eq!(
        set.get("env").unwrap().key_source,
        KeySource::Env(API_KEY_ENV.to_owned())
    );

    let mut set = set_with(&["acme"], None);
    let chosen = set
        .apply_overrides(&overrides(Some("acme"), Some("http://h/api/admin")), true)
        .unwrap();
    assert_eq!(chosen, "acme");
    assert_eq!(set.get("acme").unwrap().base_url, "http://h/api/admin");
}

#[test]
fn unknown_profiles_and_keyless_base_urls_are_refused() {
    let mut set = set_with(&["acme"], None);
    let err = set
        .apply_overrides(&overrides(Some("nope"), None), false)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "No profile named `nope`; known profiles: local, acme"
    );

    let err = set
        .apply_overrides(&overrides(None, Some("http://h/v1/admin")), false)
        .unwrap_err();
    assert!(err.to_string().contains("MISTRAL_ADMIN_API_KEY"), "{err}");
}

#[test]
fn read_only_applies_to_every_profile_and_survives_local_replacement() {
    let mut set = set_with(&["acme"], None);
    set.apply_overrides(
        &Overrides {
            read_only: true,
            ..Overrides::default()
        },
        false,
    )
    .unwrap();
    assert!(set.profiles.iter().all(|p| p.read_only));
    set.replace_local(vec![
        Profile::embedded(
            "local",
            "http://127.0.0.1:1/v1/admin",
            SecretString::new("k1"),
        ),
        Profile::embedded(
            "local:beta",
            "http://127.0.0.1:1/v1/admin",
            SecretString::new("k2"),
        ),
    ]);
    assert_eq!(set.names(), vec!["local", "local:beta", "acme"]);
    assert!(set.profiles.iter().all(|p| p.read_only));
}

#[test]
fn local_names_are_slugs_of_organization_names() {
    assert_eq!(local_profile_name(0, "Acme Corp"), "local");
    assert_eq!(
        local_profile_name(1, "Beta Labs, Inc."),
        "local:beta-labs-inc"
    );
    assert_eq!(local_profile_name(2, "Économie"), "local:économie");
    assert_eq!(local_profile_name(3, "!!!"), "local:4");
}

#[test]
fn key_sources_display_where_the_key_is_without_the_key() {
    let provided = KeySource::Provided(SecretString::new("sk-very-secret-0123456789"));
    assert!(!provided.to_string().contains("secret"));
    assert!(!format!("{provided:?}").contains("0123456789"));
    assert_eq!(KeySource::Env("ACME".into()).to_string(), "env ACME");
}
