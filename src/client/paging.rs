//! Fetching every page of a listing: users, workspaces and API keys.
//!
//! Paged listings are read first page first; once the reply states the total and the page size
//! the server actually used (it may clamp what was asked for), the remaining pages are fetched a
//! few at a time (workspaces through the loop in `pages`; users here, since their pages are
//! handed over as they arrive). Pages are polled inside the caller's future (no spawned tasks),
//! so dropping it stops them all. Entries are de-duplicated by id, since a row can shift from
//! one page to the next while an organization changes under the listing.

use std::collections::HashSet;

use futures::{StreamExt, TryStreamExt, stream};
use uuid::Uuid;

use super::error::ClientError;
use super::pages::{CONCURRENT_PAGES, all_pages, page_count};
use super::query::WorkspaceQuery;
use super::transport::AdminClient;
use crate::api::{
    AdminOrganizationMemberOut, ApiKeyExtendedOut, OrganizationAdminUsersOut,
    OrganizationInviteOut, WorkspaceOut,
};

/// The page size asked for; servers may serve less and say so.
pub const PAGE_SIZE: u32 = 1000;
/// The `limit` asked of `GET /api-keys`: the contract's default, so any server serves it.
const API_KEY_LIMIT: u32 = 100;

/// Everyone in the organization: members and pending invitations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AllUsers {
    pub members: Vec<AdminOrganizationMemberOut>,
    pub invites: Vec<OrganizationInviteOut>,
}

/// One page of `GET /users` as it arrives: its members and invitations not handed over
/// before, and how far the listing has got.
#[derive(Debug, Clone, Copy)]
pub struct UsersPage<'a> {
    pub members: &'a [AdminOrganizationMemberOut],
    pub invites: &'a [OrganizationInviteOut],
    /// Members and invitations received so far, this page included.
    pub received: usize,
    /// What the server says the listing holds (members and invitations), when it says.
    pub total: Option<usize>,
}

/// The ids of the entries handed over so far, and how many.
#[derive(Default)]
struct Seen {
    members: HashSet<Uuid>,
    invites: HashSet<Uuid>,
    received: usize,
}

impl Seen {
    /// Hands `page`'s new entries to `on_page`.
    fn hand_over(
        &mut self,
        page: OrganizationAdminUsersOut,
        total: Option<usize>,
        on_page: &mut impl FnMut(UsersPage<'_>),
    ) {
        let members: Vec<AdminOrganizationMemberOut> = page
            .members
            .into_iter()
            .filter(|m| self.members.insert(m.uuid))
            .collect();
        let invites: Vec<OrganizationInviteOut> = page
            .invites
            .into_iter()
            .filter(|i| self.invites.insert(i.uuid))
            .collect();
        self.received += members.len() + invites.len();
        on_page(UsersPage {
            members: &members,
            invites: &invites,
            received: self.received,
            total,
        });
    }
}

impl AdminClient {
    /// Every member and pending invitation, across all pages of `GET /users`.
    pub async fn list_all_users(&self) -> Result<AllUsers, ClientError> {
        let first = self.list_users(1, PAGE_SIZE, None).await?;
        let mut all = AllUsers::default();
        self.walk_users(first, PAGE_SIZE, |page| {
            all.members.extend_from_slice(page.members);
            all.invites.extend_from_slice(page.invites);
        })
        .await?;
        Ok(all)
    }

