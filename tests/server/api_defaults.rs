//! Every `default:` the contract declares for a field of a schema the project reads or serves,
//! checked on the wire types: a body that leaves the field out decodes to the contract's
//! default. The table was taken from the contract's components (all property defaults of
//! `AdminOrganizationMemberOUT`, `AdminUserOUT`, `AdminWorkspaceIn`, `BaseModelCard`,
//! `FTModelCard`, `ModelCapabilities`, `ModelList`, `NewUsageLimitIN`, `OrganizationInviteIN`,
//! `OrganizationInviteOUT`, `UsageLimits`, `WorkspacesOut`); the tests must not need the
//! contract file itself.

use crate::support::contract_schemas::MODEL_CAPABILITIES;
use mistral_admin::api::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// `minimal` (only required fields) decoded as `T`, then serialized back, so defaults can be
/// compared as JSON values field by field.
fn decoded<T: DeserializeOwned + serde::Serialize>(minimal: Value) -> Value {
    let typed: T = serde_json::from_value(minimal.clone())
        .unwrap_or_else(|e| panic!("{minimal} does not decode: {e}"));
    serde_json::to_value(typed).unwrap()
}

#[track_caller]
fn assert_defaults(schema: &str, decoded: &Value, defaults: &[(&str, Value)]) {
    for (field, default) in defaults {
        assert_eq!(&decoded[*field], default, "{schema}.{field}");
    }
}

const USER: &str = "0d48f530-095c-43fe-8aea-6673bcacabe6";

#[test]
fn model_cards_and_lists_take_the_contracts_defaults() {
    let card = decoded::<ModelCard>(json!({"id": "m", "capabilities": {}}));
    assert_defaults(
        "BaseModelCard",
        &card,
        &[
            ("object", json!("model")),
            ("owned_by", json!("mistralai")),
            ("max_context_length", json!(32768)),
            ("aliases", json!([])),
            ("internal", json!(false)),
            ("type", json!("base")),
        ],
    );
    for &capability in MODEL_CAPABILITIES {
        assert_eq!(
            card["capabilities"][capability],
            json!(false),
            "ModelCapabilities.{capability}"
        );
    }
    let fine_tuned: ModelCard = serde_json::from_value(json!({
        "id": "ft:m", "capabilities": {}, "type": "fine-tuned", "job": "j", "root": "m"
    }))
    .unwrap();
    assert!(!fine_tuned.is_archived(), "FTModelCard.archived");
    assert_eq!(fine_tuned.owned_by, "mistralai");
    assert_eq!(fine_tuned.max_context_length, 32768);

    let list = decoded::<ModelList>(json!({"data": []}));
    assert_defaults("ModelList", &list, &[("object", json!("list"))]);
}

#[test]
fn admin_schemas_take_the_contracts_defaults() {
    let member = json!({
        "uuid": USER, "oid_id": null, "name": null, "email": null,
        "raw_roles": [], "raw_role": "M", "created_at": "2026-01-01T00:00:00Z"
    });
    assert_defaults(
        "AdminOrganizationMemberOUT",
        &decoded::<AdminOrganizationMemberOut>(member.clone()),
        &[("subscriptions", json!([]))],
    );
    let mut user = member;
    user["first_name"] = Value::Null;
    user["last_name"] = Value::Null;
    assert_defaults(
        "AdminUserOUT",
        &decoded::<AdminUserOut>(user),
        &[("subscriptions", json!([]))],
    );
    assert_defaults(
        "AdminWorkspaceIn",
        &decoded::<AdminWorkspaceIn>(json!({"name": "W", "admin_user_id": USER})),
        &[
            ("description", json!("")),
            ("icon", json!("")),
            ("add_all_org_members", json!(false)),
        ],
    );
    assert_defaults(
        "NewUsageLimitIN",
        &decoded::<NewUsageLimitIn>(json!({"amount": 10})),
        &[("no_monthly_limit", json!(false))],
    );
    assert_defaults(
        "OrganizationInviteIN",
        &decoded::<OrganizationInviteIn>(json!({"email": "a@x.io"})),
        &[("subscription_seat_automatic_granting", json!(false))],
    );
    assert_defaults(
        "OrganizationInviteOUT",
        &decoded::<OrganizationInviteOut>(json!({
            "uuid": USER, "raw_roles": [], "raw_role": "M", "email": "a@x.io",
            "expired": false, "created_at": "2026-01-01T00:00:00Z"
        })),
        &[("workspace_uuids", json!([]))],
    );
    assert_defaults(
        "UsageLimits",
        &decoded::<UsageLimits>(json!({"monthly_limit_reached": false})),
        &[("no_monthly_limit", json!(false))],
    );
    assert_defaults(
        "WorkspacesOut",
        &decoded::<WorkspacesOut>(json!({"total": 0, "items": [], "page": 1, "page_size": 25})),
        &[("object", json!("list"))],
    );
}
