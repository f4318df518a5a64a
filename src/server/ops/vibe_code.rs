//! Vibe Code analytics: sessions, prompts, active users, tokens and tool calls per day for one
//! workspace (or all), and next-edit suggestions for the organization. Days with no activity
//! are left out. A window covers the days that start at or after `start_time` and before
//! `end_time`.
//!
//! The store keeps what is measured (tool calls with failures and skips, suggestions with
//! acceptances and rejections); the finer splits the contract reports (which tool, which other
//! outcome, which surface) follow fixed shares, so they always add up to the totals.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Transaction, params_from_iter};
use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::vibe_work::Window;
use crate::api::*;
use crate::server::error::ApiResult;

/// Tools and their share (percent) of the calls; the last takes the remainder.
const TOOL_SHARES: [(&str, i64); 5] = [
    ("run_command", 35),
    ("read_file", 30),
    ("edit_file", 20),
    ("search_files", 10),
    ("web_fetch", 5),
];

/// What one day adds up to, for one client or all.
#[derive(Default)]
struct Day {
    sessions: [i64; 3],
    prompts: [i64; 3],
    users: [BTreeSet<String>; 3],
    seconds: i64,
    tokens: BTreeMap<String, [i64; 3]>,
    tools: i64,
    failures: i64,
    skipped: i64,
    ask: i64,
    never: i64,
    suggestions: i64,
    accepted: i64,
    rejected: i64,
    suggesting: BTreeSet<String>,
    lines: [i64; 3],
}

fn client_index(client: &str) -> usize {
    match client {
        "acp" => 1,
        "programmatic" => 2,
        _ => 0,
    }
}

fn days(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
    workspace: Option<Uuid>,
) -> ApiResult<BTreeMap<i64, Day>> {
    let mut sql = String::from(
        "SELECT day, user_uuid, client, model, sessions, prompts, session_seconds, input_tokens,
                output_tokens, cached_tokens, tool_calls, tool_failures, tool_skipped,
                approvals_ask, approvals_never, next_edit_suggestions, next_edit_accepted,
                next_edit_rejected, lines_inserted, lines_deleted, lines_unchanged
         FROM vibe_code_activity WHERE org_uuid = ? AND day >= ? AND day < ?",
    );
    let mut args: Vec<rusqlite::types::Value> = vec![
        org.to_string().into(),
        window.start.into(),
        window.end.into(),
    ];
    if let Some(workspace) = workspace {
        sql.push_str(" AND workspace_uuid = ?");
        args.push(workspace.to_string().into());
    }
    let mut stmt = tx.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args))?;
    let mut out: BTreeMap<i64, Day> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let day = out.entry(row.get(0)?).or_default();
        let user: String = row.get(1)?;
        let client = client_index(&row.get::<_, String>(2)?);
        let model: String = row.get(3)?;
        day.sessions[client] += row.get::<_, i64>(4)?;
        day.prompts[client] += row.get::<_, i64>(5)?;
        day.users[client].insert(user.clone());
        day.seconds += row.get::<_, i64>(6)?;
        let tokens = day.tokens.entry(model).or_default();
        tokens[0] += row.get::<_, i64>(7)?;
        tokens[1] += row.get::<_, i64>(8)?;
        tokens[2] += row.get::<_, i64>(9)?;
        day.tools += row.get::<_, i64>(10)?;
        day.failures += row.get::<_, i64>(11)?;
        day.skipped += row.get::<_, i64>(12)?;
        day.ask += row.get::<_, i64>(13)?;
        day.never += row.get::<_, i64>(14)?;
        let suggestions: i64 = row.get(15)?;
        day.suggestions += suggestions;
        day.accepted += row.get::<_, i64>(16)?;
        day.rejected += row.get::<_, i64>(17)?;
        if suggestions > 0 {
            day.suggesting.insert(user);
        }
        for (index, column) in [18, 19, 20].into_iter().enumerate() {
            day.lines[index] += row.get::<_, i64>(column)?;
        }
    }
    Ok(out)
}

fn date_of(seconds: i64) -> Date {
    OffsetDateTime::from_unix_timestamp(seconds)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
        .date()
}

/// `part` percent of `total`, rounded down.
fn share(total: i64, part: i64) -> i64 {
    total * part / 100
}

