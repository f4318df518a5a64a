//! `export`, `plan`, `apply`, `undo` and `journal` as a script runs them, against the demo
//! organizations on a local server; every change checked through the Admin API.

use std::path::{Path, PathBuf};

use mistral_admin::api::{NewUsageLimitIn, WorkspaceMemberSingleIn};
use mistral_admin::domain::WorkspaceRole;
use mistral_admin::domain::org::{Limit, Organization, Workspace};

use crate::support::cli::{Run, Scripted};
use crate::support::pty::workspace_id;

/// Writes the export to a file in the test's home and reads it back as the plan engine does.
pub(crate) async fn export(s: &Scripted, name: &str) -> (PathBuf, Organization) {
    let text = s.run(&["export"]).await.ok().stdout;
    let path = s.home().join(name);
    std::fs::write(&path, &text).unwrap();
    (path, toml::from_str(&text).expect("the export reads back"))
}

pub(crate) fn save(path: &Path, org: &Organization) {
    std::fs::write(path, toml::to_string(org).unwrap()).unwrap();
}

pub(crate) async fn run_file(s: &Scripted, command: &[&str], path: &Path) -> Run {
    let mut args = command.to_vec();
    let path = path.to_str().unwrap();
    args.insert(1, path);
    s.run(&args).await
}

/// The change lines a plan printed.
pub(crate) fn change_lines(run: &Run) -> Vec<String> {
    run.stdout
        .lines()
        .filter(|l| l.starts_with("  + ") || l.starts_with("  ~ ") || l.starts_with("  - "))
        .map(|l| l.trim().to_owned())
        .collect()
}

/// Emails of people who reach `workspace` through a group (their roles there are not only
/// their own, so a file cannot take them away).
async fn grouped(s: &Scripted) -> Vec<String> {
    let mut emails = Vec::new();
    for group in s.api.list_all_groups().await.unwrap() {
        for member in s.api.list_all_group_members(group.uuid).await.unwrap() {
            emails.extend(member.email);
        }
    }
    emails
}

fn workspace<'a>(org: &'a mut Organization, name: &str) -> &'a mut Workspace {
    org.workspaces
        .iter_mut()
        .find(|w| w.name == name && !w.archived)
        .unwrap()
}

/// Two members of Research who hold no role there through a group and are neither its
/// admins nor plain `user`s (the role the tests give), and someone not in Research.
async fn cast(s: &Scripted, org: &Organization) -> (String, String, String) {
    let grouped = grouped(s).await;
    let research = org
        .workspaces
        .iter()
        .find(|w| w.name == "Research")
        .unwrap();
    let own: Vec<&String> = research
        .members
        .iter()
        .filter(|(e, r)| {
            !grouped.contains(e) && !r.contains(&"workspace_admin".to_owned()) && **r != ["user"]
        })
        .map(|(e, _)| e)
        .collect();
    let outsider = org
        .people
        .iter()
        .find(|p| !research.members.contains_key(&p.email) && !grouped.contains(&p.email))
        .unwrap();
    (own[0].clone(), own[1].clone(), outsider.email.clone())
}

pub(crate) async fn roles_in(s: &Scripted, workspace: &str, email: &str) -> Option<Vec<String>> {
    let id = workspace_id(&s.api, workspace).await;
    let directory = s.api.load_directory().await.unwrap();
    directory
        .workspace_members(id)
        .into_iter()
        .find(|m| m.user.email.as_deref() == Some(email))
        .map(|m| m.roles)
}

