//! Responses match the contract field for field. Each response is (a) decoded into its
//! `mistral_admin::api` type and encoded again, which must give back exactly the JSON the
//! server sent (nothing dropped, nothing added), and (b) checked against the contract's own
//! `properties`/`required` lists and enum values (tests/support/contract.rs), independently of
//! the crate's types. Data comes from the demo seed, so seats, expired keys and invitations,
//! archived workspaces and history are all present.

use crate::support::contract;
use crate::support::contract_enums;
use crate::support::http::{Api, Reply};
use crate::support::local_server;
use mistral_admin::api::*;
use mistral_admin::server::{LocalServer, Seed};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use uuid::Uuid;

/// (a) and (b) for one response; returns it typed.
#[track_caller]
fn conforms<T: DeserializeOwned + Serialize>(schema: &str, reply: &Reply) -> T {
    assert!(
        reply.status < 300,
        "{schema}: {} {}",
        reply.status,
        reply.text
    );
    assert_eq!(
        reply.content_type.as_deref(),
        Some("application/json"),
        "{schema}"
    );
    let typed: T = serde_json::from_value(reply.body.clone())
        .unwrap_or_else(|e| panic!("{schema} does not decode: {e}\n{}", reply.text));
    let again = serde_json::to_value(&typed).expect("encodes");
    assert_eq!(
        again, reply.body,
        "{schema}: the typed round trip changed the JSON"
    );
    contract::check(schema, &reply.body);
    typed
}

async fn demo() -> (LocalServer, Api) {
    let server = local_server().seed(Seed::Demo).start().await;
    let api = Api::new(
        &server.origin(),
        Some(server.seeded()[0].admin_key.expose()),
    );
    (server, api)
}

/// Every role value in `value` is a UUID of the catalog (the local server's decision; the
/// contract also allows legacy codes).
fn roles_resolve(value: &Value, catalog: &RolesOut) {
    let mut found = Vec::new();
    contract::role_values(value, &mut found);
    let known: Vec<String> = catalog
        .organization_roles
        .iter()
        .chain(&catalog.workspace_roles)
        .map(|r| r.uuid.to_string())
        .collect();
    for v in found {
        assert!(
            known.contains(&v),
            "role value {v} is not a UUID listed by GET /roles"
        );
    }
}

