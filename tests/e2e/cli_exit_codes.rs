//! The scripting commands' exit codes, each produced at least once (0 success, 1 failure,
//! 2 bad usage, 3 refused by a rule, 4 authentication or permission, 5 outcome unknown),
//! errors on stderr with the server's words, and `--dry-run` and `--read-only` sending no
//! change, as the server's audit log shows.

use serde_json::json;

use crate::support::cli::{Scripted, run_in};
use crate::support::fault_server::{FaultServer, Reply, closed_port_url};
use crate::support::fixtures::{workspace, workspaces_page};

const KEY: &str = "sk-exit-code-tests-0123456789abcdef";

#[tokio::test]
async fn success_is_0_and_failure_to_connect_is_1() {
    let s = Scripted::demo().await;
    s.run(&["get", "roles"]).await.expect(0);
    let tmp = tempfile::tempdir().unwrap();
    let url = closed_port_url().await;
    let run = run_in(
        tmp.path(),
        &["get", "workspaces", "--base-url", &url],
        &[("MISTRAL_ADMIN_API_KEY", KEY)],
    )
    .await
    .expect(1);
    assert!(
        run.stderr
            .starts_with("mistral-admin: Cannot reach 127.0.0.1:"),
        "{run:#?}"
    );
    assert_eq!(run.stdout, "");
}

#[tokio::test]
async fn bad_usage_is_2_and_an_unconfirmed_archive_says_what_it_would_do() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    s.run(&["get", "workspaces", "--colour"]).await.expect(2);
    s.run(&["members", "set-roles", "Research", "taro@northwind.example"])
        .await
        .expect(2);
    let run = s.run(&["workspace", "archive", "Research"]).await.expect(2);
    assert_eq!(
        run.stderr,
        "mistral-admin: Archiving \"Research\" is permanent (an archived workspace cannot be restored): \
         8 members lose access at once; 2 API keys stop working immediately; it stays listed under Archived, read-only\n\
         Nothing was done: this cannot be undone; to go ahead, run it again with --confirm Research\n"
    );
    let run = s
        .run(&["workspace", "archive", "Research", "--confirm", "research"])
        .await
        .expect(2);
    assert!(
        run.stderr
            .contains("--confirm must give the exact name: --confirm Research"),
        "{run:#?}"
    );
    let run = s
        .run(&["people", "remove", "taro@northwind.example"])
        .await
        .expect(2);
    assert!(
        run.stderr.contains("--confirm taro@northwind.example"),
        "{run:#?}"
    );
    assert_eq!(
        s.audit_since(before).await,
        Vec::<String>::new(),
        "nothing changed"
    );
}

/// A `--confirm` beside the one a run needs names something the run does not change: a
/// script passing it believes it acts on that too, so it is refused (2), in a dry run as
/// well, and a key pasted there is not echoed.
#[tokio::test]
async fn a_confirm_naming_something_else_is_refused_even_beside_the_right_one() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let archive = ["workspace", "archive", "Research", "--confirm", "Research"];
    for extra in [
        &["--confirm", "Lab"][..],
        &["--confirm", "Lab", "--dry-run"],
    ] {
        let run = s.run(&[&archive[..], extra].concat()).await.expect(2);
        assert!(
            run.stdout.is_empty()
                && run.stderr.contains(
                    "Nothing was done: --confirm Lab names nothing this run loses for good; it needs exactly --confirm Research"
                ),
            "{run:#?}"
        );
    }
    let pasted = "sk-4f8a2b9c7d1e3f6a9b0c";
    let run = s
        .run(&[&archive[..], &["--confirm", pasted]].concat())
        .await
        .expect(2);
    assert!(
        run.stderr.contains("--confirm '[hidden]' names nothing") && !run.stderr.contains(pasted),
        "{run:#?}"
    );
    assert_eq!(
        s.audit_since(before).await,
        Vec::<String>::new(),
        "nothing changed"
    );
}

