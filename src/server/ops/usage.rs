//! Usage and its cost: the monthly report of `GET /usage`, the month-to-date totals the spending
//! limit is measured against, the rate limits of `GET /rate-limit`, and what a call with a
//! workspace key adds.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params_from_iter};
use serde_json::{Map, Value, json};
use time::{Date, Duration, Month, OffsetDateTime};
use uuid::Uuid;

use super::Op;
use super::meters::{self, METERS};
use crate::api::*;
use crate::server::clock::from_micros;
use crate::server::error::ApiResult;

/// What one call with a workspace key to `GET /v1/models` counts as: a small completion.
pub const CALL_INPUT_TOKENS: i64 = 1_000;
pub const CALL_OUTPUT_TOKENS: i64 = 200;
const CALL_MODEL: &str = "mistral-small-latest";
const CALL_ZONE: &str = "eu";

/// The month a report covers and what narrows it.
pub struct UsageQuery {
    pub year: i32,
    pub month: Month,
    pub workspace: Option<Uuid>,
    pub api_zone: Option<String>,
}

fn first_day(year: i32, month: Month) -> Option<Date> {
    Date::from_calendar_date(year, month, 1).ok()
}

/// A day key after every day a date can be written for: the end bound of December 9999.
const AFTER_LAST_DAY: &str = "9999-12-99";

fn next_month(year: i32, month: Month) -> (i32, Month) {
    if month == Month::December {
        (year + 1, Month::January)
    } else {
        (year, month.next())
    }
}

fn previous_month(year: i32, month: Month) -> (i32, Month) {
    if month == Month::January {
        (year - 1, Month::December)
    } else {
        (year, month.previous())
    }
}

fn month_label(year: i32, month: Month) -> String {
    format!("{year:04}-{:02}", month as u8)
}

/// A stored row of one month.
struct Row {
    day: String,
    workspace: String,
    category: String,
    model: String,
    group: String,
    zone: String,
    tier: String,
    quantity: i64,
}