#[tokio::test]
async fn an_export_plans_no_changes_and_an_edited_one_applies_and_undoes() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let again = s.run(&["export"]).await.ok().stdout;
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        again,
        "the same bytes twice"
    );
    assert!(!again.contains(&s.key), "no key material");
    let plan = run_file(&s, &["plan"], &path).await.ok();
    assert!(
        plan.stdout
            .ends_with("No changes: the organization matches the file.\n"),
        "{plan:#?}"
    );
    let yaml = s.run(&["export", "-o", "yaml"]).await.ok().stdout;
    let yaml_path = s.home().join("org.yaml");
    std::fs::write(&yaml_path, yaml).unwrap();
    run_file(&s, &["plan"], &yaml_path).await.ok();

    let (changed, removed, newcomer) = cast(&s, &org).await;
    let research = workspace(&mut org, "Research");
    research
        .members
        .insert(changed.clone(), vec!["user".into()]);
    research
        .members
        .insert(newcomer.clone(), vec!["dev".into()]);
    let removed_roles = research.members.remove(&removed).unwrap();
    org.workspaces.push(Workspace {
        name: "Lab".into(),
        icon: "🧪".into(),
        members: [(newcomer.clone(), vec!["workspace_admin".to_owned()])].into(),
        ..Workspace::default()
    });
    save(&path, &org);
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    let before = roles_in(&s, "Research", &changed).await.unwrap();
    let mut lines = change_lines(&plan);
    lines.sort();
    let mut expected = vec![
        format!("+ workspace \"Lab\": create, with {newcomer} as its admin and 1 member(s)"),
        format!(
            "~ \"Research\" member {changed}: {} -> user",
            before.join(", ")
        ),
        format!("+ \"Research\" member {newcomer}: dev"),
        format!(
            "- \"Research\" member {removed} ({})",
            removed_roles.join(", ")
        ),
    ];
    expected.sort();
    assert_eq!(lines, expected, "{plan:#?}");
    assert!(
        plan.stdout
            .contains("4 change(s): 2 to add, 1 to change, 1 to remove.")
    );

    let audit = s.last_audit_id().await;
    let apply = run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert_eq!(apply.stdout.matches("applied: ").count(), 4, "{apply:#?}");
    assert_eq!(
        roles_in(&s, "Research", &changed).await,
        Some(vec!["user".to_owned()])
    );
    assert_eq!(
        roles_in(&s, "Research", &newcomer).await,
        Some(vec!["dev".to_owned()])
    );
    assert_eq!(roles_in(&s, "Research", &removed).await, None);
    assert_eq!(
        roles_in(&s, "Lab", &newcomer).await,
        Some(vec!["workspace_admin".to_owned()])
    );
    assert!(
        s.audit_since(audit)
            .await
            .contains(&"workspace.create".to_owned())
    );
    run_file(&s, &["plan"], &path).await.ok();

    let journal = s.run(&["journal"]).await.ok();
    assert!(journal.stdout.starts_with("#1  "), "{journal:#?}");
    assert!(
        journal
            .stdout
            .contains("[cannot be undone: a new workspace"),
        "{journal:#?}"
    );
    let undo = s.run(&["undo", "--yes"]).await.ok();
    assert!(
        undo.stdout
            .contains("cannot be undone: workspace \"Lab\": create"),
        "{undo:#?}"
    );
    assert_eq!(roles_in(&s, "Research", &changed).await, Some(before));
    assert_eq!(roles_in(&s, "Research", &newcomer).await, None);
    assert_eq!(
        roles_in(&s, "Research", &removed).await,
        Some(removed_roles)
    );
    assert!(
        workspace_id(&s.api, "Lab").await != uuid::Uuid::nil(),
        "Lab stays"
    );
    let nothing = s.run(&["undo", "--yes"]).await.ok();
    assert!(
        nothing.stderr.starts_with("Nothing to undo"),
        "{nothing:#?}"
    );
    let journal = s.run(&["journal", "-o", "json"]).await.ok().json();
    assert_eq!(journal[1]["undoes"], 1);
}

