//! `mistral-admin get ...` as a script runs it, against the demo organizations on a local
//! server: every read command in every format (table, JSON, JSON Lines, CSV), each format
//! showing the same rows, and the JSON compared with what the Admin API itself answers.

use mistral_admin::actions::audit_trail::concerns_workspace;
use mistral_admin::client::AuditQuery;
use serde_json::{Value, json};

use crate::support::cli::{Run, Scripted};
use crate::support::pty::workspace_id;

/// One read command in the four formats.
pub(crate) struct Formats {
    pub table: Run,
    pub json: Value,
    pub jsonl: Vec<Value>,
    pub csv: Vec<Vec<String>>,
}

/// A CSV document as rows of fields (quotes and doubled quotes undone).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

/// Runs `args` in each format and checks that the formats agree with one another: as many
/// table lines, CSV rows and JSON Lines records, each with the header first.
pub(crate) async fn formats(s: &Scripted, args: &[&str]) -> Formats {
    let with = |format: &'static str| {
        let mut all = args.to_vec();
        all.extend(["-o", format]);
        all
    };
    let table = s.run(args).await.ok();
    let json = s.run(&with("json")).await.ok().json();
    let jsonl = s.run(&with("jsonl")).await.ok().jsonl();
    let csv_run = s.run(&with("csv")).await.ok();
    let csv = parse_csv(&csv_run.stdout);
    let header = &csv[0];
    let table_header: Vec<String> = table
        .stdout
        .lines()
        .next()
        .unwrap_or_default()
        .split("  ")
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let expected_header: Vec<String> = header
        .iter()
        .map(|h| h.to_uppercase().replace('_', " "))
        .collect();
    assert_eq!(table_header, expected_header, "{table:#?}");
    assert_eq!(
        table.stdout.lines().count(),
        csv.len(),
        "{args:?}: table and CSV rows"
    );
    assert_eq!(
        jsonl.len(),
        csv.len() - 1,
        "{args:?}: JSON Lines and CSV rows"
    );
    assert!(!table.stdout.contains('\x1b'), "no colour when piped");
    Formats {
        table,
        json,
        jsonl,
        csv,
    }
}

/// A record without the fields the command adds beside the contract's.
pub(crate) fn contract_part(record: &Value, added: &[&str]) -> Value {
    let mut record = record.clone();
    for field in added {
        record.as_object_mut().expect("an object").remove(*field);
    }
    record
}

