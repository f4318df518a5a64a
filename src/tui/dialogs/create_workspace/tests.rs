//! The rules of the new-workspace form, without keys.

use super::*;

#[test]
fn an_empty_form_shows_no_error_until_it_is_sent() {
    let mut form = CreateWorkspace::default();
    assert!(form.problems().is_empty());
    assert!(form.request().is_err());
    let problems = form.problems();
    assert!(problems.contains_key(&CreateField::Name));
    assert!(problems.contains_key(&CreateField::Admin));
}

#[test]
fn a_valid_form_makes_the_body_the_contract_asks_for() {
    let mut form = CreateWorkspace {
        name: TextInput::new("Platform".into()),
        icon: TextInput::new("🛠".into()),
        admin: Some((Uuid::from_u128(1), "Jane".into())),
        add_all: true,
        ..CreateWorkspace::default()
    };
    let body = form.request().unwrap();
    assert_eq!(body.name, "Platform");
    assert_eq!(body.admin_user_id, Uuid::from_u128(1));
    assert!(body.add_all_org_members);
    form.icon = TextInput::new("abc".into());
    assert!(form.request().is_err());
}

#[test]
fn a_name_conflict_lands_at_the_name() {
    let mut form = CreateWorkspace::default();
    form.refuse(RemoteError::new(
        ErrorKind::Conflict,
        "A workspace named 'Research' already exists",
    ));
    assert!(
        form.message(CreateField::Name)
            .unwrap()
            .contains("already exists")
    );
    assert!(!form.submission.is_sending());
}
