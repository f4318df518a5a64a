//! End-to-end: the `:people` view in the real binary on the embedded demo organization, each
//! change made through its dialogs and checked through the Admin API afterwards: inviting
//! (four outcomes, one per address), revoking, re-inviting an expired invitation, promoting a
//! member and failing to demote the last admin, offboarding a person with two keys.

use mistral_admin::api::AdminOrganizationMemberUpdate;
use mistral_admin::client::{AdminClient, AuditQuery};
use mistral_admin::domain::OrgRole;

use crate::support::client::pending_invitation;
use crate::support::pty::*;

fn open_people(console: &mut Console) -> String {
    // The workspace panes have a Members tab too: this line is the view's, once loaded.
    open_view(console, "people", " expired)")
}

/// Moves the cursor to the first row matching `text` and keeps the search.
fn find(console: &mut Console, text: &str) {
    console.send("/");
    console.send(text);
    // A long email is cut in its column: its local part shows.
    let shown = text.split('@').next().unwrap_or(text);
    console.wait_for_row("▶", shown);
    console.send(ENTER);
}

fn leave(console: &mut Console) {
    console.send(ESC);
    console.wait_gone(" expired)");
    quit(console);
}

async fn member_email(client: &AdminClient, wanted: impl Fn(&[String]) -> bool) -> String {
    let directory = client.load_directory().await.expect("directory");
    directory
        .members()
        .iter()
        .find(|m| wanted(&directory.org_roles(m.uuid)))
        .and_then(|m| m.email.clone())
        .expect("such a member")
}

async fn roles_of(client: &AdminClient, email: &str) -> Vec<String> {
    let directory = client.load_directory().await.expect("directory");
    let member = directory
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some(email));
    member
        .map(|m| directory.org_roles(m.uuid))
        .unwrap_or_default()
}

async fn open_invitations(client: &AdminClient) -> Vec<String> {
    let mut emails: Vec<String> = client
        .list_invites()
        .await
        .expect("invites")
        .into_iter()
        .filter_map(|i| i.email)
        .collect();
    emails.sort();
    emails
}

#[test]
fn inviting_marks_each_address_and_reports_four_outcomes() {
    let home = Home::new();
    let member = with_api(&home, async |client| {
        member_email(client, |roles| roles == ["member"]).await
    });
    let mut console = start(&home, &[]);
    open_people(&mut console);
    console.send("i");
    console.wait_for("Invite people");
    console.send(&format!(
        "ines.new@northwind.example, omar.new@example.org not-an-address {member}"
    ));
    let marked = console.wait_for("4 addresses: 2 new, 1 invalid, 1 already members");
    assert!(marked.contains("invalid: no @"), "{marked}");
    assert!(marked.contains("already a member"), "{marked}");
    // Addresses, roles, workspaces, then the buttons (Invite first), which open the preview
    // on Cancel.
    console.send(TAB);
    console.send(TAB);
    console.send(TAB);
    console.send(ENTER);
    console.wait_for("Invite people: preview");
    console.send(TAB);
    console.wait_for("▶ Invite 2 ◀");
    console.send(ENTER);
    let report = console.wait_for("2 of 4 addresses sent an invitation");
    assert!(
        report.contains("ines.new@northwind.example: invited"),
        "{report}"
    );
    assert!(report.contains("omar.new@example.org: invited"), "{report}");
    assert!(
        report.contains("not-an-address: not invited, invalid (no @)"),
        "{report}"
    );
    assert!(
        report.contains(&format!("{member}: not invited, already a member")),
        "{report}"
    );
    close_report(&mut console);
    leave(&mut console);
    let invited = with_api(&home, async |client| open_invitations(client).await);
    assert!(
        invited.contains(&"ines.new@northwind.example".to_owned()),
        "{invited:?}"
    );
    assert!(
        invited.contains(&"omar.new@example.org".to_owned()),
        "{invited:?}"
    );
    assert!(
        !invited
            .iter()
            .any(|e| e == "not-an-address" || *e == member)
    );
}

#[test]
fn inviting_someone_already_invited_previews_the_replaced_invitation_on_cancel() {
    let home = Home::new();
    let marie = "marie.curie@northwind.example";
    let before = with_api(&home, async |client| {
        pending_invitation(client, marie).await.0
    });
    assert_eq!(before, ["billing_manager"]);
    let mut console = start(&home, &[]);
    open_people(&mut console);
    console.send("i");
    console.wait_for("Invite people");
    console.send(marie);
    console.wait_for("1 already invited");
    // Shift-tab from the addresses lands on Invite: it opens the preview, on Cancel.
    console.send(BACKTAB);
    console.send(ENTER);
    let preview = console.wait_for("Invite people: preview");
    for part in [
        "now:  billing_manager in no workspace",
        "then: member in no workspace",
        "▶ Cancel ◀",
    ] {
        assert!(preview.contains(part), "{part:?} in {preview}");
    }
    // Enter on Cancel goes back to the form: nothing was sent.
    console.send(ENTER);
    console.wait_gone("Invite people: preview");
    let unchanged = with_api(&home, async |client| {
        pending_invitation(client, marie).await.0
    });
    assert_eq!(unchanged, ["billing_manager"]);
    console.send(ENTER);
    console.wait_for("Invite people: preview");
    confirm(&mut console);
    console.wait_for("1 of 1 addresses sent an invitation");
    console.wait_for("replaced (billing_manager in no workspace -> member");
    close_report(&mut console);
    leave(&mut console);
    let after = with_api(&home, async |client| {
        pending_invitation(client, marie).await.0
    });
    assert_eq!(after, ["member"]);
}

