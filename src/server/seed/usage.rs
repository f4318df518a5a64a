//! Seeded usage: a daily history per workspace that looks like real spending. Each workspace
//! has a share of the organization's spend and a profile (which models and categories it
//! uses); days follow a weekly rhythm (weekends are quiet), a growth trend over the history,
//! and some noise. The whole history is scaled so that the last 30 full days cost about the
//! organization's typical monthly spend. Today counts only the part of the day gone by.

use time::{Duration, Weekday};
use uuid::Uuid;

use super::builder::Builder;
use crate::server::error::ApiResult;
use crate::server::ops::{meters, usage};

/// What a workspace spends on: (category, model, billing group, share of its cost).
pub type Profile = &'static [(&'static str, &'static str, &'static str, f64)];

pub const RESEARCH: Profile = &[
    ("completion", "mistral-large-latest", "input", 0.30),
    ("completion", "mistral-large-latest", "output", 0.25),
    ("completion", "mistral-medium-latest", "input", 0.08),
    ("completion", "mistral-medium-latest", "output", 0.10),
    (
        "fine_tuning.training",
        "ft:mistral-small-latest",
        "training_tokens",
        0.17,
    ),
    ("ocr", "mistral-ocr-latest", "pages", 0.05),
    ("connectors", "code_interpreter", "calls", 0.05),
];
pub const PRODUCT: Profile = &[
    ("completion", "mistral-medium-latest", "input", 0.30),
    ("completion", "mistral-medium-latest", "output", 0.35),
    ("completion", "mistral-small-latest", "input", 0.10),
    ("completion", "mistral-small-latest", "output", 0.08),
    ("audio_characters", "voxtral-tts-latest", "characters", 0.07),
    ("connectors", "web_search", "calls", 0.10),
];
pub const SUPPORT: Profile = &[
    ("completion", "mistral-small-latest", "input", 0.25),
    ("completion", "mistral-small-latest", "output", 0.20),
    ("completion", "mistral-medium-latest", "input", 0.15),
    ("completion", "mistral-medium-latest", "output", 0.25),
    ("connectors", "web_search", "calls", 0.15),
];
pub const DATA: Profile = &[
    ("completion", "mistral-embed", "input", 0.30),
    ("ocr", "mistral-ocr-latest", "pages", 0.20),
    ("libraries_api.pages", "mistral-ocr-latest", "pages", 0.15),
    ("libraries_api.tokens", "mistral-embed", "tokens", 0.10),
    ("completion", "mistral-large-latest", "input", 0.10),
    ("completion", "mistral-large-latest", "output", 0.15),
];
pub const MOBILE: Profile = &[
    ("completion", "mistral-small-latest", "input", 0.30),
    ("completion", "mistral-small-latest", "output", 0.20),
    ("audio", "voxtral-mini-latest", "seconds", 0.25),
    (
        "libraries_api.audio_seconds",
        "voxtral-mini-latest",
        "seconds",
        0.05,
    ),
    ("audio_characters", "voxtral-tts-latest", "characters", 0.20),
];
pub const WRITING: Profile = &[
    ("completion", "mistral-large-latest", "input", 0.25),
    ("completion", "mistral-large-latest", "output", 0.35),
    ("completion", "mistral-medium-latest", "input", 0.15),
    ("completion", "mistral-medium-latest", "output", 0.25),
];
pub const EVERYDAY: Profile = &[
    ("chat", "mistral-medium-latest", "input", 0.30),
    ("chat", "mistral-medium-latest", "output", 0.40),
    ("completion", "mistral-small-latest", "input", 0.15),
    ("completion", "codestral-latest", "output", 0.15),
];

/// One workspace's spending.
pub struct Spend {
    pub workspace: Uuid,
    pub profile: Profile,
    /// Its share of the organization's spend, relative to the others'.
    pub weight: f64,
    pub zone: &'static str,
    /// Spending starts this many days ago (when the workspace was created)...
    pub since_days: i64,
    /// ...and stops this many days ago (0 for active workspaces, else when archived).
    pub until_days: i64,
}

/// Fills `history_days` days of usage for `spends`, scaled so that the last 30 full days cost
/// about `monthly_spend`.
pub fn seed(
    b: &mut Builder<'_, '_>,
    spends: &[Spend],
    monthly_spend: f64,
    history_days: i64,
) -> ApiResult<()> {
    let now = b.now();
    let today_elapsed = f64::from(now.hour()) / 24.0 + f64::from(now.minute()) / 1440.0;
    // First pass: an unscaled amount per day and workspace.
    let mut days: Vec<(i64, usize, f64)> = Vec::new();
    for ago in 0..=history_days {
        let date = (now - Duration::days(ago)).date();
        let rhythm = match date.weekday() {
            Weekday::Saturday | Weekday::Sunday => 0.3,
            _ => 1.0,
        };
        let trend = 0.55 + 0.45 * (1.0 - ago as f64 / history_days.max(1) as f64);
        let part = if ago == 0 { today_elapsed } else { 1.0 };
        for (index, spend) in spends.iter().enumerate() {
            if ago > spend.since_days || ago < spend.until_days {
                continue;
            }
            let noise = 0.8 + 0.4 * b.unit();
            days.push((ago, index, spend.weight * rhythm * trend * noise * part));
        }
    }
    let last_month: f64 = days
        .iter()
        .filter(|(ago, _, _)| (1..=30).contains(ago))
        .map(|(_, _, amount)| amount)
        .sum();
    let scale = if last_month > 0.0 {
        monthly_spend / last_month
    } else {
        0.0
    };
    // Second pass: each day's amount split over the workspace's meters, as quantities.
    for (ago, index, amount) in days {
        let spend = &spends[index];
        let day = (now - Duration::days(ago)).date();
        for (category, model, group, share) in spend.profile {
            let Some(meter) = meters::find(category, model, group) else {
                continue;
            };
            // Fine-tuning runs one day in four, costing four days' share when it does.
            let burst = if *category == "fine_tuning.training" {
                if b.pick(4) != 0 {
                    continue;
                }
                4.0
            } else {
                1.0
            };
            let cost = amount * scale * share * burst * (0.9 + 0.2 * b.unit());
            let quantity = (cost / meter.price).round() as i64;
            if quantity > 0 {
                usage::add(
                    b.tx,
                    b.org,
                    day,
                    spend.workspace,
                    meter,
                    spend.zone,
                    "standard",
                    quantity,
                )?;
            }
        }
    }
    Ok(())
}
