//! What the local server bills and limits: each meter (a category, a model and a billing
//! group) with its unit price, and the rate limits of each plan. Prices are the same number
//! in every currency and zone, and are per unit (token, page, second, character or call).

/// One billed quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Meter {
    /// Where `GET /usage` reports it: `completion`, `chat`, `ocr`, `connectors`, `audio`,
    /// `audio_characters`, `libraries_api.pages|tokens|audio_seconds`,
    /// `fine_tuning.training` or `vibe_code.completion`.
    pub category: &'static str,
    pub model: &'static str,
    pub group: &'static str,
    /// `LagoEventType`.
    pub event_type: &'static str,
    pub price: f64,
}

const fn meter(
    category: &'static str,
    model: &'static str,
    group: &'static str,
    event_type: &'static str,
    price: f64,
) -> Meter {
    Meter {
        category,
        model,
        group,
        event_type,
        price,
    }
}

pub const METERS: &[Meter] = &[
    meter(
        "completion",
        "mistral-large-latest",
        "input",
        "api_tokens",
        2e-6,
    ),
    meter(
        "completion",
        "mistral-large-latest",
        "output",
        "api_tokens",
        6e-6,
    ),
    meter(
        "completion",
        "mistral-medium-latest",
        "input",
        "api_tokens",
        0.4e-6,
    ),
    meter(
        "completion",
        "mistral-medium-latest",
        "output",
        "api_tokens",
        2e-6,
    ),
    meter(
        "completion",
        "mistral-small-latest",
        "input",
        "api_tokens",
        0.1e-6,
    ),
    meter(
        "completion",
        "mistral-small-latest",
        "output",
        "api_tokens",
        0.3e-6,
    ),
    meter(
        "completion",
        "codestral-latest",
        "input",
        "api_tokens",
        0.3e-6,
    ),
    meter(
        "completion",
        "codestral-latest",
        "output",
        "api_tokens",
        0.9e-6,
    ),
    meter("completion", "mistral-embed", "input", "api_tokens", 0.1e-6),
    meter(
        "chat",
        "mistral-medium-latest",
        "input",
        "api_tokens",
        0.4e-6,
    ),
    meter(
        "chat",
        "mistral-medium-latest",
        "output",
        "api_tokens",
        2e-6,
    ),
    meter("ocr", "mistral-ocr-latest", "pages", "api_pages", 0.001),
    meter("connectors", "web_search", "calls", "api_connectors", 0.01),
    meter(
        "connectors",
        "code_interpreter",
        "calls",
        "api_connectors",
        0.03,
    ),
    meter(
        "audio",
        "voxtral-mini-latest",
        "seconds",
        "api_audio_seconds",
        0.0001,
    ),
    meter(
        "audio_characters",
        "voxtral-tts-latest",
        "characters",
        "api_audio_characters",
        0.000015,
    ),
    meter(
        "libraries_api.pages",
        "mistral-ocr-latest",
        "pages",
        "api_libraries_pages",
        0.001,
    ),
    meter(
        "libraries_api.tokens",
        "mistral-embed",
        "tokens",
        "api_libraries_tokens",
        0.1e-6,
    ),
    meter(
        "libraries_api.audio_seconds",
        "voxtral-mini-latest",
        "seconds",
        "api_libraries_audio",
        0.0001,
    ),
    meter(
        "fine_tuning.training",
        "ft:mistral-small-latest",
        "training_tokens",
        "api_tokens",
        3e-6,
    ),
    meter(
        "vibe_code.completion",
        "devstral-medium-latest",
        "input",
        "vibe_tokens",
        0.4e-6,
    ),
    meter(
        "vibe_code.completion",
        "devstral-medium-latest",
        "output",
        "vibe_tokens",
        2e-6,
    ),
    meter(
        "vibe_code.completion",
        "codestral-latest",
        "input",
        "vibe_tokens",
        0.3e-6,
    ),
    meter(
        "vibe_code.completion",
        "codestral-latest",
        "output",
        "vibe_tokens",
        0.9e-6,
    ),
];

/// The meter of a stored row, if it is one the server knows.
pub fn find(category: &str, model: &str, group: &str) -> Option<&'static Meter> {
    METERS
        .iter()
        .find(|m| m.category == category && m.model == model && m.group == group)
}

/// What `quantity` units cost, rounded to a millionth so that sums agree wherever made.
pub fn cost(meter: &Meter, quantity: i64) -> f64 {
    round_micro(quantity as f64 * meter.price)
}

pub fn round_micro(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The models whose tokens a plan limits, and how much per minute on the smallest plan.
const TOKEN_LIMITED: &[(&str, i64)] = &[
    ("mistral-large-latest", 2_000_000),
    ("mistral-medium-latest", 4_000_000),
    ("mistral-small-latest", 8_000_000),
    ("codestral-latest", 4_000_000),
    ("devstral-medium-latest", 4_000_000),
    ("mistral-embed", 10_000_000),
];

/// Requests per second and a multiplier of [`TOKEN_LIMITED`], by plan. Unknown plans get the
/// smallest tier.
fn tier(plan: &str) -> (i64, i64) {
    match plan {
        "Enterprise" => (50, 5),
        "Scale" => (20, 2),
        _ => (5, 1),
    }
}

/// `GET /rate-limit` for an organization on `plan`: requests per second, and per model the
/// tokens per minute and per (30-day) month.
pub fn rate_limits(plan: &str) -> (i64, Vec<(&'static str, i64, i64)>) {
    let (rps, factor) = tier(plan);
    let models = TOKEN_LIMITED
        .iter()
        .map(|(model, per_minute)| {
            let per_minute = per_minute * factor;
            // A month of use at a tenth of the per-minute ceiling, as providers size it.
            (*model, per_minute, per_minute * 60 * 24 * 30 / 10)
        })
        .collect();
    (rps, models)
}

/// The symbol a currency code is written with.
pub fn currency_symbol(code: &str) -> &'static str {
    match code {
        "EUR" => "€",
        "USD" => "$",
        "GBP" => "£",
        _ => "¤",
    }
}
