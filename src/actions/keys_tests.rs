//! Unit tests of the key planners: owners must belong, expiries lie ahead, deletions and
//! rotations are confirmed by the key's name.

use time::macros::date;

use super::*;
use crate::actions::fixtures::*;

#[test]
fn a_key_goes_to_a_member_of_its_workspace_and_expires_in_the_future() {
    let d = directory();
    let research = &workspaces()[1];
    let ana = d.user(id(ANA)).unwrap();
    let key = NewKey {
        name: Some("ci".into()),
        expiration: Some(date!(2026 - 09 - 30)),
    };
    let err = create(research, ana, &key, &d, today()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ana@northwind.example is not a member of workspace 'Research'; add them to it first"
    );
    let jane = d.user(id(JANE)).unwrap();
    let plan = create(research, jane, &key, &d, today()).unwrap();
    assert_eq!(
        plan.summary,
        "Create API key \"ci\" in \"Research\" for jane.doe@northwind.example, expiring 2026-09-30"
    );
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({
            "name": "ci", "expiration": "2026-09-30",
            "workspace_uuid": id(RESEARCH).to_string(), "user_id": id(JANE).to_string()
        })
    );
    let past = NewKey {
        name: None,
        expiration: Some(today()),
    };
    assert!(matches!(
        create(research, jane, &past, &d, today()),
        Err(ActionError::Invalid { .. })
    ));
}

#[test]
fn deleting_keys_asks_for_each_name() {
    let all = keys();
    let plan = delete(&[&all[0], &all[2]]).unwrap();
    assert_eq!(plan.confirm, ["ci", "CI"]);
    assert_eq!(plan.unconfirmed(&["ci".into()]), ["CI"]);
    assert!(
        plan.summary
            .starts_with("Deleting 2 API keys is permanent: they stop working at once")
    );
}

#[test]
fn rotating_creates_the_replacement_before_deleting_the_old_key() {
    let d = directory();
    let all = keys();
    let jane = d.user(id(JANE)).unwrap();
    let plan = rotate(&all[0], jane, all[0].expiration_date, &d, today()).unwrap();
    assert!(matches!(
        plan.steps[0].request,
        Request::CreateApiKey { .. }
    ));
    assert_eq!(
        plan.steps[1].request,
        Request::DeleteApiKey { key: id(CI_KEY) }
    );
    assert_eq!(plan.confirm, ["ci"]);
    let zoe_not_in_product = d.user(id(ZOE)).unwrap();
    assert!(rotate(&all[2], zoe_not_in_product, None, &d, today()).is_err());
}

#[test]
fn the_owner_is_the_one_the_audit_log_names_else_the_creator() {
    use std::collections::BTreeMap;
    let d = directory();
    let all = keys();
    let none = HashMap::new();
    assert_eq!(owner(&all[0], &d, &none).unwrap().uuid, id(JANE));
    let entry = crate::api::AuditLogOut {
        created_at: time::macros::datetime!(2026-02-01 0:00 UTC),
        actor_type: "API_KEY".into(),
        actor_metadata: BTreeMap::new(),
        event_type: "api_key.create".into(),
        event_metadata: BTreeMap::from([("owner_user_uuid".into(), id(ZOE).to_string())]),
        target_type: "API_KEY".into(),
        target_metadata: BTreeMap::from([("api_key_id".into(), id(CI_KEY).to_string())]),
        log_id: 1,
        organization_uuid: None,
        workspace_uuid: None,
    };
    let owners = owners_from_audit(&[entry]);
    assert_eq!(owner(&all[0], &d, &owners).unwrap().uuid, id(ZOE));
}