#[tokio::test]
async fn read_responses_conform() {
    let (server, api) = demo().await;
    let roles: RolesOut = conforms("RolesOut", &api.get("/roles").await);
    let users: OrganizationAdminUsersOut = conforms(
        "OrganizationAdminUsersOUT",
        &api.get("/users?page_size=100").await,
    );
    assert!(
        users.members.iter().any(|m| !m.subscriptions.is_empty()),
        "seats are exercised"
    );
    assert!(users.invites.iter().any(|i| i.expired) && users.invites.iter().any(|i| !i.expired));
    roles_resolve(&api.get("/users?page_size=100").await.body, &roles);
    for member in &users.members {
        let reply = api.get(&format!("/users/{}", member.uuid)).await;
        let detail: AdminUserOut = conforms("AdminUserOUT", &reply);
        assert_eq!(detail.member.uuid, member.uuid);
        assert_eq!(detail.member.workspaces, member.workspaces);
        roles_resolve(&reply.body, &roles);
    }
    let invites = api.get("/users-invite").await;
    let pending: Vec<OrganizationUserInviteOut> = conforms("OrganizationUserInviteOUT", &invites);
    assert!(!pending.is_empty());
    roles_resolve(&invites.body, &roles);
    for query in ["", "is_archived=true", "page=2&page_size=3", "search=a"] {
        conforms::<WorkspacesOut>(
            "WorkspacesOut",
            &api.get(&format!("/workspaces?{query}")).await,
        );
    }
    let keys: ApiKeysExtendedOut = conforms("APIKeysExtendedOUT", &api.get("/api-keys").await);
    assert!(keys.keys.len() >= 10);
    assert!(
        keys.keys
            .iter()
            .any(|k| k.expiration_date.is_some() && k.last_used.is_some())
    );
    conforms::<LimitsOut>("LimitsOUT", &api.get("/spend-limit").await);
    let log: Vec<AuditLogOut> = conforms("AuditLogOut", &api.get("/audit-logs?limit=1000").await);
    assert!(log.len() > 50);
    conforms::<LocalOrganizationOut>(
        "x-local:Organization",
        &api.get("/x-local/organization").await,
    );
    let ws = api.workspaces("").await.items[1].uuid;
    conforms::<WorkspaceSettingsOut>(
        "x-local:WorkspaceSettings",
        &api.get(&format!("/x-local/workspaces/{ws}/settings")).await,
    );
    let groups: AdminUserGroupsOut = conforms(
        "AdminUserGroupsOut",
        &api.get("/user-groups?page_size=100").await,
    );
    assert!(
        groups
            .items
            .iter()
            .any(|g| g.externally_managed == Some(true))
    );
    for group in &groups.items {
        let path = format!("/user-groups/{}", group.uuid);
        conforms::<AdminUserGroupOut>("AdminUserGroupOut", &api.get(&path).await);
        conforms::<AdminUserGroupMembersOut>(
            "AdminUserGroupMembersOut",
            &api.get(&format!("{path}/members")).await,
        );
        conforms::<GroupWorkspaceAssignmentsOut>(
            "GroupWorkspaceAssignmentsOut",
            &api.get(&format!("{path}/workspaces")).await,
        );
        conforms::<NestedGroupsOut>("NestedGroupsOut", &api.get(&format!("{path}/nested")).await);
    }
    conforms::<RateLimitsOut>("RateLimitsOUT", &api.get("/rate-limit").await);
    conforms::<UsageOutJson>("UsageOUTJSON", &api.get("/usage").await);
    // Every organization's data, not only the first one's.
    for org in &server.seeded()[1..] {
        let other = Api::new(&server.origin(), Some(org.admin_key.expose()));
        conforms::<OrganizationAdminUsersOut>(
            "OrganizationAdminUsersOUT",
            &other.get("/users").await,
        );
        conforms::<Vec<AuditLogOut>>("AuditLogOut", &other.get("/audit-logs?limit=1000").await);
        conforms::<LimitsOut>("LimitsOUT", &other.get("/spend-limit").await);
    }
}

