//! The console's changes reach the journal however they are sent and however the admin stops
//! waiting for them: a step of a `:people` run (a view's fetch) is journaled as a `Call::Change`
//! is, and a change stopped with ctrl-c while its request is on its way is finished and
//! journaled and sends nothing after it, also when the console closes meanwhile. Through the
//! effect runner, against the local server behind a proxy that holds changes at its door;
//! every outcome checked through the Admin API.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use uuid::Uuid;

use crate::support::client::test_client;
use crate::support::local_server;
use crate::support::proxy::Proxy;
use mistral_admin::actions::Request;
use mistral_admin::actions::journal::{Entry, Journal};
use mistral_admin::actions::org_run::{Record, RunOutcome};
use mistral_admin::actions::plan::{Intent, Plan, Step};
use mistral_admin::client::{AdminClient, ErrorKind, Profile};
use mistral_admin::domain::org::Change;
use mistral_admin::server::{LocalServer, Seed};
use mistral_admin::tui::call::{Call, Payload, Reply};
use mistral_admin::tui::effect::{Effect, EffectRunner};
use mistral_admin::tui::msg::Msg;
use mistral_admin::tui::runner::{ClientRunner, journaling};
use mistral_admin::tui::state::RequestId;
use mistral_admin::tui::views::Fetcher;
use mistral_admin::tui::views::people::Batch;
use mistral_admin::tui::views::plan::run::{ApplyFetch, RunControl};
use mistral_admin::tui::views::scim::StartFetch;

const WAIT: Duration = Duration::from_secs(20);

struct Console {
    server: LocalServer,
    proxy: Proxy,
    runner: ClientRunner,
    replies: UnboundedReceiver<Msg>,
    /// The runner's journal, read back.
    journal: Journal,
    /// Straight to the server, to check what it has.
    client: AdminClient,
    key: mistral_admin::domain::SecretString,
    _dir: tempfile::TempDir,
}

async fn console(holding: bool) -> Console {
    let server = local_server().seed(Seed::Demo).start().await;
    let key = server.seeded()[0].admin_key.clone();
    let proxy = if holding {
        Proxy::holding_changes(&server).await
    } else {
        Proxy::counting(&server).await
    };
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("journal.jsonl");
    let (sender, replies) = unbounded_channel();
    let profile = Profile::embedded("local", proxy.base_url.clone(), key.clone());
    let runner = ClientRunner::new(vec![profile], sender).with_journal(Journal::at(&path));
    Console {
        client: test_client(&server.admin_base_url(), key.expose()),
        key,
        server,
        proxy,
        runner,
        replies,
        journal: Journal::at(&path),
        _dir: dir,
    }
}

impl Console {
    fn send(&mut self, id: u64, call: Call) -> RequestId {
        let id = RequestId(id);
        self.runner.run(Effect::Request {
            id,
            profile: 0,
            call,
        });
        id
    }

    async fn reply(&mut self) -> Reply {
        loop {
            let message = tokio::time::timeout(WAIT, self.replies.recv())
                .await
                .expect("an answer in time")
                .expect("the runner is alive");
            if let Msg::Reply(reply) = message {
                return *reply;
            }
        }
    }

    /// Two named keys of the organization: their ids and names.
    async fn two_keys(&self) -> [(Uuid, String); 2] {
        let keys = self.client.list_all_api_keys().await.unwrap();
        let mut named = keys
            .iter()
            .filter_map(|k| Some((k.key_id, k.name.clone().filter(|n| !n.is_empty())?)));
        [named.next().expect("a key"), named.next().expect("another")]
    }

    async fn listed(&self, key: Uuid) -> bool {
        let keys = self.client.list_all_api_keys().await.unwrap();
        keys.iter().any(|k| k.key_id == key)
    }

    /// Sends a change deleting two keys and waits until the first deletion is held at the
    /// proxy: the change's id and the two keys.
    async fn two_deletions_held_at_the_first(&mut self) -> (RequestId, [(Uuid, String); 2]) {
        let keys = self.two_keys().await;
        let requests = keys
            .iter()
            .map(|(key, _)| Request::DeleteApiKey { key: *key })
            .collect();
        let id = self.send(1, Call::Change(requests));
        self.wait_for("the first deletion at the proxy", |c| {
            c.proxy.seen_with("DELETE").len() == 1
        })
        .await;
        (id, keys)
    }

    /// After [`two_deletions_held_at_the_first`](Self::two_deletions_held_at_the_first) let
    /// in and stopped: the first key is gone, the second kept, nothing was sent after the
    /// first, and the journal holds the first deletion alone, which it gives back.
    async fn only_the_first_deleted(&self, keys: &[(Uuid, String); 2]) -> Entry {
        let [(first, first_name), (second, _)] = keys;
        assert_eq!(
            self.proxy.seen_with("DELETE").len(),
            1,
            "nothing sent after it"
        );
        assert!(!self.listed(*first).await, "the first key is deleted");
        assert!(self.listed(*second).await, "the second key is kept");
        let entries = self.journal.entries().unwrap();
        let [entry] = entries.as_slice() else {
            panic!("one entry: {entries:#?}");
        };
        let [Change::Irreversible { what, .. }] = entry.changes.as_slice() else {
            panic!("the first deletion only: {entry:#?}");
        };
        assert_eq!(what, &deleted(first_name));
        entry.clone()
    }

