//! Unit tests of the people planners: invitations marked per address, the last-admin rule,
//! offboarding with or without the person's keys, revoking invitations.

use super::*;
use crate::actions::fixtures::*;

#[test]
fn each_address_is_marked_before_anything_is_sent() {
    let d = directory();
    let invitation = Invitation {
        addresses: vec![
            "a@x.io, b@x.io".into(),
            "not-an-address".into(),
            "ZOE@northwind.example".into(),
            "new.hire@northwind.example".into(),
        ],
        roles: vec![OrgRole::BillingManager],
        workspaces: vec![(id(RESEARCH), "Research".into())],
        language: None,
    };
    let plan = invite(&invitation, &d).unwrap();
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({
            "role_names": ["billing_manager"],
            "email": "a@x.io\nb@x.io\nnew.hire@northwind.example",
            "subscription_seat_automatic_granting": false,
            "workspace_uuids": [id(RESEARCH).to_string()]
        })
    );
    assert_eq!(
        plan.summary,
        "Invite 3 people as billing_manager: a@x.io, b@x.io, new.hire@northwind.example, joining \"Research\" on acceptance"
    );
    assert_eq!(
        plan.notes,
        [
            "new.hire@northwind.example already invited: the invitation is sent again",
            "not invited: not-an-address (not a valid address), ZOE@northwind.example (already a member)"
        ]
    );
    let nobody = Invitation {
        addresses: vec!["zoe@northwind.example".into()],
        ..Invitation::default()
    };
    assert!(invite(&nobody, &d).unwrap().changes_nothing());
    let control = Invitation {
        addresses: vec!["a@x.io\u{7}".into()],
        ..Invitation::default()
    };
    assert!(matches!(
        invite(&control, &d),
        Err(ActionError::Invalid { .. })
    ));
}

#[test]
fn the_last_admin_keeps_the_role_and_stays_in_the_organization() {
    let d = directory();
    let zoe = d.user(id(ZOE)).unwrap();
    let err = set_roles(zoe, &[OrgRole::Member], &d).unwrap_err();
    assert_eq!(
        err.to_string(),
        "zoe@northwind.example is the last organization_admin; make someone else an admin first"
    );
    let err = remove(zoe, &d, &[], false).unwrap_err();
    assert!(err.to_string().contains("last organization_admin"), "{err}");
    let jane = d.user(id(JANE)).unwrap();
    let plan = set_roles(jane, &[OrgRole::OrganizationAdmin, OrgRole::Member], &d).unwrap();
    assert_eq!(
        plan.summary,
        "Change the organization roles of jane.doe@northwind.example: member -> organization_admin, member"
    );
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({"role_names": ["organization_admin", "member"]})
    );
    assert!(
        set_roles(jane, &[OrgRole::Member], &d)
            .unwrap()
            .changes_nothing()
    );
}

#[test]
fn offboarding_lists_what_is_lost_and_deletes_keys_only_when_asked() {
    let d = directory();
    let jane = d.user(id(JANE)).unwrap();
    let all = keys();
    let owned = owned_keys(jane, &all, &d, &HashMap::new());
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
    let delete = remove(jane, &d, &owned, true).unwrap();
    assert_eq!(delete.steps.len(), 4);
    assert_eq!(
        delete.steps[0].request,
        Request::DeleteUser { user: id(JANE) }
    );
    assert_eq!(delete.steps[3].label, "delete API key \"CI\" (abcd...0022)");
}

#[test]
fn revoking_names_each_invitation() {
    let d = directory();
    let invites: Vec<&OrganizationInviteOut> = d.invites().iter().collect();
    let plan = revoke_invites(&invites).unwrap();
    assert_eq!(
        plan.summary,
        "Revoke the invitation of new.hire@northwind.example"
    );
    assert_eq!(
        plan.steps[0].request.path(),
        format!("/users-invite/{}", Uuid::from_u128(30))
    );
    assert!(revoke_invites(&[]).is_err());
}
