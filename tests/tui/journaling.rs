//! The console's journal against the local server: a change is recorded as the commands
//! record it, reading only what the change touches first (counted by a proxy in front of the
//! server: a role change reads no page of the directory), a deleted key is named, and a
//! pending invitation given other roles and workspaces is recorded with its old ones, which
//! undo gives back.

use std::sync::atomic::AtomicBool;

use crate::support::client::{pending_invitation, test_client};
use crate::support::local_server;
use crate::support::proxy::{Proxy, Seen};
use crate::support::pty::workspace_id;
use mistral_admin::actions::Request;
use mistral_admin::actions::journal::Journal;
use mistral_admin::actions::journal_record::{changes_sent, reading_for_requests};
use mistral_admin::actions::members_own::own_roles_only;
use mistral_admin::actions::org_live::LiveOrg;
use mistral_admin::actions::org_run::{Control, RunOutcome, run, undo_preview, undo_record};
use mistral_admin::api::{OrganizationInviteIn, WorkspaceMemberSingleIn};
use mistral_admin::client::{AdminClient, Directory};
use mistral_admin::domain::org::{Change, Invitation};
use mistral_admin::domain::{OrgRole, WorkspaceRole};
use mistral_admin::server::{LocalServer, Seed};
use mistral_admin::tui::call::{Call, Payload};
use mistral_admin::tui::runner::{journaling, reading};

struct Demo {
    server: LocalServer,
    /// Talks to the server through the proxy.
    client: AdminClient,
    seen: Seen,
    journal: Journal,
    _dir: tempfile::TempDir,
}

async fn demo() -> Demo {
    let server = local_server().seed(Seed::Demo).start().await;
    let key = server.seeded()[0].admin_key.clone();
    let Proxy { base_url, seen, .. } = Proxy::counting(&server).await;
    let client = test_client(&base_url, key.expose());
    let dir = tempfile::tempdir().expect("a folder");
    let journal = Journal::at(dir.path().join("journal.jsonl"));
    Demo {
        server,
        client,
        seen,
        journal,
        _dir: dir,
    }
}

/// Sends `requests` as the console does, and returns the changes the commands' full reading
/// of the organization would have recorded for them.
async fn as_console(demo: &Demo, requests: Vec<Request>) -> Vec<Change> {
    let whole = LiveOrg::load(&demo.client, reading_for_requests(&requests))
        .await
        .expect("the organization");
    let touched = reading::before(&demo.client, &requests).await;
    assert!(
        touched.is_ok(),
        "what the change touches is read: {touched:?}"
    );
    demo.seen.lock().unwrap().clear();
    let call = Call::Change(requests.clone());
    let journal = Some(&demo.journal);
    let go_on = AtomicBool::new(false);
    let result = journaling::perform(&demo.client, journal, &call, &requests, &go_on).await;
    let Ok(Payload::Changed(applied)) = result else {
        panic!("the change went through: {result:?}");
    };
    changes_sent(&requests, &applied.replies, &whole)
}

/// The member with `email`, and the directory they were found in.
async fn member_by_email(demo: &Demo, email: &str) -> (uuid::Uuid, Directory) {
    let directory = demo.client.load_directory().await.unwrap();
    let found = directory
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some(email))
        .unwrap()
        .uuid;
    (found, directory)
}

/// `user`'s roles in `workspace` as the server reports them now, read on their own.
async fn roles_in(
    demo: &Demo,
    directory: &Directory,
    user: uuid::Uuid,
    workspace: uuid::Uuid,
) -> Option<Vec<String>> {
    let now = demo.client.get_user(user).await.unwrap().member;
    Directory::new(vec![now], Vec::new(), &directory.role_catalog().clone())
        .workspace_members(workspace)
        .first()
        .map(|m| m.roles.clone())
}

