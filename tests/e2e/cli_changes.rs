//! Every change command run as a script runs it, against the demo organizations on a local
//! server, each checked through the Admin API afterwards: workspaces, members, people and
//! invitations, API keys (which must work, then stop), and the spending limit.

use mistral_admin::client::{ClientError, ErrorKind};
use mistral_admin::domain::SecretString;

use crate::support::cli::Scripted;
use crate::support::client::pending_invitation;
use crate::support::pty::{members_of, workspace_id};

#[tokio::test]
async fn a_workspace_is_created_edited_and_archived() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let run = s
        .run(&[
            "workspace",
            "create",
            "Lab",
            "--admin",
            "taro@northwind.example",
            "--icon",
            "🧪",
            "--description",
            "Experiments",
            "-o",
            "json",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Created \"Lab\"\n");
    let id = workspace_id(&s.api, "Lab").await;
    assert_eq!(run.json()["uuid"], id.to_string());
    assert_eq!(
        members_of(&s.api, id).await,
        [("Taro 田中".to_owned(), vec!["workspace_admin".to_owned()])]
    );

    let run = s
        .run(&[
            "workspace",
            "edit",
            "lab",
            "--name",
            "Lab 2",
            "--spend-cap",
            "200",
            "--members-can-create-keys",
            "false",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Saved \"Lab 2\"\n");
    let settings = s.api.workspace_settings(id).await.unwrap().unwrap();
    assert_eq!(
        (
            settings.monthly_spend_cap,
            settings.members_can_create_api_keys
        ),
        (Some(200), false)
    );
    assert_eq!(workspace_id(&s.api, "Lab 2").await, id);

    let run = s
        .run(&["workspace", "archive", "Lab 2", "--confirm", "Lab 2"])
        .await
        .ok();
    assert_eq!(run.stderr, "Archived \"Lab 2\": 1 member lost access\n");
    assert_eq!(run.stdout, "", "nothing on stdout unless asked for");
    let archived = s.api.list_all_workspaces(true).await.unwrap();
    assert!(archived.iter().any(|w| w.uuid == id));
    assert_eq!(
        s.audit_since(before).await,
        [
            "workspace.create",
            "workspace.member.add",
            "workspace.update",
            "api_key_policy.update",
            "billing.workspace_monthly_limit.updated",
            "workspace.delete"
        ]
    );
}

#[tokio::test]
async fn members_are_added_their_roles_changed_and_removed() {
    let s = Scripted::demo().await;
    let mobile = workspace_id(&s.api, "Mobile App").await;
    let run = s
        .run(&[
            "members",
            "add",
            "Mobile App",
            "jose.nunez@northwind.example",
            "Björn Lindqvist",
            "--role",
            "dev",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Added 2 members to \"Mobile App\" as dev\n");
    let roles_of = async |name: &str| {
        members_of(&s.api, mobile)
            .await
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| r)
    };
    assert_eq!(roles_of("José Núñez").await, Some(vec!["dev".to_owned()]));

    s.run(&[
        "members",
        "set-roles",
        "mobile app",
        "jose.nunez@northwind.example",
        "--add",
        "observability_viewer",
    ])
    .await
    .ok();
    assert_eq!(
        roles_of("José Núñez").await,
        Some(vec!["dev".to_owned(), "observability_viewer".to_owned()])
    );
    s.run(&[
        "members",
        "set-roles",
        "Mobile App",
        "José Núñez",
        "--remove",
        "dev",
    ])
    .await
    .ok();
    assert_eq!(
        roles_of("José Núñez").await,
        Some(vec!["observability_viewer".to_owned()]),
        "--remove takes one role away and keeps the others"
    );
    let run = s
        .run(&[
            "members",
            "set-roles",
            "Mobile App",
            "bjorn.lindqvist@northwind.example",
            "jose.nunez@northwind.example",
            "--role",
            "user",
        ])
        .await
        .ok();
    assert_eq!(
        run.stderr,
        "Changed the roles of 2 members in \"Mobile App\"\n"
    );
    assert_eq!(
        roles_of("Björn Lindqvist").await,
        Some(vec!["user".to_owned()])
    );
    assert_eq!(roles_of("José Núñez").await, Some(vec!["user".to_owned()]));

    let run = s
        .run(&[
            "members",
            "remove",
            "Mobile App",
            "jose.nunez@northwind.example",
            "bjorn.lindqvist@northwind.example",
        ])
        .await
        .ok();
    assert_eq!(run.stderr, "Removed 2 members from \"Mobile App\"\n");
    assert_eq!(roles_of("José Núñez").await, None);
    assert_eq!(roles_of("Björn Lindqvist").await, None);
}

#[tokio::test]
async fn taking_workspace_admin_from_its_only_holder_prints_a_note_first() {
    let s = Scripted::demo().await;
    let research = workspace_id(&s.api, "Research").await;
    let admins: Vec<String> = members_of(&s.api, research)
        .await
        .into_iter()
        .filter(|(_, roles)| roles.iter().any(|r| r == "workspace_admin"))
        .map(|(name, _)| name)
        .collect();
    let [admin] = admins.as_slice() else {
        panic!("Research has one workspace_admin in the demo: {admins:?}");
    };
    let note = format!("note: \"Research\" will have no workspace_admin left: only {admin} <");

    let run = s
        .run(&[
            "members",
            "set-roles",
            "Research",
            admin,
            "--role",
            "dev",
            "--dry-run",
        ])
        .await
        .ok();
    assert!(run.stderr.contains(&note), "{run:#?}");
    let run = s
        .run(&["members", "remove", "Research", admin, "--dry-run"])
        .await
        .ok();
    assert!(run.stderr.contains(&note), "{run:#?}");

    // Another member's removal leaves the admin: nothing is said of it.
    let other = members_of(&s.api, research)
        .await
        .into_iter()
        .map(|(name, _)| name)
        .find(|name| name != admin)
        .expect("another member");
    let run = s
        .run(&["members", "remove", "Research", &other, "--dry-run"])
        .await
        .ok();
    assert!(!run.stderr.contains("no workspace_admin left"), "{run:#?}");

    // The real removal warns the same way, then does what was asked, with the usual exit.
    let run = s.run(&["members", "remove", "Research", admin]).await.ok();
    assert!(run.stderr.starts_with(&note), "{run:#?}");
    assert!(
        run.stderr.ends_with("Removed 1 member from \"Research\"\n"),
        "{run:#?}"
    );
}

#[tokio::test]
async fn people_are_invited_promoted_and_offboarded_and_invitations_revoked() {
    let s = Scripted::demo().await;
    let run = s
        .run(&[
            "people",
            "invite",
            "ada@example.com,grace@example.com",
            "not-an-address",
            "taro@northwind.example",
            "--role",
            "billing_manager",
            "--workspace",
            "Research",
        ])
        .await
        .ok();
    assert!(
        run.stderr.ends_with(
            "Invited 2 people: ada@example.com, grace@example.com; not invited: not-an-address (not a valid address), taro@northwind.example (already a member)\n"
        ),
        "{run:#?}"
    );
    let research = workspace_id(&s.api, "Research").await;
    let directory = s.api.load_directory().await.unwrap();
    for email in ["ada@example.com", "grace@example.com"] {
        let invite = directory
            .invites()
            .iter()
            .find(|i| i.email == email)
            .expect(email);
        assert_eq!(invite.workspace_uuids, [research]);
        let roles = directory.role_catalog();
        assert_eq!(
            roles.organization_role(&invite.raw_roles[0]).unwrap().name,
            "billing_manager"
        );
    }
    // Nobody valid to invite because of a typo is a refusal a script sees (3), and nothing
    // is sent; someone who is a member already is simply nothing to do (0).
    let typo = s
        .run(&[
            "people",
            "invite",
            "grace@@example.com",
            "taro@northwind.example",
        ])
        .await
        .expect(3);
    assert!(
        typo.stderr
            .contains("grace@@example.com (not a valid address)"),
        "{typo:#?}"
    );
    let nothing = s
        .run(&["people", "invite", "taro@northwind.example", "-o", "json"])
        .await
        .ok();
    assert_eq!(
        nothing.json(),
        serde_json::json!([]),
        "nothing sent, no replies"
    );
    let run = s.run(&["invites", "revoke", "ADA@example.com"]).await.ok();
    assert_eq!(run.stderr, "Revoked the invitation of ada@example.com\n");
    let directory = s.api.load_directory().await.unwrap();
    assert!(
        !directory
            .invites()
            .iter()
            .any(|i| i.email == "ada@example.com")
    );
    assert!(
        directory
            .invites()
            .iter()
            .any(|i| i.email == "grace@example.com")
    );

    let run = s
        .run(&[
            "people",
            "set-roles",
            "jose.nunez@northwind.example",
            "--role",
            "organization_admin",
            "--role",
            "member",
        ])
        .await
        .ok();
    assert_eq!(
        run.stderr,
        "Changed the organization roles of jose.nunez@northwind.example: member -> organization_admin, member\n"
    );
    let directory = s.api.load_directory().await.unwrap();
    let jose = directory
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some("jose.nunez@northwind.example"))
        .unwrap();
    assert_eq!(
        directory.org_roles(jose.uuid),
        ["organization_admin", "member"]
    );

    let keys_before = s.api.list_all_api_keys().await.unwrap();
    let his: Vec<_> = keys_before
        .iter()
        .filter(|k| k.created_by.as_deref() == Some("jose.nunez@northwind.example"))
        .collect();
    assert!(!his.is_empty(), "the demo gives José keys");
    let run = s
        .run(&[
            "people",
            "remove",
            "jose.nunez@northwind.example",
            "--delete-keys",
            "--confirm",
            "jose.nunez@northwind.example",
        ])
        .await
        .ok();
    assert!(
        run.stderr
            .starts_with("Removed jose.nunez@northwind.example from the organization: "),
        "{run:#?}"
    );
    let directory = s.api.load_directory().await.unwrap();
    assert!(directory.user(jose.uuid).is_none());
    let keys_after = s.api.list_all_api_keys().await.unwrap();
    assert_eq!(keys_after.len(), keys_before.len() - his.len());
    assert!(
        !keys_after
            .iter()
            .any(|k| his.iter().any(|h| h.key_id == k.key_id))
    );
}

