//! What `mistral-admin serve` takes from its environment: the admin key in
//! `MISTRAL_ADMIN_API_KEY`, and, without `--db`, the database in the app's data directory
//! (`MISTRAL_ADMIN_DATA_DIR`, else the platform's data directory from `directories`).

use std::path::Path;
use std::process::Command;

use crate::support::http::Api;
use crate::support::serve_process::{ServeProcess, random_key};

/// The first seeded organization's banner line.
fn northwind_line(serve: &ServeProcess) -> &str {
    serve
        .banner
        .iter()
        .find(|l| l.contains("Northwind Labs"))
        .expect("the first organization is listed")
}

/// A key the admin gave is already known to them, and stdout may be a shared log: the banner
/// says where the key came from, never the key.
fn assert_never_shown(serve: &ServeProcess, key: &str) {
    assert!(
        serve.banner.iter().all(|line| !line.contains(key)),
        "{:?}",
        serve.banner
    );
}

#[tokio::test]
async fn serve_takes_the_admin_key_from_mistral_admin_api_key() {
    let key = random_key();
    let serve = ServeProcess::start_with(&["--memory"], |cmd| {
        cmd.env("MISTRAL_ADMIN_API_KEY", &key);
    });
    assert!(
        northwind_line(&serve).ends_with("(the key in MISTRAL_ADMIN_API_KEY)"),
        "{:?}",
        serve.banner
    );
    assert_never_shown(&serve, &key);
    let api = Api::new(&serve.origin, Some(&key));
    assert_eq!(
        api.get("/x-local/organization").await.ok()["name"],
        "Northwind Labs"
    );

    // On the command line, --admin-key wins over the variable.
    let flag = random_key();
    let serve = ServeProcess::start_with(&["--memory", "--admin-key", &flag], |cmd| {
        cmd.env("MISTRAL_ADMIN_API_KEY", &key);
    });
    assert!(
        northwind_line(&serve).ends_with("(the key given with --admin-key)"),
        "{:?}",
        serve.banner
    );
    assert_never_shown(&serve, &flag);
    assert_never_shown(&serve, &key);
    Api::new(&serve.origin, Some(&flag))
        .get("/roles")
        .await
        .ok();
    Api::new(&serve.origin, Some(&key))
        .get("/roles")
        .await
        .detail(401);
}

/// Starts `serve --seed none` without `--db` in a scratch home, and checks that the database
/// is created at `expected` and named in the banner.
fn serve_creates_its_database_at(expected: &Path, configure: impl FnOnce(&mut Command)) {
    assert!(!expected.exists());
    let serve = ServeProcess::start_with(&["--seed", "none"], configure);
    let banner = serve.banner.join("\n");
    assert!(
        banner.contains(&format!("database: {}", expected.display())),
        "{banner}"
    );
    assert!(expected.is_file(), "{} was created", expected.display());
    drop(serve);
}

#[test]
fn without_db_serve_uses_mistral_admin_data_dir() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data");
    serve_creates_its_database_at(&data.join("local.sqlite3"), |cmd| {
        cmd.env("MISTRAL_ADMIN_DATA_DIR", &data)
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("xdg-unused"));
    });
    assert!(!home.path().join("xdg-unused").exists());
}

/// Without the override, the platform's data directory: `$XDG_DATA_HOME/mistral-admin` on
/// Linux (the `directories` crate's `ProjectDirs::data_dir`).
#[cfg(target_os = "linux")]
#[test]
fn without_db_or_override_serve_uses_the_platform_data_dir() {
    let home = tempfile::tempdir().unwrap();
    let xdg = home.path().join("xdg");
    serve_creates_its_database_at(&xdg.join("mistral-admin").join("local.sqlite3"), |cmd| {
        cmd.env_remove("MISTRAL_ADMIN_DATA_DIR")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", &xdg);
    });
}
