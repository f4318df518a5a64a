//! The `mistral-admin serve` binary itself: it prints its real address and the seeded keys,
//! and answers an authenticated request with the key given on the command line.

mod common;

use common::Api;
use common::serve::{ServeProcess, random_key};

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
    // The three demo organizations are listed with their keys, the fixed one first.
    let northwind = serve
        .banner
        .iter()
        .find(|l| l.contains("Northwind Labs"))
        .expect("the first organization is listed");
    assert!(northwind.ends_with(&key));
    assert!(serve.banner.iter().any(|l| l.contains("Globex Research")));

    for prefix in common::PREFIXES {
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