async fn works(s: &Scripted, key: &str) -> Result<(), ClientError> {
    s.api
        .list_models_with_key(&SecretString::new(key))
        .await
        .map(|_| ())
}

#[tokio::test]
async fn a_key_is_created_printed_alone_rotated_and_deleted() {
    let s = Scripted::demo().await;
    let run = s
        .run(&[
            "keys",
            "create",
            "--workspace",
            "Research",
            "--owner",
            "zoe.angstrom@northwind.example",
            "--name",
            "ci",
            "--expires-in",
            "30",
        ])
        .await
        .ok();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "only the key on stdout: {run:#?}");
    let first = lines[0].to_owned();
    assert!(!first.contains(' ') && first.len() >= 32, "{first}");
    assert!(
        run.stderr
            .contains("Created API key \"ci\" in \"Research\" for zoe.angstrom@northwind.example"),
        "{run:#?}"
    );
    assert!(!run.stderr.contains(&first), "the key goes to stdout only");
    works(&s, &first).await.expect("the new key works");

    let run = s
        .run(&["keys", "rotate", "ci", "--confirm", "ci"])
        .await
        .ok();
    let second = run.stdout.trim().to_owned();
    assert_ne!(second, first);
    works(&s, &second).await.expect("the replacement works");
    let old = works(&s, &first).await.unwrap_err();
    assert_eq!(old.kind(), ErrorKind::Unauthorized, "{old}");
    let keys = s.api.list_all_api_keys().await.unwrap();
    let ci: Vec<_> = keys
        .iter()
        .filter(|k| k.name.as_deref() == Some("ci"))
        .collect();
    assert_eq!(ci.len(), 1, "the old key is gone, the new one has its name");

    let run = s
        .run(&["keys", "delete", "ci", "--confirm", "ci"])
        .await
        .ok();
    assert!(run.stderr.starts_with("Deleted API key \"ci\""), "{run:#?}");
    assert_eq!(
        works(&s, &second).await.unwrap_err().kind(),
        ErrorKind::Unauthorized
    );
}

