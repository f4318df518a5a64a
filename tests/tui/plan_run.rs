//! The run behind the console's `:plan` and `:undo` (`actions::org_run`) against the local
//! server: a stop asked between two changes, and a refusal midway, each reported exactly
//! and kept as one journal entry holding only what was applied.

use mistral_admin::actions::journal::{Journal, undo_plan};
use mistral_admin::actions::org_run::{Control, Record, RunOutcome, run, undo_record};
use mistral_admin::client::AdminClient;
use mistral_admin::domain::org::{Change, FieldValue, WorkspaceField};
use mistral_admin::server::{LocalServer, Seed};

use crate::support::client::test_client;
use crate::support::local_server;

/// Stops once `after` changes are applied; keeps every progress report.
struct StopAfter {
    after: usize,
    done: usize,
    reports: Vec<(usize, usize)>,
}

impl Control for StopAfter {
    fn progress(&mut self, done: usize, total: usize) {
        self.done = done;
        self.reports.push((done, total));
    }

    fn stop_asked(&self) -> bool {
        self.done >= self.after
    }
}

/// Adds to Research of people of the organization who are not in it yet.
async fn adds(client: &AdminClient, count: usize) -> Vec<Change> {
    let workspaces = client.list_all_workspaces(false).await.unwrap();
    let research = workspaces.iter().find(|w| w.name == "Research").unwrap();
    let directory = client.load_directory().await.unwrap();
    let inside: Vec<_> = directory
        .workspace_members(research.uuid)
        .into_iter()
        .map(|m| m.user.uuid)
        .collect();
    directory
        .members()
        .iter()
        .filter(|m| !inside.contains(&m.uuid))
        .filter_map(|m| m.email.clone())
        .take(count)
        .map(|email| Change::AddMember {
            workspace: "Research".into(),
            email,
            roles: vec!["dev".into()],
        })
        .collect()
}

/// A demo organization on the local server, a client with its admin key, and a journal in a
/// folder of its own.
struct Bench {
    _server: LocalServer,
    client: AdminClient,
    journal: Journal,
    _dir: tempfile::TempDir,
}

impl Bench {
    async fn start() -> Self {
        let server = local_server().seed(Seed::Demo).start().await;
        let key = server.seeded()[0].admin_key.expose().to_owned();
        let client = test_client(&server.admin_base_url(), &key);
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(dir.path().join("journal.jsonl"));
        Self {
            _server: server,
            client,
            journal,
            _dir: dir,
        }
    }

    /// Runs `changes` as the console does (`check` first when asked), stopping once `after`
    /// are applied; returns the outcome and the progress reports.
    async fn run(&self, changes: &[Change], check: bool, after: usize) -> (RunOutcome, StopAfter) {
        let mut control = StopAfter {
            after,
            done: 0,
            reports: Vec::new(),
        };
        let record = Record {
            source: "console".into(),
            summary: "test run".into(),
            undoes: None,
        };
        let outcome = run(
            &self.client,
            Some(&self.journal),
            changes,
            &record,
            check,
            &mut control,
        )
        .await
        .unwrap();
        (outcome, control)
    }
}

#[tokio::test]
async fn a_stop_between_two_changes_leaves_the_rest_and_journals_what_was_applied() {
    let bench = Bench::start().await;
    let (client, journal) = (&bench.client, &bench.journal);
    let changes = adds(client, 3).await;
    assert_eq!(changes.len(), 3);
    let (outcome, control) = bench.run(&changes, false, 1).await;
    assert_eq!(outcome.applied, changes[..1]);
    assert!(outcome.cancelled);
    assert_eq!(outcome.not_done, changes[1..]);
    assert_eq!(control.reports, [(0, 3), (1, 3)]);
    let entries = journal.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].changes, changes[..1]);
    assert_eq!(Some(entries[0].id), outcome.entry);
    assert!(
        entries[0]
            .stopped
            .as_deref()
            .unwrap()
            .contains("2 not applied")
    );
    // Only the first one reached the server.
    let after = adds(client, 10).await;
    assert!(!after.contains(&changes[0]));
    assert!(after.contains(&changes[1]) && after.contains(&changes[2]));
}