/// The CSV column named `name`, row by row.
pub(crate) fn column(csv: &[Vec<String>], name: &str) -> Vec<String> {
    let at = csv[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    csv[1..].iter().map(|row| row[at].clone()).collect()
}

#[tokio::test]
async fn workspaces_in_every_format_match_the_servers_listing() {
    let s = Scripted::demo().await;
    let active = s.api.list_all_workspaces(false).await.unwrap();
    let f = formats(&s, &["get", "workspaces"]).await;
    assert_eq!(f.json, serde_json::to_value(&active).unwrap());
    assert_eq!(Value::Array(f.jsonl.clone()), f.json);
    let names: Vec<String> = active.iter().map(|w| w.name.clone()).collect();
    assert_eq!(column(&f.csv, "name"), names);
    assert!(
        f.table.stdout.contains("Marketing — Q3 Launch"),
        "{}",
        f.table.stdout
    );

    let archived = s.api.list_all_workspaces(true).await.unwrap();
    let run = s
        .run(&["get", "workspaces", "--archived", "-o", "json"])
        .await
        .ok();
    assert_eq!(run.json(), serde_json::to_value(&archived).unwrap());
    assert!(!archived.is_empty(), "the demo has an archived workspace");
}

#[tokio::test]
async fn members_of_a_workspace_carry_role_names_beside_the_raw_roles() {
    let s = Scripted::demo().await;
    let directory = s.api.load_directory().await.unwrap();
    let active = s.api.list_all_workspaces(false).await.unwrap();
    let research = active.iter().find(|w| w.name == "Research").unwrap();
    let f = formats(&s, &["get", "members", "research"]).await;
    let expected: Vec<Value> = directory
        .workspace_members(research.uuid)
        .iter()
        .map(|m| {
            let raw = m
                .user
                .workspaces
                .iter()
                .flatten()
                .find(|w| w.uuid == research.uuid)
                .unwrap();
            json!({
                "workspace_uuid": research.uuid, "workspace_name": "Research",
                "uuid": m.user.uuid, "name": m.user.name, "email": m.user.email,
                "raw_roles": raw.raw_roles, "role_names": m.roles,
                "organization_role_names": directory.org_roles(m.user.uuid),
            })
        })
        .collect();
    assert_eq!(f.json, Value::Array(expected));
    assert_eq!(Value::Array(f.jsonl), f.json);
    let taro = f
        .csv
        .iter()
        .find(|row| row[1] == "taro@northwind.example")
        .unwrap();
    assert_eq!(
        taro[2], "dev;observability_viewer",
        "lists in a CSV cell use ;"
    );
    assert!(
        f.table.stdout.contains("dev, observability_viewer"),
        "{}",
        f.table.stdout
    );
}

#[tokio::test]
async fn people_and_invitations_are_the_contracts_records_with_names_resolved() {
    let s = Scripted::demo().await;
    let directory = s.api.load_directory().await.unwrap();
    let people = formats(&s, &["get", "people"]).await;
    let records = people.json.as_array().unwrap();
    assert_eq!(records.len(), directory.members().len());
    for (record, member) in records.iter().zip(directory.members()) {
        let mut bare = contract_part(record, &["role_names"]);
        for workspace in bare["workspaces"].as_array_mut().unwrap() {
            workspace.as_object_mut().unwrap().remove("role_names");
        }
        assert_eq!(bare, serde_json::to_value(member).unwrap());
        assert_eq!(
            record["role_names"],
            json!(directory.org_roles(member.uuid))
        );
    }
    assert_eq!(Value::Array(people.jsonl), people.json);

    let invites = formats(&s, &["get", "invites"]).await;
    let records = invites.json.as_array().unwrap();
    assert_eq!(records.len(), directory.invites().len());
    for (record, invite) in records.iter().zip(directory.invites()) {
        let bare = contract_part(record, &["role_names", "workspace_names"]);
        assert_eq!(bare, serde_json::to_value(invite).unwrap());
    }
    let contractor = records
        .iter()
        .find(|r| r["email"] == "jane.contractor@agency.example")
        .unwrap();
    assert_eq!(
        contractor["workspace_names"],
        json!(["Product & Design", "Marketing — Q3 Launch"])
    );
    assert_eq!(
        column(&invites.csv, "status")
            .iter()
            .filter(|s| *s == "expired")
            .count(),
        2
    );
}

#[tokio::test]
async fn keys_are_the_servers_list_with_a_status() {
    let s = Scripted::demo().await;
    let keys = s.api.list_all_api_keys().await.unwrap();
    let f = formats(&s, &["get", "keys"]).await;
    let bare: Vec<Value> = f
        .json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| contract_part(r, &["status"]))
        .collect();
    assert_eq!(Value::Array(bare), serde_json::to_value(&keys).unwrap());
    let statuses = column(&f.csv, "status");
    assert!(
        statuses.contains(&"expired".to_owned())
            && statuses.contains(&"workspace archived".to_owned()),
        "{statuses:?}"
    );
    let records = f.json.as_array().unwrap();
    assert!(
        records.iter().all(|r| r["key"].is_null()),
        "no key material in a listing"
    );
    // The keys of an archived workspace are listed by its name.
    let archived = &s.api.list_all_workspaces(true).await.unwrap()[0];
    let run = s
        .run(&["get", "keys", "--workspace", &archived.name, "-o", "json"])
        .await
        .ok();
    let listed = run.json();
    let expected = keys
        .iter()
        .filter(|k| k.workspace_id == Some(archived.uuid))
        .count();
    assert_eq!(listed.as_array().unwrap().len(), expected, "{run:#?}");
}

#[tokio::test]
async fn the_audit_log_names_actors_targets_and_workspaces() {
    let s = Scripted::demo().await;
    let query = AuditQuery {
        limit: Some(30),
        ..AuditQuery::default()
    };
    let entries = s.api.audit_logs(&query).await.unwrap();
    let f = formats(&s, &["get", "audit", "--limit", "30"]).await;
    let records = f.json.as_array().unwrap();
    assert_eq!(records.len(), 30);
    for (record, entry) in records.iter().zip(&entries) {
        let bare = contract_part(record, &["actor_name", "target_name", "workspace_name"]);
        assert_eq!(bare, serde_json::to_value(entry).unwrap());
    }
    let in_workspaces: Vec<&Value> = records
        .iter()
        .filter(|r| !r["workspace_uuid"].is_null())
        .collect();
    assert!(!in_workspaces.is_empty());
    for record in in_workspaces {
        assert!(record["workspace_name"].is_string(), "{record}");
    }
    assert!(
        column(&f.csv, "actor")
            .iter()
            .any(|a| a.ends_with("@northwind.example"))
    );
}

