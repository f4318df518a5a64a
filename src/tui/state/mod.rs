//! The console's whole state. Rendering reads it; only `update` changes it.

pub mod filter;
pub mod folded;
pub mod form;
pub mod match_places;
pub mod member_filter;
pub mod members;
pub mod org;
pub mod people;
pub mod picking;
pub mod remote;
pub mod selection;
pub mod sighting;
pub mod sort_direction;
pub mod stale;
pub mod workspace;

use std::collections::BTreeMap;

use time::{Date, OffsetDateTime};
use uuid::Uuid;

use super::dialogs::Dialog;
use super::keymap::Keymap;
use super::views::OpenView;
use form::SettingsForm;
pub use org::OrgState;
pub use remote::{ErrorKind, Remote, RemoteError, RequestId, Resource};
pub use sighting::Sighting;
pub use workspace::{Tab, WorkspaceView};

/// What the console needs to know about a profile; the connection itself lives in the
/// effect runner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileInfo {
    pub name: String,
    /// Served by the embedded local server (shown as LOCAL).
    pub is_local: bool,
    /// The profile itself forbids changes.
    pub read_only: bool,
    pub base_url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    Organizations,
    #[default]
    Workspaces,
    Detail,
}

impl Focus {
    const ORDER: [Focus; 3] = [Self::Organizations, Self::Workspaces, Self::Detail];

    pub fn step(self, delta: isize) -> Self {
        let i = Self::ORDER.iter().position(|f| *f == self).unwrap_or(0) as isize;
        Self::ORDER[(i + delta).rem_euclid(3) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashLevel {
    Info,
    Success,
    Error,
}

/// A move that leaves the current workspace (and so its form).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    OpenWorkspace(Uuid),
    SwitchOrganization(usize),
    Quit,
}

/// Messages kept for the message log; older ones are dropped.
pub const MESSAGES_KEPT: usize = 200;

/// A message as the log keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logged {
    pub level: FlashLevel,
    pub text: String,
}

/// A short message on the status line that clears itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub id: u64,
    pub level: FlashLevel,
    pub text: String,
}

/// A request on its way, for the spinner and for cancelling. It stays here until it has really
/// ended: answered, or torn down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InFlight {
    pub profile: usize,
    pub label: String,
    /// ctrl-c lets it finish rather than tearing it down (see [`Call::finishes_when_stopped`]),
    /// so its answer still comes.
    ///
    /// [`Call::finishes_when_stopped`]: crate::tui::call::Call::finishes_when_stopped
    pub finishes: bool,
    /// Asked to stop and finishing: the spinner still turns for it, but there is nothing left
    /// to cancel.
    pub stopping: bool,
    /// What the status line says last if the request is cancelled before it answers: the
    /// outcome it was reading for, which must not be left at "reading…".
    pub told_if_cancelled: Option<String>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub profiles: Vec<ProfileInfo>,
    /// One per profile, in the same order; kept when switching so views survive.
    pub orgs: Vec<OrgState>,
    pub current: usize,
    pub org_cursor: usize,
    pub focus: Focus,
    /// The dialogs over the panes, bottom first: the last one takes the keys.
    pub dialogs: Vec<Box<dyn Dialog>>,
    /// The organization view shown instead of the workspace panes (`:usage`, ...), if any.
    pub view: Option<OpenView>,
    pub flash: Option<Flash>,
    /// Every message shown on the status line this session, oldest first, to read whole.
    pub messages: Vec<Logged>,
    pub in_flight: BTreeMap<RequestId, InFlight>,
    pub spinner_frame: usize,
    /// A first ctrl-c was pressed; the next one quits.
    pub interrupt_armed: bool,
    pub quit: bool,
    /// `--read-only`.
    pub read_only: bool,
    pub keymap: Keymap,
    /// The terminal's size (columns, rows), for scrolling that depends on what fits.
    pub screen: (u16, u16),
    /// Today's date in UTC, which tells expired API keys from live ones. The event loop
    /// refreshes it; state and rendering never read the clock, so tests can fix it.
    pub today: Date,
    /// The event loop's clock (UTC) when the current message arrived: when data was loaded,
    /// for data shown stale. Like `today`, never read from the system by state or rendering.
    pub now: OffsetDateTime,
    /// What the last frame showed; the event loop records it after every draw.
    pub seen: Sighting,
    /// Changes collected instead of sent (`:stage`), per organization.
    pub staging: crate::tui::staging::Staging,
    /// Where applied change sets are recorded, for `:plan` and `:undo`; none in tests.
    pub journal: Option<crate::actions::journal::Journal>,
    next_id: u64,
}

