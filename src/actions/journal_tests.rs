use super::*;

fn roles(list: &[&str]) -> Vec<String> {
    list.iter().map(|r| r.to_string()).collect()
}

fn set_roles(email: &str) -> Change {
    Change::SetMemberRoles {
        workspace: "Research".into(),
        email: email.into(),
        before: roles(&["dev"]),
        after: roles(&["workspace_admin"]),
    }
}

fn new_entry(org: &str, changes: Vec<Change>, undoes: Option<u64>) -> NewEntry {
    NewEntry {
        organization: org.into(),
        source: "command".into(),
        summary: "test".into(),
        changes,
        undoes,
        stopped: None,
    }
}

#[test]
fn entries_are_numbered_kept_per_organization_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let journal = Journal::at(dir.path().join("data").join(JOURNAL_FILE));
    assert!(
        journal.entries().unwrap().is_empty(),
        "no journal yet is empty"
    );
    let at = OffsetDateTime::UNIX_EPOCH;
    let first = journal
        .record(new_entry("org-a", vec![set_roles("ana@x.io")], None), at)
        .unwrap()
        .unwrap();
    assert!(
        journal
            .record(new_entry("org-a", Vec::new(), None), at)
            .unwrap()
            .is_none(),
        "a change set that changed nothing is not kept"
    );
    journal
        .record(new_entry("org-b", vec![set_roles("bob@x.io")], None), at)
        .unwrap();
    assert_eq!(first.id, 1);
    let of_a = journal.entries_of("org-a").unwrap();
    assert_eq!(of_a, [first]);
    assert_eq!(journal.entries().unwrap()[1].id, 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(journal.path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "only its owner reads the journal");
    }
    std::fs::write(journal.path(), "{not json}\n").unwrap();
    let error = journal.entries().unwrap_err().to_string();
    assert!(error.contains("line 1"), "{error}");
}

fn entry(id: u64, changes: Vec<Change>, undoes: Option<u64>) -> Entry {
    Entry {
        id,
        at: OffsetDateTime::UNIX_EPOCH,
        organization: "org".into(),
        source: "command".into(),
        summary: format!("entry {id}"),
        changes,
        undoes,
        stopped: None,
    }
}

#[test]
fn undo_takes_the_newest_reversible_entry_and_passes_over_what_cannot_be_undone() {
    let archive = Change::ArchiveWorkspace {
        workspace: "Old".into(),
        explicit: true,
    };
    let entries = vec![
        entry(1, vec![set_roles("ana@x.io")], None),
        entry(2, vec![set_roles("bob@x.io"), archive.clone()], None),
        entry(3, vec![archive.clone()], None),
    ];
    let plan = undo_plan(&entries).unwrap();
    assert_eq!(plan.entry.id, 2);
    assert_eq!(plan.inverse, [set_roles("bob@x.io").inverse().unwrap()]);
    assert_eq!(plan.irreversible.len(), 1);
    assert_eq!(plan.passed_over[0].0.id, 3);
    assert!(plan.passed_over[0].1.starts_with("archiving is permanent"));

    let mut after = entries.clone();
    after.push(entry(4, plan.inverse.clone(), Some(2)));
    assert_eq!(
        undo_plan(&after).unwrap().entry.id,
        1,
        "an undone entry and the undo itself are passed over"
    );
    after.push(entry(
        5,
        vec![set_roles("ana@x.io").inverse().unwrap()],
        Some(1),
    ));
    assert!(undo_plan(&after).is_none());
}

#[test]
fn an_undo_that_stopped_partway_leaves_the_rest_to_the_next_undo() {
    let changes = vec![set_roles("ana@x.io"), set_roles("bob@x.io")];
    let whole = UndoPlan::taking_back(entry(1, changes, None));
    assert_eq!(whole.title(), "Undo #1");
    let mut stopped = entry(2, whole.inverse[..1].to_vec(), Some(1));
    stopped.stopped = Some("Stopped at the second change".into());
    let entries = vec![whole.entry.clone(), stopped.clone()];

    let rest = undo_plan(&entries).expect("the rest is offered");
    assert_eq!(rest.entry.id, 1);
    assert_eq!(rest.inverse, whole.inverse[1..]);
    assert_eq!(rest.resumes, [2]);
    assert_eq!(rest.title(), "Undo the rest of #1 (#2 stopped partway)");

    let mut finished = entries.clone();
    finished.push(entry(3, rest.inverse.clone(), Some(1)));
    assert!(undo_plan(&finished).is_none(), "a whole undo ends it");

    // A stopped undo that had in fact taken back everything leaves nothing to offer.
    stopped.changes = whole.inverse.clone();
    assert!(undo_plan(&[whole.entry.clone(), stopped]).is_none());
}

/// The undo renamed R&D back to Research first, then took Bob's change back there, which it
/// journaled under the name Research; Ana's is the rest, called by that name too.
#[test]
fn an_undo_that_stopped_after_a_rename_back_leaves_the_rest_named_as_now() {
    use crate::domain::org::{FieldValue, WorkspaceField};
    let rename = Change::EditWorkspace {
        workspace: "Research".into(),
        field: WorkspaceField::Name,
        before: FieldValue::Text("Research".into()),
        after: FieldValue::Text("R&D".into()),
    };
    let named = |place: &str, change: Change| match change {
        Change::SetMemberRoles {
            email,
            before,
            after,
            ..
        } => Change::SetMemberRoles {
            workspace: place.into(),
            email,
            before,
            after,
        },
        other => other,
    };
    let changes = vec![
        named("R&D", set_roles("ana@x.io")),
        named("R&D", set_roles("bob@x.io")),
        rename,
    ];
    let whole = UndoPlan::taking_back(entry(1, changes, None));
    let rename_back = whole.inverse[0].clone();
    let bob_back = named("Research", whole.inverse[1].clone());
    let ana_back = named("Research", whole.inverse[2].clone());
    let mut stopped = entry(2, vec![rename_back, bob_back], Some(1));
    stopped.stopped = Some("Stopped at Ana's change".into());
    let rest = undo_plan(&[whole.entry.clone(), stopped]).expect("the rest is offered");
    assert_eq!(rest.inverse, [ana_back], "Bob's is not offered again");
}
