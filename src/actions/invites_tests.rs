//! Unit tests of the invitation planners: addresses marked per address, the pending
//! invitations an invitation replaces, revoking.

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
    let plan = invite(&invitation, &d, &known()).unwrap();
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
            "new.hire@northwind.example has a pending invitation, which this one replaces: member in \"Research\" -> billing_manager in \"Research\"",
            "not invited: not-an-address (not a valid address), ZOE@northwind.example (already a member)"
        ]
    );
    let nobody = Invitation {
        addresses: vec!["zoe@northwind.example".into()],
        ..Invitation::default()
    };
    assert!(invite(&nobody, &d, &known()).unwrap().changes_nothing());
    let control = Invitation {
        addresses: vec!["a@x.io\u{7}".into()],
        ..Invitation::default()
    };
    assert!(matches!(
        invite(&control, &d, &known()),
        Err(ActionError::Invalid { .. })
    ));
}

fn known() -> Vec<(Uuid, String)> {
    workspaces()
        .iter()
        .map(|w| (w.uuid, w.name.clone()))
        .collect()
}

#[test]
fn a_pending_invitation_given_other_terms_is_named_with_what_it_gives_now_and_will_give() {
    let d = directory();
    let other = Invitation {
        addresses: vec!["NEW.HIRE@northwind.example".into()],
        roles: vec![OrgRole::BillingManager, OrgRole::Member],
        workspaces: vec![(id(PRODUCT), "Product".into())],
        language: None,
    };
    let replaced = replacements(&other, &d, &known());
    assert_eq!(
        replaced.iter().map(Replaced::describe).collect::<Vec<_>>(),
        [
            "new.hire@northwind.example: member in \"Research\" -> billing_manager, member in \"Product\""
        ]
    );
    let plan = invite(&other, &d, &known()).unwrap();
    assert_eq!(
        plan.notes,
        [
            "new.hire@northwind.example has a pending invitation, which this one replaces: member in \"Research\" -> billing_manager, member in \"Product\""
        ]
    );
    // The same terms again replace nothing: the invitation is only sent again.
    let same = Invitation {
        roles: vec![OrgRole::Member],
        workspaces: vec![(id(RESEARCH), "Research".into())],
        ..other
    };
    assert!(replacements(&same, &d, &known()).is_empty());
    assert_eq!(
        invite(&same, &d, &known()).unwrap().notes,
        [
            "NEW.HIRE@northwind.example already invited with these roles and workspaces: the invitation is sent again"
        ]
    );
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
    let plan = reinvite(&[old], None, &d).unwrap();
    assert_eq!(plan.steps.len(), 2);
    assert_eq!(
        plan.steps[0].request.path(),
        format!("/users-invite/{}", old.uuid)
    );
    let body = plan.steps[1].request.body().unwrap();
    assert_eq!(body["email"], "new.hire@northwind.example");
    assert!(body["role_names"].as_array().is_some_and(|r| !r.is_empty()));
    assert!(body.get("email_language").is_none_or(|l| l.is_null()));
}

#[test]
fn reinviting_several_sends_each_again_in_the_language_asked() {
    let d = directory();
    let olds: Vec<&OrganizationInviteOut> = d.invites().iter().collect();
    let plan = reinvite(&olds, Some("fr"), &d).unwrap();
    assert_eq!(plan.steps.len(), 2 * olds.len());
    for (pair, old) in plan.steps.chunks(2).zip(&olds) {
        assert_eq!(
            pair[0].request.path(),
            format!("/users-invite/{}", old.uuid)
        );
        let body = pair[1].request.body().unwrap();
        assert_eq!(body["email"], old.email.as_str());
        assert_eq!(body["email_language"], "fr");
    }
    assert!(reinvite(&[], None, &d).is_err());
}

#[test]
fn the_plan_and_its_replacements_are_worked_out_together_as_each_alone_gives_them() {
    let d = directory();
    let other = Invitation {
        addresses: vec!["new.hire@northwind.example".into(), "x@y.example".into()],
        roles: vec![OrgRole::BillingManager],
        workspaces: vec![(id(PRODUCT), "Product".into())],
        language: None,
    };
    let (plan, replaced) = invite_replacing(&other, &d, &known()).unwrap();
    assert_eq!(replaced, replacements(&other, &d, &known()));
    assert_eq!(replaced.len(), 1, "the pending invitation is replaced");
    let alone = invite(&other, &d, &known()).unwrap();
    assert_eq!((plan.summary, plan.notes), (alone.summary, alone.notes));
}
