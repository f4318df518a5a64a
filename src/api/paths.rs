//! Where the Admin API lives: its prefixes, its default base URLs, and the inference-side model
//! list beside it. The operations below a prefix are in [`super::operations`].

/// The current prefix of the Admin API.
pub const ADMIN_PREFIX: &str = "/v1/admin";
/// The older prefix, documented until mid 2026; paths after it are identical.
pub const LEGACY_ADMIN_PREFIX: &str = "/api/admin";
/// The inference-side model list, authenticated by a workspace API key.
pub const MODELS: &str = "/v1/models";

pub const DEFAULT_BASE_URL: &str = "https://api.mistral.ai/v1/admin";
pub const LEGACY_BASE_URL: &str = "https://console.mistral.ai/api/admin";

/// The local server's own extensions live under this segment, apart from the contract's paths,
/// so that nobody mistakes them for part of Mistral's API. A real server answers 404 there.
pub const EXTENSION_SEGMENT: &str = "/x-local";

/// The URL of `GET /v1/models` on the same host as an admin base URL.
pub fn models_url_for(admin_base_url: &str) -> String {
    let trimmed = admin_base_url.trim_end_matches('/');
    let host = trimmed
        .strip_suffix(ADMIN_PREFIX)
        .or_else(|| trimmed.strip_suffix(LEGACY_ADMIN_PREFIX))
        .unwrap_or(trimmed);
    format!("{host}{MODELS}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_live_beside_the_admin_prefix() {
        assert_eq!(
            models_url_for("http://127.0.0.1:8787/v1/admin"),
            "http://127.0.0.1:8787/v1/models"
        );
        assert_eq!(models_url_for("http://h/api/admin/"), "http://h/v1/models");
    }
}
