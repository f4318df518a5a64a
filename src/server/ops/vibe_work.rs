//! Vibe Work analytics: activity with the assistant and its agents, by user, by agent and over
//! time. A window covers the hours that start at or after `start_time` and before `end_time`.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::Transaction;
use time::{Date, Month, OffsetDateTime};
use uuid::Uuid;

use crate::api::*;
use crate::server::error::{ApiError, ApiResult};

/// The most buckets `by_time_stats` returns; a longer series needs a coarser granularity.
pub const MAX_BUCKETS: usize = 10_000;

/// A queried window, in Unix seconds, already checked (`start < end`, both representable).
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: i64,
    pub end: i64,
}

impl Window {
    /// A reply over this window carrying `data`.
    fn stats<T>(self, data: Vec<T>) -> VibeStatsOut<T> {
        VibeStatsOut {
            start_time: self.start,
            end_time: self.end,
            data,
        }
    }
}

struct Row {
    hour: i64,
    user: String,
    agent: String,
    messages: i64,
    files: i64,
    images: i64,
    spreadsheets: i64,
    conversations: i64,
    last: i64,
}

fn rows(tx: &Transaction<'_>, org: Uuid, window: Window) -> ApiResult<Vec<Row>> {
    let mut stmt = tx.prepare_cached(
        "SELECT hour, user_uuid, agent_id, messages, files, images, spreadsheets, conversations,
                last_message_at
         FROM vibe_work_activity WHERE org_uuid = ?1 AND hour >= ?2 AND hour < ?3",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![org.to_string(), window.start, window.end],
        |row| {
            Ok(Row {
                hour: row.get(0)?,
                user: row.get(1)?,
                agent: row.get(2)?,
                messages: row.get(3)?,
                files: row.get(4)?,
                images: row.get(5)?,
                spreadsheets: row.get(6)?,
                conversations: row.get(7)?,
                last: row.get(8)?,
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Sums over a set of rows.
#[derive(Default)]
struct Totals {
    messages: i64,
    files: i64,
    images: i64,
    spreadsheets: i64,
    conversations: i64,
    to_agents: i64,
    last: i64,
    users: BTreeSet<String>,
    agents: BTreeSet<String>,
}

impl Totals {
    fn add(&mut self, row: &Row) {
        self.messages += row.messages;
        self.files += row.files;
        self.images += row.images;
        self.spreadsheets += row.spreadsheets;
        self.conversations += row.conversations;
        self.last = self.last.max(row.last);
        self.users.insert(row.user.clone());
        if !row.agent.is_empty() {
            self.to_agents += row.messages;
            self.agents.insert(row.agent.clone());
        }
    }
}

/// Busiest first, then by id, so the order is stable.
fn busiest_first<T>(mut items: Vec<(i64, String, T)>) -> Vec<T> {
    items.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, item)| item).collect()
}

/// Everyone `key` names in the window's rows (rows it names no one in are left out), each
/// with their totals as `stat` reports them, busiest first.
fn busiest_by<T>(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
    key: fn(&Row) -> Option<&str>,
    stat: impl Fn(&str, &Totals) -> T,
) -> ApiResult<VibeStatsOut<T>> {
    let mut per_key: BTreeMap<String, Totals> = BTreeMap::new();
    for row in rows(tx, org, window)? {
        if let Some(name) = key(&row) {
            per_key.entry(name.to_owned()).or_default().add(&row);
        }
    }
    let data = per_key
        .into_iter()
        .map(|(name, t)| {
            let stat = stat(&name, &t);
            (t.messages, name, stat)
        })
        .collect();
    Ok(window.stats(busiest_first(data)))
}

/// `by_user_stats`: everyone with activity in the window, busiest first.
pub fn by_user(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
) -> ApiResult<VibeWorkByUserStatsOut> {
    busiest_by(
        tx,
        org,
        window,
        |row| Some(&row.user),
        |user, t| VibeWorkByUserStat {
            messages_count: t.messages,
            files_count: t.files,
            images_count: t.images,
            spreadsheets_count: t.spreadsheets,
            unique_conversations_count: t.conversations,
            user_id: user.to_owned(),
            last_message_at: at(t.last),
            unique_agents_count: t.agents.len() as i64,
            messages_to_agents_count: t.to_agents,
        },
    )
}

/// `by_agent_stats`: every agent used in the window (the assistant itself is not an agent).
pub fn by_agent(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
) -> ApiResult<VibeWorkByAgentStatsOut> {
    busiest_by(
        tx,
        org,
        window,
        |row| Some(row.agent.as_str()).filter(|agent| !agent.is_empty()),
        |agent, t| VibeWorkByAgentStat {
            messages_count: t.messages,
            files_count: t.files,
            images_count: t.images,
            spreadsheets_count: t.spreadsheets,
            unique_conversations_count: t.conversations,
            agent_id: agent.to_owned(),
            last_message_at: at(t.last),
            unique_users_count: t.users.len() as i64,
        },
    )
}

fn at(seconds: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

fn first_of_month(date: Date) -> Date {
    date.replace_day(1).unwrap_or(date)
}

/// The first day of the next month, if a date can be written for it.
fn next_month(date: Date) -> Option<Date> {
    let (year, month) = if date.month() == Month::December {
        (date.year() + 1, Month::January)
    } else {
        (date.year(), date.month().next())
    };
    Date::from_calendar_date(year, month, 1).ok()
}

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// The start of the bucket holding `seconds`, and of the next one (UTC; weeks start Monday).
/// Hours, days and weeks are counted in seconds, so the last day a date can be written for has
/// a next bucket too.
fn bucket(granularity: &str, seconds: i64) -> (i64, i64) {
    let day = seconds - seconds.rem_euclid(DAY);
    match granularity {
        "hour" => {
            let start = seconds - seconds.rem_euclid(HOUR);
            (start, start + HOUR)
        }
        "week" => {
            // 1 January 1970 was a Thursday, three days after a Monday.
            let monday = day - ((day / DAY + 3).rem_euclid(7)) * DAY;
            (monday, monday + 7 * DAY)
        }
        "month" => {
            let date = at(seconds).date();
            let start = first_of_month(date)
                .midnight()
                .assume_utc()
                .unix_timestamp();
            let next =
                next_month(date).map_or(i64::MAX, |d| d.midnight().assume_utc().unix_timestamp());
            (start, next)
        }
        _ => (day, day + DAY),
    }
}

/// The buckets a window overlaps, or a 422 when there are more than [`MAX_BUCKETS`].
pub fn buckets(granularity: &str, window: Window) -> ApiResult<Vec<i64>> {
    let mut out = Vec::new();
    let (mut start, mut next) = bucket(granularity, window.start);
    while start < window.end {
        if out.len() == MAX_BUCKETS {
            return Err(ApiError::invalid(
                crate::loc!["query", "granularity"],
                "value_error",
                format!(
                    "Value error, the window holds more than {MAX_BUCKETS} {granularity}s; \
                     choose a coarser granularity or a shorter window"
                ),
            ));
        }
        out.push(start);
        if next == i64::MAX {
            break;
        }
        (start, next) = (next, bucket(granularity, next).1);
    }
    Ok(out)
}

/// `by_time_stats`: one entry per bucket the window overlaps, quiet ones included, so a series
/// has no gaps.
pub fn by_time(
    tx: &Transaction<'_>,
    org: Uuid,
    window: Window,
    granularity: &str,
) -> ApiResult<VibeWorkByTimeStatsOut> {
    let starts = buckets(granularity, window)?;
    let mut per_bucket: BTreeMap<i64, Totals> =
        starts.iter().map(|s| (*s, Totals::default())).collect();
    for row in rows(tx, org, window)? {
        let (start, _) = bucket(granularity, row.hour);
        per_bucket.entry(start).or_default().add(&row);
    }
    let data = per_bucket
        .into_iter()
        .map(|(start, t)| VibeWorkByTimeStat {
            messages_count: t.messages,
            files_count: t.files,
            images_count: t.images,
            spreadsheets_count: t.spreadsheets,
            unique_conversations_count: t.conversations,
            time_bucket: Some(at(start)),
            unique_users_count: t.users.len() as i64,
            messages_to_agents_count: t.to_agents,
            unique_agents_count: t.agents.len() as i64,
        })
        .collect();
    Ok(window.stats(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wednesday 2 December 2026, 13:45:10 UTC.
    const WEDNESDAY: i64 = 1_796_219_110;

    #[test]
    fn buckets_start_on_the_hour_day_monday_and_first_of_the_month() {
        let start = |g| at(bucket(g, WEDNESDAY).0).to_string();
        assert_eq!(start("hour"), "2026-12-02 13:00:00.0 +00:00:00");
        assert_eq!(start("day"), "2026-12-02 0:00:00.0 +00:00:00");
        assert_eq!(start("week"), "2026-11-30 0:00:00.0 +00:00:00");
        assert_eq!(start("month"), "2026-12-01 0:00:00.0 +00:00:00");
        assert_eq!(
            at(bucket("month", WEDNESDAY).1).to_string(),
            "2027-01-01 0:00:00.0 +00:00:00"
        );
    }

    #[test]
    fn a_window_lists_every_bucket_it_overlaps_and_refuses_too_many() {
        let window = Window {
            start: WEDNESDAY,
            end: WEDNESDAY + 2 * 86_400,
        };
        assert_eq!(buckets("day", window).unwrap().len(), 3);
        assert_eq!(buckets("week", window).unwrap().len(), 1);
        assert_eq!(buckets("hour", window).unwrap().len(), 49);
        let long = Window {
            start: 0,
            end: WEDNESDAY,
        };
        assert!(matches!(
            buckets("hour", long),
            Err(ApiError::Validation(_))
        ));
        assert_eq!(buckets("month", long).unwrap().len(), 684);
    }
}