#[tokio::test]
async fn destructive_lines_wait_for_the_file_and_allow_destroy() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    workspace(&mut org, "Mobile App").archived = true;
    let leaver = org
        .people
        .iter()
        .position(|p| p.roles == ["member"])
        .unwrap();
    let gone = org.people.remove(leaver).email;
    save(&path, &org);
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    assert!(
        plan.stdout
            .contains("- workspace \"Mobile App\": archive (cannot be undone)")
    );
    assert!(plan.stdout.contains(&format!(
        "- person {gone}: not in the file (to remove them, list them with remove = true)"
    )));

    let audit = s.last_audit_id().await;
    let read_only = run_file(
        &s,
        &["apply", "--yes", "--allow-destroy", "--read-only"],
        &path,
    )
    .await
    .expect(4);
    assert!(
        read_only.stderr.contains("nothing was applied"),
        "{read_only:#?}"
    );
    assert!(
        s.audit_since(audit).await.is_empty(),
        "read-only sends nothing"
    );

    let apply = run_file(&s, &["apply", "--yes"], &path).await.expect(6);
    assert!(
        apply.stdout.contains("skipped: - workspace \"Mobile App\": archive (cannot be undone) (destructive: needs --allow-destroy)"),
        "{apply:#?}"
    );
    assert!(
        apply
            .stderr
            .contains("2 change(s) skipped and still pending"),
        "{apply:#?}"
    );
    workspace_id(&s.api, "Mobile App").await;

    let apply = run_file(&s, &["apply", "--yes", "--allow-destroy"], &path)
        .await
        .expect(6);
    assert!(
        apply.stdout.contains("applied: - workspace \"Mobile App\""),
        "{apply:#?}"
    );
    assert!(
        apply
            .stdout
            .contains("(the file only leaves it out; say so in the file to do it)")
    );
    let archived = s.api.list_all_workspaces(true).await.unwrap();
    assert!(archived.iter().any(|w| w.name == "Mobile App"));
    let directory = s.api.load_directory().await.unwrap();
    assert!(
        directory
            .members()
            .iter()
            .any(|m| m.email.as_deref() == Some(gone.as_str())),
        "still a member"
    );
}

#[tokio::test]
async fn a_refused_step_stops_the_run_with_an_exact_report_and_a_second_apply_finishes() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    org.monthly_spend_limit = None;
    workspace(&mut org, "Mobile App").monthly_spend_cap = Some(Limit::Amount(3000));
    let (changed, _, newcomer) = cast(&s, &org).await;
    workspace(&mut org, "Research")
        .members
        .insert(changed.clone(), vec!["user".into()]);
    org.workspaces.push(Workspace {
        name: "Lab".into(),
        members: [(newcomer.clone(), vec!["workspace_admin".to_owned()])].into(),
        ..Workspace::default()
    });
    save(&path, &org);
    let lower = |amount| NewUsageLimitIn {
        amount,
        no_monthly_limit: false,
    };
    s.api.set_spend_limit(&lower(1000)).await.unwrap();

    let apply = run_file(&s, &["apply", "--yes"], &path).await.expect(3);
    let report = &apply.stderr;
    assert!(
        report.contains("Stopped at ~ workspace \"Mobile App\" monthly_spend_cap: "),
        "{apply:#?}"
    );
    assert!(
        report.contains("cannot exceed the organization's monthly limit"),
        "{apply:#?}"
    );
    assert!(
        report.contains("Applied before it (1):\n  + workspace \"Lab\""),
        "{apply:#?}"
    );
    assert!(
        report.contains(&format!("~ \"Research\" member {changed}")),
        "{apply:#?}"
    );
    assert!(report.contains("Run apply again to finish"), "{apply:#?}");
    workspace_id(&s.api, "Lab").await;
    assert_ne!(
        roles_in(&s, "Research", &changed).await,
        Some(vec!["user".to_owned()])
    );

    s.api.set_spend_limit(&lower(5000)).await.unwrap();
    let again = run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert!(
        !again.stdout.contains("+ workspace \"Lab\""),
        "Lab is not made twice: {again:#?}"
    );
    assert_eq!(
        roles_in(&s, "Research", &changed).await,
        Some(vec!["user".to_owned()])
    );
    let mobile = workspace_id(&s.api, "Mobile App").await;
    let settings = s.api.workspace_settings(mobile).await.unwrap().unwrap();
    assert_eq!(settings.monthly_spend_cap, Some(3000));
    run_file(&s, &["plan"], &path).await.ok();
    let journal = s.run(&["journal", "-o", "json"]).await.ok().json();
    assert!(
        journal[0]["stopped"]
            .as_str()
            .unwrap()
            .starts_with("Stopped at")
    );
}

