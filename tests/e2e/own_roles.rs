//! Member commands for someone a group brings into a workspace: what the group gives stays
//! the group's, on the way there and on the way back. Checked by taking them out of the
//! group afterwards: what is left is what is their own.

use crate::support::cli::{Scripted, run_in};
use crate::support::pty::{members_of, workspace_id};

const JOSE: &str = "jose.nunez@northwind.example";
const ENGINEERS: &str = "Research Engineers";

/// José's roles in Research, if he is in it.
async fn jose_in_research(s: &Scripted) -> Option<Vec<String>> {
    let research = workspace_id(&s.api, "Research").await;
    members_of(&s.api, research)
        .await
        .into_iter()
        .find(|(name, _)| name == "José Núñez")
        .map(|(_, roles)| roles)
}

fn roles(names: &[&str]) -> Option<Vec<String>> {
    Some(names.iter().map(|r| r.to_string()).collect())
}

/// José, who is not in Research, joins the group that gives dev there.
async fn jose_in_research_through_the_group() -> Scripted {
    let s = Scripted::demo().await;
    assert_eq!(jose_in_research(&s).await, None);
    s.run(&["groups", "members", "add", ENGINEERS, JOSE])
        .await
        .ok();
    assert_eq!(jose_in_research(&s).await, roles(&["dev"]));
    s
}

async fn add_observability_viewer(s: &Scripted) {
    let args = ["members", "set-roles", "Research", JOSE];
    s.run(&[&args[..], &["--add", "observability_viewer"]].concat())
        .await
        .ok();
    assert_eq!(
        jose_in_research(s).await,
        roles(&["dev", "observability_viewer"])
    );
}

/// Undo gives back observability_viewer as his own, and only that: leaving the group leaves
/// him that alone.
async fn undo_gives_back_his_own_role(s: &Scripted) {
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(
        jose_in_research(s).await,
        roles(&["dev", "observability_viewer"])
    );
    leave_the_group(s).await;
    assert_eq!(jose_in_research(s).await, roles(&["observability_viewer"]));
}

async fn leave_the_group(s: &Scripted) {
    s.run(&["groups", "members", "remove", ENGINEERS, JOSE])
        .await
        .ok();
}

#[tokio::test]
async fn a_role_added_leaves_what_a_group_gives_to_the_group() {
    let s = jose_in_research_through_the_group().await;
    let dry = s
        .run(&[
            "members",
            "set-roles",
            "Research",
            JOSE,
            "--add",
            "observability_viewer",
            "--dry-run",
        ])
        .await
        .ok();
    assert!(
        !dry.stdout.contains("\"dev\"") && dry.stdout.contains("observability_viewer"),
        "only the role added is sent as his own: {dry:#?}"
    );
    add_observability_viewer(&s).await;
    leave_the_group(&s).await;
    assert_eq!(
        jose_in_research(&s).await,
        roles(&["observability_viewer"]),
        "dev went with the group"
    );
}

#[tokio::test]
async fn undoing_a_role_added_leaves_nothing_of_his_own_behind() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    let journal = s.run(&["journal"]).await.ok();
    assert!(
        journal
            .stdout
            .contains("dev -> dev, observability_viewer (their own: observability_viewer; the rest through groups"),
        "{journal:#?}"
    );
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(jose_in_research(&s).await, roles(&["dev"]));
    leave_the_group(&s).await;
    assert_eq!(
        jose_in_research(&s).await,
        None,
        "undo made nothing of the group's his own"
    );
}

#[tokio::test]
async fn taking_away_his_only_own_role_ends_his_own_membership_and_undo_gives_it_back() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    let args = ["members", "set-roles", "Research", JOSE];
    let run = s
        .run(&[&args[..], &["--remove", "observability_viewer"]].concat())
        .await
        .ok();
    assert!(
        run.stderr
            .contains("keeps dev through the group \"Research Engineers\""),
        "{run:#?}"
    );
    assert_eq!(jose_in_research(&s).await, roles(&["dev"]));

    undo_gives_back_his_own_role(&s).await;
}

#[tokio::test]
async fn removing_someone_a_group_keeps_in_is_journaled_and_undone() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    s.run(&["members", "remove", "Research", JOSE]).await.ok();
    assert_eq!(jose_in_research(&s).await, roles(&["dev"]));
    undo_gives_back_his_own_role(&s).await;
}

/// Noah holds billing_manager through Finance and member through another group as well as his
/// own: undoing a change of his organization roles gives back no more than member as his own.
#[tokio::test]
async fn undoing_organization_roles_a_group_gives_makes_none_of_them_his_own() {
    let s = Scripted::demo().await;
    let noah = "noah.muller@northwind.example";
    let org_roles = async || {
        let directory = s.api.load_directory().await.expect("directory");
        let member = directory
            .members()
            .iter()
            .find(|m| m.email.as_deref() == Some(noah))
            .expect("Noah")
            .uuid;
        directory.org_roles(member)
    };
    for args in [
        &["groups", "create", "Everyone"][..],
        &["groups", "set-role", "Everyone", "member"],
        &["groups", "members", "add", "Everyone", noah],
        &["groups", "members", "add", "Finance", noah],
        &["people", "set-roles", noah, "--role", "member"],
        &["undo", "--yes"],
        &["groups", "members", "remove", "Finance", noah],
        &["groups", "members", "remove", "Everyone", noah],
    ] {
        s.run(args).await.ok();
    }
    assert_eq!(
        org_roles().await,
        ["member"],
        "billing_manager went with Finance"
    );
}