#[tokio::test]
async fn a_refusal_by_a_rule_is_3_with_the_reason() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let run = s
        .run(&[
            "workspace",
            "create",
            "RESEARCH",
            "--admin",
            "taro@northwind.example",
        ])
        .await
        .expect(3);
    assert_eq!(
        run.stderr,
        "mistral-admin: An active workspace named 'Research' already exists in this organization\n"
    );
    let run = s
        .run(&["members", "add", "Research", "jose"])
        .await
        .expect(3);
    assert!(
        run.stderr.contains("no organization member \"jose\""),
        "{run:#?}"
    );
    let run = s
        .run(&[
            "workspace",
            "archive",
            "Default Workspace",
            "--confirm",
            "Default Workspace",
        ])
        .await
        .expect(3);
    assert!(
        run.stderr
            .contains("is the organization's default workspace"),
        "{run:#?}"
    );
    let run = s
        .run(&[
            "people",
            "set-roles",
            "camille.laurent@northwind.example",
            "--role",
            "member",
        ])
        .await
        .ok();
    assert!(
        run.stderr.contains("organization_admin -> member"),
        "{run:#?}"
    );
    let run = s
        .run(&[
            "people",
            "set-roles",
            "zoe.angstrom@northwind.example",
            "--role",
            "member",
        ])
        .await
        .expect(3);
    assert_eq!(
        run.stderr,
        "mistral-admin: zoe.angstrom@northwind.example is the last organization_admin; make someone else an admin first\n"
    );
    assert_eq!(
        s.audit_since(before).await,
        ["user.organization.role.update"]
    );

    // A rule only the server knows: its detail reaches stderr.
    let server = FaultServer::start().await;
    spend_endpoints(&server);
    server.on(
        "POST",
        "/v1/admin/spend-limit",
        vec![Reply::detail(
            409,
            "Spending limits are managed by your reseller",
        )],
    );
    let run = run_on(&server, &["spend", "set", "100"]).await.expect(3);
    // Before it, a note that the journal could not read this scripted server's workspaces.
    assert_eq!(
        run.stderr.lines().last(),
        Some("mistral-admin: Conflict: Spending limits are managed by your reseller"),
        "{run:#?}"
    );
}

/// The reads `spend set` makes before its change.
fn spend_endpoints(server: &FaultServer) {
    server.on(
        "GET",
        "/v1/admin/spend-limit",
        vec![Reply::json(
            200,
            json!({"limits": {"completion": {"no_monthly_limit": true, "monthly_limit_reached": false},
                   "last_payment_failure": false, "last_payment_failure_protection": null, "currency": "EUR"}}),
        )],
    );
    let page = workspaces_page(vec![workspace(1, "Default Workspace")], 1, 1000, 1);
    server.on("GET", "/v1/admin/workspaces", vec![Reply::json(200, page)]);
}

async fn run_on(server: &FaultServer, args: &[&str]) -> crate::support::cli::Run {
    let tmp = tempfile::tempdir().unwrap();
    let url = server.base_url();
    let mut all = args.to_vec();
    all.extend(["--base-url", url.as_str()]);
    run_in(tmp.path(), &all, &[("MISTRAL_ADMIN_API_KEY", KEY)]).await
}

#[tokio::test]
async fn a_rejected_key_and_read_only_mode_are_4() {
    let s = Scripted::demo().await;
    let tmp = tempfile::tempdir().unwrap();
    let url = s.server.admin_base_url();
    let run = run_in(
        tmp.path(),
        &["get", "people", "--base-url", &url],
        &[("MISTRAL_ADMIN_API_KEY", KEY)],
    )
    .await
    .expect(4);
    assert!(
        run.stderr.starts_with("mistral-admin: Unauthorized: "),
        "{run:#?}"
    );
    assert!(!run.stderr.contains(KEY), "the key never reaches an error");

    let before = s.last_audit_id().await;
    for args in [
        &[
            "workspace",
            "archive",
            "Research",
            "--confirm",
            "Research",
            "--read-only",
        ][..],
        &[
            "members",
            "remove",
            "Research",
            "taro@northwind.example",
            "--read-only",
        ],
        &[
            "keys",
            "create",
            "--workspace",
            "Research",
            "--owner",
            "taro@northwind.example",
            "--read-only",
        ],
        &["spend", "set", "none", "--read-only"],
    ] {
        let run = s.run(args).await.expect(4);
        assert!(run.stderr.starts_with("mistral-admin: read-only (--read-only, or the profile's read_only): nothing was sent."), "{run:#?}");
        assert_eq!(run.stdout, "");
    }
    s.run(&["get", "workspaces", "--read-only"]).await.ok();
    assert_eq!(
        s.audit_since(before).await,
        Vec::<String>::new(),
        "read-only sent no change"
    );
}