#[tokio::test]
async fn the_audit_log_of_one_workspace_keeps_what_happened_in_or_to_it() {
    let s = Scripted::demo().await;
    let research = workspace_id(&s.api, "Research").await;
    let query = AuditQuery {
        limit: Some(1000),
        ..AuditQuery::default()
    };
    let expected: Vec<i64> = s
        .api
        .audit_logs(&query)
        .await
        .unwrap()
        .iter()
        .filter(|e| concerns_workspace(e, research))
        .map(|e| e.log_id)
        .collect();
    assert!(expected.len() > 5, "the demo has a history in Research");
    let ids = async |extra: &[&str]| -> Vec<i64> {
        let args = [
            &["get", "audit", "--workspace", "research", "-o", "json"],
            extra,
        ]
        .concat();
        let records = s.run(&args).await.ok().json();
        records
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["log_id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        ids(&[]).await,
        expected,
        "all of it, within the default 100"
    );
    assert_eq!(
        ids(&["--limit", "5"]).await,
        expected[..5],
        "the newest five"
    );
    let unknown = s
        .run(&["get", "audit", "--workspace", "Nowhere"])
        .await
        .expect(3);
    assert!(unknown.stderr.contains("Nowhere"), "{unknown:#?}");
}

#[tokio::test]
async fn roles_spend_and_the_organization_are_one_document_each() {
    let s = Scripted::demo().await;
    let roles = formats(&s, &["get", "roles"]).await;
    assert_eq!(
        roles.json,
        serde_json::to_value(s.api.roles().await.unwrap()).unwrap()
    );
    assert_eq!(
        roles.jsonl.len(),
        3 + 11,
        "three organization roles, eleven workspace roles"
    );
    assert_eq!(column(&roles.csv, "scope")[0], "organization");

    let spend = formats(&s, &["get", "spend"]).await;
    let limits = s.api.spend_limit().await.unwrap();
    assert_eq!(
        contract_part(&spend.json, &["workspace_caps"]),
        serde_json::to_value(&limits).unwrap()
    );
    let caps = spend.json["workspace_caps"].as_array().unwrap();
    assert_eq!(
        caps.len(),
        spend.jsonl.len() - 1,
        "one row for the organization, one per cap"
    );
    assert!(
        spend.table.stdout.contains("Northwind Labs"),
        "{}",
        spend.table.stdout
    );

    let org = formats(&s, &["get", "organization"]).await;
    let local = s.api.local_organization().await.unwrap().unwrap();
    assert_eq!(org.json, serde_json::to_value(&local).unwrap());
    assert_eq!(column(&org.csv, "plan"), ["Enterprise"]);
}

#[tokio::test]
async fn each_view_filters_as_the_console_does() {
    let s = Scripted::demo().await;
    let directory = s.api.load_directory().await.unwrap();
    let admins = s
        .run(&[
            "get",
            "members",
            "-A",
            "--role",
            "workspace_admin",
            "-o",
            "json",
        ])
        .await
        .ok()
        .json();
    let expected: usize = s
        .api
        .list_all_workspaces(false)
        .await
        .unwrap()
        .iter()
        .map(|w| {
            directory
                .workspace_members(w.uuid)
                .iter()
                .filter(|m| m.roles.contains(&"workspace_admin".to_owned()))
                .count()
        })
        .sum();
    assert_eq!(admins.as_array().unwrap().len(), expected);

    let org_admins = s
        .run(&[
            "get",
            "people",
            "--role",
            "organization_admin",
            "-o",
            "jsonl",
        ])
        .await
        .ok()
        .jsonl();
    assert!(org_admins.iter().all(|p| {
        p["role_names"]
            .as_array()
            .unwrap()
            .contains(&json!("organization_admin"))
    }));
    assert_eq!(org_admins.len(), 2);

    let expired = s
        .run(&["get", "invites", "--expired", "-o", "json"])
        .await
        .ok()
        .json();
    assert!(
        expired
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["expired"] == true)
    );

    let keys = s.api.list_all_api_keys().await.unwrap();
    let never = s
        .run(&["get", "keys", "--never-expires", "-o", "json"])
        .await
        .ok()
        .json();
    let never = never.as_array().unwrap();
    assert_eq!(
        never.len(),
        keys.iter().filter(|k| k.expiration_date.is_none()).count()
    );
    assert!(never.iter().all(|k| k["expiration_date"].is_null()));

    let created = s
        .run(&[
            "get",
            "audit",
            "--action",
            "workspace.create",
            "--limit",
            "1000",
            "-o",
            "json",
        ])
        .await
        .ok()
        .json();
    let created = created.as_array().unwrap();
    assert!(
        !created.is_empty()
            && created
                .iter()
                .all(|e| e["event_type"] == "workspace.create")
    );

    let by_camille = s
        .run(&[
            "get",
            "audit",
            "--actor",
            "camille.laurent@northwind.example",
            "--since",
            "2000-01-01",
            "-o",
            "json",
        ])
        .await
        .ok()
        .json();
    let by_camille = by_camille.as_array().unwrap();
    assert!(
        !by_camille.is_empty()
            && by_camille
                .iter()
                .all(|e| e["actor_name"] == "camille.laurent@northwind.example")
    );
}
