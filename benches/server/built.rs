//! Walks of the listings that the server must build page by page: every request names a page
//! the server no longer keeps.
//!
//! The server keeps the last [`KEPT_PAGES`] pages it sent, dropping the least recently asked
//! (see `src/server/ops/page_cache.rs`). A walk asks more distinct pages than that, in turn, so
//! when a page comes round again more than [`KEPT_PAGES`] others have been asked since and it
//! is built afresh. Nothing in the server is switched off for this: the bench asks what a
//! script paging through the whole organization asks.

/// Pages the server keeps; a walk must name more than this many different pages.
const KEPT_PAGES: usize = 32;

const USERS: &str = "/v1/admin/users";
const WORKSPACES: &str = "/v1/admin/workspaces";

/// Page sizes around `middle`, so that a listing too short for a walk at one size still gives
/// more pages than are kept, each of about the same size.
fn sizes_around(middle: i64, spread: i64) -> impl Iterator<Item = i64> {
    (middle - spread)..=(middle + spread)
}

/// The walk, if it is long enough that none of its pages stays kept (a small organization's
/// listings are not).
fn long_enough<T>(walk: Vec<T>, pages_per_step: usize) -> Option<Vec<T>> {
    (walk.len() * pages_per_step > KEPT_PAGES).then_some(walk)
}

/// Every full page of `page_size` members of `total`: pages 1 to 100 at 10,000 members.
pub fn user_pages(total: i64, page_size: i64) -> Option<Vec<String>> {
    let pages = (total / page_size).max(1);
    let walk = (1..=pages)
        .map(|page| format!("{USERS}?page_size={page_size}&page={page}"))
        .collect();
    long_enough(walk, 1)
}

/// Every page of `total` active workspaces at each page size from 46 to 54 (about 50).
pub fn workspace_pages(total: i64) -> Option<Vec<String>> {
    let walk = sizes_around(50, 4)
        .flat_map(|size| {
            let pages = (total + size - 1) / size;
            (1..=pages.max(1)).map(move |page| format!("{WORKSPACES}?page_size={size}&page={page}"))
        })
        .collect();
    long_enough(walk, 1)
}

/// The first and the last full page of members at each page size from 90 to 110 (about 100),
/// to compare a deep page with the first when both are built.
pub fn first_and_last_user_pages(total: i64) -> Option<Vec<[String; 2]>> {
    if total < 2 * 110 {
        return None;
    }
    let pairs = sizes_around(100, 10)
        .map(|size| {
            let last = (total / size).max(1);
            [
                format!("{USERS}?page_size={size}&page=1"),
                format!("{USERS}?page_size={size}&page={last}"),
            ]
        })
        .collect();
    long_enough(pairs, 2)
}