/// Under `--read-only` nothing is sent whatever the names or `--confirm` say, so a change is
/// refused as read-only (4) before either is checked: an unknown name is not 3, a missing,
/// wrong or extra `--confirm` is not 2. A dry run still checks them, as it does elsewhere.
#[tokio::test]
async fn read_only_is_4_before_names_and_confirm_are_checked() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    for args in [
        &["members", "remove", "Nowhere Lab", "taro@northwind.example"][..],
        &["members", "add", "Research", "nobody@nowhere.example"],
        &["people", "remove", "nobody@nowhere.example"],
        &["workspace", "archive", "Research"],
        &["workspace", "archive", "Research", "--confirm", "research"],
        &[
            "workspace",
            "archive",
            "Research",
            "--confirm",
            "Research",
            "--confirm",
            "Lab",
        ],
        &["keys", "delete", "no-such-key", "--confirm", "no-such-key"],
    ] {
        let run = s
            .run(&[args, &["--read-only"][..]].concat())
            .await
            .expect(4);
        assert_eq!(
            run.stderr,
            "mistral-admin: read-only (--read-only, or the profile's read_only): nothing was sent. \
             Reads work; --dry-run shows what a change would send\n",
            "{args:?}"
        );
        assert_eq!(run.stdout, "");
    }
    let dry = s
        .run(&[
            "members",
            "remove",
            "Nowhere Lab",
            "taro@northwind.example",
            "--dry-run",
            "--read-only",
        ])
        .await
        .expect(3);
    assert!(dry.stderr.contains("Nowhere Lab"), "{dry:#?}");
    assert_eq!(
        s.audit_since(before).await,
        Vec::<String>::new(),
        "read-only sent no change"
    );
}

#[tokio::test]
async fn a_change_without_an_answer_is_5_and_is_not_sent_twice() {
    let server = FaultServer::start().await;
    spend_endpoints(&server);
    server.on("POST", "/v1/admin/spend-limit", vec![Reply::Close]);
    let run = run_on(&server, &["spend", "set", "100"]).await.expect(5);
    assert!(
        run.stderr.contains(
            "the change may or may not have been made; reload to check before trying again"
        ),
        "{run:#?}"
    );
    assert_eq!(server.count("POST", "/v1/admin/spend-limit"), 1);
}

#[tokio::test]
async fn dry_runs_print_the_requests_and_send_none_of_them() {
    let s = Scripted::demo().await;
    let before = s.last_audit_id().await;
    let research = crate::support::pty::workspace_id(&s.api, "Research").await;
    let base = s.server.admin_base_url();
    let run = s
        .run(&["workspace", "archive", "Research", "--dry-run"])
        .await
        .ok();
    assert_eq!(run.stdout, format!("DELETE {base}/workspaces/{research}\n"));
    assert!(
        run.stderr
            .starts_with("Dry run, nothing was sent. Archiving \"Research\""),
        "{run:#?}"
    );

    let run = s
        .run(&[
            "members",
            "add",
            "Research",
            "jose.nunez@northwind.example",
            "--role",
            "dev",
            "--dry-run",
            "-o",
            "json",
        ])
        .await
        .ok();
    let jose = s
        .api
        .load_directory()
        .await
        .unwrap()
        .members()
        .iter()
        .find(|m| m.email.as_deref() == Some("jose.nunez@northwind.example"))
        .unwrap()
        .uuid;
    assert_eq!(
        run.json(),
        json!({"method": "POST", "url": format!("{base}/workspaces/{research}/add-users"),
               "body": {"members": [{"role_names": ["dev"], "user_uuid": jose}]}})
    );
    for args in [
        &["keys", "rotate", "Nightly benchmarks", "--dry-run"][..],
        &["people", "invite", "ada@example.com", "--dry-run"],
        &[
            "people",
            "remove",
            "taro@northwind.example",
            "--delete-keys",
            "--dry-run",
        ],
        &["spend", "set", "10", "--dry-run"],
        &[
            "workspace",
            "create",
            "Lab",
            "--admin",
            "taro@northwind.example",
            "--dry-run",
        ],
    ] {
        let run = s.run(args).await.ok();
        assert!(
            !run.stdout.is_empty() && run.stdout.lines().all(|l| l.contains(&base)),
            "{run:#?}"
        );
    }
    let rotate = s
        .run(&["keys", "rotate", "Nightly benchmarks", "--dry-run"])
        .await
        .ok();
    assert_eq!(
        rotate.stdout.lines().count(),
        2,
        "create the replacement, then delete: {rotate:#?}"
    );
    assert!(
        !rotate.stdout.contains("\"key\""),
        "no key material in a plan"
    );
    assert!(
        run_says(
            &run_archive_dry(&s, &[]).await.ok(),
            "the real run needs --confirm Research"
        ),
        "a dry run without --confirm says what the real run needs"
    );
    let wrong = run_archive_dry(&s, &["--confirm", "Reserch"])
        .await
        .expect(2);
    assert!(
        wrong.stdout.is_empty() && run_says(&wrong, "--confirm must give the exact name"),
        "{wrong:#?}"
    );
    assert_eq!(
        s.audit_since(before).await,
        Vec::<String>::new(),
        "a dry run sent no change"
    );
}