#[tokio::test]
async fn write_responses_conform() {
    let (server, api) = demo().await;
    let roles = api.roles().await;
    let admin = server.seeded()[0].admin_user_uuid;
    let created: OrganizationUsersCreateOut = conforms(
        "OrganizationUsersCreateOUT",
        &api.post(
            "/users",
            json!([{"email": "new@northwind.example", "first_name": "New", "last_name": "Person", "subscription_types": ["CHAT"]},
                   {"email": "bad", "first_name": "B", "last_name": "C"}]),
        )
        .await,
    );
    let newbie: Uuid = created.email_to_user_id["new@northwind.example"]
        .parse()
        .unwrap();
    let patched = api
        .patch(
            &format!("/users/{newbie}"),
            json!({"role_names": ["billing_manager", "member"]}),
        )
        .await;
    conforms::<AdminOrganizationMemberOut>("AdminOrganizationMemberOUT", &patched);
    roles_resolve(&patched.body, &roles);
    conforms::<OrganizationInvitesCreateOut>(
        "OrganizationInvitesCreateOUT",
        &api.post(
            "/users-invite",
            json!({"email": "a@example.com, bad, new@northwind.example"}),
        )
        .await,
    );
    let invite = api.get("/users-invite").await.ok()[0]["invite_uuid"].clone();
    conforms::<DeleteOut>(
        "DeleteOUT",
        &api.delete(&format!("/users-invite/{}", invite.as_str().unwrap()))
            .await,
    );

    let made = api
        .post(
            "/workspaces",
            json!({"name": "Shapes", "icon": "◆", "admin_user_id": admin}),
        )
        .await;
    let ws: WorkspaceEnrichedOut = conforms("WorkspaceEnrichedOUT", &made);
    roles_resolve(&made.body, &roles);
    conforms::<WorkspaceOut>(
        "WorkspaceOUT",
        &api.patch(
            &format!("/workspaces/{}", ws.uuid),
            json!({"description": "d"}),
        )
        .await,
    );
    let one = json!({"members": [{"user_uuid": newbie, "role_names": ["dev"]}]});
    conforms::<AddUsersToWorkspaceOut>(
        "AddUsersToWorkspaceOUT",
        &api.post(&format!("/workspaces/{}/add-users", ws.uuid), one.clone())
            .await,
    );
    conforms::<AddOrUpdateUsersToWorkspaceOut>(
        "AddOrUpdateUsersToWorkspaceOUT",
        &api.patch(&format!("/workspaces/{}/users", ws.uuid), one)
            .await,
    );
    let key: ApiKeyOut = conforms(
        "APIKeyOUT",
        &api.post(
            "/api-keys",
            json!({"name": "shape", "workspace_uuid": ws.uuid, "user_id": newbie, "expiration": "2099-01-01"}),
        )
        .await,
    );
    conforms::<ModelList>(
        "ModelList",
        &crate::support::http::key_client(&server.origin(), key.key.as_deref().unwrap())
            .models()
            .await,
    );
    conforms::<DeleteApiKeyOut>(
        "DeleteAPIKeyOUT",
        &api.delete(&format!("/api-keys/{}", key.key_id)).await,
    );
    conforms::<RemoveWorkspaceMembersOut>(
        "RemoveWorkspaceMembersOUT",
        &api.delete_with(
            &format!("/workspaces/{}/remove-users", ws.uuid),
            json!({"members": [{"user_uuid": newbie}, {"user_uuid": Uuid::new_v4()}]}),
        )
        .await,
    );
    conforms::<LimitsOut>(
        "LimitsOUT",
        &api.post("/spend-limit", json!({"amount": 4000})).await,
    );
    conforms::<LocalOrganizationOut>(
        "x-local:Organization",
        &api.patch("/x-local/organization", json!({"name": "Northwind"}))
            .await,
    );
    conforms::<WorkspaceSettingsOut>(
        "x-local:WorkspaceSettings",
        &api.patch(
            &format!("/x-local/workspaces/{}/settings", ws.uuid),
            json!({"monthly_spend_cap": 10}),
        )
        .await,
    );
    conforms::<DeleteOut>("DeleteOUT", &api.delete(&format!("/users/{newbie}")).await);
    // What all of the above recorded conforms too.
    conforms::<Vec<AuditLogOut>>("AuditLogOut", &api.get("/audit-logs?limit=60").await);
}

#[tokio::test]
async fn error_bodies_conform() {
    let (_server, api) = demo().await;
    let invalid = api.post("/workspaces", json!({"name": 5})).await;
    assert_eq!(invalid.status, 422);
    let body: ErrorBody = serde_json::from_value(invalid.body.clone()).unwrap();
    assert_eq!(serde_json::to_value(&body).unwrap(), invalid.body);
    contract::check("HTTPValidationError", &invalid.body);
    let broken = api
        .send_raw(
            reqwest::Method::POST,
            &api.url("/workspaces"),
            b"{".to_vec(),
            &[],
        )
        .await;
    contract::check("HTTPValidationError", &broken.body);
    for reply in [
        api.get(&format!("/users/{}", Uuid::new_v4())).await,
        api.get("/nowhere").await,
        api.clone().with_key(None).get("/users").await,
    ] {
        contract::check_message_error(&reply.body);
        let typed: ErrorBody = serde_json::from_value(reply.body.clone()).unwrap();
        assert!(matches!(typed.detail, Detail::Message(_)));
    }
}

