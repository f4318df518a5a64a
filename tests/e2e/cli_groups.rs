//! `get groups`, `get usage`, `get limits` and the `groups ...` change commands as a script
//! runs them, against the demo organizations: reads in every format compared with what the
//! Admin API answers, and each change checked through the Admin API and its audit log.

use mistral_admin::client::UsageQuery;
use mistral_admin::domain::OrgRole;
use serde_json::{Value, json};

use crate::cli_reads::{column, contract_part, formats};
use crate::support::cli::Scripted;
use crate::support::pty::workspace_id;

#[tokio::test]
async fn groups_in_every_format_carry_members_nesting_and_assignments() {
    let s = Scripted::demo().await;
    let groups = s.api.list_all_groups().await.unwrap();
    let f = formats(&s, &["get", "groups"]).await;
    let names: Vec<String> = groups.iter().map(|g| g.name.clone()).collect();
    assert_eq!(column(&f.csv, "name"), names);
    let added = [
        "organization_role_name",
        "parent_group_names",
        "members",
        "workspaces",
    ];
    for (record, group) in f.json.as_array().unwrap().iter().zip(&groups) {
        assert_eq!(
            contract_part(record, &added),
            serde_json::to_value(group).unwrap()
        );
        let members = s.api.list_all_group_members(group.uuid).await.unwrap();
        assert_eq!(record["members"], serde_json::to_value(&members).unwrap());
        let places = s.api.list_all_group_workspaces(group.uuid).await.unwrap();
        assert_eq!(record["workspaces"], serde_json::to_value(&places).unwrap());
    }
    let finance = f.jsonl.iter().find(|r| r["name"] == "Finance").unwrap();
    assert_eq!(finance["organization_role_name"], "billing_manager");
    let evaluation = f.jsonl.iter().find(|r| r["name"] == "Evaluation").unwrap();
    assert_eq!(
        evaluation["parent_group_names"],
        json!(["Research Engineers"])
    );
    let engineers_row = f
        .table
        .stdout
        .lines()
        .find(|l| l.starts_with("Research Engineers"))
        .unwrap();
    assert!(engineers_row.contains("Research (dev)"), "{engineers_row}");
    let run = s
        .run(&["get", "groups", "--search", "eval", "-o", "jsonl"])
        .await
        .ok();
    assert_eq!(run.jsonl().len(), 1);
}

#[tokio::test]
async fn usage_and_limits_match_the_servers_answers() {
    let s = Scripted::demo().await;
    let usage = s.api.usage(&UsageQuery::default()).await.unwrap();
    let f = formats(&s, &["get", "usage"]).await;
    let total: f64 = f.jsonl.iter().map(|r| r["amount"].as_f64().unwrap()).sum();
    assert!(
        (total - usage.total_amount()).abs() < 0.01,
        "{total} vs {}",
        usage.total_amount()
    );
    assert!(usage.total_amount() > 0.0, "the demo spends this month");
    let document = &f.json;
    assert!((document["total_amount"].as_f64().unwrap() - usage.total_amount()).abs() < 1e-6);
    assert_eq!(document["currency"], json!(usage.currency));
    let research = workspace_id(&s.api, "Research").await;
    assert_eq!(
        document["workspace_names"][research.to_string()],
        "Research"
    );

    let month = usage.start_date.date();
    let label = format!("{}-{:02}", month.year(), u8::from(month.month()));
    let only = s
        .run(&[
            "get",
            "usage",
            "--workspace",
            "research",
            "--month",
            &label,
            "-o",
            "jsonl",
        ])
        .await
        .ok();
    assert!(!only.jsonl().is_empty());
    assert!(
        only.jsonl()
            .iter()
            .all(|r| r["workspace_name"] == "Research")
    );
    let bad = s
        .run(&["get", "usage", "--month", "2026-13"])
        .await
        .expect(2);
    assert!(bad.stderr.contains("YYYY-MM"), "{bad:#?}");

    let limits = s.api.rate_limits().await.unwrap();
    let f = formats(&s, &["get", "limits"]).await;
    assert_eq!(f.json, serde_json::to_value(&limits).unwrap());
    assert_eq!(f.jsonl.len(), limits.tokens_limits_by_model.len() + 1);
    assert_eq!(
        f.jsonl[0],
        json!({"requests_per_second": limits.requests_per_second})
    );
}

