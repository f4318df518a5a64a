//! The `mistral-admin serve` binary itself: it prints its real address and the keys it made
//! (never one it was given), and answers an authenticated request with the key given on the command line.

use crate::support::http::Api;
use crate::support::serve_process::{ServeProcess, random_key};

#[tokio::test]
async fn serve_prints_its_address_and_answers_with_the_fixed_key() {
    let key = random_key();
    let serve = ServeProcess::start(&["--memory", "--admin-key", &key]);
    let banner = serve.banner.join("\n");
    assert!(
        banner.contains(&format!("{}/api/admin", serve.origin)),
        "{banner}"
    );
    assert!(banner.contains("in memory"), "{banner}");
    // The three demo organizations are listed, the fixed one first with where its key came
    // from instead of the key; the others with their new keys.
    let northwind = serve
        .banner
        .iter()
        .find(|l| l.contains("Northwind Labs"))
        .expect("the first organization is listed");
    assert!(northwind.ends_with("(the key given with --admin-key)"));
    assert!(!banner.contains(&key), "{banner}");
    assert!(serve.banner.iter().any(|l| l.contains("Globex Research")));

    for prefix in crate::support::http::PREFIXES {
        let api = Api::new(&serve.origin, Some(&key)).with_prefix(prefix);
        let workspaces = api.workspaces("").await;
        assert!(workspaces.items.iter().any(|w| w.is_default));
        assert_eq!(
            api.get("/x-local/organization").await.ok()["name"],
            "Northwind Labs"
        );
    }
    Api::new(&serve.origin, Some(&random_key()))
        .get("/workspaces")
        .await
        .detail(401);
}

#[tokio::test]
async fn serve_with_no_seed_starts_empty() {
    let serve = ServeProcess::start(&["--memory", "--seed", "none"]);
    assert!(!serve.banner.iter().any(|l| l.contains("Admin API keys")));
    Api::new(&serve.origin, Some(&random_key()))
        .get("/roles")
        .await
        .detail(401);
}

/// Runs `mistral-admin admin-key` and returns (stdout, stderr, success).
fn admin_key_command(args: &[&str]) -> (String, String, bool) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_mistral-admin"))
        .arg("admin-key")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        String::from_utf8_lossy(&out.stdout).trim().to_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

#[tokio::test]
async fn admin_key_replaces_a_lost_key_and_revokes_the_one_it_made_before() {
    use mistral_admin::server::Seed;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rehearsal.sqlite3");
    let db = path.to_str().unwrap();
    // A seeded database whose printed keys were lost.
    crate::support::local_server()
        .file(&path)
        .seed(Seed::Demo)
        .start()
        .await
        .shutdown()
        .await;

    let (first, note, ok) = admin_key_command(&["--db", db]);
    assert!(ok, "{note}");
    assert!(note.contains("Northwind Labs"), "{note}");
    assert!(!note.contains(&first), "the key goes to stdout only");
    let (globex, note, ok) = admin_key_command(&["--db", db, "globex research"]);
    assert!(ok, "{note}");
    let (second, _, ok) = admin_key_command(&["--db", db]);
    assert!(ok);

    let server = crate::support::local_server().file(&path).start().await;
    let org_name = |key: &str| {
        let api = Api::new(&server.origin(), Some(key));
        async move { api.get("/x-local/organization").await }
    };
    assert_eq!(org_name(&second).await.ok()["name"], "Northwind Labs");
    assert_eq!(org_name(&globex).await.ok()["name"], "Globex Research");
    org_name(&first).await.detail(401);

    let (_, note, ok) = admin_key_command(&["--db", db, "Umbrella"]);
    assert!(!ok);
    assert!(
        note.contains("no organization named") && note.contains("Initech Solutions"),
        "{note}"
    );
    let missing = dir.path().join("absent.sqlite3");
    let (_, note, ok) = admin_key_command(&["--db", missing.to_str().unwrap()]);
    assert!(!ok);
    assert!(note.contains("does not exist"), "{note}");
    server.shutdown().await;
}
