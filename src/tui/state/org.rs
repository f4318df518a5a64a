//! Everything the console knows and shows about one organization (one profile): its data,
//! the workspace list's cursor and filter, the open workspace and each workspace's view.

use std::cell::RefCell;
use std::collections::HashMap;

use time::Date;
use uuid::Uuid;

use crate::actions::KeyCount;
use crate::actions::archive;
use crate::api::{ApiKeyExtendedOut, LocalOrganizationOut, WorkspaceOut};
use crate::domain::text::Needle;

use super::filter::Filter;
use super::member_filter::{MemberList, Shown};
use super::members::MemberSort;
use super::people::{MemberRow, People, Person, Progress};
use super::remote::{RemoteError, RequestId, Resource};
use super::selection::Selection;
use super::workspace::WorkspaceView;

#[derive(Debug, Clone, Default)]
pub struct OrgState {
    /// The organization's own details (local-server extension); `Loaded(None)` if absent.
    pub organization: Resource<Option<LocalOrganizationOut>>,
    pub workspaces: Resource<Vec<WorkspaceOut>>,
    pub archived: Resource<Vec<WorkspaceOut>>,
    /// Everyone, once the whole directory has arrived: what actions act on.
    pub people: Resource<People>,
    /// The pages of the directory that arrived so far for the load under way: shown in the
    /// Members tab while no whole directory is (the first load), never acted on as if it
    /// were everyone, and the whole directory itself once the last page is in.
    pub people_preview: Option<People>,
    /// The load whose pages `people_preview` holds.
    preview_request: Option<RequestId>,
    pub api_keys: Resource<Vec<ApiKeyExtendedOut>>,
    pub show_archived: bool,
    pub list_cursor: Selection<Uuid>,
    pub list_filter: Filter,
    /// The workspace shown in the detail pane.
    pub open: Option<Uuid>,
    /// Where `-` goes back to.
    pub previous: Option<Uuid>,
    pub views: HashMap<Uuid, WorkspaceView>,
    /// Bumped whenever `people` changes, so derived rows are recomputed.
    pub people_version: u64,
    /// The last Members rows, kept to answer the next key from (see [`MemberList`]).
    members_memo: RefCell<MemberList>,
}

/// A workspace together with which list it came from.
#[derive(Debug, Clone, Copy)]
pub struct FoundWorkspace<'a> {
    pub workspace: &'a WorkspaceOut,
    pub archived: bool,
}

impl OrgState {
    /// The workspace list the user is looking at (active or archived).
    pub fn listed(&self) -> &Resource<Vec<WorkspaceOut>> {
        if self.show_archived {
            &self.archived
        } else {
            &self.workspaces
        }
    }