#[tokio::test]
async fn vibe_activity_names_each_person() {
    let s = Scripted::demo().await;
    let f = formats(&s, &["get", "vibe", "--days", "30"]).await;
    assert!(!f.jsonl.is_empty(), "the demo has a month of Vibe activity");
    let directory = s.api.load_directory().await.unwrap();
    for record in &f.jsonl {
        let id: uuid::Uuid = record["user_id"].as_str().unwrap().parse().unwrap();
        let person = directory.user(id).expect("an organization member");
        assert_eq!(record["email"], json!(person.email));
    }
    assert_eq!(f.json["data"], Value::Array(f.jsonl.clone()));
    // A window the server cannot read is bad usage, said before anything is asked.
    for days in ["0", "30000"] {
        let run = s.run(&["get", "vibe", "--days", days]).await.expect(2);
        assert!(run.stderr.contains("--days"), "{run:#?}");
    }
}

/// The direct members of a group, by email.
async fn group_members(s: &Scripted, name: &str) -> Vec<String> {
    let groups = s.api.list_all_groups().await.unwrap();
    let group = groups.iter().find(|g| g.name == name).expect("the group");
    let mut emails: Vec<String> = s
        .api
        .list_all_group_members(group.uuid)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|m| m.email)
        .collect();
    emails.sort();
    emails
}

#[tokio::test]
async fn groups_are_created_filled_nested_assigned_and_deleted() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let run = s
        .run(&[
            "groups",
            "create",
            "Platform",
            "--description",
            "Infra people",
            "--target",
            "workspaces",
            "-o",
            "json",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Created the group \"Platform\"\n");
    assert_eq!(run.json()["name"], "Platform");
    let taken = s.run(&["groups", "create", "platform"]).await.expect(3);
    assert!(taken.stderr.contains("already exists"), "{taken:#?}");

    let run = s
        .run(&[
            "groups",
            "members",
            "add",
            "Platform",
            "taro@northwind.example",
            "jose.nunez@northwind.example",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Added 2 members to the group \"Platform\"\n");
    assert_eq!(
        group_members(&s, "Platform").await,
        ["jose.nunez@northwind.example", "taro@northwind.example"]
    );
    s.run(&["groups", "members", "remove", "platform", "José Núñez"])
        .await
        .ok();
    assert_eq!(
        group_members(&s, "Platform").await,
        ["taro@northwind.example"]
    );

    s.run(&["groups", "nest", "Platform", "--in", "Research Engineers"])
        .await
        .ok();
    let groups = s.api.list_all_groups().await.unwrap();
    let parent = groups
        .iter()
        .find(|g| g.name == "Research Engineers")
        .unwrap()
        .uuid;
    let platform = groups
        .iter()
        .find(|g| g.name == "Platform")
        .unwrap()
        .clone();
    assert_eq!(platform.parent_group_ids, [parent]);

    let run = s
        .run(&[
            "groups",
            "assign",
            "Platform",
            "Mobile App",
            "--role",
            "dev",
            "--role",
            "observability_viewer",
        ])
        .await
        .ok();
    assert_eq!(
        run.stderr,
        "Assigned the group \"Platform\" to \"Mobile App\" as dev, observability_viewer\n"
    );
    let places = s
        .api
        .list_all_group_workspaces(platform.uuid)
        .await
        .unwrap();
    let roles: Vec<&str> = places[0].roles.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        (places[0].workspace_name.as_str(), roles),
        ("Mobile App", vec!["dev", "observability_viewer"])
    );
    s.run(&[
        "groups",
        "assign",
        "Platform",
        "Mobile App",
        "--role",
        "user",
    ])
    .await
    .ok();
    let places = s
        .api
        .list_all_group_workspaces(platform.uuid)
        .await
        .unwrap();
    assert_eq!(places[0].roles[0].name, "user");

    s.run(&["groups", "set-role", "Platform", "billing_manager"])
        .await
        .ok();
    let platform_now = s.api.get_group(platform.uuid).await.unwrap();
    assert_eq!(
        platform_now
            .organization_role
            .as_deref()
            .and_then(OrgRole::parse_any),
        Some(OrgRole::BillingManager)
    );
    s.run(&[
        "groups",
        "provision",
        "Platform",
        "Research",
        "--role",
        "dev",
    ])
    .await
    .ok();
    s.run(&["groups", "unassign", "Platform", "Mobile App"])
        .await
        .ok();
    assert!(
        s.api
            .list_all_group_workspaces(platform.uuid)
            .await
            .unwrap()
            .is_empty()
    );
    s.run(&[
        "groups",
        "unnest",
        "Platform",
        "--from",
        "Research Engineers",
    ])
    .await
    .ok();
    assert!(
        s.api
            .get_group(platform.uuid)
            .await
            .unwrap()
            .parent_group_ids
            .is_empty()
    );
    s.run(&["groups", "edit", "Platform", "--name", "Platform Team"])
        .await
        .ok();

    let refused = s
        .run(&["groups", "delete", "Platform Team"])
        .await
        .expect(2);
    assert!(
        refused.stderr.contains("--confirm 'Platform Team'"),
        "{refused:#?}"
    );
    let dry = s
        .run(&[
            "groups",
            "delete",
            "Platform Team",
            "--dry-run",
            "--confirm",
            "Platform Team",
        ])
        .await
        .ok();
    assert_eq!(
        dry.stdout.trim(),
        format!(
            "DELETE {}/user-groups/{}",
            s.server.admin_base_url(),
            platform.uuid
        )
    );
    s.run(&[
        "groups",
        "delete",
        "Platform Team",
        "--confirm",
        "Platform Team",
    ])
    .await
    .ok();
    assert!(s.api.get_group(platform.uuid).await.is_err(), "deleted");
    let provider = s
        .run(&[
            "groups",
            "members",
            "add",
            "Engineering",
            "taro@northwind.example",
        ])
        .await
        .expect(3);
    assert!(
        provider.stderr.contains("identity provider"),
        "{provider:#?}"
    );
    assert_eq!(
        s.audit_since(before).await,
        [
            "user_group.create",
            "user_group.member.add",
            "user_group.member.add",
            "user_group.member.remove",
            "user_group.update",
            "user_group.workspace.provision",
            "user_group.workspace.update",
            "user_group.update",
            "user_group.workspace.provision",
            "user_group.workspace.deprovision",
            "user_group.update",
            "user_group.update",
            "user_group.delete",
        ]
    );
}

