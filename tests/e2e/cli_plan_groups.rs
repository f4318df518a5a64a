//! `plan`, `apply` and `undo` where roles come through groups. The server reports a member's
//! own roles united with their groups', so a plan must neither promise to take away what a
//! group gives (apply would report success and change nothing, and the plan would never
//! settle) nor lose what a group stops giving; every outcome is checked through the Admin API.

use mistral_admin::domain::org::Organization;
use mistral_admin::domain::roles::normalize_workspace_role_names;

use crate::cli_plan_apply::{change_lines, export, roles_in, run_file, save};
use crate::support::cli::{Run, Scripted};
use crate::support::pty::workspace_id;

/// Someone who holds dev in Research through Evaluation, which is nested inside Research
/// Engineers (the group assigned to Research), with their roles there in total.
fn evaluator(org: &Organization) -> (String, Vec<String>) {
    let group = |name: &str| org.groups.iter().find(|g| g.name == name).unwrap();
    let engineers = group("Research Engineers");
    let only = group("Evaluation")
        .members
        .iter()
        .find(|m| !engineers.members.contains(m))
        .expect("someone in Evaluation alone")
        .clone();
    let research = org
        .workspaces
        .iter()
        .find(|w| w.name == "Research")
        .unwrap();
    let roles = research.members[&only].clone();
    assert!(roles.contains(&"dev".to_owned()), "{roles:?}");
    (only, roles)
}

fn without_the_assignment(org: &mut Organization) {
    let engineers = org
        .groups
        .iter_mut()
        .find(|g| g.name == "Research Engineers")
        .unwrap();
    assert!(engineers.workspaces.remove("Research").is_some());
}

#[tokio::test]
async fn what_a_group_gives_is_kept_and_said_not_planned_away() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let (evaluator, held) = evaluator(&org);
    let finance = org.groups.iter().find(|g| g.name == "Finance").unwrap();
    let billing = finance.members[0].clone();
    let research = org
        .workspaces
        .iter_mut()
        .find(|w| w.name == "Research")
        .unwrap();
    let own: Vec<String> = held.iter().filter(|r| *r != "dev").cloned().collect();
    match own.is_empty() {
        true => research.members.remove(&evaluator),
        false => research.members.insert(evaluator.clone(), own),
    };
    let person = org.people.iter_mut().find(|p| p.email == billing).unwrap();
    person.roles.retain(|r| r != "billing_manager");
    save(&path, &org);

    let plan = plans_nothing(&s, &path, "a group's role is not planned away").await;
    for note in [
        format!(
            "note: {evaluator} keeps dev in \"Research\" through the group \"Research Engineers\""
        ),
        format!("note: person {billing} keeps billing_manager through the group \"Finance\""),
    ] {
        assert!(plan.stdout.contains(&note), "{note}\n{plan:#?}");
    }
    assert_eq!(roles_in(&s, "Research", &evaluator).await, Some(held));
}

#[tokio::test]
async fn a_group_leaving_a_workspace_settles_in_one_apply_and_undoes() {
    let s = Scripted::demo().await;
    let (path, original) = export(&s, "org.toml").await;
    let (evaluator, held) = evaluator(&original);
    let held_text = held.join(", ");
    let mut org = original.clone();
    without_the_assignment(&mut org);
    save(&path, &org);

    // Still listed with dev: once the group no longer gives it, it is their own.
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    let lines = change_lines(&plan);
    assert!(
        lines.contains(&format!(
            "~ \"Research\" member {evaluator}: {held_text} -> {held_text} (all of their own)"
        )),
        "{plan:#?}"
    );
    assert!(
        plan.stdout
            .contains("as their own roles: a group gives them now and will not once applied"),
        "{plan:#?}"
    );
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert_eq!(
        roles_in(&s, "Research", &evaluator).await,
        Some(held.clone())
    );
    plans_nothing(&s, &path, "one apply settles it").await;

    s.run(&["undo", "--yes"]).await.ok();
    let back = s.home().join("original.toml");
    save(&back, &original);
    plans_nothing(&s, &back, "undo restores the group and the roles").await;

    // Left out of the file as well: they leave Research with the group.
    let research = org
        .workspaces
        .iter_mut()
        .find(|w| w.name == "Research")
        .unwrap();
    research.members.remove(&evaluator);
    save(&path, &org);
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    assert!(
        change_lines(&plan).contains(&format!("- \"Research\" member {evaluator} ({held_text})")),
        "{plan:#?}"
    );
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert_eq!(roles_in(&s, "Research", &evaluator).await, None);
    run_file(&s, &["plan"], &path).await.ok();
}

