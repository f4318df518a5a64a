//! Unit tests of the people planners: the last-admin rule, offboarding with or without the
//! person's keys.

use super::*;
use crate::actions::fixtures::*;

#[test]
fn the_last_admin_keeps_the_role_and_stays_in_the_organization() {
    let d = directory();
    let zoe = d.user(id(ZOE)).unwrap();
    let err = set_roles(zoe, &[OrgRole::Member], &d, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zoe@northwind.example is the last organization_admin; make someone else an admin first"
    );
    let err = remove(zoe, &d, &[], false).unwrap_err();
    assert!(err.to_string().contains("last organization_admin"), "{err}");
    let jane = d.user(id(JANE)).unwrap();
    let plan = set_roles(
        jane,
        &[OrgRole::OrganizationAdmin, OrgRole::Member],
        &d,
        &[],
    )
    .unwrap();
    assert_eq!(
        plan.summary,
        "Change the organization roles of jane.doe@northwind.example: member -> organization_admin, member"
    );
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({"role_names": ["organization_admin", "member"]})
    );
    assert!(
        set_roles(jane, &[OrgRole::Member], &d, &[])
            .unwrap()
            .changes_nothing()
    );
}

#[test]
fn offboarding_lists_what_is_lost_and_deletes_keys_only_when_asked() {
    let d = directory();
    let jane = d.user(id(JANE)).unwrap();
    let all = keys();
    let owned = owned_keys(jane, &all, &HashMap::new());
    assert_eq!(owned.len(), 3);
    let keep = remove(jane, &d, &owned, false).unwrap();
    assert_eq!(keep.steps.len(), 1);
    assert_eq!(keep.confirm, ["jane.doe@northwind.example"]);
    assert!(
        keep.summary.starts_with(
            "Removing jane.doe@northwind.example from the organization is permanent: they lose \
             Default Workspace (workspace_contributor), Research (dev, observability_viewer); \
             3 API keys they own keep working"
        ),
        "{}",
        keep.summary
    );
    let one = remove(jane, &d, &owned[..1], false).unwrap();
    assert!(
        one.summary.contains("; 1 API key they own keeps working: "),
        "{}",
        one.summary
    );
    let delete = remove(jane, &d, &owned, true).unwrap();
    assert_eq!(delete.steps.len(), 4);
    assert_eq!(
        delete.steps[0].request,
        Request::DeleteUser { user: id(JANE) }
    );
    assert_eq!(delete.steps[3].label, "delete API key \"CI\" (abcd...0022)");
}