#[test]
fn a_pasted_list_of_500_addresses_is_marked_whole() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_people(&mut console);
    console.send("i");
    console.wait_for("Invite people");
    let lines: Vec<String> = (0..500).map(|i| format!("bulk{i}@example.org")).collect();
    console.send(&format!("\x1b[200~{}\x1b[201~", lines.join("\n")));
    console.wait_for("500 addresses: 500 new, 0 invalid");
    console.send(ESC);
    console.wait_gone("Invite people");
    leave(&mut console);
    let invited = with_api(&home, async |client| open_invitations(client).await);
    assert!(
        !invited.iter().any(|e| e.starts_with("bulk")),
        "esc sent nothing"
    );
}

#[test]
fn revoking_one_invitation_and_reinviting_an_expired_one_then_all() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    open_people(&mut console);
    console.send(TAB);
    console.wait_for("[Invitations (");
    find(&mut console, "marie.curie");
    console.send("X");
    console.wait_for("Revoke the invitation of marie.curie@northwind.example?");
    confirm(&mut console);
    console.wait_for("Revoking the invitation of marie.curie@northwind.example: done, 1/1");
    close_report(&mut console);

    find(&mut console, "old.invite");
    let row = console.wait_for_row("▶", "old.invite");
    assert!(row.contains("expired"), "{row}");
    console.send("R");
    console.wait_for("Invite old.invite@northwind.example again");
    confirm(&mut console);
    let report = console.wait_for("Re-inviting old.invite@northwind.example: done, 2/2");
    assert!(
        report.contains("done: revoke the old invitation"),
        "{report}"
    );
    assert!(
        report.contains("done: invite old.invite@northwind.example again"),
        "{report}"
    );
    close_report(&mut console);

    // Selected invitations are sent again together: `*` selects the whole tab.
    console.send("*");
    console.send("R");
    console.wait_for("Invite 4 people again");
    confirm(&mut console);
    console.wait_for("Re-inviting 4 people: done, 8/8");
    close_report(&mut console);
    leave(&mut console);

    let invited = with_api(&home, async |client| open_invitations(client).await);
    assert!(
        !invited.contains(&"marie.curie@northwind.example".to_owned()),
        "{invited:?}"
    );
    // GET /users-invite lists usable invitations only: the new ones are.
    for email in ["old.invite", "summer.intern"] {
        let email = format!("{email}@northwind.example");
        assert!(invited.contains(&email), "{invited:?}");
    }
}

#[test]
fn promoting_a_member_and_failing_to_demote_the_last_admin() {
    let home = Home::new();
    let (admin, member) = with_api(&home, async |client| {
        // Leave one admin: the other demo admin becomes a member.
        let directory = client.load_directory().await.expect("directory");
        let admins: Vec<_> = directory
            .members()
            .iter()
            .filter(|m| {
                directory
                    .org_roles(m.uuid)
                    .iter()
                    .any(|r| r == "organization_admin")
            })
            .map(|m| (m.uuid, m.email.clone().unwrap_or_default()))
            .collect();
        for (uuid, _) in &admins[1..] {
            let update = AdminOrganizationMemberUpdate {
                role_names: Some(vec![OrgRole::Member]),
                ..AdminOrganizationMemberUpdate::default()
            };
            client.update_user(*uuid, &update).await.expect("demote");
        }
        let member = member_email(client, |roles| roles == ["member"]).await;
        (admins[0].1.clone(), member)
    });
    let mut console = start(&home, &[]);
    open_people(&mut console);

    find(&mut console, &admin);
    console.send("r");
    let rule = console.wait_for("is the only organization_admin");
    assert!(rule.contains("cannot be taken away"), "{rule}");
    // Untick admin, tick member, preview: refused in the dialog before anything is sent.
    console.send(DOWN);
    console.send(DOWN);
    console.send(" ");
    console.send(UP);
    console.send(UP);
    console.send(" ");
    console.send(ENTER);
    console.wait_for("is the last organization_admin");
    console.send(ESC);
    console.wait_gone("Organization roles of");

    find(&mut console, &member);
    console.send("r");
    console.wait_for("Organization roles of");
    console.send(DOWN);
    console.send(DOWN);
    console.send(" ");
    console.send(ENTER);
    console.wait_for("after:  member, organization_admin");
    press_apply(&mut console, "Apply");
    console.wait_gone("Change the organization roles of");
    // The view reloads from the server and shows the new roles in the row.
    let local = member.split('@').next().unwrap_or(&member).to_owned();
    console.wait_for_row(&local, "organization_admin");
    leave(&mut console);

    with_api(&home, async |client| {
        assert_eq!(roles_of(client, &admin).await, ["organization_admin"]);
        let promoted = roles_of(client, &member).await;
        assert!(
            promoted.contains(&"organization_admin".to_owned()),
            "{promoted:?}"
        );
    });
}