#[tokio::test]
async fn undo_shows_a_conflict_instead_of_overwriting_another_clients_change() {
    let s = Scripted::demo().await;
    let (_, org) = export(&s, "org.toml").await;
    let (changed, _, _) = cast(&s, &org).await;
    let before = roles_in(&s, "Research", &changed).await.unwrap();
    s.run(&[
        "members",
        "set-roles",
        "Research",
        &changed,
        "--role",
        "workspace_admin",
    ])
    .await
    .ok();
    let research = workspace_id(&s.api, "Research").await;
    let user = s
        .api
        .load_directory()
        .await
        .unwrap()
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some(changed.as_str()))
        .unwrap()
        .uuid;
    let other = |role: WorkspaceRole| {
        vec![WorkspaceMemberSingleIn {
            role_names: Some(vec![role]),
            roles: None,
            role_name: None,
            role: None,
            user_uuid: user,
        }]
    };
    s.api
        .upsert_workspace_members(research, &other(WorkspaceRole::User))
        .await
        .unwrap();

    let audit = s.last_audit_id().await;
    let read_only = s.run(&["undo", "--yes", "--read-only"]).await.expect(4);
    assert!(
        read_only.stderr.contains("nothing was undone"),
        "{read_only:#?}"
    );
    let undo = s.run(&["undo", "--yes"]).await.expect(3);
    assert!(
        undo.stderr.contains(&format!(
            "conflict: \"Research\" member {changed}: workspace_admin -> {}: {changed} has user in \"Research\" now, not workspace_admin",
            before.join(", ")
        )),
        "{undo:#?}"
    );
    assert!(undo.stderr.contains("nothing was undone"), "{undo:#?}");
    assert!(s.audit_since(audit).await.is_empty(), "nothing was sent");
    assert_eq!(
        roles_in(&s, "Research", &changed).await,
        Some(vec!["user".to_owned()])
    );

    s.api
        .upsert_workspace_members(research, &other(WorkspaceRole::WorkspaceAdmin))
        .await
        .unwrap();
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(roles_in(&s, "Research", &changed).await, Some(before));
    let no_terminal = s
        .run(&[
            "members",
            "set-roles",
            "Research",
            &changed,
            "--role",
            "dev",
        ])
        .await
        .ok();
    assert!(no_terminal.stderr.contains("Changed the roles"));
    let refused = s.run(&["undo"]).await.expect(2);
    assert!(refused.stderr.contains("give --yes"), "{refused:#?}");
}

#[tokio::test]
async fn a_file_that_cannot_be_read_or_applied_says_why_and_changes_nothing() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let before = s.last_audit_id().await;
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("name = ", "nmae = ", 1)).unwrap();
    let unreadable = run_file(&s, &["plan"], &path).await.expect(2);
    assert!(
        unreadable.stderr.contains("is not an organization file"),
        "{unreadable:#?}"
    );
    assert!(
        unreadable.stderr.contains("unknown field `nmae`"),
        "{unreadable:#?}"
    );

    let (changed, _, _) = cast(&s, &org).await;
    workspace(&mut org, "Research")
        .members
        .insert(changed.clone(), vec!["owner".into()]);
    org.people.push(mistral_admin::domain::org::Person {
        email: "stranger@example.com".into(),
        roles: vec!["member".into()],
        ..Default::default()
    });
    save(&path, &org);
    let plan = run_file(&s, &["plan"], &path).await.expect(3);
    assert!(
        plan.stdout.contains(&format!(
            "cannot: {changed} in workspace \"Research\": no role \"owner\"; the roles are billing,"
        )),
        "{plan:#?}"
    );
    assert!(
        plan.stdout
            .contains("cannot: person stranger@example.com is not a member of the organization")
    );
    let apply = run_file(&s, &["apply", "--yes"], &path).await.expect(3);
    assert!(apply.stderr.contains("nothing was applied"), "{apply:#?}");
    let json = run_file(&s, &["plan", "-o", "json"], &path)
        .await
        .expect(3)
        .json();
    assert_eq!(json["problems"].as_array().unwrap().len(), 2);
    assert_eq!(
        json["lines"][0],
        format!(
            "~ \"Research\" member {changed}: {} -> owner",
            roles_in(&s, "Research", &changed).await.unwrap().join(", ")
        )
    );
    assert!(s.audit_since(before).await.is_empty(), "nothing was sent");
}