    /// The rows of the workspace list after its filter.
    pub fn visible_workspaces(&self) -> Vec<&WorkspaceOut> {
        let typed = self.list_filter.text().trim();
        // Folded once for the whole list, not once per workspace and field.
        let needle = Needle::new(typed);
        self.listed()
            .get()
            .map(|list| {
                list.iter()
                    .filter(|ws| {
                        typed.is_empty()
                            || needle.found_in(&ws.name)
                            || ws
                                .description
                                .as_deref()
                                .is_some_and(|d| needle.found_in(d))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    pub fn visible_workspace_ids(&self) -> Vec<Uuid> {
        self.visible_workspaces().iter().map(|w| w.uuid).collect()
    }

    pub fn find_workspace(&self, id: Uuid) -> Option<FoundWorkspace<'_>> {
        self.every_workspace().find(|f| f.workspace.uuid == id)
    }

    /// Every workspace known so far, active first: the workspace picker's candidates.
    pub fn all_workspaces(&self) -> Vec<FoundWorkspace<'_>> {
        self.every_workspace().collect()
    }

    fn every_workspace(&self) -> impl Iterator<Item = FoundWorkspace<'_>> {
        listed(&self.workspaces, false).chain(listed(&self.archived, true))
    }

    pub fn open_view(&self) -> Option<&WorkspaceView> {
        self.open.and_then(|id| self.views.get(&id))
    }

    pub fn open_view_mut(&mut self) -> Option<&mut WorkspaceView> {
        let id = self.open?;
        Some(self.views.entry(id).or_default())
    }

    /// Member counts for the list: the server's figure, else the directory's (counted once
    /// for the whole list).
    pub fn member_counts(&self, workspaces: &[&WorkspaceOut]) -> Vec<Option<usize>> {
        let mut directory = None;
        workspaces
            .iter()
            .map(|ws| {
                ws.members_count
                    .and_then(|n| usize::try_from(n).ok())
                    .or_else(|| {
                        let counts = directory.get_or_insert_with(|| self.people.get());
                        counts.map(|people| people.count_in(ws.uuid))
                    })
            })
            .collect()
    }

    /// The organization's display name, once known.
    pub fn display_name(&self) -> Option<&str> {
        self.organization
            .get()
            .and_then(|o| o.as_ref())
            .map(|o| o.name.as_str())
    }

    /// Every request this organization's data is waiting for.
    pub fn pending_requests(&self) -> Vec<RequestId> {
        let mut ids: Vec<RequestId> = [
            self.organization.pending,
            self.workspaces.pending,
            self.archived.pending,
            self.people.pending,
            self.api_keys.pending,
        ]
        .into_iter()
        .flatten()
        .collect();
        ids.extend(self.views.values().filter_map(|v| v.settings.pending));
        ids
    }

    /// Stops waiting for every load (not saves): the organization is being left.
    pub fn abandon_loads(&mut self) {
        self.organization.abandon();
        self.workspaces.abandon();
        self.archived.abandon();
        self.people.abandon();
        self.people_preview = None;
        self.preview_request = None;
        self.api_keys.abandon();
        for view in self.views.values_mut() {
            view.settings.abandon();
        }
    }

    /// The directory the Members tab shows: everyone once loaded, else the pages so far.
    pub fn directory(&self) -> Option<&People> {
        self.people.get().or(self.people_preview.as_ref())
    }

    /// How much of the directory the Members tab shows while it pages in; `None` once whole.
    pub fn directory_progress(&self) -> Option<Progress> {
        match self.people.get() {
            Some(_) => None,
            None => self.people_preview.as_ref().and_then(|p| p.partial),
        }
    }

    /// The Members tab's rows for a workspace, after that tab's filter and sort, with their
    /// ids. Remembered until the directory, the filter or the sort changes: a workspace can
    /// have thousands of members, and every key press and every frame needs the rows.
    pub fn shown_members(&self, workspace: Uuid) -> Shown {
        let Some(people) = self.directory() else {
            return Shown::default();
        };
        let (filter, sort) = match self.views.get(&workspace) {
            Some(view) => (view.members_filter.text(), view.sort),
            None => ("", MemberSort::default()),
        };
        self.members_memo
            .borrow_mut()
            .rows(people, self.people_version, workspace, filter, sort)
    }

    /// Every row of [`shown_members`](Self::shown_members), made now: for actions and
    /// tests, not for a frame (which makes only the page it draws).
    pub fn visible_members(&self, workspace: Uuid) -> Vec<MemberRow> {
        match self.directory() {
            Some(people) => self.shown_members(workspace).all_rows(people, workspace),
            None => Vec::new(),
        }
    }

    /// Takes the directory's answer (see [`Resource::accept`]); rows derived from the old
    /// directory are recomputed.
    pub fn accept_people(
        &mut self,
        id: RequestId,
        result: Result<People, RemoteError>,
        now: time::OffsetDateTime,
    ) -> bool {
        let result = result.map(|mut people| {
            people.reindex();
            people.partial = None;
            people
        });
        let taken = self.people.accept_at(id, result, now);
        if taken {
            self.people_preview = None;
            self.preview_request = None;
            self.people_version += 1;
        }
        taken
    }

    /// Takes a page of the directory that request `id` is loading; the pages make the whole
    /// directory when the load ends. Only a first load shows them as they come: a refresh
    /// keeps the whole directory shown before it. Returns whether the page changed what the
    /// Members tab shows.
    pub fn accept_people_page(
        &mut self,
        id: RequestId,
        persons: Vec<Person>,
        catalog: Option<Vec<crate::api::RoleOut>>,
        progress: Progress,
    ) -> bool {
        if self.people.pending != Some(id) {
            return false;
        }
        if self.preview_request != Some(id) {
            self.preview_request = Some(id);
            self.people_preview = None;
        }
        let preview = self.people_preview.get_or_insert_with(People::default);
        if let Some(catalog) = catalog {
            preview.workspace_roles = catalog;
        }
        preview.extend(persons);
        preview.partial = Some(progress);
        let shown = self.people.get().is_none();
        if shown {
            self.people_version += 1;
        }
        shown
    }

    /// The directory request `id` handed over page by page, now that it says that was all
    /// (nobody, if no page came).
    pub fn assembled_people(&mut self, id: RequestId) -> People {
        if self.preview_request != Some(id) {
            return People::default();
        }
        self.preview_request = None;
        self.people_preview.take().unwrap_or_default()
    }

    /// Changes the directory after a change the server confirmed, so the panes show it before
    /// the reload that follows arrives.
    pub fn patch_people(&mut self, change: impl FnOnce(&mut People)) {
        if let Some(people) = self.people.get_mut() {
            change(people);
            people.reindex();
            self.people_version += 1;
        }
    }

    /// Moves a workspace's member count by `delta` in whichever list holds it.
    pub fn adjust_member_count(&mut self, workspace: Uuid, delta: i64) {
        for list in [&mut self.workspaces, &mut self.archived] {
            if let Some(ws) = list
                .get_mut()
                .and_then(|l| l.iter_mut().find(|w| w.uuid == workspace))
                && let Some(count) = ws.members_count.as_mut()
            {
                *count = (*count + delta).max(0);
            }
        }
    }

    /// The workspace's keys on `today`, split into those that still work and those past their
    /// expiration date (a key works through that date, as the server counts it); `None` until
    /// the keys are loaded.
    pub fn key_count(&self, workspace: Uuid, today: Date) -> Option<KeyCount> {
        let keys = self.api_keys.get()?;
        Some(archive::key_count(keys, workspace, today))
    }

    /// The API keys of one workspace, as the server listed them.
    pub fn keys_of(&self, workspace: Uuid) -> Vec<&ApiKeyExtendedOut> {
        self.api_keys
            .get()
            .map(|keys| {
                keys.iter()
                    .filter(|k| k.workspace_id == Some(workspace))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The workspace whose settings form waits for the answer to `request`, if one does.
    pub fn form_saving(&self, request: RequestId) -> Option<Uuid> {
        self.views
            .iter()
            .find(|(_, view)| {
                view.form
                    .as_ref()
                    .is_some_and(|f| f.saving == Some(request))
            })
            .map(|(id, _)| *id)
    }

    pub fn has_unsaved_changes(&self) -> bool {
        self.open_view().is_some_and(WorkspaceView::is_dirty)
    }
}

/// The workspaces of one list, each with which list it is.
fn listed(
    list: &Resource<Vec<WorkspaceOut>>,
    archived: bool,
) -> impl Iterator<Item = FoundWorkspace<'_>> {
    list.get()
        .into_iter()
        .flatten()
        .map(move |workspace| FoundWorkspace {
            workspace,
            archived,
        })
}

/// Whether `key` has stopped working by `today` (the last day it works is its expiration date).
pub fn key_expired(key: &ApiKeyExtendedOut, today: Date) -> bool {
    crate::domain::key_expiry::is_expired(key.expiration_date, today)
}

#[cfg(test)]
mod tests {
    use crate::tui::testing::*;

    #[test]
    fn counts_come_from_the_server_else_from_the_directory() {
        let mut app = loaded_app();
        let org = app.org_mut();
        let list = org.workspaces.get_mut().unwrap();
        list[1].members_count = None;
        list[2].members_count = Some(42);
        let org = app.org();
        let rows = org.visible_workspaces();
        let counts = org.member_counts(&rows);
        assert_eq!(
            counts[1],
            Some(3),
            "Research: three people in the directory"
        );
        assert_eq!(counts[2], Some(42), "the server's figure wins");
    }
}
