//! Seeded Vibe activity. Vibe Work: people with a CHAT seat talk to the assistant and to a few
//! agents during working hours on most weekdays; one seat holder in seven never does (a seat to
//! free). Vibe Code: people with a MISTRAL_CODE seat code in a workspace they belong to, from
//! the command line, an editor (ACP) or scripts. Vibe Code tokens are also billed, so they land
//! in the usage report and count against the spending limit.

use rusqlite::OptionalExtension;
use time::{Duration, Weekday};
use uuid::Uuid;

use super::builder::Builder;
use crate::server::error::ApiResult;
use crate::server::ops::{decode_list, meters, usage, uuid_at};

/// How much to seed: days of history and at most how many people of each kind.
pub struct VibePlan {
    pub days: i64,
    pub max_work_users: usize,
    pub max_code_users: usize,
}

/// The members holding `seat`, oldest first.
fn seat_holders(b: &Builder<'_, '_>, seat: &str) -> ApiResult<Vec<Uuid>> {
    let mut stmt = b
        .tx
        .prepare("SELECT uuid, seats FROM users WHERE org_uuid = ?1 ORDER BY created_at, uuid")?;
    let rows = stmt.query_map([b.org.to_string()], |row| {
        Ok((uuid_at(row, 0)?, row.get::<_, String>(1)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (uuid, seats) = row?;
        if decode_list(&seats).iter().any(|s| s == seat) {
            out.push(uuid);
        }
    }
    Ok(out)
}

/// The workspace someone codes in: their oldest workspace besides the default one, if any.
fn home_workspace(b: &Builder<'_, '_>, user: Uuid) -> ApiResult<Uuid> {
    let found =
        b.tx.query_row(
            "SELECT w.uuid FROM workspace_members m JOIN workspaces w ON w.uuid = m.workspace_uuid
             WHERE m.user_uuid = ?1 AND w.is_default = 0 AND w.archived_at IS NULL
             ORDER BY w.created_at LIMIT 1",
            [user.to_string()],
            |row| uuid_at(row, 0),
        )
        .optional()?;
    Ok(found.unwrap_or(b.default_workspace))
}

fn between(b: &mut Builder<'_, '_>, low: i64, high: i64) -> i64 {
    low + b.pick((high - low + 1) as usize) as i64
}

pub fn seed(b: &mut Builder<'_, '_>, plan: &VibePlan) -> ApiResult<()> {
    work(b, plan)?;
    code(b, plan)
}

fn work(b: &mut Builder<'_, '_>, plan: &VibePlan) -> ApiResult<()> {
    let agents: Vec<Uuid> = (0..4).map(|_| b.uuid()).collect();
    let people: Vec<Uuid> = seat_holders(b, "CHAT")?
        .into_iter()
        .enumerate()
        .filter(|(n, _)| n % 7 != 6)
        .map(|(_, u)| u)
        .take(plan.max_work_users)
        .collect();
    let now = b.now().unix_timestamp();
    for ago in 0..plan.days {
        let day = (b.now() - Duration::days(ago)).date();
        if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            continue;
        }
        let midnight = day.midnight().assume_utc().unix_timestamp();
        for user in &people {
            if b.unit() > 0.65 {
                continue;
            }
            let mut hours: Vec<i64> = (0..between(b, 1, 3)).map(|_| between(b, 8, 17)).collect();
            hours.sort_unstable();
            hours.dedup();
            for hour in hours {
                let start = midnight + hour * 3600;
                let last = start + between(b, 0, 3599);
                if last > now {
                    continue;
                }
                let agent = if b.unit() < 0.55 {
                    String::new()
                } else {
                    agents[b.pick(agents.len())].to_string()
                };
                let messages = between(b, 2, 25);
                b.tx.prepare_cached(
                    "INSERT OR IGNORE INTO vibe_work_activity (org_uuid, hour, user_uuid, agent_id,
                         messages, files, images, spreadsheets, conversations, last_message_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?
                .execute(rusqlite::params![
                    b.org.to_string(),
                    start,
                    user.to_string(),
                    agent,
                    messages,
                    between(b, 0, 3),
                    between(b, 0, 2),
                    between(b, 0, 1),
                    between(b, 1, 3).min(messages),
                    last
                ])?;
            }
        }
    }
    Ok(())
}

fn code(b: &mut Builder<'_, '_>, plan: &VibePlan) -> ApiResult<()> {
    let people = seat_holders(b, "MISTRAL_CODE")?;
    let mut coders = Vec::new();
    for user in people.into_iter().take(plan.max_code_users) {
        coders.push((user, home_workspace(b, user)?));
    }
    for ago in 1..plan.days {
        let date = (b.now() - Duration::days(ago)).date();
        let weekend = matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday);
        let day = date.midnight().assume_utc().unix_timestamp();
        for (user, workspace) in &coders {
            if b.unit() > if weekend { 0.1 } else { 0.7 } {
                continue;
            }
            let roll = b.unit();
            let client = if roll < 0.6 {
                "cli"
            } else if roll < 0.9 {
                "acp"
            } else {
                "programmatic"
            };
            let model = if b.unit() < 0.7 {
                "devstral-medium-latest"
            } else {
                "codestral-latest"
            };
            let sessions = between(b, 1, 5);
            let input = between(b, 40_000, 300_000);
            let output = input / 10;
            let tools = between(b, 5, 60);
            let suggestions = if client == "programmatic" {
                0
            } else {
                between(b, 30, 250)
            };
            let edits = suggestions > 0;
            let values = [
                sessions,
                sessions * between(b, 3, 10),
                sessions * between(b, 600, 2400),
                input,
                output,
                input * between(b, 30, 60) / 100,
                tools,
                tools * 8 / 100,
                tools * 5 / 100,
                tools * 15 / 100,
                tools * 8 / 100,
                suggestions,
                suggestions * between(b, 50, 65) / 100,
                suggestions * between(b, 20, 30) / 100,
                if edits { between(b, 20, 250) } else { 0 },
                if edits { between(b, 10, 120) } else { 0 },
                if edits { between(b, 100, 600) } else { 0 },
            ];
            b.tx.prepare_cached(
                "INSERT OR IGNORE INTO vibe_code_activity (org_uuid, day, workspace_uuid, user_uuid,
                     client, model, sessions, prompts, session_seconds, input_tokens, output_tokens,
                     cached_tokens, tool_calls, tool_failures, tool_skipped, approvals_ask,
                     approvals_never, next_edit_suggestions, next_edit_accepted,
                     next_edit_rejected, lines_inserted, lines_deleted, lines_unchanged)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                         ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?
            .execute(rusqlite::params_from_iter(
                [
                    b.org.to_string().into(),
                    day.into(),
                    workspace.to_string().into(),
                    user.to_string().into(),
                    client.to_owned().into(),
                    model.to_owned().into(),
                ]
                .into_iter()
                .chain(values.iter().map(|v| rusqlite::types::Value::from(*v))),
            ))?;
            for (group, tokens) in [("input", input), ("output", output)] {
                if let Some(meter) = meters::find("vibe_code.completion", model, group) {
                    usage::add(
                        b.tx, b.org, date, *workspace, meter, "eu", "standard", tokens,
                    )?;
                }
            }
        }
    }
    Ok(())
}
