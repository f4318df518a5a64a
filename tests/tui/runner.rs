//! The console's effect runner against real servers: the local server over HTTP for every
//! call, and the fault-injecting server to see that a cancelled request is really dropped.

use std::time::{Duration, Instant};

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use uuid::Uuid;

use crate::support::fault_server::{FaultServer, Reply as Script};
use crate::support::local_server;
use mistral_admin::actions::{self, Request};
use mistral_admin::api::{
    UpdateWorkspaceIn, WorkspaceOut, WorkspaceSettingsOut, WorkspaceSettingsUpdate,
};
use mistral_admin::client::{ErrorKind, KeySource, Profile};
use mistral_admin::server::{LocalServer, Seed};
use mistral_admin::tui::call::{Applied, Call, Payload, PeoplePage};
use mistral_admin::tui::effect::{Effect, EffectRunner};
use mistral_admin::tui::msg::Msg;
use mistral_admin::tui::runner::ClientRunner;
use mistral_admin::tui::state::people::People;
use mistral_admin::tui::state::{RemoteError, RequestId};

const WAIT: Duration = Duration::from_secs(20);

struct Harness {
    runner: ClientRunner,
    replies: UnboundedReceiver<Msg>,
    next: u64,
    /// The pages of the directory that came before the last answer.
    pages: Vec<PeoplePage>,
}

impl Harness {
    fn new(profiles: Vec<Profile>) -> Self {
        let (sender, replies) = unbounded_channel();
        Self {
            runner: ClientRunner::new(profiles, sender),
            replies,
            next: 1,
            pages: Vec::new(),
        }
    }

    fn send(&mut self, call: Call) -> RequestId {
        let id = RequestId(self.next);
        self.next += 1;
        self.runner.run(Effect::Request {
            id,
            profile: 0,
            call,
        });
        id
    }

    /// Sends `call` and returns what came back; the reply names the call it answers.
    async fn ask(&mut self, call: Call) -> Result<Payload, RemoteError> {
        let id = self.send(call.clone());
        self.pages.clear();
        // The directory's pages come first, as they arrive; then the answer.
        let reply = loop {
            let message = tokio::time::timeout(WAIT, self.replies.recv())
                .await
                .expect("an answer in time")
                .expect("the runner is alive");
            match message {
                Msg::Reply(reply) => break reply,
                Msg::Partial(partial) => {
                    assert_eq!(
                        (partial.id, &call),
                        (id, &Call::People),
                        "pages of the directory only"
                    );
                    self.pages.push(partial.page);
                }
                other => panic!("not a reply: {other:?}"),
            }
        };
        assert_eq!(reply.id, id);
        assert_eq!(reply.profile, 0);
        assert_eq!(reply.call, call);
        reply.result
    }
}

async fn demo() -> (LocalServer, Harness) {
    let server = local_server().seed(Seed::Demo).start().await;
    let key = server.seeded()[0].admin_key.clone();
    let profile = Profile::embedded("local", server.admin_base_url(), key);
    (server, Harness::new(vec![profile]))
}

async fn workspaces(harness: &mut Harness) -> Vec<WorkspaceOut> {
    match harness.ask(Call::Workspaces { archived: false }).await {
        Ok(Payload::Workspaces(list)) => list,
        other => panic!("{other:?}"),
    }
}

fn named(list: &[WorkspaceOut], name: &str) -> Uuid {
    list.iter().find(|w| w.name == name).expect(name).uuid
}

