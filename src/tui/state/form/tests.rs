//! The form's own rules, without keys.

use super::*;

fn ws() -> WorkspaceOut {
    crate::tui::testing::workspace(crate::tui::testing::RESEARCH, "Research", "🔬", 3)
}

#[test]
fn server_paths_map_to_fields() {
    assert_eq!(Field::from_path("name"), Some(Field::Name));
    assert_eq!(Field::from_path("body.icon"), Some(Field::Icon));
    assert_eq!(
        Field::from_path("monthly_spend_cap"),
        Some(Field::MonthlySpendCap)
    );
    assert_eq!(Field::from_path("body.admin_user_id"), None);
}

#[test]
fn icons_must_be_one_symbol_of_at_most_two_characters() {
    assert_eq!(icon_problem(""), None);
    assert_eq!(icon_problem("🚀"), None);
    assert_eq!(
        icon_problem("🇫🇷"),
        None,
        "a flag is two characters, one symbol"
    );
    assert!(icon_problem("ab").is_some());
    assert!(icon_problem("👩‍💻").is_some(), "three characters");
}

#[test]
fn caps_are_whole_non_negative_numbers_within_the_limit() {
    assert_eq!(parse_cap("", Some(10), "EUR"), Ok(None));
    assert_eq!(parse_cap(" 10 ", Some(10), "EUR"), Ok(Some(10)));
    assert!(
        parse_cap("11", Some(10), "EUR")
            .unwrap_err()
            .contains("10 EUR")
    );
    assert!(parse_cap("-1", None, "EUR").is_err());
    assert!(parse_cap("ten", None, "EUR").is_err());
    assert_eq!(parse_cap("99999", None, "EUR"), Ok(Some(99999)));
}

#[test]
fn a_partial_save_keeps_the_unsaved_part_dirty() {
    let mut form = SettingsForm::new(&ws());
    form.refresh_extension(Ok(Some(&crate::tui::testing::settings(ws().uuid))));
    form.name = Input::new("Research 2".into());
    form.cap = Input::new("600".into());
    let mut saved = ws();
    saved.name = "Research 2".into();
    form.accept_saved(Some(&saved), None);
    assert!(!form.is_field_dirty(Field::Name));
    assert!(form.is_field_dirty(Field::MonthlySpendCap));
    let mut error = RemoteError::new(crate::tui::state::ErrorKind::Validation, "bad");
    error
        .fields
        .push(("monthly_spend_cap".into(), "too high".into()));
    assert_eq!(form.accept_failure(&error), None);
    assert_eq!(
        form.message(Field::MonthlySpendCap).as_deref(),
        Some("too high")
    );
}

#[test]
fn errors_for_unknown_paths_are_reported_as_a_whole() {
    let mut form = SettingsForm::new(&ws());
    let mut error = RemoteError::new(crate::tui::state::ErrorKind::Validation, "bad");
    error.fields.push(("name".into(), "taken".into()));
    error.fields.push(("body.colour".into(), "unknown".into()));
    assert_eq!(
        form.accept_failure(&error).as_deref(),
        Some("body.colour: unknown")
    );
    assert_eq!(
        form.server_errors.get(&Field::Name).map(String::as_str),
        Some("taken")
    );
}

#[test]
fn a_name_conflict_is_shown_at_the_name() {
    let mut form = SettingsForm::new(&ws());
    form.name = Input::new("Product".into());
    let error = RemoteError::new(
        crate::tui::state::ErrorKind::Conflict,
        "Conflict: a workspace named Product already exists",
    );
    assert!(
        form.accept_failure(&error).is_some(),
        "also on the status line"
    );
    assert_eq!(
        form.message(Field::Name).as_deref(),
        Some("Conflict: a workspace named Product already exists")
    );
}
