//! Usage and rate limits, SCIM sync and Vibe analytics over real HTTP, on the demo seed at a
//! fixed instant (so the seeded history is the same on every run): the contract's shapes, what
//! the data says and how it moves, the filters, and bad input.

use crate::support::contract;
use crate::support::http::Api;
use crate::support::local_server;
use mistral_admin::api::*;
use mistral_admin::server::{Clock, LocalServer, Seed};
use time::OffsetDateTime;
use uuid::Uuid;

/// Saturday 5 December 2026, 15:30 UTC.
const NOW: i64 = 1_796_484_600;

async fn demo_at(clock: Clock) -> (LocalServer, Api) {
    let server = local_server().seed(Seed::Demo).clock(clock).start().await;
    let api = Api::new(
        &server.origin(),
        Some(server.seeded()[0].admin_key.expose()),
    );
    (server, api)
}

fn fixed_clock() -> Clock {
    Clock::manual(OffsetDateTime::from_unix_timestamp(NOW).unwrap())
}

async fn usage(api: &Api, query: &str) -> UsageOutJson {
    let reply = api.get(&format!("/usage?{query}")).await;
    contract::check("UsageOUTJSON", &reply.body);
    let typed: UsageOutJson = reply.typed();
    assert_eq!(
        serde_json::to_value(&typed).unwrap(),
        reply.body,
        "the typed round trip keeps the JSON"
    );
    typed
}

#[tokio::test]
async fn usage_reports_a_month_per_workspace_model_and_category() {
    let (server, api) = demo_at(fixed_clock()).await;
    let month = usage(&api, "").await;
    assert_eq!(
        month.start_date.to_string(),
        "2026-12-01 0:00:00.0 +00:00:00"
    );
    assert_eq!(month.date, month.start_date);
    assert_eq!(
        month.end_date.to_string(),
        "2026-12-31 23:59:59.0 +00:00:00"
    );
    assert_eq!(
        (month.previous_month.as_deref(), month.next_month.as_deref()),
        (Some("2026-11"), None)
    );
    assert_eq!(
        (month.currency.as_deref(), month.currency_symbol.as_deref()),
        (Some("EUR"), Some("€"))
    );
    assert_eq!(month.vibe_usage, 0.0);
    assert!(!month.prices.as_ref().unwrap().is_empty());
    // Month to date: five days and a half of a month that costs about 1834.20.
    let total = month.total_amount();
    assert!((150.0..700.0).contains(&total), "{total}");
    for category in [
        "completion",
        "ocr",
        "connectors",
        "audio",
        "audio_characters",
        "chat",
    ] {
        let data = month
            .categories()
            .into_iter()
            .find(|(c, _)| *c == category)
            .unwrap()
            .1;
        assert!(data.entries().count() > 0, "{category} has entries");
    }
    assert!(!month.libraries_api.pages.models.is_empty());

    // Per workspace: every active workspace spends, the archived one stopped 20 days ago.
    let per_workspace = month.amount_by_workspace();
    let active = api.workspaces("").await.items;
    for ws in &active {
        assert!(
            per_workspace.get(&ws.uuid).copied().unwrap_or(0.0) > 0.0,
            "{}",
            ws.name
        );
    }
    let archived = api.workspaces("is_archived=true").await.items[0].uuid;
    assert!(!per_workspace.contains_key(&archived));
    let research = active.iter().find(|w| w.name == "Research").unwrap().uuid;
    let only = usage(&api, &format!("workspace_id={research}")).await;
    assert_eq!(
        only.amount_by_workspace().keys().collect::<Vec<_>>(),
        vec![&research]
    );
    let difference = only.total_amount() - per_workspace[&research];
    assert!(difference.abs() < 1e-6, "{difference}");
    // Customer Support runs in the US zone, everything else of Northwind in the EU.
    let us = usage(&api, "api_zone=us").await;
    let support = active
        .iter()
        .find(|w| w.name == "Customer Support")
        .unwrap()
        .uuid;
    assert_eq!(
        us.amount_by_workspace().keys().collect::<Vec<_>>(),
        vec![&support]
    );
    assert!(us.prices.unwrap().iter().all(|p| p.api_zone == "us"));

    // The spending limit counts exactly this month's cost: the API's, and Vibe Code's.
    let limits: LimitsOut = api.get("/spend-limit").await.typed();
    let counted = limits.limits.completion.total_usage.unwrap();
    assert!((counted - total).abs() < 1e-3, "{counted} vs {total}");
    assert!(!limits.limits.completion.monthly_limit_reached);

    // History: earlier months, whole and smaller the further back (the organization grew);
    // before the organization existed, nothing.
    let november = usage(&api, "month=11&year=2026").await.total_amount();
    assert!((1500.0..2200.0).contains(&november), "{november}");
    let june = usage(&api, "month=6&year=2026").await;
    assert!(
        (500.0..november).contains(&june.total_amount()),
        "{}",
        june.total_amount()
    );
    assert_eq!(june.next_month.as_deref(), Some("2026-07"));
    let initech = Api::new(
        &server.origin(),
        Some(server.seeded()[2].admin_key.expose()),
    );
    let before = usage(&initech, "month=7&year=2026").await;
    assert_eq!(before.total_amount(), 0.0);
    assert_eq!(before.previous_month, None, "Initech was created in August");
    let initech_limits: LimitsOut = initech.get("/spend-limit").await.typed();
    assert_eq!(initech_limits.limits.currency, "EUR");
}

