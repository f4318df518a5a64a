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

use crate::server::query::QueryReader;

/// `page`/`page_size` with the contract's defaults; page sizes above this are served as this.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// `page` and `page_size` as most listings read them: from 1, 25 a page unless asked, and a
/// larger size than [`MAX_PAGE_SIZE`] served as that (the reply says which size it used).
fn paging(query: &mut QueryReader) -> (i64, i64) {
    let page = query.int("page", 1, 1);
    (page, query.int("page_size", 25, 1).min(MAX_PAGE_SIZE))
}