#[tokio::test]
async fn every_load_of_the_first_screen_answers_from_the_server() {
    let (server, mut harness) = demo().await;
    let Ok(Payload::Organization(Some(org))) = harness.ask(Call::Organization).await else {
        panic!("organization")
    };
    assert_eq!(org.name, "Northwind Labs");

    let list = workspaces(&mut harness).await;
    let research = named(&list, "Research");
    let default = list.iter().find(|w| w.is_default).unwrap().uuid;

    // The directory comes in pages only; the answer says they were all and brings the catalog.
    let Ok(Payload::PeoplePaged { workspace_roles }) = harness.ask(Call::People).await else {
        panic!("people")
    };
    assert!(workspace_roles.iter().any(|r| r.name == "workspace_admin"));
    let paged: Vec<_> = harness
        .pages
        .iter()
        .flat_map(|page| page.persons.clone())
        .collect();
    let people = People::new(paged.clone());
    assert_eq!(
        paged, people.persons,
        "the pages list everyone once, so the console can assemble the directory from them"
    );
    let last = harness
        .pages
        .last()
        .expect("a page before the answer")
        .progress;
    assert_eq!(
        last.total,
        Some(last.loaded),
        "the last page completes the count"
    );
    let camille = people
        .persons
        .iter()
        .find(|p| &*p.name == "Camille Laurent")
        .expect("the demo admin");
    assert_eq!(&camille.org_roles[..], ["organization_admin"]);
    let (_, roles) = camille
        .memberships
        .iter()
        .find(|(ws, _)| *ws == default)
        .expect("in the default workspace");
    assert!(
        roles.iter().all(|r| Uuid::parse_str(r).is_err()),
        "role names, not UUIDs: {roles:?}"
    );
    assert_eq!(
        people.rows_for(research).len(),
        list.iter()
            .find(|w| w.uuid == research)
            .unwrap()
            .members_count
            .unwrap() as usize
    );

    let Ok(Payload::ApiKeys(keys)) = harness.ask(Call::ApiKeys).await else {
        panic!("keys")
    };
    assert!(keys.iter().any(|k| k.workspace_id == Some(research)));
    assert!(
        keys.iter().all(|k| k.key.is_none()),
        "lists never carry a key"
    );

    let Ok(Payload::WorkspaceSettings(Some(settings))) =
        harness.ask(Call::WorkspaceSettings(research)).await
    else {
        panic!("settings")
    };
    assert_eq!(settings.workspace_uuid, research);
    server.shutdown().await;
}

#[tokio::test]
async fn a_save_sends_both_parts_and_returns_what_the_server_has() {
    let (server, mut harness) = demo().await;
    let research = named(&workspaces(&mut harness).await, "Research");
    let save = save(
        research,
        UpdateWorkspaceIn {
            description: Some("Benchmarks".into()),
            ..UpdateWorkspaceIn::default()
        },
        WorkspaceSettingsUpdate {
            members_can_create_api_keys: Some(true),
            monthly_spend_cap: Some(Some(321)),
        },
    );
    let Ok(Payload::Changed(Applied {
        replies,
        stopped: None,
    })) = harness.ask(save).await
    else {
        panic!("saved")
    };
    let [
        actions::Reply::WorkspaceUpdated(saved),
        actions::Reply::SettingsUpdated(settings),
    ] = replies.as_slice()
    else {
        panic!("both parts: {replies:?}")
    };
    assert_eq!(saved.description.as_deref(), Some("Benchmarks"));
    assert_eq!(settings.monthly_spend_cap, Some(321));
    assert!(settings.members_can_create_api_keys);
    let again = workspaces(&mut harness).await;
    let listed = again.iter().find(|w| w.uuid == research).unwrap();
    assert_eq!(listed.description.as_deref(), Some("Benchmarks"));
    server.shutdown().await;
}

