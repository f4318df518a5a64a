//! Unit tests of the invitation planners: addresses marked per address, revoking.

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

#[test]
fn reinviting_revokes_then_invites_the_same_address_with_the_same_roles() {
    let d = directory();
    let old = &d.invites()[0];
    let plan = reinvite(old, &d).unwrap();
    assert_eq!(plan.steps.len(), 2);
    assert_eq!(
        plan.steps[0].request.path(),
        format!("/users-invite/{}", old.uuid)
    );
    let body = plan.steps[1].request.body().unwrap();
    assert_eq!(body["email"], "new.hire@northwind.example");
    assert!(body["role_names"].as_array().is_some_and(|r| !r.is_empty()));
}
