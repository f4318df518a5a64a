//! The group form's rules, without a terminal: what the action layer refuses is said next to
//! the name and what was typed stays; an unchanged group sends nothing.

use std::sync::Arc;

use super::*;
use crate::tui::views::groups::tests::{FINANCE, groups};

#[test]
fn a_blank_or_taken_name_is_said_next_to_it_and_kept() {
    let mut form = GroupForm::create(Arc::new(groups()));
    form.name = TextInput::new("   ".into());
    assert_eq!(form.submit(), Next::Stay);
    assert_eq!(form.field_error.as_ref().map(|e| e.0), Some(Field::Name));
    form.name = TextInput::new("FINANCE".into());
    assert_eq!(form.submit(), Next::Stay);
    let (_, problem) = form.field_error.clone().expect("a problem");
    assert!(problem.contains("already exists"), "{problem}");
    assert_eq!(form.name.value(), "FINANCE", "what was typed stays");
}

#[test]
fn a_new_name_is_sent_and_an_unchanged_group_is_not() {
    let groups = Arc::new(groups());
    let mut form = GroupForm::edit(Arc::clone(&groups), uuid::Uuid::from_u128(FINANCE)).unwrap();
    assert!(matches!(form.submit(), Next::Say(FlashLevel::Info, _)));
    form.name = TextInput::new("Finance & Legal".into());
    let Next::Send(crate::actions::Request::Group(request)) = form.submit() else {
        panic!("a rename is sent");
    };
    assert!(matches!(
        request,
        crate::actions::request_groups::GroupRequest::Update { .. }
    ));
}
