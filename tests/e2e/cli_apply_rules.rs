//! `apply` and `undo` where the server's rules meet a change set: a rename undone together
//! with the other edits of the same workspace, the last organization admin, and a pending
//! invitation the file gives other terms; every outcome checked through the Admin API.

use mistral_admin::api::{AdminOrganizationMemberUpdate, UpdateWorkspaceIn};
use mistral_admin::domain::OrgRole;
use mistral_admin::domain::org::Organization;

use crate::cli_plan_apply::{change_lines, export, run_file, save};
use crate::support::cli::Scripted;
use crate::support::client::pending_invitation;
use crate::support::pty::workspace_id;

/// The name and description of the active workspace with `id`.
async fn name_and_description(s: &Scripted, id: uuid::Uuid) -> (String, String) {
    let workspaces = s.api.list_all_workspaces(false).await.unwrap();
    let found = workspaces.into_iter().find(|w| w.uuid == id).unwrap();
    (found.name, found.description.unwrap_or_default())
}

const RENAME_AND_DESCRIBE: [&str; 7] = [
    "workspace",
    "edit",
    "Research",
    "--name",
    "R&D",
    "--description",
    "Research and development",
];

#[tokio::test]
async fn undo_of_a_rename_with_a_new_description_restores_both() {
    let s = Scripted::demo().await;
    let id = workspace_id(&s.api, "Research").await;
    let before = name_and_description(&s, id).await;
    s.run(&RENAME_AND_DESCRIBE).await.ok();
    assert_eq!(
        name_and_description(&s, id).await,
        ("R&D".to_owned(), "Research and development".to_owned())
    );
    let undo = s.run(&["undo", "--yes"]).await.ok();
    assert!(undo.stderr.contains("Undid #1"), "{undo:#?}");
    assert_eq!(name_and_description(&s, id).await, before);
}

#[tokio::test]
async fn undo_of_a_rename_with_new_settings_restores_them_all() {
    let s = Scripted::demo().await;
    let id = workspace_id(&s.api, "Mobile App").await;
    let settings = || async { s.api.workspace_settings(id).await.unwrap().unwrap() };
    let before = settings().await;
    let edit = [
        "workspace",
        "edit",
        "Mobile App",
        "--name",
        "Mobile",
        "--spend-cap",
        "200",
        "--members-can-create-keys",
        "false",
    ];
    s.run(&edit).await.ok();
    assert_eq!(settings().await.monthly_spend_cap, Some(200));
    let undo = s.run(&["undo", "--yes"]).await.ok();
    assert!(undo.stderr.contains("Undid #1"), "{undo:#?}");
    let after = settings().await;
    assert_eq!(
        (after.monthly_spend_cap, after.members_can_create_api_keys),
        (before.monthly_spend_cap, before.members_can_create_api_keys)
    );
    assert_eq!(
        workspace_id(&s.api, "Mobile App").await,
        id,
        "named as before"
    );
}

#[tokio::test]
async fn an_undo_that_stops_partway_says_what_undo_can_do_not_apply() {
    let s = Scripted::demo().await;
    s.run(&RENAME_AND_DESCRIBE).await.ok();
    // Another client gives the old name to another workspace: the rename back is refused.
    let other = workspace_id(&s.api, "Mobile App").await;
    let taken = UpdateWorkspaceIn {
        name: Some("Research".to_owned()),
        ..UpdateWorkspaceIn::default()
    };
    s.api.update_workspace(other, &taken).await.unwrap();
    let undo = s.run(&["undo", "--yes"]).await.expect(3);
    assert!(
        undo.stderr.contains("Stopped at ~ workspace \"R&D\" name"),
        "{undo:#?}"
    );
    assert!(
        undo.stderr.contains(
            "`mistral-admin undo` (or `:undo`) offers what is listed as not applied: the rest of #1"
        ),
        "{undo:#?}"
    );
    assert!(!undo.stderr.contains("Run apply again"), "{undo:#?}");
}

