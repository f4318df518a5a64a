//! Whether what the console shows of an organization is older than the last attempt to load
//! it: a reload that could not reach the server keeps the old data, and the console says so,
//! with the time that data was loaded.

use time::OffsetDateTime;

use super::org::OrgState;
use super::remote::{RemoteError, Resource};

/// Some of an organization's data could not be refreshed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Staleness<'a> {
    /// When the oldest of the stale parts was loaded (UTC), if known.
    pub loaded_at: Option<OffsetDateTime>,
    /// Why the refresh failed (the first stale part's reason).
    pub reason: &'a RemoteError,
}

impl Staleness<'_> {
    /// "loaded 09:15:02 UTC", or "loaded earlier" when the time is not known.
    pub fn loaded(&self) -> String {
        match self.loaded_at {
            Some(at) => format!(
                "loaded {:02}:{:02}:{:02} UTC",
                at.hour(),
                at.minute(),
                at.second()
            ),
            None => "loaded earlier".to_owned(),
        }
    }
}

fn stale_part<T>(resource: &Resource<T>) -> Option<(Option<OffsetDateTime>, &RemoteError)> {
    resource.stale.as_ref().map(|err| (resource.loaded_at, err))
}

impl OrgState {
    /// Whether anything shown of this organization (its details, workspace lists, people, API
    /// keys, open settings) is stale, and since when.
    pub fn staleness(&self) -> Option<Staleness<'_>> {
        let parts = [
            stale_part(&self.organization),
            stale_part(&self.workspaces),
            stale_part(&self.archived),
            stale_part(&self.people),
            stale_part(&self.api_keys),
        ]
        .into_iter()
        .flatten()
        .chain(self.views.values().filter_map(|v| stale_part(&v.settings)));
        let mut found: Option<Staleness<'_>> = None;
        for (loaded_at, reason) in parts {
            match &mut found {
                None => found = Some(Staleness { loaded_at, reason }),
                Some(so_far) => {
                    so_far.loaded_at = match (so_far.loaded_at, loaded_at) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    };
                }
            }
        }
        found
    }
}
