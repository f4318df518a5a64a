//! HTTP glue: each handler reads its input, runs one operation in one transaction, and
//! answers with the contract's type. The rules themselves live in `ops`.

pub mod analytics;
pub mod extensions;
pub mod groups;
pub mod keys_billing_audit;
pub mod models;
pub mod scim;
pub mod usage;
pub mod users;
pub mod workspaces;

/// `page`/`page_size` with the contract's defaults; page sizes above this are served as this.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// The answer to a change that returns nothing: 204.
fn no_content((): ()) -> axum::http::StatusCode {
    axum::http::StatusCode::NO_CONTENT
}
