//! HTTP glue: each handler reads its input, runs one operation in one transaction, and
//! answers with the contract's type. The rules themselves live in `ops`. Routes whose glue is
//! only a path id and a body get a handler made from their operation by `plain`; the modules
//! by resource hold the handlers that do more.

pub mod analytics;
pub mod extensions;
pub mod groups;
pub mod keys_billing_audit;
pub mod models;
pub mod plain;
pub mod scim;
pub mod usage;
pub mod users;
pub mod workspaces;

use axum::body::Bytes;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};

use crate::server::ops::Paging;
use crate::server::query::QueryReader;

/// A reply already serialized as JSON (a kept page, see `ops::page_cache`), sent with the same
/// bytes and header as `Json` would send.
pub struct JsonBytes(pub Bytes);

impl IntoResponse for JsonBytes {
    fn into_response(self) -> Response {
        ([(CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

/// `page`/`page_size` with the contract's defaults; page sizes above this are served as this.
pub const MAX_PAGE_SIZE: i64 = 1000;

/// `page` and `page_size` as most listings read them: from 1, 25 a page unless asked, and a
/// larger size than [`MAX_PAGE_SIZE`] served as that (the reply says which size it used).
fn paging(query: &mut QueryReader) -> Paging {
    let page = query.int("page", 1, 1);
    let page_size = query.int("page_size", 25, 1).min(MAX_PAGE_SIZE);
    within_reach(query, page, page_size)
}

/// `page` and `page_size` of a group's members listing: as [`paging`], except that the contract
/// sets no smallest page there, so a page before the first (0 or below) is answered, and holds
/// no rows. A page below what 64 bits can number is a 422, as one beyond is.
fn members_paging(query: &mut QueryReader) -> Paging {
    let page = query.int("page", 1, i64::MIN);
    if query.below_64_bits("page") {
        query.reject_below("page", i64::MIN);
    }
    let page_size = query.int("page_size", 25, 1).min(MAX_PAGE_SIZE);
    within_reach(query, page, page_size)
}

/// `page` of `page_size` rows, if its first row is one a listing can number. The contract sets
/// no largest page, but the rows are counted in 64 bits: a page starting beyond that is a 422
/// naming the last page that can be asked for, rather than an answer that claims a page other
/// than the one asked for (a number too large for 64 bits would otherwise be read as 2^63-1).
fn within_reach(query: &mut QueryReader, page: i64, page_size: i64) -> Paging {
    let last_page = (i64::MAX / page_size).saturating_add(1);
    if page > last_page || query.beyond_64_bits("page") {
        query.reject_above("page", last_page);
        return Paging { page: 1, page_size };
    }
    Paging { page, page_size }
}