#[tokio::test]
async fn the_seeded_history_is_the_same_every_time() {
    let (_a, first) = demo_at(fixed_clock()).await;
    let (_b, second) = demo_at(fixed_clock()).await;
    for query in ["", "month=9&year=2026", "api_zone=eu&month=11"] {
        let (a, b) = (usage(&first, query).await, usage(&second, query).await);
        assert_eq!(a.total_amount(), b.total_amount(), "{query}");
        assert_eq!(a.amount_by_model(), b.amount_by_model(), "{query}");
    }
}

#[tokio::test]
async fn calls_with_a_workspace_key_move_the_usage() {
    let (server, api) = demo_at(fixed_clock()).await;
    let research = api.workspaces("search=research").await.items[0].uuid;
    let owner = api
        .get("/users?page_size=100")
        .await
        .typed::<OrganizationAdminUsersOut>()
        .members
        .into_iter()
        .find(|m| m.workspaces.iter().flatten().any(|w| w.uuid == research))
        .unwrap()
        .uuid;
    let key = api.create_key(research, owner, "usage probe").await;
    let before = usage(&api, &format!("workspace_id={research}")).await;
    let spent_before: LimitsOut = api.get("/spend-limit").await.typed();
    let client = crate::support::http::key_client(&server.origin(), key.key.as_deref().unwrap());
    for _ in 0..3 {
        client.models().await.ok();
    }
    let after = usage(&api, &format!("workspace_id={research}")).await;
    let today = |report: &UsageOutJson, group: &str| -> i64 {
        report
            .completion
            .models
            .get("mistral-small-latest")
            .and_then(|groups| groups.get(group))
            .into_iter()
            .flatten()
            .filter(|e| e["timestamp"] == "2026-12-05T00:00:00Z")
            .map(|e| e["value"].as_i64().unwrap())
            .sum()
    };
    assert_eq!(today(&after, "input") - today(&before, "input"), 3_000);
    assert_eq!(today(&after, "output") - today(&before, "output"), 600);
    let spent_after: LimitsOut = api.get("/spend-limit").await.typed();
    let grew = spent_after.limits.completion.usage.unwrap()
        - spent_before.limits.completion.usage.unwrap();
    assert!(
        (grew - 3.0 * (1000.0 * 0.1e-6 + 200.0 * 0.3e-6)).abs() < 2e-6,
        "{grew}"
    );
    // An admin key, a refused key: nothing counted.
    api.models().await.detail(401);
    let again = usage(&api, &format!("workspace_id={research}")).await;
    assert_eq!(today(&again, "input"), today(&after, "input"));
}