#[tokio::test]
async fn a_refusal_midway_says_what_was_applied_and_what_was_not() {
    let bench = Bench::start().await;
    let (client, journal) = (&bench.client, &bench.journal);
    let mut changes = adds(client, 2).await;
    changes.insert(
        1,
        Change::AddMember {
            workspace: "Research".into(),
            email: "nobody@nowhere.example".into(),
            roles: vec!["dev".into()],
        },
    );
    let (outcome, _) = bench.run(&changes, false, usize::MAX).await;
    assert_eq!(outcome.applied, changes[..1]);
    let (refused, why) = outcome.failed.clone().expect("the refusal");
    assert_eq!(refused, changes[1]);
    assert!(why.contains("nobody@nowhere.example"), "{why}");
    assert_eq!(outcome.not_done, changes[2..]);
    assert_eq!(outcome.left(), changes[1..]);
    let entries = journal.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].changes, changes[..1]);
    assert!(
        entries[0]
            .stopped
            .as_deref()
            .unwrap()
            .starts_with("Stopped at + \"Research\" member nobody@nowhere.example")
    );
}

#[tokio::test]
async fn a_change_someone_made_since_is_a_conflict_and_nothing_is_applied() {
    let bench = Bench::start().await;
    let (client, journal) = (&bench.client, &bench.journal);
    let mut changes = adds(client, 1).await;
    // Staged when Björn was, say, an observer: he is not any more.
    changes.push(Change::SetMemberRoles {
        workspace: "Research".into(),
        email: "bjorn.lindqvist@northwind.example".into(),
        before: vec!["observability_viewer".into()],
        after: vec!["workspace_admin".into()],
    });
    let (outcome, _) = bench.run(&changes, true, usize::MAX).await;
    assert_eq!(outcome.conflicts.len(), 1, "{outcome:?}");
    assert_eq!(outcome.conflicts[0].0, changes[1]);
    assert!(outcome.applied.is_empty());
    assert_eq!(outcome.not_done, changes);
    assert!(journal.entries().unwrap().is_empty(), "nothing to record");
    assert_eq!(
        adds(client, 50).await.first(),
        changes.first(),
        "the add was not made"
    );
}

/// The name and description of the active workspace with `id`.
async fn name_and_description(client: &AdminClient, id: uuid::Uuid) -> (String, String) {
    let workspaces = client.list_all_workspaces(false).await.unwrap();
    let found = workspaces.into_iter().find(|w| w.uuid == id).unwrap();
    (found.name, found.description.unwrap_or_default())
}

#[tokio::test]
async fn a_rename_then_an_edit_of_the_same_workspace_applies_and_undoes_whole() {
    let bench = Bench::start().await;
    let (client, journal) = (&bench.client, &bench.journal);
    let workspaces = client.list_all_workspaces(false).await.unwrap();
    let research = workspaces.iter().find(|w| w.name == "Research").unwrap();
    let before = name_and_description(client, research.uuid).await;
    let text = |t: &str| FieldValue::Text(t.to_owned());
    // As the console stages them: the rename first, then the description of the workspace
    // as the server still calls it.
    let changes = [
        Change::EditWorkspace {
            workspace: "Research".into(),
            field: WorkspaceField::Name,
            before: text("Research"),
            after: text("R&D"),
        },
        Change::EditWorkspace {
            workspace: "Research".into(),
            field: WorkspaceField::Description,
            before: text(&before.1),
            after: text("Research and development"),
        },
    ];
    let (outcome, _) = bench.run(&changes, true, usize::MAX).await;
    assert!(outcome.conflicts.is_empty(), "{outcome:?}");
    assert!(outcome.failed.is_none(), "{outcome:?}");
    assert_eq!(
        name_and_description(client, research.uuid).await,
        ("R&D".to_owned(), "Research and development".to_owned())
    );

    let plan = undo_plan(&journal.entries().unwrap()).expect("something to undo");
    let record = undo_record(&plan, "console");
    let mut control = StopAfter {
        after: usize::MAX,
        done: 0,
        reports: Vec::new(),
    };
    let undone = run(
        client,
        Some(journal),
        &plan.inverse,
        &record,
        true,
        &mut control,
    )
    .await
    .unwrap();
    assert!(undone.conflicts.is_empty(), "{undone:?}");
    assert!(undone.failed.is_none(), "{undone:?}");
    assert_eq!(name_and_description(client, research.uuid).await, before);
}