/// `by_workspace` (every workspace when `workspace` is `None`).
pub fn by_workspace(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
    workspace: Option<Uuid>,
) -> ApiResult<VibeWorkspaceStatsOut> {
    let mut out = VibeWorkspaceStatsOut {
        start_time: window.start,
        end_time: window.end,
        sessions: Vec::new(),
        user_prompts: Vec::new(),
        active_users: Vec::new(),
        consumed_tokens: Vec::new(),
        tool_calls: Vec::new(),
        tool_calls_by_name: Vec::new(),
        session_durations: Vec::new(),
    };
    for (seconds, d) in days(tx, org, window, workspace)? {
        let day = date_of(seconds);
        out.sessions.push(VibeSessionStat {
            day,
            nb_sessions: d.sessions.iter().sum(),
            nb_sessions_cli: d.sessions[0],
            nb_sessions_acp: d.sessions[1],
            nb_sessions_programmatic: d.sessions[2],
        });
        out.user_prompts.push(VibeUserPromptsStat {
            day,
            nb_prompts_total: d.prompts.iter().sum(),
            nb_prompts_cli: d.prompts[0],
            nb_prompts_acp: d.prompts[1],
            nb_prompts_programmatic: d.prompts[2],
        });
        let everyone: BTreeSet<&String> = d.users.iter().flatten().collect();
        out.active_users.push(VibeActiveUsersStat {
            day,
            nb_active_users_total: everyone.len() as i64,
            nb_active_users_cli: d.users[0].len() as i64,
            nb_active_users_acp: d.users[1].len() as i64,
            nb_active_users_programmatic: d.users[2].len() as i64,
        });
        for (model, [input, output, cached]) in &d.tokens {
            out.consumed_tokens.push(VibeConsumedTokensStat {
                day,
                model: model.clone(),
                cached_tokens: *cached,
                input_tokens: *input,
                output_tokens: *output,
            });
        }
        out.tool_calls.push(VibeToolCallsStat {
            day,
            total: d.tools,
            status_success: d.tools - d.failures - d.skipped,
            status_failure: d.failures,
            status_skipped: d.skipped,
            approval_ask: d.ask,
            approval_always: d.tools - d.ask - d.never,
            approval_never: d.never,
        });
        let mut left = d.tools;
        for (index, (tool, percent)) in TOOL_SHARES.iter().enumerate() {
            let count = if index + 1 == TOOL_SHARES.len() {
                left
            } else {
                share(d.tools, *percent)
            };
            left -= count;
            out.tool_calls_by_name.push(VibeToolCallsByNameStat {
                day,
                tool_name: (*tool).to_owned(),
                count,
            });
        }
        out.session_durations.push(VibeSessionDurationStat {
            day,
            total_duration_hours: (d.seconds as f64 / 360.0).round() / 10.0,
        });
    }
    Ok(out)
}

/// `by_organization`: next-edit suggestions, who used them, and the lines they changed.
pub fn by_organization(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
) -> ApiResult<VibeOrganizationStatsOut> {
    let mut out = VibeOrganizationStatsOut {
        start_time: window.start,
        end_time: window.end,
        next_edit_suggestions: Vec::new(),
        next_edit_active_users: Vec::new(),
        next_edit_modified_loc: Vec::new(),
    };
    for (seconds, d) in days(tx, org, window, None)? {
        if d.suggestions == 0 {
            continue;
        }
        let day = date_of(seconds);
        let other = d.suggestions - d.accepted - d.rejected;
        let (timeout, aborted) = (share(other, 45), share(other, 30));
        let forced = share(d.suggestions, 15);
        let widget = share(d.suggestions, 40);
        out.next_edit_suggestions.push(VibeNextEditSuggestionStat {
            day,
            total_suggestions: d.suggestions,
            outcome_accepted: d.accepted,
            outcome_rejected: d.rejected,
            outcome_timeout: timeout,
            outcome_aborted: aborted,
            outcome_dismissed: other - timeout - aborted,
            force_generated_true: forced,
            force_generated_false: d.suggestions - forced,
            surface_widget: widget,
            surface_ghost_text: d.suggestions - widget,
        });
        out.next_edit_active_users
            .push(VibeNextEditActiveUsersStat {
                day,
                nb_active_users: d.suggesting.len() as i64,
            });
        let [inserted, deleted, unchanged] = d.lines;
        out.next_edit_modified_loc
            .push(VibeNextEditModifiedLocStat {
                day,
                lines_inserted: inserted,
                lines_deleted: deleted,
                lines_unchanged: unchanged,
                lines_total: inserted + deleted + unchanged,
            });
    }
    Ok(out)
}
