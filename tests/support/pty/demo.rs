//! The console on the embedded demo organization, as the end-to-end tests drive it, and a
//! way to look at the server's state afterwards through the Admin API.

use mistral_admin::client::{AdminClient, ClientConfig};
use mistral_admin::domain::SecretString;
use mistral_admin::server::Seed;

use super::{Console, Home};
use crate::support::local_server;

pub const COLS: u16 = 100;
pub const ROWS: u16 = 30;

/// Starts the console on `home`'s database (a fresh demo one unless the test seeded it) and
/// waits for its first full screen.
pub fn start(home: &Home, args: &[&str]) -> Console {
    let mut console = Console::start(home, args, COLS, ROWS);
    console.wait_for("Members (");
    console
}

/// Waits until the detail pane's title (on the organization pane's first row) names `name`.
pub fn wait_open(console: &mut Console, name: &str) -> String {
    console.wait_for_row("Organizations (", &format!("{name} "))
}

/// Opens a workspace through the picker and waits until it shows.
pub fn open(console: &mut Console, name: &str) {
    console.send(&super::ctrl('p'));
    console.wait_for("Open workspace");
    console.send(name);
    console.send(super::ENTER);
    wait_open(console, name);
}

/// Opens a view through the command line (`:` then its name) and waits until `shows` is on
/// screen; returns that screen.
pub fn open_view(console: &mut Console, command: &str, shows: &str) -> String {
    console.send(":");
    console.wait_for("commands:");
    console.send(command);
    console.send(super::ENTER);
    console.wait_for(shows)
}

/// Presses a confirmation's action: it opens on Cancel, so tab to the button first.
pub fn confirm(console: &mut Console) {
    console.send(super::TAB);
    console.send(super::ENTER);
}

/// From a review with Cancel, Back and the change's button (Cancel in focus), to that button,
/// and press it once it is drawn in focus.
pub fn press_apply(console: &mut Console, button: &str) {
    console.send(super::TAB);
    console.send(super::TAB);
    console.wait_for(&format!("▶ {button} ◀"));
    console.send(super::ENTER);
}

/// Closes the report of what a run did and waits until it is gone.
pub fn close_report(console: &mut Console) {
    console.send(super::ENTER);
    console.wait_gone("What was done");
}

pub fn quit(console: &mut Console) {
    console.send("q");
    let status = console.wait_exit();
    assert!(status.success(), "exit status {status:?}");
}

/// Opens `home`'s database with a server of our own (seeding it first if it is new) and
/// runs `check` with the server's Admin API address and a fresh admin key of the first
/// organization.
pub fn with_server<T>(home: &Home, check: impl AsyncFnOnce(&str, &SecretString) -> T) -> T {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        std::fs::create_dir_all(home.data_dir()).expect("data dir");
        let server = local_server()
            .file(&home.database())
            .seed(Seed::Demo)
            .start()
            .await;
        let orgs = server.organizations().await.expect("organizations");
        let key = server
            .issue_admin_key(orgs[0].uuid, "e2e check")
            .await
            .expect("admin key");
        let result = check(&server.admin_base_url(), &key).await;
        server.shutdown().await;
        result
    })
}

/// [`with_server`] with a client holding the key.
pub fn with_api<T>(home: &Home, check: impl AsyncFnOnce(&AdminClient) -> T) -> T {
    with_server(home, async |url, key| {
        let client =
            AdminClient::new(ClientConfig::new(url.to_owned(), key.clone())).expect("client");
        check(&client).await
    })
}

/// Everything a dialog could change (workspaces, archived ones, memberships and roles), as
/// one comparable text.
pub async fn organization_state(client: &AdminClient) -> String {
    let active = client.list_all_workspaces(false).await.expect("workspaces");
    let archived = client.list_all_workspaces(true).await.expect("archived");
    let users = client.list_all_users().await.expect("users");
    serde_json::to_string_pretty(&(active, archived, users.members)).expect("json")
}

/// The workspace named `name` among the active ones.
pub async fn workspace_id(client: &AdminClient, name: &str) -> uuid::Uuid {
    client
        .list_all_workspaces(false)
        .await
        .expect("workspaces")
        .into_iter()
        .find(|w| w.name == name)
        .unwrap_or_else(|| panic!("no active workspace {name:?}"))
        .uuid
}

/// `(name, role names)` of a workspace's members, by name.
pub async fn members_of(client: &AdminClient, workspace: uuid::Uuid) -> Vec<(String, Vec<String>)> {
    let directory = client.load_directory().await.expect("directory");
    let mut members: Vec<(String, Vec<String>)> = directory
        .workspace_members(workspace)
        .into_iter()
        .map(|m| (m.user.name.clone().unwrap_or_default(), m.roles))
        .collect();
    members.sort();
    members
}
