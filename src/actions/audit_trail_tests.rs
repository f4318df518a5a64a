//! Unit tests of the audit trail: names instead of ids, the filters, and both export formats.

use std::collections::BTreeMap;

use time::macros::datetime;

use super::*;
use crate::actions::fixtures::*;

fn entry(log_id: i64, actor: &[(&str, &str)], event: &str, target: &[(&str, &str)]) -> AuditLogOut {
    let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    AuditLogOut {
        created_at: datetime!(2026-06-01 10:00 UTC) + time::Duration::minutes(log_id),
        actor_type: "HUMAN".into(),
        actor_metadata: map(actor),
        event_type: event.into(),
        event_metadata: BTreeMap::new(),
        target_type: "WORKSPACE".into(),
        target_metadata: map(target),
        log_id,
        organization_uuid: None,
        workspace_uuid: None,
    }
}

fn names() -> AuditNames {
    AuditNames::new(&directory(), &workspaces(), &keys())
}

#[test]
fn actors_and_targets_are_named_not_numbered() {
    let zoe = id(ZOE).to_string();
    let research = id(RESEARCH).to_string();
    let by_zoe = entry(
        1,
        &[("user_uuid", &zoe), ("email", "zoe@northwind.example")],
        "workspace.update",
        &[("workspace_uuid", &research)],
    );
    assert_eq!(names().actor(&by_zoe), "Zoë Ångström");
    assert_eq!(names().target(&by_zoe), "Research");
    let by_key = entry(
        2,
        &[("api_key_name", "ops")],
        "user.delete",
        &[("email", "left@x.example")],
    );
    assert_eq!(names().actor(&by_key), "key ops");
    assert_eq!(names().target(&by_key), "left@x.example");
    assert_eq!(row(&by_zoe, &names())[0], "2026-06-01 10:01:00");
}

#[test]
fn filters_cut_the_trail_by_person_actor_action_window_and_workspace() {
    let zoe = id(ZOE).to_string();
    let research = id(RESEARCH).to_string();
    let mut in_research = entry(
        1,
        &[("user_uuid", &zoe)],
        "workspace.update",
        &[("workspace_uuid", &research)],
    );
    in_research.workspace_uuid = Some(id(RESEARCH));
    let elsewhere = entry(2, &[("api_key_name", "ops")], "user.delete", &[]);
    let now = datetime!(2026-06-01 12:00 UTC);
    let n = names();
    let keeps = |f: &AuditFilter| -> Vec<i64> {
        [&in_research, &elsewhere]
            .iter()
            .filter(|e| f.keeps(e, &n, now))
            .map(|e| e.log_id)
            .collect()
    };
    assert_eq!(keeps(&AuditFilter::default()), [1, 2]);
    assert_eq!(keeps(&AuditFilter::person(id(ZOE))), [1]);
    assert_eq!(keeps(&AuditFilter::workspace(id(RESEARCH))), [1]);
    let by_key = AuditFilter {
        actor: Some("key ops".into()),
        ..AuditFilter::default()
    };
    assert_eq!(keeps(&by_key), [2]);
    let deletions = AuditFilter {
        action: Some("user.delete".into()),
        ..AuditFilter::default()
    };
    assert_eq!(keeps(&deletions), [2]);
    let later = datetime!(2026-06-05 12:00 UTC);
    let day = AuditFilter {
        window: Window::Day,
        ..AuditFilter::default()
    };
    assert!(!day.keeps(&in_research, &n, later));
    let query = AuditFilter::person(id(ZOE)).query(now, 100);
    assert_eq!(query.actor_user_uuid, Some(id(ZOE)));
    assert_eq!(query.limit, Some(100));
}

#[test]
fn exports_hold_what_the_view_shows() {
    let zoe = id(ZOE).to_string();
    let tricky = entry(
        3,
        &[("user_uuid", &zoe)],
        "workspace.update",
        &[("name", "=SUM(A1), \"x\"")],
    );
    let n = names();
    let csv = export(&[&tricky], &n, ExportFormat::Csv);
    assert_eq!(
        csv,
        "time,actor,action,target,log_id\n2026-06-01 10:03:00,Zoë Ångström,workspace.update,\"'=SUM(A1), \"\"x\"\"\",3\n"
    );
    let jsonl = export(&[&tricky], &n, ExportFormat::JsonLines);
    let line: Value = serde_json::from_str(jsonl.trim()).unwrap();
    assert_eq!(line["actor_name"], "Zoë Ångström");
    assert_eq!(line["log_id"], 3);
    assert_eq!(ExportFormat::for_path("out/trail.CSV"), ExportFormat::Csv);
    assert_eq!(
        ExportFormat::for_path("trail.jsonl"),
        ExportFormat::JsonLines
    );
}