fn rows(tx: &Transaction<'_>, org: Uuid, query: &UsageQuery) -> ApiResult<Vec<Row>> {
    let start = first_day(query.year, query.month).unwrap_or(Date::MIN);
    let (y, m) = next_month(query.year, query.month);
    let end = first_day(y, m).map_or_else(|| AFTER_LAST_DAY.to_owned(), datetime::format_date);
    let mut sql = String::from(
        "SELECT day, workspace_uuid, category, model, billing_group, api_zone, service_tier, quantity
         FROM usage_records WHERE org_uuid = ? AND day >= ? AND day < ?",
    );
    let mut args: Vec<String> = vec![org.to_string(), datetime::format_date(start), end];
    if let Some(workspace) = query.workspace {
        sql.push_str(" AND workspace_uuid = ?");
        args.push(workspace.to_string());
    }
    if let Some(zone) = &query.api_zone {
        sql.push_str(" AND api_zone = ?");
        args.push(zone.clone());
    }
    sql.push_str(" ORDER BY day, workspace_uuid, category, model, billing_group, api_zone");
    let mut stmt = tx.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |row| {
        Ok(Row {
            day: row.get(0)?,
            workspace: row.get(1)?,
            category: row.get(2)?,
            model: row.get(3)?,
            group: row.get(4)?,
            zone: row.get(5)?,
            tier: row.get(6)?,
            quantity: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn slot<'a>(out: &'a mut UsageOutJson, category: &str) -> Option<&'a mut BasicModelUsageData> {
    Some(match category {
        "completion" => &mut out.completion,
        "chat" => &mut out.chat,
        "ocr" => &mut out.ocr,
        "connectors" => &mut out.connectors,
        "audio" => &mut out.audio,
        "audio_characters" => &mut out.audio_characters,
        "libraries_api.pages" => &mut out.libraries_api.pages,
        "libraries_api.tokens" => &mut out.libraries_api.tokens,
        "libraries_api.audio_seconds" => &mut out.libraries_api.audio_seconds,
        "vibe_code.completion" => &mut out.vibe_code.completion,
        _ => return None,
    })
}

fn entry(row: &Row, meter: &meters::Meter) -> Map<String, Value> {
    let json = json!({
        "timestamp": format!("{}T00:00:00Z", row.day),
        "workspace_id": row.workspace,
        "api_zone": row.zone,
        "service_tier": row.tier,
        "event_type": meter.event_type,
        "billing_metric": row.model,
        "billing_group": row.group,
        "value": row.quantity,
        "amount": meters::cost(meter, row.quantity),
    });
    match json {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn prices(zone: Option<&str>) -> Vec<PriceData> {
    let zones: Vec<&str> = match zone {
        Some(z) => vec![z],
        None => API_ZONES.to_vec(),
    };
    zones
        .into_iter()
        .flat_map(|zone| {
            METERS.iter().map(move |m| PriceData {
                event_type: Some(m.event_type.to_owned()),
                billing_metric: m.model.to_owned(),
                billing_group: m.group.to_owned(),
                api_zone: zone.to_owned(),
                service_tier: "standard".to_owned(),
                price: json!(m.price),
            })
        })
        .collect()
}

/// `GET /usage`: one month, every entry a day of one workspace on one meter.
pub fn report(op: Op<'_>, query: &UsageQuery) -> ApiResult<UsageOutJson> {
    let (currency, created): (String, i64) = op.tx.query_row(
        "SELECT currency, created_at FROM organizations WHERE uuid = ?1",
        [op.org.to_string()],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let start = first_day(query.year, query.month)
        .unwrap_or(Date::MIN)
        .midnight()
        .assume_utc();
    let (ny, nm) = next_month(query.year, query.month);
    let end = match first_day(ny, nm) {
        Some(next) => next.midnight().assume_utc() - Duration::seconds(1),
        None => Date::MAX
            .with_time(time::macros::time!(23:59:59))
            .assume_utc(),
    };
    let (py, pm) = previous_month(query.year, query.month);
    let created = from_micros(created).date();
    let this_month = (op.now.year(), op.now.month());
    let mut out = UsageOutJson {
        completion: BasicModelUsageData::default(),
        ocr: BasicModelUsageData::default(),
        connectors: BasicModelUsageData::default(),
        libraries_api: LibrariesApiUsageData::default(),
        fine_tuning: FineTuningData::default(),
        audio: BasicModelUsageData::default(),
        audio_characters: BasicModelUsageData::default(),
        vibe_usage: 0.0,
        vibe_code: VibeCodeUsageData::default(),
        chat: BasicModelUsageData::default(),
        date: start,
        previous_month: ((py, pm as u8) >= (created.year(), created.month() as u8))
            .then(|| month_label(py, pm)),
        next_month: ((query.year, query.month as u8) < (this_month.0, this_month.1 as u8))
            .then(|| month_label(ny, nm)),
        start_date: start,
        end_date: end,
        currency: Some(currency.clone()),
        currency_symbol: Some(meters::currency_symbol(&currency).to_owned()),
        prices: Some(prices(query.api_zone.as_deref())),
    };
    let mut storage: BTreeMap<String, i64> = BTreeMap::new();
    for row in rows(op.tx, op.org, query)? {
        let Some(meter) = meters::find(&row.category, &row.model, &row.group) else {
            continue;
        };
        let item = entry(&row, meter);
        if row.category == "fine_tuning.training" {
            out.fine_tuning
                .training
                .entry(row.model.clone())
                .or_default()
                .entry(row.group.clone())
                .or_default()
                .push(item);
            // A fine-tuned model is stored for the months it was trained in.
            let short = row.workspace.get(..8).unwrap_or(&row.workspace);
            storage.insert(format!("{}:{short}", row.model), 1);
            continue;
        }
        if let Some(data) = slot(&mut out, &row.category) {
            data.models
                .entry(row.model.clone())
                .or_default()
                .entry(row.group.clone())
                .or_default()
                .push(item);
        }
    }
    out.fine_tuning.storage = storage;
    Ok(out)
}

/// The cost so far this month: the API's and Vibe's, as the spending limit counts them.
pub fn month_to_date(
    tx: &Transaction<'_>,
    org: Uuid,
    now: OffsetDateTime,
) -> ApiResult<(f64, f64)> {
    let query = UsageQuery {
        year: now.year(),
        month: now.month(),
        workspace: None,
        api_zone: None,
    };
    let (mut api, mut vibe) = (0.0, 0.0);
    for row in rows(tx, org, &query)? {
        let Some(meter) = meters::find(&row.category, &row.model, &row.group) else {
            continue;
        };
        let cost = meters::cost(meter, row.quantity);
        if row.category.starts_with("vibe_code.") {
            vibe += cost;
        } else {
            api += cost;
        }
    }
    Ok((meters::round_micro(api), meters::round_micro(vibe)))
}

/// `GET /rate-limit`, from the organization's plan.
pub fn rate_limits(tx: &Transaction<'_>, org: Uuid) -> ApiResult<RateLimitsOut> {
    let plan: String = tx.query_row(
        "SELECT plan FROM organizations WHERE uuid = ?1",
        [org.to_string()],
        |r| r.get(0),
    )?;
    let (requests_per_second, models) = meters::rate_limits(&plan);
    Ok(RateLimitsOut {
        requests_per_second,
        tokens_limits_by_model: models
            .into_iter()
            .map(|(model, per_minute, per_month)| {
                (
                    model.to_owned(),
                    TokenLimitsByModel {
                        tokens_per_minute: per_minute,
                        tokens_per_month: per_month,
                    },
                )
            })
            .collect(),
    })
}

/// Adds `quantity` to one day's row.
#[allow(clippy::too_many_arguments)]
pub fn add(
    tx: &Transaction<'_>,
    org: Uuid,
    day: Date,
    workspace: Uuid,
    meter: &meters::Meter,
    zone: &str,
    tier: &str,
    quantity: i64,
) -> ApiResult<()> {
    tx.prepare_cached(
        "INSERT INTO usage_records (org_uuid, day, workspace_uuid, category, model, billing_group,
             api_zone, service_tier, quantity)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT DO UPDATE SET quantity = quantity + excluded.quantity",
    )?
    .execute(rusqlite::params![
        org.to_string(),
        datetime::format_date(day),
        workspace.to_string(),
        meter.category,
        meter.model,
        meter.group,
        zone,
        tier,
        quantity
    ])?;
    Ok(())
}

/// What a successful `GET /v1/models` with a workspace key counts: a small completion in the
/// key's workspace, today.
pub fn record_call(tx: &Transaction<'_>, key_id: Uuid, now: OffsetDateTime) -> ApiResult<()> {
    let Some((org, workspace)): Option<(String, String)> = tx
        .query_row(
            "SELECT org_uuid, workspace_uuid FROM api_keys WHERE key_id = ?1",
            [key_id.to_string()],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?
    else {
        return Ok(());
    };
    let (Ok(org), Ok(workspace)) = (Uuid::parse_str(&org), Uuid::parse_str(&workspace)) else {
        return Ok(());
    };
    for (group, quantity) in [("input", CALL_INPUT_TOKENS), ("output", CALL_OUTPUT_TOKENS)] {
        if let Some(meter) = meters::find("completion", CALL_MODEL, group) {
            add(
                tx,
                org,
                now.date(),
                workspace,
                meter,
                CALL_ZONE,
                "standard",
                quantity,
            )?;
        }
    }
    Ok(())
}