#[tokio::test]
async fn rate_limits_follow_the_plan() {
    let (server, api) = demo_at(fixed_clock()).await;
    let reply = api.get("/rate-limit").await;
    contract::check("RateLimitsOUT", &reply.body);
    let enterprise: RateLimitsOut = reply.typed();
    let initech = Api::new(
        &server.origin(),
        Some(server.seeded()[2].admin_key.expose()),
    );
    let scale: RateLimitsOut = initech.get("/rate-limit").await.typed();
    assert_eq!(enterprise.requests_per_second, 50);
    assert_eq!(scale.requests_per_second, 20);
    let large = &enterprise.tokens_limits_by_model["mistral-large-latest"];
    let small_plan = &scale.tokens_limits_by_model["mistral-large-latest"];
    assert!(large.tokens_per_minute > small_plan.tokens_per_minute);
    assert!(large.tokens_per_month > large.tokens_per_minute);
    assert!(
        enterprise
            .tokens_limits_by_model
            .contains_key("codestral-latest")
    );
}

#[tokio::test]
async fn bad_usage_queries_are_422_and_foreign_workspaces_404() {
    let (server, api) = demo_at(fixed_clock()).await;
    for (query, loc, kind) in [
        ("month=13", "query.month", "less_than_equal"),
        ("month=0", "query.month", "greater_than"),
        ("month=may", "query.month", "int_parsing"),
        ("year=20x6", "query.year", "int_parsing"),
        ("year=99999", "query.year", "less_than_equal"),
        ("workspace_id=nope", "query.workspace_id", "uuid_parsing"),
        ("api_zone=mars", "query.api_zone", "enum"),
    ] {
        api.get(&format!("/usage?{query}"))
            .await
            .invalid_at(loc, kind);
    }
    api.get(&format!("/usage?workspace_id={}", Uuid::new_v4()))
        .await
        .detail(404);
    // The edges of the calendar are served, empty.
    for query in ["month=12&year=9999", "month=1&year=2000"] {
        let edge = usage(&api, query).await;
        assert_eq!(edge.total_amount(), 0.0, "{query}");
    }
    assert_eq!(
        usage(&api, "month=12&year=9999").await.end_date.year(),
        9999
    );
    let globex = Api::new(
        &server.origin(),
        Some(server.seeded()[1].admin_key.expose()),
    );
    let foreign = api.workspaces("").await.items[1].uuid;
    globex
        .get(&format!("/usage?workspace_id={foreign}"))
        .await
        .detail(404);
    let theirs = usage(&globex, "").await;
    assert_eq!(theirs.currency.as_deref(), Some("USD"));
    assert!(!theirs.amount_by_workspace().contains_key(&foreign));
}

/// The 30 days before the fixed instant, as a query string.
fn last_30_days() -> String {
    format!("start_time={}&end_time={NOW}", NOW - 30 * 86_400)
}

async fn vibe<T: serde::de::DeserializeOwned + serde::Serialize>(
    api: &Api,
    path: &str,
    schema: &str,
    query: &str,
) -> T {
    let reply = api.get(&format!("/analytics/vibe/{path}?{query}")).await;
    contract::check(schema, &reply.body);
    let typed: T = reply.typed();
    assert_eq!(serde_json::to_value(&typed).unwrap(), reply.body, "{path}");
    typed
}