#[tokio::test]
async fn a_settings_refusal_after_saved_details_is_a_partial_save() {
    let (server, mut harness) = demo().await;
    let research = named(&workspaces(&mut harness).await, "Research");
    let settings = settings_of(&mut harness, research).await;
    let limit = settings
        .organization_monthly_limit
        .expect("the demo organization has a limit");
    let save = save(
        research,
        UpdateWorkspaceIn {
            icon: Some("🧪".into()),
            ..UpdateWorkspaceIn::default()
        },
        WorkspaceSettingsUpdate {
            members_can_create_api_keys: None,
            monthly_spend_cap: Some(Some(limit + 1)),
        },
    );
    let Ok(Payload::Changed(Applied {
        replies,
        stopped: Some(settings_error),
    })) = harness.ask(save).await
    else {
        panic!("partly saved")
    };
    let [actions::Reply::WorkspaceUpdated(workspace)] = replies.as_slice() else {
        panic!("the first part went through: {replies:?}")
    };
    assert_eq!(workspace.icon.as_deref(), Some("🧪"));
    assert_eq!(
        settings_error.kind,
        ErrorKind::Validation,
        "{settings_error:?}"
    );
    assert!(
        settings_error.field("monthly_spend_cap").is_some(),
        "{settings_error:?}"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn a_refused_save_changes_nothing() {
    let (server, mut harness) = demo().await;
    let list = workspaces(&mut harness).await;
    let mobile = named(&list, "Mobile App");
    let before = settings_of(&mut harness, mobile).await;
    let save = save(
        mobile,
        UpdateWorkspaceIn {
            name: Some("Research".into()),
            ..UpdateWorkspaceIn::default()
        },
        WorkspaceSettingsUpdate {
            members_can_create_api_keys: Some(!before.members_can_create_api_keys),
            monthly_spend_cap: None,
        },
    );
    let Err(error) = harness.ask(save).await else {
        panic!("refused")
    };
    assert_eq!(error.kind, ErrorKind::Conflict, "{error:?}");
    assert_eq!(
        settings_of(&mut harness, mobile).await,
        before,
        "the second part was not sent"
    );
    server.shutdown().await;
}

#[tokio::test]
async fn a_cancelled_request_is_dropped_and_never_answers() {
    let fault = FaultServer::start().await;
    fault.on("GET", "/v1/admin/api-keys", vec![Script::Hang]);
    let profile = Profile::embedded(
        "slow",
        fault.base_url(),
        mistral_admin::domain::SecretString::new("sk-test-key-for-the-fault-server"),
    );
    let mut harness = Harness::new(vec![profile]);
    let id = harness.send(Call::ApiKeys);
    wait_until("the request reaches the server", || {
        fault.count("GET", "/v1/admin/api-keys") == 1
    })
    .await;
    harness.runner.run(Effect::Cancel(vec![id]));
    wait_until("the client hangs up", || fault.hangups() == 1).await;
    assert!(
        harness.replies.try_recv().is_err(),
        "an aborted request sends no answer"
    );
}

#[tokio::test]
async fn a_profile_whose_key_cannot_be_read_answers_each_call_with_the_reason() {
    let profile = Profile {
        name: "broken".into(),
        base_url: "http://127.0.0.1:9/v1/admin".into(),
        key_source: KeySource::Env("MISTRAL_ADMIN_TEST_KEY_THAT_IS_NOT_SET".into()),
        auth: Default::default(),
        read_only: false,
        is_local: false,
    };
    let mut harness = Harness::new(vec![profile]);
    let Err(error) = harness.ask(Call::Workspaces { archived: false }).await else {
        panic!("an error")
    };
    assert!(
        error
            .message
            .contains("MISTRAL_ADMIN_TEST_KEY_THAT_IS_NOT_SET"),
        "{error:?}"
    );
}

async fn settings_of(harness: &mut Harness, workspace: Uuid) -> WorkspaceSettingsOut {
    match harness.ask(Call::WorkspaceSettings(workspace)).await {
        Ok(Payload::WorkspaceSettings(Some(settings))) => settings,
        other => panic!("{other:?}"),
    }
}

/// A save as the settings form sends it: the workspace's own fields, then its settings.
fn save(workspace: Uuid, details: UpdateWorkspaceIn, settings: WorkspaceSettingsUpdate) -> Call {
    Call::Change(vec![
        Request::UpdateWorkspace {
            workspace,
            body: details,
        },
        Request::UpdateWorkspaceSettings {
            workspace,
            body: settings,
        },
    ])
}

async fn wait_until(what: &str, check: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting until {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// After a removal, the read of who it did not remove tells apart, on the real server, someone
/// a group keeps in the workspace (and names the group) from someone another client had
/// removed meanwhile.
#[tokio::test]
async fn who_a_removal_did_not_remove_is_read_again_and_the_group_named() {
    use mistral_admin::tui::dialogs::remove_members::after::NotRemoved;

    let (server, mut harness) = demo().await;
    let key = server.seeded()[0].admin_key.clone();
    let client = crate::support::client::test_client(&server.admin_base_url(), key.expose());
    let research = named(&workspaces(&mut harness).await, "Research");
    let groups = client.list_all_groups().await.unwrap();
    let engineers = groups
        .iter()
        .find(|g| g.name == "Research Engineers")
        .expect("the demo's group")
        .uuid;
    let in_group: Vec<Uuid> = client
        .list_all_group_members(engineers)
        .await
        .unwrap()
        .iter()
        .map(|m| m.user_uuid)
        .collect();
    let users = client.list_all_users().await.unwrap().members;
    let in_research = |m: &&mistral_admin::api::AdminOrganizationMemberOut| {
        (m.workspaces.iter().flatten()).any(|w| w.uuid == research)
    };
    let kept = users
        .iter()
        .filter(in_research)
        .find(|m| in_group.contains(&m.uuid))
        .expect("a member of Research in the group");
    let gone = users
        .iter()
        .filter(in_research)
        .find(|m| !in_group.contains(&m.uuid) && m.uuid != kept.uuid)
        .expect("a member of Research of their own");
    // Another client removes one of them first.
    client
        .remove_workspace_members(research, &[gone.uuid])
        .await
        .unwrap();

    let removal = Call::Change(vec![Request::RemoveMembers {
        workspace: research,
        users: vec![kept.uuid, gone.uuid],
    }]);
    let Ok(Payload::Changed(Applied { replies, .. })) = harness.ask(removal).await else {
        panic!("the removal answers")
    };
    let [actions::Reply::MembersRemoved(out)] = replies.as_slice() else {
        panic!("{replies:?}")
    };
    let name = |m: &mistral_admin::api::AdminOrganizationMemberOut| m.name.clone().unwrap();
    let asked = NotRemoved {
        workspace: research,
        workspace_name: "Research".into(),
        targets: vec![(kept.uuid, name(kept)), (gone.uuid, name(gone))],
        out: out.clone(),
    };
    assert_eq!(
        asked.users().len(),
        2,
        "the server lists both as not removed"
    );
    let Ok(Payload::Stays(stays)) = harness.ask(Call::NotRemoved(asked.clone())).await else {
        panic!("the read answers")
    };
    assert_eq!(
        stays.listed,
        vec![kept.uuid],
        "only the one a group keeps is listed"
    );
    assert_eq!(
        asked.explained(&stays),
        format!(
            "Nobody left \"Research\"; {} keeps dev through the group \"Research Engineers\"; {} no longer belonged to it",
            name(kept),
            name(gone)
        )
    );
    server.shutdown().await;
}

/// The role editor's preview names, from the groups the console reads on the real server,
/// the role a group keeps for someone whose own roles change, in the words of `members
/// set-roles`; someone no group reaches gets no such note.
#[tokio::test]
async fn the_role_preview_names_what_a_group_keeps_from_the_groups_read() {
    use mistral_admin::actions::roles::Target;
    use mistral_admin::tui::dialogs::Dialog;
    use mistral_admin::tui::dialogs::edit_roles::{EditRoles, Said};

    let (server, mut harness) = demo().await;
    let key = server.seeded()[0].admin_key.clone();
    let client = crate::support::client::test_client(&server.admin_base_url(), key.expose());
    let research = named(&workspaces(&mut harness).await, "Research");
    let catalog = client.roles().await.unwrap().workspace_roles;
    let engineers = (client.list_all_groups().await.unwrap().into_iter())
        .find(|g| g.name == "Research Engineers")
        .expect("the demo's group")
        .uuid;
    let in_group: Vec<Uuid> = (client
        .list_all_group_members(engineers)
        .await
        .unwrap()
        .iter())
    .map(|m| m.user_uuid)
    .collect();
    let users = client.list_all_users().await.unwrap().members;
    let in_research = |m: &mistral_admin::api::AdminOrganizationMemberOut| {
        (m.workspaces.iter().flatten()).any(|w| w.uuid == research)
    };
    // As the editor holds them: dev, which the group gives the first (the roles as the
    // server reports them unite both).
    let target = |m: &mistral_admin::api::AdminOrganizationMemberOut| Target {
        user_id: m.uuid,
        name: m.name.clone().unwrap(),
        roles: vec!["dev".into()],
    };
    let kept = (users.iter())
        .find(|m| in_group.contains(&m.uuid) && in_research(m))
        .expect("a member of Research in the group");
    let own = (users.iter())
        .find(|m| !in_group.contains(&m.uuid) && in_research(m))
        .expect("a member of Research of their own");

    let mut editor = EditRoles::new(
        research,
        "Research",
        vec![target(kept), target(own)],
        &catalog,
    );
    let contributor = (editor.choices.iter())
        .position(|c| c.name == "workspace_contributor")
        .unwrap();
    let dev = editor.choices.iter().position(|c| c.name == "dev").unwrap();
    // Both become contributors instead of developers.
    editor.toggle(contributor);
    editor.toggle(dev);
    editor.review().expect("the preview opens");
    let call = editor.reads_on_open().expect("the editor reads the groups");
    let id = harness.send(call.clone());
    editor.reading(id);
    let Some(Msg::Reply(reply)) = tokio::time::timeout(WAIT, harness.replies.recv())
        .await
        .expect("an answer in time")
    else {
        panic!("a reply")
    };
    assert_eq!((reply.id, &reply.call), (id, &call));
    editor.read(id, &reply.result);
    let Said::Notes(notes) = editor.groups_said() else {
        panic!("the groups are read: {:?}", editor.groups)
    };
    assert_eq!(
        notes,
        vec![format!(
            "In \"Research\", {} keeps dev through the group \"Research Engineers\", not as their own (if it was also their own, it is the group's only from now on): a group's roles stay until they leave the group or the group's roles change",
            kept.name.clone().unwrap()
        )],
        "only the one the group reaches"
    );
    server.shutdown().await;
}