    async fn wait_for(&self, what: &str, check: impl Fn(&Self) -> bool) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while !check(self) {
            assert!(tokio::time::Instant::now() < deadline, "waited for {what}");
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}

fn deleted(name: &str) -> String {
    format!("API key \"{name}\" deleted")
}

#[tokio::test]
async fn a_step_of_a_people_run_is_journaled_as_a_change_is() {
    let mut console = console(false).await;
    let [(key, name), _] = console.two_keys().await;
    let step = Step::new(Request::DeleteApiKey { key }, format!("delete {name}"));
    let intent = Intent::DeleteKeys {
        labels: vec![name.clone()],
    };
    let batch = Batch::new(
        "Deleting a key",
        Plan::new(intent, "delete a key", vec![step]),
    );
    let id = console.send(1, Call::View(batch.first()));
    let reply = console.reply().await;
    assert_eq!(reply.id, id);
    assert!(reply.result.is_ok(), "{:?}", reply.result);
    assert!(!console.listed(key).await, "the server no longer lists it");
    let entries = console.journal.entries().unwrap();
    let [entry] = entries.as_slice() else {
        panic!("one entry: {entries:#?}");
    };
    assert_eq!(entry.source, "console");
    let [Change::Irreversible { what, .. }] = entry.changes.as_slice() else {
        panic!("the deletion: {entry:#?}");
    };
    assert_eq!(what, &deleted(&name));
    console.server.shutdown().await;
}

#[tokio::test]
async fn a_change_stopped_on_its_way_is_finished_journaled_and_goes_no_further() {
    let mut console = console(true).await;
    let (id, keys) = console.two_deletions_held_at_the_first().await;
    // ctrl-c: the console stops waiting while the request is held on its way.
    console.runner.run(Effect::Cancel(vec![id]));
    console.proxy.let_one_in();

    let reply = console.reply().await;
    let Ok(Payload::Changed(applied)) = &reply.result else {
        panic!("what was done: {:?}", reply.result);
    };
    assert_eq!(
        applied.replies.len(),
        1,
        "the request under way was finished"
    );
    let stopped = applied.stopped.as_ref().expect("the rest stopped");
    assert_eq!(stopped.kind, ErrorKind::Cancelled);
    let entry = console.only_the_first_deleted(&keys).await;
    let why = entry.stopped.as_deref().unwrap_or_default();
    assert!(why.starts_with("Stopped after 1 of 2 requests"), "{why}");
    console.server.shutdown().await;
}

#[tokio::test]
async fn a_people_step_stopped_before_it_is_sent_is_not_sent() {
    let console = console(false).await;
    let [(key, name), _] = console.two_keys().await;
    let request = Request::DeleteApiKey { key };
    let step = Step::new(request.clone(), format!("delete {name}"));
    let intent = Intent::DeleteKeys { labels: vec![name] };
    let batch = Batch::new(
        "Deleting a key",
        Plan::new(intent, "delete a key", vec![step]),
    );
    let client = test_client(&console.proxy.base_url, console.key.expose());
    // ctrl-c came while the organization was read for the journal.
    let stopped = AtomicBool::new(true);
    let call = Call::View(batch.first());
    let result =
        journaling::perform(&client, Some(&console.journal), &call, &[request], &stopped).await;
    let Err(error) = result else {
        panic!("stopped: {result:?}");
    };
    assert_eq!(error.kind, ErrorKind::Cancelled);
    assert!(console.proxy.seen_with("DELETE").is_empty(), "nothing sent");
    assert!(console.listed(key).await, "the key is kept");
    assert!(console.journal.entries().unwrap().is_empty());
    console.server.shutdown().await;
}

/// The console closes (its second ctrl-c) while a change is held on its way: the runner waits
/// for the request under way, sends nothing after it, and the journal holds it by the time
/// the wait ends.
#[tokio::test]
async fn a_change_on_its_way_when_the_console_closes_is_waited_for_and_journaled() {
    let mut console = console(true).await;
    let (id, keys) = console.two_deletions_held_at_the_first().await;
    // The first ctrl-c stops waiting; the change is still under way.
    console.runner.run(Effect::Cancel(vec![id]));
    assert_eq!(console.runner.changes_under_way(), 1);
    assert_eq!(
        console.runner.journaled_under_way(),
        1,
        "a deletion is journaled"
    );
    console.proxy.let_one_in();

    let going = console.runner.settle(WAIT).await;
    assert_eq!(going, 0, "finished within the wait");
    assert_eq!(console.runner.changes_under_way(), 0);
    console.only_the_first_deleted(&keys).await;
    console.server.shutdown().await;
}

/// A real SCIM sync's start held on its way is a change the console waits for at the end,
/// but not one the journal records: the closing line must not promise the journal it.
#[tokio::test]
async fn a_scim_start_on_its_way_is_waited_for_but_not_counted_as_journaled() {
    let mut console = console(true).await;
    let start = StartFetch { dry_run: false };
    console.send(1, Call::View(Fetcher::new(start)));
    console
        .wait_for("the sync's start at the proxy", |c| {
            c.proxy.seen_with("POST").len() == 1
        })
        .await;
    assert_eq!(console.runner.changes_under_way(), 1);
    assert_eq!(console.runner.journaled_under_way(), 0);
    console.proxy.let_one_in();
    let going = console.runner.settle(WAIT).await;
    assert_eq!(going, 0, "the start finished within the wait");
    assert!(console.journal.entries().unwrap().is_empty());
    console.server.shutdown().await;
}

/// A change the server never takes is given up when the wait runs out, and said to be.
#[tokio::test]
async fn the_wait_for_changes_at_the_end_is_bounded() {
    let mut console = console(true).await;
    let [(key, _), _] = console.two_keys().await;
    console.send(1, Call::Change(vec![Request::DeleteApiKey { key }]));
    console
        .wait_for("the deletion at the proxy", |c| {
            c.proxy.seen_with("DELETE").len() == 1
        })
        .await;
    // Closed without the first ctrl-c: the change is still the UI's.
    assert_eq!(console.runner.changes_under_way(), 1);
    let going = console.runner.settle(Duration::from_millis(200)).await;
    assert_eq!(going, 1, "still held at the proxy");
    assert!(console.journal.entries().unwrap().is_empty());
    assert!(console.listed(key).await, "never reached the server");
    console.server.shutdown().await;
}

/// ctrl-c during `:plan`'s apply (a view's run of plan engine changes): the run is asked to
/// stop, not torn down; the change on its way is finished, nothing after it is sent, and the
/// journal holds what was applied.
#[tokio::test]
async fn a_plan_run_stopped_on_its_way_finishes_the_change_and_journals_it() {
    let mut console = console(true).await;
    let workspaces = console.client.list_all_workspaces(false).await.unwrap();
    let research = workspaces
        .iter()
        .find(|w| w.name == "Research")
        .expect("Research")
        .uuid;
    let directory = console.client.load_directory().await.unwrap();
    let removals: Vec<Change> = directory
        .workspace_members(research)
        .iter()
        .take(2)
        .map(|member| Change::RemoveMember {
            workspace: "Research".into(),
            email: member.user.email.clone().expect("an email"),
            roles: member.roles.clone(),
        })
        .collect();
    let control = Arc::new(RunControl::default());
    let run = ApplyFetch {
        changes: removals.clone(),
        record: Record {
            source: journaling::SOURCE.into(),
            summary: "remove two members".into(),
            undoes: None,
        },
        check: true,
        journal: Some(console.journal.clone()),
        control: Arc::clone(&control),
        halt: Arc::default(),
    };
    let id = console.send(1, Call::View(Fetcher::new(run)));
    console
        .wait_for("the first removal at the proxy", |c| {
            c.proxy.seen_with("DELETE").len() == 1
        })
        .await;
    // ctrl-c: the console stops waiting; the run is asked to stop, not torn down.
    console.runner.run(Effect::Cancel(vec![id]));
    assert_eq!(console.runner.changes_under_way(), 1);
    assert_eq!(
        console.runner.journaled_under_way(),
        1,
        "the run journals itself"
    );
    assert!(
        control.running(),
        "the run goes on until its change is done"
    );
    console.proxy.let_one_in();

    let reply = console.reply().await;
    let Ok(Payload::View(data)) = &reply.result else {
        panic!("the run's outcome: {:?}", reply.result);
    };
    let outcome = data.get::<RunOutcome>().expect("a run's outcome");
    assert_eq!(outcome.applied, removals[..1], "the change on its way");
    assert!(outcome.cancelled);
    assert_eq!(outcome.not_done, removals[1..], "nothing after it");
    assert!(!control.running());
    assert_eq!(
        console.proxy.seen_with("DELETE").len(),
        1,
        "nothing sent after it"
    );
    let entries = console.journal.entries().unwrap();
    let [entry] = entries.as_slice() else {
        panic!("one entry: {entries:#?}");
    };
    assert_eq!(entry.changes, removals[..1]);
    let left: Vec<String> = console
        .client
        .load_directory()
        .await
        .unwrap()
        .workspace_members(research)
        .iter()
        .filter_map(|m| m.user.email.clone())
        .collect();
    let emails = |changes: &[Change]| -> Vec<String> {
        changes
            .iter()
            .filter_map(|c| match c {
                Change::RemoveMember { email, .. } => Some(email.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(
        !left.contains(&emails(&removals[..1])[0]),
        "the first is removed"
    );
    assert!(
        left.contains(&emails(&removals[1..])[0]),
        "the second is kept"
    );
    console.server.shutdown().await;
}
