//! `scim preview` and `scim sync` as a script runs them, against the demo organization, whose
//! identity provider is out of step with it; what a sync changed is checked through the Admin API.

use crate::support::cli::Scripted;

/// The people of the organization, by email.
async fn members(s: &Scripted) -> Vec<String> {
    let directory = s.api.load_directory().await.unwrap();
    directory
        .members()
        .iter()
        .filter_map(|m| m.email.clone())
        .collect()
}

#[tokio::test]
async fn a_preview_changes_nothing_and_a_sync_runs_only_once_confirmed() {
    let s = Scripted::demo().await;
    let before = members(&s).await;
    let preview = s.run(&["scim", "preview"]).await.expect(6);
    assert!(preview.stdout.starts_with("Preview "), "{preview:#?}");
    let joining: Vec<String> = preview
        .stdout
        .lines()
        .filter_map(|l| l.trim().strip_prefix("+ "))
        .filter_map(|l| l.strip_suffix(" (joins the organization)"))
        .map(str::to_owned)
        .collect();
    assert!(!joining.is_empty(), "{preview:#?}");
    assert!(preview.stdout.contains("(leaves the organization)"));
    assert!(preview.stderr.contains("a sync would make"), "{preview:#?}");

    // No terminal to ask on and no --yes: nothing is started.
    let refused = s.run(&["scim", "sync"]).await.expect(2);
    assert!(refused.stderr.contains("give --yes"), "{refused:#?}");
    let refused = s
        .run(&["scim", "sync", "--yes", "--read-only"])
        .await
        .expect(4);
    assert!(refused.stderr.contains("no sync run was started"));
    assert_eq!(members(&s).await, before);

    let sync = s.run(&["scim", "sync", "--yes", "-o", "json"]).await.ok();
    let run = sync.json();
    assert_eq!(run["status"], "SUCCESS");
    assert_eq!(run["dry_run"], false);
    assert!(
        sync.stderr.starts_with("Preview "),
        "the preview on stderr: {sync:#?}"
    );
    assert!(
        !sync
            .stderr
            .contains("did not do exactly what the preview showed"),
        "the run did what the preview showed: {sync:#?}"
    );
    let after = members(&s).await;
    for email in &joining {
        assert!(after.contains(email), "{email} joined: {after:?}");
    }
    let settled = s.run(&["scim", "sync", "--yes"]).await.ok();
    assert!(
        settled
            .stdout
            .contains("Nothing to do: the organization matches the identity provider"),
        "{settled:#?}"
    );
    assert!(
        settled
            .stderr
            .contains("Nothing to sync: no run was started.")
    );
}

#[tokio::test]
async fn a_provider_that_does_not_answer_fails_the_preview_with_its_reason() {
    let s = Scripted::demo().await;
    s.api.set_scim_reachable(false).await.unwrap();
    let preview = s.run(&["scim", "preview", "-o", "json"]).await.expect(1);
    assert_eq!(preview.json()["status"], "FAILED");
    assert!(preview.stderr.contains("the preview"), "{preview:#?}");
    assert!(preview.stderr.contains("failed: "), "{preview:#?}");
    s.run(&["scim", "sync", "--yes"]).await.expect(1);
}
