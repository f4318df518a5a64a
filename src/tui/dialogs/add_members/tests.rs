//! The rules of Add Members, without keys.

use super::*;
use crate::tui::testing::*;

fn dialog() -> AddMembers {
    AddMembers::new(id(RESEARCH), "Research", &people(0))
}

#[test]
fn only_people_outside_the_workspace_are_offered() {
    let d = dialog();
    let names: Vec<&str> = d.candidates.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["John Smith", "山田太郎"]);
    assert_eq!(d.chosen_role().unwrap().name, "workspace_contributor");
}

#[test]
fn the_selection_survives_the_search_and_counts_what_it_hides() {
    let mut d = dialog();
    d.toggle(id(JOHN));
    d.toggle(id(TARO));
    d.search.input = "yamada".into();
    d.refilter();
    assert_eq!(d.shown_ids(), vec![id(TARO)], "matched on the email");
    assert_eq!(d.hidden_selected(), 1);
    d.toggle_all_shown();
    assert_eq!(d.selected.len(), 1, "all shown were selected: unselected");
    d.toggle_all_shown();
    assert_eq!(d.selected.len(), 2);
    let body = d.request().unwrap();
    assert_eq!(body.len(), 2);
    assert!(body.iter().all(|m| m.role_names.is_some()));
}

#[test]
fn nothing_selected_means_nothing_to_send() {
    assert!(dialog().request().is_err());
}