/// Takes back the newest journal entry as the console's `:undo` does, after checking that
/// nobody changed the same things since.
async fn undo_newest(demo: &Demo) -> RunOutcome {
    let preview = undo_preview(&demo.client, &demo.journal).await.unwrap();
    assert!(preview.conflicts.is_empty(), "{:?}", preview.conflicts);
    let plan = preview.plan.expect("something to undo");
    let record = undo_record(&plan, "console");
    run(
        &demo.client,
        Some(&demo.journal),
        &plan.inverse,
        &record,
        true,
        &mut ToTheEnd,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_role_change_is_journaled_after_reading_only_the_member_it_names() {
    let demo = demo().await;
    let research = workspace_id(&demo.client, "Research").await;
    let directory = demo.client.load_directory().await.unwrap();
    let member = directory
        .workspace_members(research)
        .into_iter()
        // Not an admin, and in no group (a group's members are journaled by their own roles).
        .find(|m| m.user.email.as_deref() == Some("bjorn.lindqvist@northwind.example"))
        .expect("Björn is in Research")
        .user
        .uuid;
    let entry = WorkspaceMemberSingleIn {
        role_names: Some(vec![WorkspaceRole::WorkspaceAdmin]),
        roles: None,
        role_name: None,
        role: None,
        user_uuid: member,
    };
    let expected = as_console(
        &demo,
        vec![Request::SetMemberRoles {
            workspace: research,
            members: vec![entry],
        }],
    )
    .await;
    let seen = demo.seen.lock().unwrap().clone();
    let entries = demo.journal.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].source, "console");
    let [Change::SetMemberRoles { workspace, .. }] = expected.as_slice() else {
        panic!("{expected:?}");
    };
    assert_eq!(workspace, "Research");
    // A group may give back a role the request took: what is kept is the roles the member
    // holds now, as the server reports them.
    let now = demo.client.load_directory().await.unwrap();
    let held: Vec<String> = now
        .workspace_members(research)
        .into_iter()
        .find(|m| m.user.uuid == member)
        .map(|m| m.roles.clone())
        .unwrap();
    let [Change::SetMemberRoles { after, .. }] = entries[0].changes.as_slice() else {
        panic!("{entries:?}");
    };
    assert_eq!(after, &held, "as the member came out");
    assert_eq!(entries[0].changes.len(), expected.len());
    let directory_pages = seen.iter().filter(|l| l.contains("/users?")).count();
    assert_eq!(directory_pages, 0, "no page of the directory: {seen:#?}");
    assert!(
        seen.iter()
            .any(|l| l.starts_with("GET ") && l.contains(&format!("/users/{member} "))),
        "the member is read on their own: {seen:#?}"
    );
    demo.server.shutdown().await;
}

#[tokio::test]
async fn a_deleted_key_is_journaled_by_its_name_after_reading_the_keys_alone() {
    let demo = demo().await;
    let keys = demo.client.list_all_api_keys().await.unwrap();
    let key = keys
        .iter()
        .find(|k| k.name.as_deref().is_some_and(|n| !n.is_empty()))
        .expect("a named key");
    let name = key.name.clone().unwrap();
    as_console(&demo, vec![Request::DeleteApiKey { key: key.key_id }]).await;
    let seen = demo.seen.lock().unwrap().clone();
    let entries = demo.journal.entries().unwrap();
    let [Change::Irreversible { what, .. }] = entries[0].changes.as_slice() else {
        panic!("one key deleted: {entries:?}");
    };
    assert_eq!(what, &format!("API key \"{name}\" deleted"));
    assert!(
        !seen
            .iter()
            .any(|l| l.contains("/users") || l.contains("/workspaces")),
        "neither people nor workspaces read: {seen:#?}"
    );
    demo.server.shutdown().await;
}

/// An undo that runs to the end.
struct ToTheEnd;

impl Control for ToTheEnd {
    fn progress(&mut self, _done: usize, _total: usize) {}

    fn stop_asked(&self) -> bool {
        false
    }
}

#[tokio::test]
async fn a_replaced_invitation_is_journaled_with_its_old_terms_and_undo_gives_them_back() {
    let demo = demo().await;
    let marie = "marie.curie@northwind.example";
    let before = pending_invitation(&demo.client, marie).await;
    assert_eq!(before, (vec!["billing_manager".to_owned()], vec![]));
    let workspaces = demo.client.list_all_workspaces(false).await.unwrap();
    let research = workspaces.iter().find(|w| w.name == "Research").unwrap();
    let body = OrganizationInviteIn {
        email: marie.to_owned(),
        role_names: Some(vec![OrgRole::Member]),
        workspace_uuids: Some(vec![research.uuid]),
        ..OrganizationInviteIn::default()
    };
    let expected = as_console(&demo, vec![Request::Invite { body }]).await;
    let replaced = Change::ReplaceInvitation {
        before: Invitation {
            email: marie.to_owned(),
            roles: vec!["billing_manager".into()],
            workspaces: vec![],
        },
        after: Invitation {
            email: marie.to_owned(),
            roles: vec!["member".into()],
            workspaces: vec!["Research".into()],
        },
    };
    assert_eq!(expected, std::slice::from_ref(&replaced));
    let entries = demo.journal.entries().unwrap();
    assert_eq!(entries[0].changes, [replaced]);
    assert_eq!(
        pending_invitation(&demo.client, marie).await,
        (vec!["member".to_owned()], vec![research.uuid])
    );

    let outcome = undo_newest(&demo).await;
    assert_eq!(outcome.applied.len(), 1, "{outcome:?}");
    assert_eq!(pending_invitation(&demo.client, marie).await, before);
    demo.server.shutdown().await;
}