#[tokio::test]
async fn group_commands_refuse_in_read_only_mode_and_send_nothing() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let run = s
        .run(&["groups", "create", "Ops", "--read-only"])
        .await
        .expect(4);
    assert!(run.stderr.contains("read-only"), "{run:#?}");
    let dry = s
        .run(&[
            "groups",
            "set-role",
            "Finance",
            "member",
            "--dry-run",
            "-o",
            "json",
        ])
        .await
        .ok();
    let request: Value = dry.json();
    assert_eq!(request["method"], "PATCH");
    assert_eq!(request["body"], json!({"organization_role": "M"}));
    assert!(s.audit_since(before).await.is_empty());
}

/// The roles `email` holds in `workspace`, as the Admin API lists them (own and through groups).
async fn roles_in(s: &Scripted, workspace: uuid::Uuid, email: &str) -> Vec<String> {
    let directory = s.api.load_directory().await.unwrap();
    directory
        .workspace_members(workspace)
        .into_iter()
        .find(|m| m.user.email.as_deref() == Some(email))
        .map(|m| m.roles)
        .unwrap_or_default()
}

/// `groups delete` tells, before it is confirmed, every nesting the deletion ends and who
/// loses which role through it, including someone in "Research" only through a group nested
/// in the deleted one; and the server does what it said.
#[tokio::test]
async fn deleting_a_group_names_the_nestings_it_ends_and_who_loses_access_before_confirming() {
    let s = Scripted::demo().await;
    let hannah = "hannah.schmidt@northwind.example";
    let research = workspace_id(&s.api, "Research").await;
    assert!(
        roles_in(&s, research, hannah).await.is_empty(),
        "not in Research yet"
    );
    s.run(&["groups", "members", "add", "Evaluation", hannah])
        .await
        .ok();
    assert_eq!(
        roles_in(&s, research, hannah).await,
        ["dev"],
        "through Evaluation"
    );

    let summary = "Deleting the group \"Research Engineers\" is permanent: its 2 direct members and everyone in the groups nested in it (\"Evaluation\") lose what it grants in \"Research\"; \"Evaluation\" stays, but is no longer nested in it";
    let loss = format!("<{hannah}> loses dev in \"Research\" (unless held directly)");
    let refused = s
        .run(&["groups", "delete", "Research Engineers"])
        .await
        .expect(2);
    let told = |run: &crate::support::cli::Run| {
        let note = run
            .stderr
            .lines()
            .position(|l| l.starts_with("note: ") && l.ends_with(&loss));
        run.stderr.contains(summary) && note.is_some()
    };
    assert!(told(&refused), "{refused:#?}");
    let notes_first = refused.stderr.find(&loss) < refused.stderr.find("Nothing was done");
    assert!(
        notes_first,
        "who loses what comes before the refusal: {refused:#?}"
    );
    let confirm = ["--confirm", "Research Engineers"];
    let delete = ["groups", "delete", "Research Engineers"];
    let dry = s
        .run(&[&delete[..], &confirm, &["--dry-run"]].concat())
        .await
        .ok();
    assert!(told(&dry), "{dry:#?}");

    s.run(&[&delete[..], &confirm].concat()).await.ok();
    assert!(
        roles_in(&s, research, hannah).await.is_empty(),
        "her access ended"
    );
    let groups = s.api.list_all_groups().await.unwrap();
    let evaluation = groups.iter().find(|g| g.name == "Evaluation").unwrap();
    assert!(evaluation.parent_group_ids.is_empty(), "the nesting ended");
}
