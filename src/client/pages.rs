//! The one loop that reads every page of a listing whose pages state their total and size:
//! workspaces, groups, a group's members, a group's workspace assignments.
//!
//! Page 1 is read first; it says the total and the page size the server used (it may clamp
//! what was asked for), then the rest is fetched a few pages at a time inside the caller's
//! future (no spawned tasks, so dropping it stops them all). Entries are de-duplicated by id,
//! since a row can shift from one page to the next while an organization changes under the
//! listing.

use std::collections::HashSet;
use std::future::Future;
use std::hash::Hash;

use futures::{StreamExt, TryStreamExt, stream};

use super::error::ClientError;
use crate::api::{
    AdminUserGroupMemberOut, AdminUserGroupMembersOut, ItemsPage, WorkspaceOut, WorkspacesOut,
};

/// Pages in flight at once after the first.
pub(super) const CONCURRENT_PAGES: usize = 4;

/// A page that states the listing's total and its own size.
pub(super) trait CountedPage {
    type Item;
    /// The total, the page size the server used, and the entries.
    fn into_parts(self) -> (i64, i64, Vec<Self::Item>);
}

/// Groups and a group's workspace assignments.
impl<T> CountedPage for ItemsPage<T> {
    type Item = T;
    fn into_parts(self) -> (i64, i64, Vec<T>) {
        (self.total, self.page_size, self.items)
    }
}

impl CountedPage for AdminUserGroupMembersOut {
    type Item = AdminUserGroupMemberOut;
    fn into_parts(self) -> (i64, i64, Vec<AdminUserGroupMemberOut>) {
        (self.total, self.page_size, self.members)
    }
}

impl CountedPage for WorkspacesOut {
    type Item = WorkspaceOut;
    fn into_parts(self) -> (i64, i64, Vec<WorkspaceOut>) {
        (self.total, self.page_size, self.items)
    }
}

/// How many pages hold `total` entries at `size` per page; never fewer than one.
pub(super) fn page_count(total: i64, size: i64) -> u32 {
    if total <= 0 || size <= 0 {
        return 1;
    }
    u32::try_from((total + size - 1) / size).unwrap_or(u32::MAX)
}

/// Every entry of a listing: `fetch(page, page_size)` reads page 1 at `first_size`, then every
/// further page the stated total calls for at the size the server said it used; `key`
/// de-duplicates, keeping the first of each.
pub(super) async fn all_pages<P, F, Fut, K>(
    first_size: u32,
    fetch: F,
    key: impl Fn(&P::Item) -> K,
) -> Result<Vec<P::Item>, ClientError>
where
    P: CountedPage,
    F: Fn(u32, u32) -> Fut,
    Fut: Future<Output = Result<P, ClientError>>,
    K: Eq + Hash,
{
    let (total, stated, mut items) = fetch(1, first_size).await?.into_parts();
    // The size the server says it used, else what it sent.
    let size = if stated > 0 {
        stated
    } else {
        items.len().max(1) as i64
    };
    let rest: Vec<P> = stream::iter(2..=page_count(total, size))
        .map(|page| fetch(page, size as u32))
        .buffered(CONCURRENT_PAGES)
        .try_collect()
        .await?;
    for page in rest {
        items.extend(page.into_parts().2);
    }
    Ok(dedup_by(items, key))
}

/// `items` without the entries whose key came before.
fn dedup_by<T, K: Eq + Hash>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut seen = HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(key(item)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_never_drops_to_zero() {
        assert_eq!(page_count(0, 1000), 1);
        assert_eq!(page_count(1000, 1000), 1);
        assert_eq!(page_count(1001, 1000), 2);
        assert_eq!(page_count(10_000, 1000), 10);
        assert_eq!(page_count(5, 0), 1);
    }

    #[test]
    fn dedup_keeps_the_first_of_each() {
        let items = vec![(1, "a"), (2, "b"), (1, "c")];
        assert_eq!(dedup_by(items, |i| i.0), vec![(1, "a"), (2, "b")]);
    }
}