/// Finance gives billing_manager: asked to hold it, Noah (member of his own) needs nothing,
/// and it does not become his own; asked to hold member only, Hannah is told that Finance
/// keeps billing_manager, and the outcome says what she holds in total.
#[tokio::test]
async fn people_set_roles_leaves_a_groups_organization_role_to_the_group() {
    let s = Scripted::demo().await;
    let noah = "noah.muller@northwind.example";
    s.run(&["groups", "members", "add", "Finance", noah])
        .await
        .ok();
    let run = s
        .run(&["people", "set-roles", noah, "--role", "billing_manager"])
        .await
        .ok();
    assert!(
        run.stderr.starts_with("Nothing to change"),
        "with his own member, he holds billing_manager already: {run:#?}"
    );
    s.run(&["groups", "members", "remove", "Finance", noah])
        .await
        .ok();
    let people = s.run(&["get", "people", "-o", "json"]).await.ok();
    let noah_now = people
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["email"] == noah)
        .cloned();
    assert!(
        noah_now.is_some_and(|p| !p.to_string().contains("billing_manager")),
        "billing_manager went with Finance: {people:#?}"
    );

    let hannah = "hannah.schmidt@northwind.example";
    let run = s
        .run(&["people", "set-roles", hannah, "--role", "member"])
        .await
        .ok();
    assert!(
        run.stderr
            .contains("billing_manager through the group \"Finance\""),
        "{run:#?}"
    );
    assert!(
        !run.stderr.contains("-> member\n"),
        "the outcome says what she holds in total: {run:#?}"
    );
}

/// `args` run by another admin, whose journal is not this one's: what undo here finds done since.
async fn elsewhere(s: &Scripted, args: &[&str]) {
    let home = tempfile::tempdir().expect("temp dir");
    let url = s.server.admin_base_url();
    let all = [args, &["--base-url", url.as_str()]].concat();
    run_in(home.path(), &all, &[("MISTRAL_ADMIN_API_KEY", &s.key)])
        .await
        .ok();
}

/// José's own role change is undone though he left the group since: his own roles are as the
/// change left them, so undo takes them back, and he is out of Research again.
#[tokio::test]
async fn undo_takes_back_his_own_roles_after_he_left_the_group() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    elsewhere(&s, &["groups", "members", "remove", ENGINEERS, JOSE]).await;
    assert_eq!(jose_in_research(&s).await, roles(&["observability_viewer"]));
    let undo = s.run(&["undo", "--yes"]).await;
    assert_eq!(undo.code, 0, "{undo:#?}");
    assert_eq!(
        jose_in_research(&s).await,
        None,
        "he had no own roles before"
    );
}

/// The group gives observability_viewer instead of dev since José's own role was swapped for
/// workflow_executor: his own roles are as the change left them, so undo goes ahead, but it
/// does not make observability_viewer his own, since the group gives it now.
#[tokio::test]
async fn undo_makes_nothing_a_group_gives_now_his_own() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    let swap = [
        "members",
        "set-roles",
        "Research",
        JOSE,
        "--remove",
        "observability_viewer",
        "--add",
        "workflow_executor",
    ];
    s.run(&swap).await.ok();
    assert_eq!(
        jose_in_research(&s).await,
        roles(&["dev", "workflow_executor"])
    );
    let assign = ["groups", "assign", ENGINEERS, "Research"];
    elsewhere(
        &s,
        &[&assign[..], &["--role", "observability_viewer"]].concat(),
    )
    .await;
    assert_eq!(
        jose_in_research(&s).await,
        roles(&["observability_viewer", "workflow_executor"])
    );
    let undo = s.run(&["undo", "--yes"]).await;
    assert_eq!(undo.code, 0, "{undo:#?}");
    assert_eq!(jose_in_research(&s).await, roles(&["observability_viewer"]));
    leave_the_group(&s).await;
    assert_eq!(
        jose_in_research(&s).await,
        None,
        "observability_viewer went with the group"
    );
}

/// Someone else changed José's own roles since: undo refuses and says what his own roles are.
#[tokio::test]
async fn undo_refuses_when_his_own_roles_changed_since() {
    let s = jose_in_research_through_the_group().await;
    add_observability_viewer(&s).await;
    elsewhere(&s, &["groups", "members", "remove", ENGINEERS, JOSE]).await;
    let args = ["members", "set-roles", "Research", JOSE];
    elsewhere(&s, &[&args[..], &["--add", "workflow_executor"]].concat()).await;
    let undo = s.run(&["undo", "--yes"]).await;
    assert_eq!(undo.code, 3, "{undo:#?}");
    assert!(
        undo.stderr.contains("own roles in \"Research\" are observability_viewer, workflow_executor now, not observability_viewer"),
        "{undo:#?}"
    );
    assert_eq!(
        jose_in_research(&s).await,
        roles(&["observability_viewer", "workflow_executor"])
    );
}
