//! The JSON of the types whose fields are declared once and shared (the role fields of write
//! bodies, the entries that extend another): exactly the contract's names, order, and `null`
//! versus absent, both ways.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::json;
use time::macros::{date, datetime};
use uuid::Uuid;

use super::*;
use crate::domain::{OrgRole, WorkspaceRole};

/// Writes `value`, checks the text is `expected` to the byte (field order included), and reads
/// it back to the same value.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &T,
    expected: &str,
) {
    let text = serde_json::to_string(value).unwrap();
    assert_eq!(text, expected);
    assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), value);
}

#[test]
fn org_role_bodies_lead_with_the_role_fields_and_leave_out_the_unset_ones() {
    let invite = OrganizationInviteIn {
        role_names: Some(vec![OrgRole::Member]),
        email: "a@b.co".into(),
        ..Default::default()
    };
    round_trip(
        &invite,
        r#"{"role_names":["member"],"email":"a@b.co","subscription_seat_automatic_granting":false}"#,
    );
    let update = AdminOrganizationMemberUpdate {
        roles: Some(vec!["A".into()]),
        role_name: Some(OrgRole::BillingManager),
        role: Some("M".into()),
        subscription_types: Some(vec!["CHAT".into()]),
        ..Default::default()
    };
    round_trip(
        &update,
        r#"{"roles":["A"],"role_name":"billing_manager","role":"M","subscription_types":["CHAT"]}"#,
    );
    let create = OrganizationMemberCreate {
        role_names: None,
        roles: None,
        role_name: None,
        role: None,
        email: "a@b.co".into(),
        first_name: "A".into(),
        last_name: "B".into(),
        subscription_types: None,
    };
    round_trip(
        &create,
        r#"{"email":"a@b.co","first_name":"A","last_name":"B"}"#,
    );
    assert_eq!(
        update.org_role_fields(),
        OrgRoleFields {
            role_names: None,
            roles: Some(vec!["A".into()]),
            role_name: Some(OrgRole::BillingManager),
            role: Some("M".into()),
        }
    );
}

#[test]
fn group_assignment_bodies_carry_three_role_fields() {
    let workspace = Uuid::from_u128(5);
    let assign = AssignGroupToWorkspaceIn::with_role_names(workspace, &[WorkspaceRole::Dev]);
    round_trip(
        &assign,
        &format!(r#"{{"role_names":["dev"],"workspace_uuid":"{workspace}"}}"#),
    );
    let update = UpdateGroupWorkspaceAssignmentIn {
        role: Some("A".into()),
        ..Default::default()
    };
    round_trip(&update, r#"{"role":"A"}"#);
    assert_eq!(
        update.role_fields(),
        GroupRoleFields {
            role: Some("A".into()),
            ..Default::default()
        }
    );
    // A body naming no role at all is an empty object, as before the fields were shared.
    round_trip(&UpdateGroupWorkspaceAssignmentIn::default(), "{}");
}

#[test]
fn an_enriched_workspace_is_the_workspace_then_its_roles() {
    let enriched = WorkspaceEnrichedOut {
        workspace: WorkspaceOut {
            uuid: Uuid::from_u128(1),
            name: "Research".into(),
            description: None,
            icon: Some("🔬".into()),
            members_count: Some(3),
            spend_limit: None,
            is_default: false,
        },
        raw_roles: vec!["A".into()],
        raw_role: "A".into(),
    };
    round_trip(
        &enriched,
        &format!(
            r#"{{"uuid":"{}","name":"Research","description":null,"icon":"🔬","members_count":3,"spend_limit":null,"is_default":false,"raw_roles":["A"],"raw_role":"A"}}"#,
            Uuid::from_u128(1)
        ),
    );
    assert_eq!(
        enriched.name, "Research",
        "reads as the workspace it extends"
    );
}

#[test]
fn a_listed_key_is_the_key_then_where_it_lives() {
    let listed = ApiKeyExtendedOut {
        api_key: ApiKeyOut {
            key_id: Uuid::from_u128(2),
            key: None,
            name: Some("ci".into()),
            hidden_key: "abcd...wxyz".into(),
            created_at: None,
            expiration_date: Some(date!(2027 - 01 - 31)),
            actions: ApiKeyActions {
                rotate: None,
                delete: Some(KeyAction::Available),
            },
        },
        workspace_id: Some(Uuid::from_u128(1)),
        workspace_name: Some("Research".into()),
        created_by: None,
        product: Some("API".into()),
        last_used: None,
        can_delete: Some(true),
    };
    round_trip(
        &listed,
        &format!(
            r#"{{"key_id":"{}","key":null,"name":"ci","hidden_key":"abcd...wxyz","created_at":null,"expiration_date":"2027-01-31","actions":{{"rotate":null,"delete":{{"status":"available"}}}},"workspace_id":"{}","workspace_name":"Research","created_by":null,"product":"API","last_used":null,"can_delete":true}}"#,
            Uuid::from_u128(2),
            Uuid::from_u128(1)
        ),
    );
    assert_eq!(
        listed.hidden_key, "abcd...wxyz",
        "reads as the key it extends"
    );
}

#[test]
fn a_listed_key_with_a_creation_time_reads_back() {
    let mut listed: ApiKeyExtendedOut = serde_json::from_value(json!({
        "key_id": Uuid::from_u128(2), "key": null, "name": null, "hidden_key": "x",
        "created_at": "2026-02-01T00:00:00Z", "expiration_date": null,
        "actions": {}, "workspace_id": null, "workspace_name": null, "created_by": "jane",
        "product": null, "last_used": "2026-03-01", "can_delete": null
    }))
    .unwrap();
    assert_eq!(listed.created_at, Some(datetime!(2026-02-01 0:00 UTC)));
    assert_eq!(listed.last_used, Some(date!(2026 - 03 - 01)));
    listed.api_key.key = Some("plaintext-secret".into());
    assert!(
        !format!("{listed:?}").contains("plaintext-secret"),
        "the plaintext stays out of Debug"
    );
}
