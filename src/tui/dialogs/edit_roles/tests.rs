//! The rules of the role editor, without keys.

use super::*;
use crate::tui::testing::*;

fn target(n: u128, name: &str, roles: &[&str]) -> Target {
    Target {
        user_id: id(n),
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

fn dialog(targets: Vec<Target>) -> EditRoles {
    EditRoles::new(
        id(RESEARCH),
        "Research",
        targets,
        &people(0).workspace_roles,
    )
}

/// Jane, who holds only workspace_admin, and Ana, who holds only dev: both roles start mixed.
fn jane_and_ana() -> EditRoles {
    dialog(vec![
        target(JANE, "Jane Doe", &["workspace_admin"]),
        target(ANA, "Ana Lucía Pérez", &["dev"]),
    ])
}

fn index(d: &EditRoles, name: &str) -> usize {
    d.choices.iter().position(|c| c.name == name).unwrap()
}

#[test]
fn one_member_is_shown_and_edited_with_all_their_roles() {
    let mut d = dialog(vec![target(
        ZOE,
        "Zoë Martin",
        &["workspace_contributor", "observability_viewer"],
    )]);
    assert_eq!(
        d.choices[index(&d, "observability_viewer")].tick,
        RoleTick::On
    );
    let admin = index(&d, "workspace_admin");
    d.toggle(admin);
    let contributor = index(&d, "workspace_contributor");
    d.toggle(contributor);
    let changes = d.changes();
    assert_eq!(
        changes[0].after,
        vec!["workspace_admin", "observability_viewer"],
        "the other role is kept"
    );
    assert!(d.review().is_ok());
}

#[test]
fn a_role_some_members_hold_leaves_each_as_they_were() {
    let mut d = jane_and_ana();
    let dev = index(&d, "dev");
    assert_eq!(d.choices[dev].tick, RoleTick::Keep);
    let viewer = index(&d, "observability_viewer");
    d.toggle(viewer);
    let changes = d.changes();
    assert_eq!(changes.len(), 2);
    assert_eq!(
        changes[0].after,
        vec!["workspace_admin", "observability_viewer"]
    );
    assert_eq!(changes[1].after, vec!["dev", "observability_viewer"]);
    // Mixed -> on -> off -> mixed.
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::On);
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::Off);
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::Keep);
}

#[test]
fn nobody_may_be_left_without_a_role_and_no_change_is_no_request() {
    let mut d = dialog(vec![target(JANE, "Jane Doe", &["workspace_admin"])]);
    assert!(d.review().unwrap_err().contains("nothing would change"));
    let admin = index(&d, "workspace_admin");
    d.toggle(admin);
    let problem = d.review().unwrap_err();
    assert!(problem.contains("Jane Doe would have no role"), "{problem}");
    assert_eq!(d.stage, Stage::Choose);
}

#[test]
fn only_changed_members_are_sent() {
    let mut d = jane_and_ana();
    let admin = index(&d, "workspace_admin");
    assert_eq!(d.choices[admin].tick, RoleTick::Keep);
    d.toggle(admin);
    assert_eq!(d.choices[admin].tick, RoleTick::On);
    let body = d.request().unwrap();
    assert_eq!(body.len(), 1);
    assert_eq!(body[0].user_uuid, id(ANA));
}