#[tokio::test]
async fn the_spending_limit_is_set_and_removed() {
    let s = Scripted::demo().await;
    let run = s.run(&["spend", "set", "1234"]).await.ok();
    assert_eq!(
        run.stderr,
        "note: the spending cap of \"Research\" is above the new limit and is lowered to it\n\
         Monthly spending limit set to 1234 EUR (was 5000 EUR)\n"
    );
    let research = workspace_id(&s.api, "Research").await;
    let settings = s.api.workspace_settings(research).await.unwrap().unwrap();
    assert_eq!(
        settings.monthly_spend_cap,
        Some(1234),
        "the server lowered the cap"
    );
    let limits = s.api.spend_limit().await.unwrap();
    assert_eq!(limits.limits.completion.usage_limit, Some(1234.0));
    let run = s.run(&["spend", "set", "none", "-o", "json"]).await.ok();
    assert_eq!(run.json()["limits"]["completion"]["no_monthly_limit"], true);
    assert!(
        s.api
            .spend_limit()
            .await
            .unwrap()
            .limits
            .completion
            .no_monthly_limit
    );
}

#[tokio::test]
async fn undoing_a_lower_spending_limit_raises_the_caps_it_lowered_too() {
    let s = Scripted::demo().await;
    let research = workspace_id(&s.api, "Research").await;
    let cap = || async {
        let settings = s.api.workspace_settings(research).await.unwrap().unwrap();
        settings.monthly_spend_cap
    };
    let before = cap().await;
    assert!(before.is_some_and(|c| c > 1234), "{before:?}");
    s.run(&["spend", "set", "1234"]).await.ok();
    assert_eq!(cap().await, Some(1234));
    let journal = s.run(&["journal"]).await.ok();
    assert!(
        journal.stdout.contains("\"Research\" monthly_spend_cap"),
        "the lowered cap is journaled: {journal:#?}"
    );
    s.run(&["undo", "--yes"]).await.ok();
    let limits = s.api.spend_limit().await.unwrap();
    assert_eq!(limits.limits.completion.usage_limit, Some(5000.0));
    assert_eq!(cap().await, before, "the cap is back");
}