#[tokio::test]
async fn the_role_catalog_is_the_contracts() {
    let (_server, api) = demo().await;
    let roles = api.roles().await;
    let org_names: Vec<&str> = roles
        .organization_roles
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    let ws_names: Vec<&str> = roles
        .workspace_roles
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(org_names, contract_enums::ORG_ROLE_NAMES);
    assert_eq!(ws_names, contract_enums::WORKSPACE_ROLE_NAMES);
    for role in &roles.organization_roles {
        assert!(contract_enums::STATIC_ORG_ROLES.contains(&role.uuid.to_string().as_str()));
        assert!(!role.is_custom_role && !role.description.is_empty());
    }
    for role in &roles.workspace_roles {
        assert!(contract_enums::STATIC_WORKSPACE_ROLES.contains(&role.uuid.to_string().as_str()));
    }
    let mut uuids: Vec<Uuid> = roles
        .organization_roles
        .iter()
        .chain(&roles.workspace_roles)
        .map(|r| r.uuid)
        .collect();
    uuids.sort();
    uuids.dedup();
    assert_eq!(uuids.len(), 14, "every role has its own UUID");
}

#[test]
fn the_crates_enum_lists_match_the_contract() {
    assert_eq!(EVENT_TYPES.as_slice(), contract_enums::AUDIT_EVENT_TYPES);
    assert_eq!(TARGET_TYPES.as_slice(), contract_enums::TARGET_TYPES);
    assert_eq!(ACTOR_TYPES.as_slice(), contract_enums::ACTOR_TYPES);
    assert_eq!(AUDIT_SORTS.as_slice(), contract_enums::AUDIT_SORTS);
    assert_eq!(PLAN_TYPES.as_slice(), contract_enums::PLAN_TYPES);
    assert_eq!(
        MEMBER_SEAT_TYPES.as_slice(),
        contract_enums::MEMBER_SEAT_TYPES
    );
    assert_eq!(
        API_KEY_PRODUCTS.as_slice(),
        contract_enums::API_KEY_PRODUCTS
    );
    assert_eq!(EMAIL_LANGUAGES.len(), 9);
}

#[test]
fn the_contract_checker_rejects_what_it_should() {
    let good = json!({"uuid": Uuid::nil(), "name": "W", "is_default": true,
        "raw_roles": ["731eb2be-a74f-4070-b797-35bf7009e553"], "raw_role": "A"});
    contract::check_object("MemberWorkspaceInfo", &good);
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("is_default");
    let mut extra = good.clone();
    extra["colour"] = json!("blue");
    let mut bad_enum = good.clone();
    bad_enum["raw_roles"] = json!(["workspace_admin"]);
    let mut empty = good.clone();
    empty["raw_roles"] = json!([]);
    let nested_extra = json!({"members": [], "invites": [{"uuid": Uuid::nil(), "raw_roles": ["M"],
        "raw_role": "M", "email": "e", "expired": false, "created_at": "x", "extra": 1}],
        "total": 1, "page": 1, "page_size": 1});
    let cases = [
        ("MemberWorkspaceInfo", missing),
        ("MemberWorkspaceInfo", extra),
        ("MemberWorkspaceInfo", bad_enum),
        ("MemberWorkspaceInfo", empty),
        ("OrganizationAdminUsersOUT", nested_extra),
        (
            "AuditLogOut",
            json!({"created_at": "x", "actor_type": "ROBOT", "actor_metadata": {},
            "event_type": "user.create", "event_metadata": {}, "target_type": "USER",
            "target_metadata": {}, "log_id": 1}),
        ),
        (
            "AuditLogOut",
            json!({"created_at": "x", "actor_type": "HUMAN", "actor_metadata": {"n": 1},
            "event_type": "user.create", "event_metadata": {}, "target_type": "USER",
            "target_metadata": {}, "log_id": 1}),
        ),
    ];
    for (schema, value) in cases {
        let result = std::panic::catch_unwind(|| contract::check_object(schema, &value));
        assert!(result.is_err(), "{schema} accepted {value}");
    }
}