impl App {
    pub fn new(
        profiles: Vec<ProfileInfo>,
        initial: usize,
        read_only: bool,
        keymap: Keymap,
    ) -> Self {
        let current = initial.min(profiles.len().saturating_sub(1));
        Self {
            orgs: vec![OrgState::default(); profiles.len()],
            profiles,
            current,
            org_cursor: current,
            focus: Focus::default(),
            dialogs: Vec::new(),
            view: None,
            flash: None,
            messages: Vec::new(),
            in_flight: BTreeMap::new(),
            spinner_frame: 0,
            interrupt_armed: false,
            quit: false,
            read_only,
            keymap,
            screen: (80, 24),
            today: OffsetDateTime::now_utc().date(),
            now: OffsetDateTime::now_utc(),
            seen: Sighting::default(),
            staging: Default::default(),
            journal: None,
            next_id: 1,
        }
    }

    pub fn org(&self) -> &OrgState {
        &self.orgs[self.current]
    }

    pub fn org_mut(&mut self) -> &mut OrgState {
        &mut self.orgs[self.current]
    }

    pub fn profile(&self) -> &ProfileInfo {
        &self.profiles[self.current]
    }

    /// A fresh id for a request or a flash message.
    pub fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Whether a request is on its way, one asked to stop included: the spinner turns until
    /// every one has ended.
    pub fn is_busy(&self) -> bool {
        !self.in_flight.is_empty()
    }

    /// The requests ctrl-c can still cancel: those on their way and not yet asked to stop.
    pub fn cancellable(&self) -> Vec<RequestId> {
        (self.in_flight.iter())
            .filter(|(_, request)| !request.stopping)
            .map(|(id, _)| *id)
            .collect()
    }

    /// Why changes are refused everywhere in this session, if they are.
    pub fn change_refusal(&self) -> Option<String> {
        if self.read_only {
            return Some("read-only: started with --read-only".into());
        }
        let profile = self.profile();
        profile.read_only.then(|| {
            format!(
                "read-only: profile \"{}\" is marked read_only",
                profile.name
            )
        })
    }

    /// Why the open workspace cannot be changed, if it cannot.
    pub fn workspace_refusal(&self) -> Option<String> {
        self.change_refusal().or_else(|| {
            let org = self.org();
            let id = org.open?;
            org.find_workspace(id)
                .filter(|found| found.archived)
                .map(|_| "read-only: archived workspaces cannot be changed".into())
        })
    }

    pub fn open_workspace_id(&self) -> Option<Uuid> {
        self.org().open
    }

    /// The open workspace's id and name, once it is listed.
    pub fn open_workspace_name(&self) -> Option<(Uuid, String)> {
        let org = self.org();
        let found = org.find_workspace(org.open?)?;
        Some((found.workspace.uuid, found.workspace.name.clone()))
    }

    /// The settings form of the open workspace, once it was shown.
    pub fn open_form(&self) -> Option<&SettingsForm> {
        self.org().open_view()?.form.as_ref()
    }

    pub fn open_form_mut(&mut self) -> Option<&mut SettingsForm> {
        self.org_mut().open_view_mut()?.form.as_mut()
    }

    /// The dialog on top, if it is a `T`.
    pub fn top_dialog<T: Dialog + 'static>(&self) -> Option<&T> {
        self.dialogs.last()?.as_any().downcast_ref()
    }
}
