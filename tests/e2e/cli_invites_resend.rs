//! `invites resend` as a script runs it against the demo organization: expired invitations are
//! sent again with the same roles and workspaces (checked through the Admin API), a second run
//! finds nothing to do, and an unknown invitation is refused with exit code 3.

use std::collections::BTreeMap;

use uuid::Uuid;

use crate::support::cli::Scripted;

/// The pending invitations by email: (uuid, roles, workspaces, expired).
async fn invitations(s: &Scripted) -> BTreeMap<String, (Uuid, Vec<String>, Vec<Uuid>, bool)> {
    let directory = s.api.load_directory().await.expect("directory");
    directory
        .invites()
        .iter()
        .map(|i| {
            (
                i.email.clone(),
                (
                    i.uuid,
                    i.raw_roles.clone(),
                    i.workspace_uuids.clone(),
                    i.expired,
                ),
            )
        })
        .collect()
}

#[tokio::test]
async fn expired_invitations_are_sent_again_with_their_terms() {
    let s = Scripted::demo().await;
    let before = invitations(&s).await;
    let expired: Vec<&String> = before.iter().filter(|(_, i)| i.3).map(|(e, _)| e).collect();
    assert!(!expired.is_empty(), "the demo has an expired invitation");

    let run = s
        .run(&[
            "invites",
            "resend",
            "--expired",
            "--language",
            "fr",
            "-o",
            "json",
        ])
        .await
        .ok();
    assert!(run.stderr.contains(expired[0].as_str()), "{run:#?}");
    let after = invitations(&s).await;
    assert_eq!(
        after.len(),
        before.len(),
        "one new invitation for each old one"
    );
    for (email, (uuid, roles, workspaces, was_expired)) in &before {
        let now = &after[email];
        if *was_expired {
            assert_ne!(now.0, *uuid, "{email}: a new invitation");
            assert!(!now.3, "{email}: no longer expired");
            assert_eq!((&now.1, &now.2), (roles, workspaces), "{email}: same terms");
        } else {
            assert_eq!(now, &(*uuid, roles.clone(), workspaces.clone(), false));
        }
    }

    let again = s.run(&["invites", "resend", "--expired"]).await.ok();
    assert_eq!(
        again.stderr,
        "No invitation has expired: nothing to send again\n"
    );
    assert_eq!(invitations(&s).await, after, "nothing sent the second time");

    // Undo revokes the new invitations and says plainly that the expired ones stay gone.
    let undo = s.run(&["undo", "--yes"]).await.ok();
    for email in &expired {
        let said = format!(
            "cannot be undone: expired invitation {email} replaced by a new one: the expired one stays gone (undo revokes only the new one)"
        );
        assert!(undo.stdout.contains(&said), "{said}\n{undo:#?}");
    }
    s.run(&["invites", "resend", "nobody@example.com"])
        .await
        .expect(3);
    s.run(&["invites", "resend"]).await.expect(2);
}

/// A pending invitation sent again is the same invitation with new days: the journal holds no
/// change for it, so undo reaches past it to the change before.
#[tokio::test]
async fn a_pending_invitation_sent_again_leaves_undo_to_the_change_before() {
    let s = Scripted::demo().await;
    s.run(&["spend", "set", "999"]).await.ok();
    let before = invitations(&s).await;
    let marie = "marie.curie@northwind.example";
    s.run(&["invites", "resend", marie]).await.ok();
    let after = invitations(&s).await;
    assert_ne!(after[marie].0, before[marie].0, "a new invitation");
    assert_eq!(
        (&after[marie].1, &after[marie].2),
        (&before[marie].1, &before[marie].2)
    );
    let undo = s.run(&["undo", "--yes"]).await.ok();
    assert!(undo.stderr.contains("Undid #1"), "{undo:#?}");
    assert!(invitations(&s).await.contains_key(marie), "still invited");
}