/// The undo of a rename with new settings gives the settings back, then meets the old name
/// taken: the next undo offers the rest, the rename back, and only that.
#[tokio::test]
async fn an_undo_that_stops_partway_is_resumed_by_the_next_undo() {
    let s = Scripted::demo().await;
    let id = workspace_id(&s.api, "Mobile App").await;
    let edit = [
        "workspace",
        "edit",
        "Mobile App",
        "--name",
        "Mobile",
        "--spend-cap",
        "200",
    ];
    s.run(&edit).await.ok();
    let other = workspace_id(&s.api, "Research").await;
    let rename_other = |name: &str| UpdateWorkspaceIn {
        name: Some(name.to_owned()),
        ..UpdateWorkspaceIn::default()
    };
    s.api
        .update_workspace(other, &rename_other("Mobile App"))
        .await
        .unwrap();
    let undo = s.run(&["undo", "--yes"]).await.expect(3);
    assert!(undo.stderr.contains("Stopped at"), "{undo:#?}");
    let cap = async || s.api.workspace_settings(id).await.unwrap().unwrap();
    assert_ne!(
        cap().await.monthly_spend_cap,
        Some(200),
        "the cap came back"
    );
    let journal = s.run(&["journal"]).await.ok();
    assert!(
        journal
            .stdout
            .contains("(partly undone by #2: undo offers the rest)"),
        "{journal:#?}"
    );

    s.api
        .update_workspace(other, &rename_other("Research"))
        .await
        .unwrap();
    let rest = s.run(&["undo", "--yes"]).await.ok();
    assert!(
        rest.stdout
            .starts_with("Undo the rest of #1 (#2 stopped partway) (command workspace edit, "),
        "{rest:#?}"
    );
    assert_eq!(rest.stdout.matches("\n  ~ ").count(), 1, "{rest:#?}");
    assert_eq!(
        workspace_id(&s.api, "Mobile App").await,
        id,
        "named as before"
    );
    let none = s.run(&["undo", "--yes"]).await.ok();
    assert!(none.stderr.starts_with("Nothing to undo"), "{none:#?}");
}

/// Emails of the people of `org` with `organization_admin`.
fn admins(org: &Organization) -> Vec<String> {
    org.people
        .iter()
        .filter(|p| p.roles.iter().any(|r| r == "organization_admin"))
        .map(|p| p.email.clone())
        .collect()
}