#[tokio::test]
async fn vibe_work_by_user_agent_and_time_agree() {
    let (_server, api) = demo_at(fixed_clock()).await;
    let window = last_30_days();
    let users: VibeWorkByUserStatsOut = vibe(
        &api,
        "work/usage/by_user_stats",
        "VibeWorkByUserStatsOUT",
        &window,
    )
    .await;
    assert_eq!((users.start_time, users.end_time), (NOW - 30 * 86_400, NOW));
    assert!(users.data.len() >= 8, "{}", users.data.len());
    assert!(
        users
            .data
            .windows(2)
            .all(|w| w[0].messages_count >= w[1].messages_count)
    );
    // Everyone listed holds a CHAT seat; some seat holders never used it.
    let members: OrganizationAdminUsersOut = api.get("/users?page_size=100").await.typed();
    let chat: Vec<String> = members
        .members
        .iter()
        .filter(|m| m.subscription_types.iter().flatten().any(|s| s == "CHAT"))
        .map(|m| m.uuid.to_string())
        .collect();
    assert!(users.data.iter().all(|u| chat.contains(&u.user_id)));
    assert!(chat.len() > users.data.len(), "inactive seat holders exist");
    for user in &users.data {
        assert!(user.messages_to_agents_count <= user.messages_count);
        assert!(user.unique_agents_count <= 4);
        let last = user.last_message_at.unix_timestamp();
        assert!((NOW - 30 * 86_400..NOW).contains(&last));
    }
    let agents: VibeWorkByAgentStatsOut = vibe(
        &api,
        "work/usage/by_agent_stats",
        "VibeWorkByAgentStatsOUT",
        &window,
    )
    .await;
    assert_eq!(agents.data.len(), 4);
    let to_agents: i64 = users.data.iter().map(|u| u.messages_to_agents_count).sum();
    assert_eq!(
        agents.data.iter().map(|a| a.messages_count).sum::<i64>(),
        to_agents
    );

    let total: i64 = users.data.iter().map(|u| u.messages_count).sum();
    for (granularity, buckets) in [("day", 31), ("hour", 721), ("week", 5), ("month", 2)] {
        let series: VibeWorkByTimeStatsOut = vibe(
            &api,
            "work/usage/by_time_stats",
            "VibeWorkByTimeStatsOUT",
            &format!("{window}&granularity={granularity}"),
        )
        .await;
        assert_eq!(series.data.len(), buckets, "{granularity}");
        assert_eq!(
            series.data.iter().map(|b| b.messages_count).sum::<i64>(),
            total,
            "{granularity}"
        );
    }
    let days: VibeWorkByTimeStatsOut = vibe(
        &api,
        "work/usage/by_time_stats",
        "VibeWorkByTimeStatsOUT",
        &window,
    )
    .await;
    for bucket in &days.data {
        let day = bucket.time_bucket.unwrap();
        if matches!(
            day.weekday(),
            time::Weekday::Saturday | time::Weekday::Sunday
        ) {
            assert_eq!(bucket.messages_count, 0, "quiet weekends: {day}");
        }
        assert!(bucket.unique_users_count <= users.data.len() as i64);
    }
}

