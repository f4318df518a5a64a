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
    AdminUserGroupMemberOut, AdminUserGroupMembersOut, AdminUserGroupOut, AdminUserGroupsOut,
    GroupWorkspaceAssignmentOut, GroupWorkspaceAssignmentsOut,
};

/// The contract's largest `page_size` for the group listings.
const GROUP_PAGE_SIZE: u32 = 100;
/// Pages in flight at once after the first.
const CONCURRENT_PAGES: usize = 4;

/// A page that states the total and its own size.
trait Page {
    type Item;
    fn total(&self) -> i64;
    fn size(&self) -> i64;
    fn into_items(self) -> Vec<Self::Item>;
}

macro_rules! page {
    ($page:ty, $item:ty, $field:ident) => {
        impl Page for $page {
            type Item = $item;
            fn total(&self) -> i64 {
                self.total
            }
            fn size(&self) -> i64 {
                self.page_size
            }
            fn into_items(self) -> Vec<$item> {
                self.$field
            }
        }
    };
}

page!(AdminUserGroupsOut, AdminUserGroupOut, items);
page!(AdminUserGroupMembersOut, AdminUserGroupMemberOut, members);
page!(
    GroupWorkspaceAssignmentsOut,
    GroupWorkspaceAssignmentOut,
    items
);

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
    let first = fetch(1, GROUP_PAGE_SIZE).await?;
    let total = first.total();
    // The size the server says it used (it may serve less than asked), else what it sent.
    let stated = first.size();
    let mut items = first.into_items();
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
        items.extend(page.into_items());
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