/// Takes the group `name` out of the workspace `place` through the Admin API.
async fn unassign(s: &Scripted, name: &str, place: &str) {
    let groups = s.api.list_all_groups().await.unwrap();
    let group = groups.iter().find(|g| g.name == name).unwrap().uuid;
    let place = workspace_id(&s.api, place).await;
    s.api
        .remove_group_from_workspace(group, place)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_role_added_beside_a_groups_leaves_the_groups_role_with_the_group() {
    let s = Scripted::demo().await;
    let (path, original) = export(&s, "org.toml").await;
    let (evaluator, held) = evaluator(&original);
    assert!(
        !held.contains(&"observability_viewer".to_owned()),
        "{held:?}"
    );
    let mut org = original.clone();
    let research = org
        .workspaces
        .iter_mut()
        .find(|w| w.name == "Research")
        .unwrap();
    let listed = research.members.get_mut(&evaluator).unwrap();
    listed.push("observability_viewer".into());
    save(&path, &org);

    // The line says what they hold before and after, and that dev stays the group's.
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    let line = change_lines(&plan)
        .into_iter()
        .find(|l| l.contains(&evaluator))
        .unwrap_or_else(|| panic!("{plan:#?}"));
    let mut total = held.clone();
    total.push("observability_viewer".into());
    let total = normalize_workspace_role_names(total);
    let (before, after) = (held.join(", "), total.join(", "));
    let prefix = format!("~ \"Research\" member {evaluator}: {before} -> {after} (their own: ");
    assert!(
        line.starts_with(&prefix)
            && line.ends_with(
                "; the rest through groups; if dev was also their own, it no longer is)"
            ),
        "{line}"
    );
    let own = &line[prefix.len()..line.find("; the rest").unwrap()];
    assert!(!own.contains("dev"), "dev stays the group's: {line}");
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert_eq!(roles_in(&s, "Research", &evaluator).await, Some(total));
    plans_nothing(&s, &path, "one apply settles it").await;

    // Undo brings back what they held, and the original file matches again.
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(
        roles_in(&s, "Research", &evaluator).await,
        Some(held.clone())
    );
    let back = s.home().join("original.toml");
    save(&back, &original);
    run_file(&s, &["plan"], &back).await.ok();

    // Applied again, dev is still only the group's: taking the group out of Research takes
    // it away, as it did before the file was applied.
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    unassign(&s, "Research Engineers", "Research").await;
    let left = roles_in(&s, "Research", &evaluator).await.unwrap();
    assert!(!left.contains(&"dev".to_owned()), "{left:?}");
    assert!(
        left.contains(&"observability_viewer".to_owned()),
        "{left:?}"
    );
}

#[tokio::test]
async fn a_group_deletion_skipped_without_allow_destroy_changes_nobody_run_after_run() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let finance = org.groups.iter_mut().find(|g| g.name == "Finance").unwrap();
    finance.delete = true;
    let billing = finance.members[0].clone();
    save(&path, &org);

    // As plain apply will run it: the group stays and keeps giving, so nobody changes.
    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    assert_eq!(
        change_lines(&plan),
        ["- group \"Finance\": delete (cannot be undone)"],
        "{plan:#?}"
    );
    // With --allow-destroy the group goes, and its member keeps the role as their own.
    let destroying = run_file(&s, &["plan", "--allow-destroy"], &path)
        .await
        .expect(6);
    assert!(
        change_lines(&destroying)
            .iter()
            .any(|l| l.starts_with(&format!("~ person {billing}:"))
                && l.ends_with("(all of their own)")),
        "{destroying:#?}"
    );

    for _ in 0..2 {
        let apply = run_file(&s, &["apply", "--yes"], &path).await.expect(6);
        assert!(
            apply.stderr.contains("Applied 0 change(s)"),
            "nothing re-sent: {apply:#?}"
        );
    }
    let journal = s.run(&["journal", "-o", "json"]).await.ok().json();
    assert_eq!(journal, serde_json::json!([]), "no entry: {journal:#}");
    let groups = s.api.list_all_groups().await.unwrap();
    assert!(groups.iter().any(|g| g.name == "Finance"), "not deleted");
}

#[tokio::test]
async fn deleting_a_group_another_kept_group_is_nested_in_cannot_be_applied() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let evaluation = org.groups.iter().find(|g| g.name == "Evaluation").unwrap();
    assert_eq!(evaluation.nested_in, ["Research Engineers"]);
    let engineers = org
        .groups
        .iter_mut()
        .find(|g| g.name == "Research Engineers")
        .unwrap();
    engineers.delete = true;
    save(&path, &org);
    let before = s.last_audit_id().await;

    let plan = run_file(&s, &["plan", "--allow-destroy"], &path)
        .await
        .expect(3);
    assert!(
        plan.stdout.contains(
            "cannot: group \"Evaluation\" is nested inside \"Research Engineers\", which the file deletes:"
        ),
        "{plan:#?}"
    );
    run_file(&s, &["apply", "--yes", "--allow-destroy"], &path)
        .await
        .expect(3);
    assert!(s.audit_since(before).await.is_empty(), "nothing was sent");
    // Without --allow-destroy the group stays, and so does the nesting.
    run_file(&s, &["plan"], &path).await.expect(6);

    // A file that also ends the nesting applies whole and settles.
    let evaluation = org
        .groups
        .iter_mut()
        .find(|g| g.name == "Evaluation")
        .unwrap();
    evaluation.nested_in.clear();
    save(&path, &org);
    run_file(&s, &["apply", "--yes", "--allow-destroy"], &path)
        .await
        .ok();
    plans_nothing(&s, &path, "one apply settles it").await;
}

/// `plan` finds the organization matching the file at `path` (`why` says why it should);
/// gives the run, for its notes.
async fn plans_nothing(s: &Scripted, path: &std::path::Path, why: &str) -> Run {
    let plan = run_file(s, &["plan"], path).await.ok();
    assert!(
        plan.stdout
            .contains("No changes: the organization matches the file."),
        "{why}: {plan:#?}"
    );
    plan
}