#[tokio::test]
async fn removing_a_member_a_group_keeps_in_is_journaled_as_it_came_out_and_undone_without_conflict()
 {
    let demo = demo().await;
    let research = workspace_id(&demo.client, "Research").await;
    let (taro, directory) = member_by_email(&demo, "taro@northwind.example").await;
    let roles = async || roles_in(&demo, &directory, taro, research).await;
    let own = Some(vec!["dev".to_owned(), "observability_viewer".to_owned()]);
    assert_eq!(roles().await, own, "dev also through Research Engineers");
    as_console(
        &demo,
        vec![Request::RemoveMembers {
            workspace: research,
            users: vec![taro],
        }],
    )
    .await;
    assert_eq!(roles().await, Some(vec!["dev".to_owned()]));
    let entries = demo.journal.entries().unwrap();
    assert_eq!(
        entries[0].changes,
        [Change::SetOwnRoles {
            workspace: Some("Research".into()),
            email: "taro@northwind.example".into(),
            before: vec!["dev".into(), "observability_viewer".into()],
            after: vec!["dev".into()],
            // dev may have been his own too; taken as the group's, undo cannot make it his
            // own where it was not.
            own_before: vec!["observability_viewer".into()],
            own_after: vec![],
        }],
        "what the group left, not a removal, as his own roles"
    );

    undo_newest(&demo).await;
    assert_eq!(roles().await, own);
    demo.server.shutdown().await;
}

/// What the role editor sends (the roles each member should hold in total) goes as their own
/// only where no group gives it: José, in Research only through Research Engineers (dev),
/// gets observability_viewer as his own, and leaving the group takes dev with it. Asked to
/// hold dev alone, his own membership ends and the group keeps him in.
#[tokio::test]
async fn the_role_editors_change_leaves_a_groups_role_to_the_group() {
    let demo = demo().await;
    let research = workspace_id(&demo.client, "Research").await;
    let (jose, directory) = member_by_email(&demo, "jose.nunez@northwind.example").await;
    let groups = demo.client.list_all_groups().await.unwrap();
    let engineers = groups
        .iter()
        .find(|g| g.name == "Research Engineers")
        .unwrap()
        .uuid;
    demo.client
        .add_group_members(engineers, &[jose])
        .await
        .unwrap();
    let roles = async || roles_in(&demo, &directory, jose, research).await;
    let holding = |roles: Vec<WorkspaceRole>| Request::SetMemberRoles {
        workspace: research,
        members: vec![WorkspaceMemberSingleIn {
            role_names: Some(roles),
            roles: None,
            role_name: None,
            role: None,
            user_uuid: jose,
        }],
    };
    let asked = [holding(vec![
        WorkspaceRole::Dev,
        WorkspaceRole::ObservabilityViewer,
    ])];
    let sent = own_roles_only(&demo.client, &asked).await.unwrap();
    assert_eq!(sent, [holding(vec![WorkspaceRole::ObservabilityViewer])]);
    as_console(&demo, sent).await;
    assert_eq!(
        roles().await,
        Some(vec!["dev".to_owned(), "observability_viewer".to_owned()])
    );

    let sent = own_roles_only(&demo.client, &[holding(vec![WorkspaceRole::Dev])])
        .await
        .unwrap();
    assert_eq!(
        sent,
        [Request::RemoveMembers {
            workspace: research,
            users: vec![jose],
        }]
    );
    as_console(&demo, sent).await;
    assert_eq!(roles().await, Some(vec!["dev".to_owned()]));
    undo_newest(&demo).await;

    demo.client
        .remove_group_members(engineers, &[jose])
        .await
        .unwrap();
    assert_eq!(
        roles().await,
        Some(vec!["observability_viewer".to_owned()]),
        "nothing of the group's became his own"
    );
    demo.server.shutdown().await;
}
