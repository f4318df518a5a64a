//! The README's scripting recipes, run exactly as written (by `sh`, with the binary on the
//! `PATH` and no configuration, so on the local demo organization), and their effect checked
//! through the Admin API.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;

use crate::support::pty::{Home, with_api};

/// The fenced blocks of one recipe of the README, by language: `sh`, `csv`.
fn recipe(name: &str) -> BTreeMap<String, String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("the README");
    let start = readme
        .find(&format!("<!-- recipe:{name} -->"))
        .unwrap_or_else(|| panic!("no recipe {name} in the README"));
    let end = start
        + readme[start..]
            .find("<!-- /recipe -->")
            .expect("the recipe ends");
    let mut blocks = BTreeMap::new();
    let mut lines = readme[start..end].lines();
    while let Some(line) = lines.next() {
        if let Some(language) = line.strip_prefix("```").filter(|l| !l.is_empty()) {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.insert(language.to_owned(), body.join("\n") + "\n");
        }
    }
    blocks
}

/// Runs a recipe's shell block in `dir` as a reader would: `mistral-admin` found on the
/// `PATH`, nothing configured.
fn run_recipe(home: &Home, dir: &Path, script: &str) -> Output {
    let binary = Path::new(env!("CARGO_BIN_EXE_mistral-admin"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path)
        .env("MISTRAL_ADMIN_CONFIG_DIR", home.config_dir())
        .env("MISTRAL_ADMIN_DATA_DIR", home.data_dir())
        .env_remove("MISTRAL_ADMIN_PROFILE")
        .env_remove("MISTRAL_ADMIN_API_KEY")
        .output()
        .expect("sh runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn onboarding_a_team_from_a_csv_invites_each_with_its_role() {
    let blocks = recipe("onboard");
    let home = Home::new();
    std::fs::write(home.path().join("team.csv"), &blocks["csv"]).unwrap();
    let out = run_recipe(&home, home.path(), &blocks["sh"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr)
            .lines()
            .filter(|l| l.starts_with("Invited 1 person"))
            .count(),
        3
    );
    with_api(&home, async |api| {
        let directory = api.load_directory().await.unwrap();
        let mobile = crate::support::pty::workspace_id(api, "Mobile App").await;
        for line in blocks["csv"].lines().skip(1) {
            let (email, role) = line.split_once(',').unwrap();
            let invite = directory
                .invites()
                .iter()
                .find(|i| i.email == email)
                .expect(email);
            let catalog = directory.role_catalog();
            assert_eq!(
                catalog
                    .organization_role(&invite.raw_roles[0])
                    .unwrap()
                    .name,
                role
            );
            assert_eq!(invite.workspace_uuids, [mobile]);
        }
    });
}

#[test]
fn the_keys_that_never_expire_are_listed_as_json_and_fail_the_check() {
    let blocks = recipe("never-expire");
    let home = Home::new();
    let out = run_recipe(&home, home.path(), &blocks["sh"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo has keys without expiry"
    );
    assert_eq!(
        text(&out.stderr),
        "API keys without an expiry date: see never-expire.json\n"
    );
    let listed: serde_json::Value =
        serde_json::from_slice(&std::fs::read(home.path().join("never-expire.json")).unwrap())
            .unwrap();
    with_api(&home, async |api| {
        let keys = api.list_all_api_keys().await.unwrap();
        let mut never: Vec<String> = keys
            .iter()
            .filter(|k| k.expiration_date.is_none())
            .map(|k| k.key_id.to_string())
            .collect();
        let mut got: Vec<String> = listed
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["key_id"].as_str().unwrap().to_owned())
            .collect();
        never.sort();
        got.sort();
        assert!(!never.is_empty());
        assert_eq!(got, never);
    });
}

#[test]
fn the_workspace_admin_report_names_each_admin_and_their_workspaces() {
    let blocks = recipe("admins");
    let home = Home::new();
    let out = run_recipe(&home, home.path(), &blocks["sh"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let expected = with_api(&home, async |api| {
        let directory = api.load_directory().await.unwrap();
        let mut admins: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for workspace in api.list_all_workspaces(false).await.unwrap() {
            for member in directory.workspace_members(workspace.uuid) {
                if member.roles.iter().any(|r| r == "workspace_admin") {
                    let email = member.user.email.clone().unwrap();
                    admins
                        .entry(email)
                        .or_default()
                        .push(workspace.name.clone());
                }
            }
        }
        admins
            .into_iter()
            .map(|(email, spaces)| format!("{email}: {}\n", spaces.join(", ")))
            .collect::<String>()
    });
    assert_eq!(text(&out.stdout), expected);
    assert!(
        expected
            .contains("amelie.poulain@northwind.example: Product & Design, Marketing — Q3 Launch")
    );
}