    /// Every member and pending invitation of `GET /users`, each handed to `on_page` once, in
    /// listing order, as its page arrives, and none kept: the caller keeps what it needs (the
    /// console shows the first rows while the rest page in, and holds the directory once).
    ///
    /// `first` is page 1, already fetched with `first_asked` as its page size: a small one,
    /// fetched beside something else, shows sooner. The rest is read in pages of
    /// [`PAGE_SIZE`] (or what the server serves of it), a few at a time; entries a page repeats
    /// are handed over only once.
    pub async fn walk_users(
        &self,
        first: OrganizationAdminUsersOut,
        first_asked: u32,
        mut on_page: impl FnMut(UsersPage<'_>),
    ) -> Result<(), ClientError> {
        let stated = first.total.and_then(|t| usize::try_from(t).ok());
        let mut seen = Seen::default();
        // A page holds members and then invitations; both count toward the page and the total.
        let served = first.members.len() + first.invites.len();
        let first_size = first.page_size.filter(|s| *s > 0).unwrap_or(served as i64);
        let first_total = first.total;
        seen.hand_over(first, stated, &mut on_page);
        if stated.is_some_and(|total| seen.received >= total) {
            return Ok(());
        }
        // Whole pages from here on: a first page asked smaller than those is read again as part
        // of the first whole one, and the size the server serves is learnt from that (a server
        // that clamped a whole page has already said its size).
        let (size, total, last_served) = if first_asked >= PAGE_SIZE || served == 0 {
            (first_size.max(1), first_total, served)
        } else {
            let whole = self.list_users(1, PAGE_SIZE, None).await?;
            let served = whole.members.len() + whole.invites.len();
            let size = whole
                .page_size
                .filter(|s| *s > 0)
                .unwrap_or(served.max(1) as i64);
            let total = whole.total;
            seen.hand_over(whole, stated, &mut on_page);
            (size, total, served)
        };
        match total {
            Some(total) => {
                let pages = page_count(total, size);
                let mut rest = std::pin::pin!(
                    stream::iter(2..=pages)
                        .map(|page| self.list_users(page, size as u32, None))
                        .buffered(CONCURRENT_PAGES)
                );
                while let Some(page) = rest.try_next().await? {
                    seen.hand_over(page, stated, &mut on_page);
                }
            }
            None => {
                // No total: walk on until a page comes back short.
                let mut page = 1;
                let mut last_len = last_served as i64;
                while last_len >= size && last_len > 0 {
                    page += 1;
                    let next = self.list_users(page, size as u32, None).await?;
                    last_len = (next.members.len() + next.invites.len()) as i64;
                    seen.hand_over(next, stated, &mut on_page);
                }
            }
        }
        Ok(())
    }

    /// Every active (or, with `archived`, every archived) workspace.
    pub async fn list_all_workspaces(
        &self,
        archived: bool,
    ) -> Result<Vec<WorkspaceOut>, ClientError> {
        let query = |page: u32, page_size: u32| WorkspaceQuery {
            is_archived: archived,
            page: Some(page),
            page_size: Some(page_size),
            search: None,
        };
        all_pages(
            PAGE_SIZE,
            |page, size| {
                let q = query(page, size);
                async move { self.list_workspaces(&q).await }
            },
            |w| w.uuid,
        )
        .await
    }

    /// Every API key of the organization.
    ///
    /// `GET /api-keys` states no total (`APIKeysExtendedOUT` holds only `keys`), and a server
    /// may serve fewer keys than the `limit` asked for. So each page starts where the keys
    /// received so far end, and a page shorter than asked ends the listing only once the server
    /// has shown it serves whole pages; otherwise the next offset is asked too, and an empty
    /// page ends it. Against a server that serves whole pages, a listing longer than one page
    /// costs no extra request; one that fits in the first page costs one, because a single
    /// short page cannot tell "that is all" from "that is all I serve at once".
    pub async fn list_all_api_keys(&self) -> Result<Vec<ApiKeyExtendedOut>, ClientError> {
        let mut keys = Vec::new();
        let mut seen: HashSet<Uuid> = HashSet::new();
        let mut offset = 0u32;
        let mut serves_whole_pages = false;
        loop {
            let page = self.list_api_keys(API_KEY_LIMIT, offset, None).await?.keys;
            let served = page.len();
            let before = keys.len();
            keys.extend(page.into_iter().filter(|k| seen.insert(k.key_id)));
            // A page with nothing new ends it too: a server that ignores `offset` would
            // otherwise be asked forever.
            if served == 0 || keys.len() == before {
                break;
            }
            if served >= API_KEY_LIMIT as usize {
                serves_whole_pages = true;
            } else if serves_whole_pages {
                break;
            }
            offset = offset.saturating_add(u32::try_from(served).unwrap_or(u32::MAX));
        }
        Ok(keys)
    }
}
