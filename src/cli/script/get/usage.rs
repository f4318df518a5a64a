//! `get usage` (a month's usage and cost, summed per workspace, category and model) and
//! `get limits` (the organization's rate limits).

use std::collections::BTreeMap;

use clap::Args;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{OutputArgs, with};
use crate::actions::resolve;
use crate::api::entry_amount;
use crate::cli::script::exit::Failure;
use crate::cli::script::output::Listing;
use crate::client::{AdminClient, UsageQuery};

#[derive(Debug, Args)]
pub struct UsageArgs {
    /// The month, as YYYY-MM (the current month when left out).
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// Only this workspace's usage (name or UUID).
    #[arg(long, value_name = "WORKSPACE")]
    pub workspace: Option<String>,
    /// Only this zone: global, us or eu.
    #[arg(long, value_name = "ZONE", value_parser = ["global", "us", "eu"])]
    pub zone: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn month(text: &str) -> Result<(i32, u8), Failure> {
    let parsed = text.split_once('-').and_then(|(y, m)| {
        let year: i32 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        (1..=12).contains(&month).then_some((year, month))
    });
    parsed.ok_or_else(|| {
        Failure::usage(format!(
            "--month {text:?}: give it as YYYY-MM, e.g. 2026-11"
        ))
    })
}

/// A quantity in an entry (`value`), written as a number or a decimal string.
fn quantity(entry: &serde_json::Map<String, Value>) -> f64 {
    match entry.get("value") {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        Some(Value::String(s)) => s.parse().unwrap_or(0.0),
        _ => 0.0,
    }
}

/// Two decimals for money, up to six for quantities, without trailing zeros.
fn figure(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".into()
    } else {
        text.to_owned()
    }
}

/// Workspace name, category, model.
type RowKey<'a> = (String, &'a str, String);
/// Workspace id, quantity, amount.
type Sums = (Option<Uuid>, f64, f64);

pub async fn usage(client: &AdminClient, args: &UsageArgs) -> Result<Listing, Failure> {
    let (active, archived) = client.list_every_workspace().await?;
    let mut query = match &args.month {
        Some(text) => {
            let (year, month) = month(text)?;
            UsageQuery::month(year, month)
        }
        None => UsageQuery::default(),
    };
    if let Some(given) = &args.workspace {
        let all: Vec<_> = active.iter().chain(&archived).cloned().collect();
        query.workspace_id = Some(resolve::workspace(&all, &[], given)?.uuid);
    }
    query.api_zone = args.zone.clone();
    let usage = client.usage(&query).await?;
    let name_of = |id: Option<Uuid>| -> String {
        id.and_then(|id| active.iter().chain(&archived).find(|w| w.uuid == id))
            .map(|w| w.name.clone())
            .unwrap_or_default()
    };
    let mut sums: BTreeMap<RowKey, Sums> = BTreeMap::new();
    for (category, model, entry) in usage.all_entries() {
        let workspace = crate::api::entry_workspace(entry);
        let key = (name_of(workspace), category, model.to_owned());
        let sum = sums.entry(key).or_insert((workspace, 0.0, 0.0));
        sum.1 += quantity(entry);
        sum.2 += entry_amount(entry);
    }
    let currency = usage.currency.clone().unwrap_or_default();
    let mut listing = Listing::new(&[
        "workspace",
        "category",
        "model",
        "quantity",
        "amount",
        "currency",
    ]);
    let mut names = serde_json::Map::new();
    for ((workspace, category, model), (id, amount_of, cost)) in &sums {
        if let Some(id) = id {
            names.insert(id.to_string(), json!(workspace));
        }
        listing.push(
            vec![
                workspace.clone().into(),
                (*category).into(),
                model.clone().into(),
                figure(*amount_of, 6).into(),
                figure(*cost, 2).into(),
                currency.clone().into(),
            ],
            json!({"workspace_id": id, "workspace_name": workspace, "category": category,
                   "model": model, "quantity": amount_of, "amount": cost, "currency": currency}),
        );
    }
    listing.document = Some(with(
        &usage,
        vec![
            ("workspace_names", Value::Object(names)),
            ("total_amount", json!(usage.total_amount())),
        ],
    ));
    Ok(listing)
}

pub async fn limits(client: &AdminClient) -> Result<Listing, Failure> {
    let limits = client.rate_limits().await?;
    let mut listing = Listing::new(&["model", "tokens_per_minute", "tokens_per_month"]);
    listing.push(
        vec![
            "(requests per second)".into(),
            limits.requests_per_second.to_string().into(),
            "".into(),
        ],
        json!({"requests_per_second": limits.requests_per_second}),
    );
    for (model, tokens) in &limits.tokens_limits_by_model {
        listing.push(
            vec![
                model.clone().into(),
                tokens.tokens_per_minute.to_string().into(),
                tokens.tokens_per_month.to_string().into(),
            ],
            with(tokens, vec![("model", json!(model))]),
        );
    }
    listing.document = Some(serde_json::to_value(&limits).unwrap_or(Value::Null));
    Ok(listing)
}