#[test]
fn offboarding_a_person_with_two_keys_removes_them_and_their_keys() {
    let home = Home::new();
    let (email, keys) = with_api(&home, async |client| {
        let keys = client.list_all_api_keys().await.expect("keys");
        let owner = keys
            .iter()
            .find(|k| k.name.as_deref() == Some("Prototype frontend"))
            .and_then(|k| k.created_by.clone())
            .expect("the demo's prototype key");
        let theirs: Vec<String> = keys
            .iter()
            .filter(|k| k.created_by.as_deref() == Some(owner.as_str()))
            .filter_map(|k| k.name.clone())
            .collect();
        (owner, theirs)
    });
    assert_eq!(keys.len(), 2, "{keys:?}");
    let mut console = start(&home, &[]);
    open_people(&mut console);
    find(&mut console, &email);
    console.send("O");
    let dialog = console.wait_for("This is permanent");
    for key in &keys {
        assert!(dialog.contains(key.as_str()), "{key} listed:\n{dialog}");
    }
    assert!(dialog.contains("[x] delete these keys"), "{dialog}");
    // Cancel has the focus; one Tab after typing the email reaches Offboard.
    console.send(&email);
    console.wait_for("✓ matches");
    console.send(TAB);
    console.send(ENTER);
    let report = console.wait_for(&format!("Offboarding {email}: done, 3/3"));
    assert!(
        report.contains(&format!("done: remove {email} from the organization")),
        "{report}"
    );
    close_report(&mut console);
    leave(&mut console);

    with_api(&home, async |client| {
        assert!(
            roles_of(client, &email).await.is_empty(),
            "the user is gone"
        );
        let left = client.list_all_api_keys().await.expect("keys");
        for key in &keys {
            assert!(
                !left.iter().any(|k| k.name.as_deref() == Some(key.as_str())),
                "{key} deleted"
            );
        }
        let query = AuditQuery {
            event_type: vec![
                "user.organization.delete".to_owned(),
                "api_key.delete".to_owned(),
            ],
            limit: Some(50),
            ..AuditQuery::default()
        };
        let trail = client.audit_logs(&query).await.expect("audit");
        let removed = trail
            .iter()
            .filter(|e| e.event_type == "user.organization.delete")
            .count();
        let deleted = trail
            .iter()
            .filter(|e| e.event_type == "api_key.delete")
            .count();
        assert_eq!(
            (removed, deleted),
            (1, 2),
            "the audit log shows the offboarding"
        );
    });
}

/// Hannah is a billing manager through the group Finance. The dialog says so beside the
/// role; promoting her sends only her own roles, so billing_manager still ends with Finance.
#[test]
fn the_roles_dialog_leaves_a_groups_organization_role_to_the_group() {
    let home = Home::new();
    let hannah = "hannah.schmidt@northwind.example";
    let mut console = start(&home, &[]);
    open_people(&mut console);
    find(&mut console, hannah);
    console.send("r");
    console.wait_for("given by the group \"Finance\"");
    console.send(DOWN);
    console.send(DOWN);
    console.send(" ");
    console.send(ENTER);
    let preview = console.wait_for("Change the organization roles of");
    assert!(
        preview.contains("after:  member, billing_manager, organization_admin")
            && preview.contains("keeps billing_manager through the")
            && preview.contains("group \"Finance\", not as their own"),
        "{preview}"
    );
    press_apply(&mut console, "Apply");
    console.wait_gone("Change the organization roles of");
    leave(&mut console);

    with_api(&home, async |client| {
        let held = roles_of(client, hannah).await;
        assert!(held.contains(&"organization_admin".to_owned()), "{held:?}");
        let groups = client.list_all_groups().await.expect("groups");
        let finance = groups
            .iter()
            .find(|g| g.name == "Finance")
            .expect("Finance");
        let directory = client.load_directory().await.expect("directory");
        let her = (directory.members().iter())
            .find(|m| m.email.as_deref() == Some(hannah))
            .expect("Hannah");
        (client.remove_group_members(finance.uuid, &[her.uuid]).await).expect("leave Finance");
        let left = roles_of(client, hannah).await;
        assert!(
            !left.contains(&"billing_manager".to_owned()),
            "billing_manager was Finance's and went with it: {left:?}"
        );
        assert!(left.contains(&"organization_admin".to_owned()), "{left:?}");
    });
}