#[tokio::test]
async fn an_admin_only_through_a_group_does_not_keep_the_organization_an_admin() {
    let s = Scripted::demo().await;
    let (_, org) = export(&s, "before.toml").await;
    let now = admins(&org);
    let noah = "noah.muller@northwind.example";
    for args in [
        &["groups", "create", "Admins", "--target", "organization"][..],
        &["groups", "set-role", "Admins", "organization_admin"],
        &["groups", "members", "add", "Admins", noah],
    ] {
        s.run(args).await.ok();
    }
    let (path, mut org) = export(&s, "org.toml").await;
    assert!(
        admins(&org).contains(&noah.to_owned()),
        "an admin through the group"
    );
    for person in org.people.iter_mut().filter(|p| now.contains(&p.email)) {
        person.roles = vec!["member".into()];
    }
    save(&path, &org);
    let before = s.last_audit_id().await;
    let plan = run_file(&s, &["plan"], &path).await.expect(3);
    assert!(
        plan.stdout.contains(&format!(
            "; {noah} has it only through the group \"Admins\", which the server does not count;"
        )),
        "{plan:#?}"
    );
    run_file(&s, &["apply", "--yes"], &path).await.expect(3);
    assert!(s.audit_since(before).await.is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_file_that_leaves_no_organization_admin_cannot_be_applied() {
    let s = Scripted::demo().await;
    let (path, mut org) = export(&s, "org.toml").await;
    let before = s.last_audit_id().await;
    let now = admins(&org);
    assert!(now.len() >= 2, "{now:?}");
    for person in org.people.iter_mut().filter(|p| now.contains(&p.email)) {
        person.roles = vec!["member".into()];
    }
    // The last one removed rather than demoted is the same.
    org.people
        .iter_mut()
        .find(|p| p.email == now[1])
        .unwrap()
        .remove = true;
    save(&path, &org);
    // Without --allow-destroy the removal would be skipped, and that admin stay.
    run_file(&s, &["plan"], &path).await.expect(6);
    let plan = run_file(&s, &["plan", "--allow-destroy"], &path)
        .await
        .expect(3);
    assert!(
        plan.stdout.contains(&format!(
            "cannot: the file leaves no organization_admin of their own: it takes the role from {} and removes {}; the Admin API refuses",
            now[0], now[1]
        )),
        "{plan:#?}"
    );
    let apply = run_file(&s, &["apply", "--yes", "--allow-destroy"], &path)
        .await
        .expect(3);
    assert!(apply.stderr.contains("nothing was applied"), "{apply:#?}");
    assert!(s.audit_since(before).await.is_empty(), "nothing was sent");
    assert_eq!(admins(&export(&s, "after.toml").await.1), now);
}

#[tokio::test]
async fn a_file_that_hands_organization_admin_over_applies_whole() {
    let s = Scripted::demo().await;
    // The new admin sorts after every old one, so the file's order would take the role from
    // the last old one before it is given: apply must give it first.
    let last = export(&s, "org.toml")
        .await
        .1
        .people
        .iter()
        .map(|p| p.email.clone())
        .max();
    let last = last.unwrap();
    let directory = s.api.load_directory().await.unwrap();
    let user = directory
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some(last.as_str()))
        .unwrap()
        .uuid;
    let member = AdminOrganizationMemberUpdate {
        role_names: Some(vec![OrgRole::Member]),
        ..AdminOrganizationMemberUpdate::default()
    };
    s.api.update_user(user, &member).await.unwrap();
    let (path, mut org) = export(&s, "org.toml").await;
    let now = admins(&org);
    let next = last;
    assert!(!now.is_empty() && !now.contains(&next), "{now:?}");
    for person in &mut org.people {
        if now.contains(&person.email) {
            person.roles = vec!["member".into()];
        } else if person.email == next {
            person.roles = vec!["organization_admin".into()];
        }
    }
    save(&path, &org);
    run_file(&s, &["plan"], &path).await.expect(6);
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    assert_eq!(admins(&export(&s, "after.toml").await.1), [next]);
}

#[tokio::test]
async fn a_file_giving_a_pending_invitation_other_terms_replaces_it_and_undo_restores_it() {
    let s = Scripted::demo().await;
    let marie = "marie.curie@northwind.example";
    let before = pending_invitation(&s.api, marie).await;
    assert_eq!(before, (vec!["billing_manager".to_owned()], vec![]));
    let (path, mut org) = export(&s, "org.toml").await;
    let invitation = org
        .invitations
        .iter_mut()
        .find(|i| i.email == marie)
        .expect("Marie's pending invitation is exported");
    invitation.roles = vec!["member".into()];
    invitation.workspaces = vec!["Research".into()];
    save(&path, &org);

    let plan = run_file(&s, &["plan"], &path).await.expect(6);
    assert_eq!(
        change_lines(&plan),
        [format!(
            "~ invitation {marie}: billing_manager in no workspace -> member in \"Research\""
        )],
        "{plan:#?}"
    );
    run_file(&s, &["apply", "--yes"], &path).await.ok();
    let research = workspace_id(&s.api, "Research").await;
    assert_eq!(
        pending_invitation(&s.api, marie).await,
        (vec!["member".to_owned()], vec![research])
    );
    let again = run_file(&s, &["plan"], &path).await.ok();
    assert!(change_lines(&again).is_empty(), "{again:#?}");
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(pending_invitation(&s.api, marie).await, before);
}