async fn run_archive_dry(s: &Scripted, confirm: &[&str]) -> crate::support::cli::Run {
    let mut args = vec!["workspace", "archive", "Research", "--dry-run"];
    args.extend(confirm);
    s.run(&args).await
}

fn run_says(run: &crate::support::cli::Run, text: &str) -> bool {
    run.stderr.contains(text)
}

#[tokio::test]
async fn numbers_past_the_calendar_are_bad_usage_not_a_crash() {
    let s = Scripted::demo().await;
    let cases: [&[&str]; 6] = [
        &["get", "audit", "--since", "99999999d"],
        &["get", "audit", "--until", "999999999999999w"],
        &["get", "keys", "--expiring-within", "4294967295"],
        &["get", "keys", "--unused-for", "36501"],
        &[
            "keys",
            "create",
            "--workspace",
            "Research",
            "--owner",
            "zoe.angstrom@northwind.example",
            "--name",
            "far",
            "--expires-in",
            "2932897",
            "--dry-run",
        ],
        &[
            "keys",
            "rotate",
            "Nightly benchmarks",
            "--expires-in",
            "99999",
            "--dry-run",
        ],
    ];
    for args in cases {
        let run = s.run(args).await.expect(2);
        assert!(!run.stderr.contains("panicked"), "{run:#?}");
    }
    s.run(&["get", "keys", "--unused-for", "36500"]).await.ok();
}

#[tokio::test]
async fn help_lists_the_exit_codes_and_completions_and_the_man_page_are_generated() {
    let tmp = tempfile::tempdir().unwrap();
    let help = run_in(tmp.path(), &["--help"], &[]).await.ok();
    assert!(
        help.stdout
            .contains("Exit codes (scripting commands):\n  0  success"),
        "{help:#?}"
    );
    assert!(help.stdout.contains("  5  outcome unknown"), "{help:#?}");
    let keys_help = run_in(tmp.path(), &["keys", "--help"], &[]).await.ok();
    assert!(
        keys_help
            .stdout
            .contains("  4  authentication or permission"),
        "{keys_help:#?}"
    );
    // --delete-keys takes the owner as `people remove` does: the audit log first.
    let remove_help = run_in(tmp.path(), &["people", "remove", "--help"], &[])
        .await
        .ok();
    let flat = remove_help
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("the audit log's key creation says are theirs"),
        "{remove_help:#?}"
    );
    assert!(flat.contains("Without it, they keep working"), "{flat}");
    for (shell, marker) in [
        ("bash", "complete -F _mistral__admin"),
        ("zsh", "#compdef mistral-admin"),
        ("fish", "complete -c mistral-admin"),
    ] {
        let run = run_in(tmp.path(), &["completions", shell], &[]).await.ok();
        assert!(
            run.stdout.contains(marker),
            "{shell}: {}",
            &run.stdout[..200.min(run.stdout.len())]
        );
        assert!(
            run.stdout.contains("set-roles"),
            "{shell} completes subcommands"
        );
    }
    let man = run_in(tmp.path(), &["man"], &[]).await.ok();
    assert!(man.stdout.starts_with(".ie"), "{}", &man.stdout[..100]);
    assert!(
        man.stdout.contains(".TH mistral-admin 1"),
        "roff with a title"
    );
    assert!(
        man.stdout.contains("Exit codes"),
        "the man page documents them too"
    );
}