#[tokio::test]
async fn vibe_code_by_workspace_and_organization_add_up() {
    let (server, api) = demo_at(fixed_clock()).await;
    let window = last_30_days();
    let all: VibeWorkspaceStatsOut = vibe(
        &api,
        "code/usage/by_workspace",
        "VibeWorkspaceStatsOUT",
        &window,
    )
    .await;
    assert!(all.sessions.len() >= 15, "{}", all.sessions.len());
    for day in &all.sessions {
        assert_eq!(
            day.nb_sessions,
            day.nb_sessions_cli + day.nb_sessions_acp + day.nb_sessions_programmatic
        );
    }
    for day in &all.tool_calls {
        assert_eq!(
            day.status_success + day.status_failure + day.status_skipped,
            day.total
        );
        assert_eq!(
            day.approval_ask + day.approval_always + day.approval_never,
            day.total
        );
        let named: i64 = all
            .tool_calls_by_name
            .iter()
            .filter(|t| t.day == day.day)
            .map(|t| t.count)
            .sum();
        assert_eq!(named, day.total);
    }
    let research = api.workspaces("search=research").await.items[0].uuid;
    let one: VibeWorkspaceStatsOut = vibe(
        &api,
        "code/usage/by_workspace",
        "VibeWorkspaceStatsOUT",
        &format!("{window}&workspace_id={research}"),
    )
    .await;
    let sessions =
        |s: &VibeWorkspaceStatsOut| s.sessions.iter().map(|d| d.nb_sessions).sum::<i64>();
    assert!(0 < sessions(&one) && sessions(&one) < sessions(&all));
    for bad in [Uuid::new_v4().to_string(), "research".to_owned()] {
        api.get(&format!(
            "/analytics/vibe/code/usage/by_workspace?{window}&workspace_id={bad}"
        ))
        .await
        .detail(404);
    }
    let globex = Api::new(
        &server.origin(),
        Some(server.seeded()[1].admin_key.expose()),
    );
    globex
        .get(&format!(
            "/analytics/vibe/code/usage/by_workspace?{window}&workspace_id={research}"
        ))
        .await
        .detail(404);

    let org: VibeOrganizationStatsOut = vibe(
        &api,
        "code/usage/by_organization",
        "VibeOrganizationStatsOUT",
        &window,
    )
    .await;
    assert!(!org.next_edit_suggestions.is_empty());
    for day in &org.next_edit_suggestions {
        let outcomes = day.outcome_accepted
            + day.outcome_rejected
            + day.outcome_timeout
            + day.outcome_aborted
            + day.outcome_dismissed;
        assert_eq!(outcomes, day.total_suggestions);
        assert_eq!(
            day.force_generated_true + day.force_generated_false,
            day.total_suggestions
        );
        assert_eq!(
            day.surface_widget + day.surface_ghost_text,
            day.total_suggestions
        );
    }
    for day in &org.next_edit_modified_loc {
        assert_eq!(
            day.lines_total,
            day.lines_inserted + day.lines_deleted + day.lines_unchanged
        );
    }

    // Vibe Code's tokens are the ones billed: November's analytics match November's usage.
    let november = format!("start_time={}&end_time={}", 1_793_491_200, 1_796_083_200);
    let code: VibeWorkspaceStatsOut = vibe(
        &api,
        "code/usage/by_workspace",
        "VibeWorkspaceStatsOUT",
        &november,
    )
    .await;
    let analytics_input: i64 = code.consumed_tokens.iter().map(|t| t.input_tokens).sum();
    let billed = usage(&api, "month=11&year=2026").await;
    let billed_input: i64 = billed
        .vibe_code
        .completion
        .entries()
        .filter(|(_, group, _)| *group == "input")
        .map(|(_, _, e)| e["value"].as_i64().unwrap())
        .sum();
    assert!(billed_input > 0);
    assert_eq!(analytics_input, billed_input);
    let limits: LimitsOut = api.get("/spend-limit").await.typed();
    assert!(limits.limits.completion.vibe_usage.unwrap() > 0.0);
}

#[tokio::test]
async fn bad_analytics_windows_are_422() {
    let (_server, api) = demo_at(fixed_clock()).await;
    for path in [
        "work/usage/by_user_stats",
        "work/usage/by_agent_stats",
        "work/usage/by_time_stats",
        "code/usage/by_workspace",
        "code/usage/by_organization",
    ] {
        let url = |query: &str| format!("/analytics/vibe/{path}?{query}");
        api.get(&url("end_time=10"))
            .await
            .invalid_at("query.start_time", "missing");
        api.get(&url("start_time=10"))
            .await
            .invalid_at("query.end_time", "missing");
        api.get(&url("start_time=x&end_time=10"))
            .await
            .invalid_at("query.start_time", "int_parsing");
        api.get(&url("start_time=20&end_time=10"))
            .await
            .invalid_at("query.end_time", "value_error");
        api.get(&url("start_time=-5&end_time=10"))
            .await
            .invalid_at("query.start_time", "value_error");
        api.get(&url("start_time=0&end_time=99999999999999"))
            .await
            .invalid_at("query.end_time", "value_error");
    }
    // The last representable day, at every granularity: served, not a 5xx.
    let last_day = "start_time=253402214400&end_time=253402300799";
    for granularity in VIBE_GRANULARITIES {
        let series: VibeWorkByTimeStatsOut = vibe(
            &api,
            "work/usage/by_time_stats",
            "VibeWorkByTimeStatsOUT",
            &format!("{last_day}&granularity={granularity}"),
        )
        .await;
        assert!(!series.data.is_empty(), "{granularity}");
    }
    let by_time = "/analytics/vibe/work/usage/by_time_stats";
    api.get(&format!(
        "{by_time}?{}&granularity=fortnight",
        last_30_days()
    ))
    .await
    .invalid_at("query.granularity", "enum");
    api.get(&format!(
        "{by_time}?start_time=0&end_time={NOW}&granularity=hour"
    ))
    .await
    .invalid_at("query.granularity", "value_error");
}
