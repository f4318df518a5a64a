//! Every page of the group listings: groups, a group's members, a group's workspace
//! assignments. Like the other listings (see `paging`), the first page says the total and the
//! page size the server used, then the rest is fetched a few pages at a time inside the
//! caller's future, and entries that shifted between pages are kept once.

use std::collections::HashSet;
use std::future::Future;
use std::hash::Hash;

use futures::{StreamExt, TryStreamExt, stream};
use uuid::Uuid;

use super::error::ClientError;
use super::transport::AdminClient;
use crate::api::{
    AdminUserGroupMemberOut, AdminUserGroupMembersOut, AdminUserGroupOut,
    GroupWorkspaceAssignmentOut, ItemsPage,
};

/// The contract's largest `page_size` for the group listings.
const GROUP_PAGE_SIZE: u32 = 100;
/// Pages in flight at once after the first.
const CONCURRENT_PAGES: usize = 4;

/// A page that states the total and its own size.
trait Page {
    type Item;
    /// The total, the page size the server used, and the entries.
    fn into_parts(self) -> (i64, i64, Vec<Self::Item>);
}

/// Groups and a group's workspace assignments.
impl<T> Page for ItemsPage<T> {
    type Item = T;
    fn into_parts(self) -> (i64, i64, Vec<T>) {
        (self.total, self.page_size, self.items)
    }
}

impl Page for AdminUserGroupMembersOut {
    type Item = AdminUserGroupMemberOut;
    fn into_parts(self) -> (i64, i64, Vec<AdminUserGroupMemberOut>) {
        (self.total, self.page_size, self.members)
    }
}

/// Fetches page 1, then every further page the total calls for; `key` de-duplicates.
async fn all_pages<P, F, Fut, K>(
    fetch: F,
    key: impl Fn(&P::Item) -> K,
) -> Result<Vec<P::Item>, ClientError>
where
    P: Page,
    F: Fn(u32, u32) -> Fut,
    Fut: Future<Output = Result<P, ClientError>>,
    K: Eq + Hash,
{
    // The size the server says it used (it may serve less than asked), else what it sent.
    let (total, stated, mut items) = fetch(1, GROUP_PAGE_SIZE).await?.into_parts();
    let size = if stated > 0 {
        stated
    } else {
        items.len().max(1) as i64
    };
    let pages = u32::try_from((total.max(0) + size - 1) / size)
        .unwrap_or(u32::MAX)
        .max(1);
    let rest: Vec<P> = stream::iter(2..=pages)
        .map(|page| fetch(page, size as u32))
        .buffered(CONCURRENT_PAGES)
        .try_collect()
        .await?;
    for page in rest {
        items.extend(page.into_parts().2);
    }
    let mut seen = HashSet::new();
    items.retain(|item| seen.insert(key(item)));
    Ok(items)
}

impl AdminClient {
    /// Every group of the organization.
    pub async fn list_all_groups(&self) -> Result<Vec<AdminUserGroupOut>, ClientError> {
        all_pages(|page, size| self.list_groups(page, size, None), |g| g.uuid).await
    }

    /// Every direct member of a group.
    pub async fn list_all_group_members(
        &self,
        id: Uuid,
    ) -> Result<Vec<AdminUserGroupMemberOut>, ClientError> {
        all_pages(
            |page, size| self.list_group_members(id, page, size),
            |m| m.user_uuid,
        )
        .await
    }

    /// Every workspace a group is assigned to.
    pub async fn list_all_group_workspaces(
        &self,
        id: Uuid,
    ) -> Result<Vec<GroupWorkspaceAssignmentOut>, ClientError> {
        all_pages(
            |page, size| self.list_group_workspaces(id, page, size),
            |a| a.workspace_uuid,
        )
        .await
    }
}
