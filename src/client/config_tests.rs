//! Unit tests of the config parser's locating of errors.

use super::*;

#[test]
fn lines_and_fields_are_found_from_byte_offsets() {
    let source = "default = \"a\"\n\n[profiles.a]\nkey_env = \"A\"\nread_only = \"yes\"\n";
    let offset = source.find("\"yes\"").unwrap();
    assert_eq!(line_of(source, offset), 5);
    assert_eq!(
        field_at(source, offset).as_deref(),
        Some("profiles.a.read_only")
    );
    assert_eq!(field_at(source, 0).as_deref(), Some("default"));
    let header = source.find("[profiles").unwrap();
    assert_eq!(field_at(source, header).as_deref(), Some("profiles.a"));
}

#[test]
fn relative_key_files_sit_beside_the_config_file() {
    let base = Path::new("/etc/mistral-admin");
    assert_eq!(
        expand_path("acme.key", base),
        PathBuf::from("/etc/mistral-admin/acme.key")
    );
    assert_eq!(
        expand_path("/k/acme.key", base),
        PathBuf::from("/k/acme.key")
    );
    assert!(!expand_path("~/acme.key", base).starts_with("~"));
}

#[test]
fn long_quoted_values_are_not_repeated_in_messages() {
    assert_eq!(
        hide_long_strings("invalid type: string \"yes\", expected a boolean"),
        "invalid type: string \"yes\", expected a boolean"
    );
    assert_eq!(
        hide_long_strings("invalid type: string \"sk-0123456789abcdefghij\", expected a boolean"),
        "invalid type: string \"…\", expected a boolean"
    );
    assert_eq!(
        hide_long_strings("invalid type: string \"sk-live-abc1\", expected a boolean"),
        "invalid type: string \"…\", expected a boolean"
    );
    assert_eq!(
        unknown_field("unknown field `api-key`, expected one of `base_url`"),
        Some("api-key")
    );
}