#[tokio::test]
async fn inviting_someone_already_invited_names_the_replaced_invitation_and_undo_restores_it() {
    let s = Scripted::demo().await;
    let marie = "marie.curie@northwind.example";
    let before = pending_invitation(&s.api, marie).await;
    assert_eq!(before, (vec!["billing_manager".to_owned()], vec![]));
    let note = "note: marie.curie@northwind.example has a pending invitation, which this one replaces: billing_manager in no workspace -> member in \"Research\"\n";
    let args = ["people", "invite", marie, "--workspace", "Research"];
    let dry = s.run(&[&args[..], &["--dry-run"]].concat()).await.ok();
    assert!(dry.stderr.contains(note), "{dry:#?}");
    assert_eq!(
        pending_invitation(&s.api, marie).await,
        before,
        "a dry run sends nothing"
    );
    let run = s.run(&args).await.ok();
    assert!(run.stderr.starts_with(note), "{run:#?}");
    let research = workspace_id(&s.api, "Research").await;
    assert_eq!(
        pending_invitation(&s.api, marie).await,
        (vec!["member".to_owned()], vec![research])
    );
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(pending_invitation(&s.api, marie).await, before);
}

#[tokio::test]
async fn a_member_a_group_keeps_in_a_workspace_is_named_and_undo_takes_back_what_changed() {
    let s = Scripted::demo().await;
    let research = workspace_id(&s.api, "Research").await;
    let taro = async || {
        members_of(&s.api, research)
            .await
            .into_iter()
            .find(|(n, _)| n == "Taro 田中")
            .map(|(_, r)| r)
    };
    let own_and_group = Some(vec!["dev".to_owned(), "observability_viewer".to_owned()]);
    assert_eq!(
        taro().await,
        own_and_group,
        "dev also through Research Engineers"
    );

    let run = s
        .run(&["members", "remove", "Research", "taro@northwind.example"])
        .await
        .ok();
    assert!(
        run.stderr.starts_with("note: Taro 田中 <taro@northwind.example> stays in \"Research\" with dev through the group \"Research Engineers\": "),
        "{run:#?}"
    );
    assert!(
        run.stderr.ends_with("Nobody left \"Research\"; Taro 田中 <taro@northwind.example> keeps dev through the group \"Research Engineers\"\n"),
        "{run:#?}"
    );
    assert_eq!(taro().await, Some(vec!["dev".to_owned()]));
    let journal = s.run(&["journal"]).await.ok();
    assert!(
        journal.stdout.contains("dev, observability_viewer -> dev"),
        "what the group left is journaled, not a removal: {journal:#?}"
    );
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(
        taro().await,
        own_and_group,
        "undo gives back their own roles"
    );

    let run = s
        .run(&[
            "members",
            "set-roles",
            "Research",
            "taro@northwind.example",
            "--role",
            "workspace_admin",
        ])
        .await
        .ok();
    assert!(
        run.stderr.starts_with("note: In \"Research\", Taro 田中 <taro@northwind.example> keeps dev through the group \"Research Engineers\", not as their own (if it was also their own, it is the group's only from now on): "),
        "{run:#?}"
    );
    assert!(
        run.stderr.ends_with("Changed the roles of 1 member in \"Research\"; Taro 田中 <taro@northwind.example> keeps dev through the group \"Research Engineers\"\n"),
        "{run:#?}"
    );
    let both = Some(vec!["workspace_admin".to_owned(), "dev".to_owned()]);
    assert_eq!(taro().await, both);
    s.run(&["undo", "--yes"]).await.ok();
    assert_eq!(taro().await, own_and_group, "undo meets no conflict");
}
