//! What a key can do: the contexts keys are looked up in and the actions each one offers,
//! with the words the help overlay and the hint line use.

/// A set of bindings that applies in one situation; sections of `keymap.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    List,
    WorkspaceList,
    WorkspaceTabs,
    Members,
    Settings,
    Editing,
    Filter,
    Picker,
    Command,
    Prompt,
    AddMembers,
    Roles,
    Dialog,
    Create,
    Help,
    View,
    Usage,
    Limits,
    Vibe,
    Scim,
}

impl Context {
    pub const ALL: [Context; 21] = [
        Self::Global,
        Self::List,
        Self::WorkspaceList,
        Self::WorkspaceTabs,
        Self::Members,
        Self::Settings,
        Self::Editing,
        Self::Filter,
        Self::Picker,
        Self::Command,
        Self::Prompt,
        Self::AddMembers,
        Self::Roles,
        Self::Dialog,
        Self::Create,
        Self::Help,
        Self::View,
        Self::Usage,
        Self::Limits,
        Self::Vibe,
        Self::Scim,
    ];

    /// The section name in `keymap.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::List => "list",
            Self::WorkspaceList => "workspaces",
            Self::WorkspaceTabs => "workspace",
            Self::Members => "members",
            Self::Settings => "settings",
            Self::Editing => "editing",
            Self::Filter => "filter",
            Self::Picker => "picker",
            Self::Command => "command",
            Self::Prompt => "prompt",
            Self::AddMembers => "add_members",
            Self::Roles => "roles",
            Self::Dialog => "dialog",
            Self::Create => "create",
            Self::Help => "help",
            Self::View => "view",
            Self::Usage => "usage",
            Self::Limits => "limits",
            Self::Vibe => "vibe",
            Self::Scim => "scim",
        }
    }

    /// The heading of this context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Everywhere",
            Self::List => "Lists and tables",
            Self::WorkspaceList => "Workspace list",
            Self::WorkspaceTabs => "Workspace tabs",
            Self::Members => "Members tab",
            Self::Settings => "Settings form",
            Self::Editing => "Editing a field",
            Self::Filter => "Typing a filter",
            Self::Picker => "Pickers (ctrl-p, ctrl-o)",
            Self::Command => "Command line",
            Self::Prompt => "Unsaved changes prompt",
            Self::AddMembers => "Add Members dialog",
            Self::Roles => "Role picker",
            Self::Dialog => "Confirmations (roles, remove, archive)",
            Self::Create => "New workspace form",
            Self::Help => "Help, messages and member details",
            Self::View => "Organization views (:usage, :limits, ...)",
            Self::Usage => "Usage view (:usage)",
            Self::Limits => "Rate limits view (:limits)",
            Self::Vibe => "Vibe activity view (:vibe)",
            Self::Scim => "Identity-provider sync view (:scim)",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Everything a binding can ask for. The same action may appear in several contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    Quit,
    Interrupt,
    Help,
    NextPane,
    PreviousPane,
    WorkspacePicker,
    OrganizationPicker,
    CommandLine,
    JumpBack,
    Refresh,
    Messages,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Filter,
    ToggleArchived,
    NextTab,
    PreviousTab,
    MembersTab,
    SettingsTab,
    ApiKeysTab,
    SortNext,
    SortReverse,
    NextField,
    PreviousField,
    Edit,
    Toggle,
    Save,
    Done,
    Cancel,
    Clear,
    Choose,
    Close,
    Run,
    Discard,
    Stay,
    NextButton,
    PreviousButton,
    Press,
    NewWorkspace,
    ArchiveWorkspace,
    AddMembers,
    EditRoles,
    RemoveMembers,
    Mark,
    MarkAll,
    Search,
    SwitchColumn,
    Submit,
    Review,
    Complete,
    PreviousMonth,
    NextMonth,
    Compare,
    Window,
    Granularity,
    DryRun,
    RunSync,
    Stage,
    Drop,
    ApplyPlan,
    ApplyUndo,
    Stop,
}

impl Action {
    /// Whether the action opens or confirms a change that loses access or cannot be undone.
    pub fn is_destructive(self, context: Context) -> bool {
        matches!(
            self,
            Self::RemoveMembers | Self::ArchiveWorkspace | Self::RunSync
        ) || (context == Context::Dialog && self == Self::Press)
    }
}

/// One action as offered in one context.
#[derive(Debug, Clone, Copy)]
pub struct ActionSpec {
    pub context: Context,
    pub action: Action,
    /// The entry name in `keymap.toml`.
    pub name: &'static str,
    pub description: &'static str,
    /// Shown on the hint line when the context is active (the help overlay shows all).
    pub hint: Option<&'static str>,
}

const fn spec(
    context: Context,
    action: Action,
    name: &'static str,
    description: &'static str,
    hint: Option<&'static str>,
) -> ActionSpec {
    ActionSpec {
        context,
        action,
        name,
        description,
        hint,
    }
}

use Action as A;
use Context as C;

/// Every action of every context, in the order help lists them.
#[rustfmt::skip]
pub const CATALOG: &[ActionSpec] = &[
    spec(C::Global, A::Help, "help", "Show this help", Some("help")),
    spec(C::Global, A::WorkspacePicker, "workspace_picker", "Find a workspace by name", Some("find")),
    spec(C::Global, A::Quit, "quit", "Quit (asks first if there are unsaved changes)", Some("quit")),
    spec(C::Global, A::OrganizationPicker, "organization_picker", "Switch organization", Some("org")),
    spec(C::Global, A::NextPane, "next_pane", "Focus the next pane", Some("pane")),
    spec(C::Global, A::PreviousPane, "previous_pane", "Focus the previous pane", None),
    spec(C::Global, A::CommandLine, "command_line", "Command line: ws NAME, org NAME, the views (usage, ...), help", None),
    spec(C::Global, A::JumpBack, "jump_back", "Back to the previous workspace", None),
    spec(C::Global, A::Refresh, "refresh", "Reload everything from the server", None),
    spec(C::Global, A::Messages, "messages", "Read every message of the session whole", Some("messages")),
    spec(C::Global, A::Interrupt, "interrupt", "Cancel running requests; press again to quit", None),
    spec(C::Global, A::Stage, "stage", "Staging on/off: collect changes into a plan (:plan) instead of sending them", Some("stage")),
    spec(C::List, A::Up, "up", "Move up", Some("move")),
    spec(C::List, A::Down, "down", "Move down", None),
    spec(C::List, A::PageUp, "page_up", "Page up", None),
    spec(C::List, A::PageDown, "page_down", "Page down", None),
    spec(C::List, A::Top, "top", "First row", None),
    spec(C::List, A::Bottom, "bottom", "Last row", None),
    spec(C::List, A::Open, "open", "Open the selected item", Some("open")),
    spec(C::List, A::Back, "back", "Clear the filter, or go back", None),
    spec(C::List, A::Filter, "filter", "Filter the rows", Some("filter")),
    spec(C::WorkspaceList, A::ToggleArchived, "toggle_archived", "Show archived / active workspaces", Some("archived")),
    spec(C::WorkspaceList, A::NewWorkspace, "new_workspace", "Create a workspace", Some("new")),
    spec(C::WorkspaceList, A::ArchiveWorkspace, "archive_workspace", "Archive the workspace under the cursor", None),
    spec(C::WorkspaceTabs, A::NextTab, "next_tab", "Next tab", Some("tab")),
    spec(C::WorkspaceTabs, A::PreviousTab, "previous_tab", "Previous tab", None),
    spec(C::WorkspaceTabs, A::MembersTab, "members_tab", "Members tab", None),
    spec(C::WorkspaceTabs, A::SettingsTab, "settings_tab", "Settings tab", None),
    spec(C::WorkspaceTabs, A::ApiKeysTab, "api_keys_tab", "API keys tab", None),
    spec(C::WorkspaceTabs, A::NewWorkspace, "new_workspace", "Create a workspace", None),
    spec(C::WorkspaceTabs, A::ArchiveWorkspace, "archive_workspace", "Archive this workspace", None),
    spec(C::Members, A::AddMembers, "add_members", "Add organization members to the workspace", Some("add")),
    spec(C::Members, A::Mark, "mark", "Select the member (or unselect), then move down", Some("select")),
    spec(C::Members, A::MarkAll, "mark_all", "Select every member shown, or none", None),
    spec(C::Members, A::EditRoles, "edit_roles", "Change roles: the selected members, else the one under the cursor", Some("roles")),
    spec(C::Members, A::RemoveMembers, "remove_members", "Remove from the workspace: the selected, else the one under the cursor", Some("remove")),
    spec(C::Members, A::SortNext, "sort_next", "Sort by the next column", Some("sort")),
    spec(C::Members, A::SortReverse, "sort_reverse", "Reverse the sort order", None),
    spec(C::Settings, A::NextField, "next_field", "Next field", Some("field")),
    spec(C::Settings, A::PreviousField, "previous_field", "Previous field", None),
    spec(C::Settings, A::Edit, "edit", "Edit the field", Some("edit")),
    spec(C::Settings, A::Toggle, "toggle", "Flip a yes/no field", Some("toggle")),
    spec(C::Settings, A::Save, "save", "Save the changes", Some("save")),
    spec(C::Settings, A::Back, "back", "Back to the workspace list", None),
    spec(C::Editing, A::Done, "done", "Keep what you typed", Some("done")),
    spec(C::Editing, A::Cancel, "cancel", "Undo the edit of this field", Some("undo")),
    spec(C::Editing, A::NextField, "next_field", "Keep and go to the next field", None),
    spec(C::Editing, A::PreviousField, "previous_field", "Keep and go to the previous field", None),
    spec(C::Editing, A::Save, "save", "Save the changes", Some("save")),
    spec(C::Filter, A::Done, "done", "Keep the filter", Some("keep")),
    spec(C::Filter, A::Clear, "clear", "Clear the filter", Some("clear")),
    spec(C::Filter, A::Up, "up", "Move up", None),
    spec(C::Filter, A::Down, "down", "Move down", None),
    spec(C::Picker, A::Up, "up", "Move up", Some("move")),
    spec(C::Picker, A::Down, "down", "Move down", None),
    spec(C::Picker, A::Choose, "choose", "Open the chosen entry", Some("open")),
    spec(C::Picker, A::Close, "close", "Close without choosing", Some("close")),
    spec(C::Command, A::Run, "run", "Run the command", Some("run")),
    spec(C::Command, A::Close, "close", "Close the command line", Some("close")),
    spec(C::Command, A::Complete, "complete", "Complete the command being typed", Some("complete")),
    spec(C::Prompt, A::Save, "save", "Save, then continue", Some("save")),
    spec(C::Prompt, A::Discard, "discard", "Discard the changes, then continue", Some("discard")),
    spec(C::Prompt, A::Stay, "stay", "Stay here and keep editing", Some("stay")),
    spec(C::Prompt, A::NextButton, "next_button", "Focus the next button", None),
    spec(C::Prompt, A::PreviousButton, "previous_button", "Focus the previous button", None),
    spec(C::Prompt, A::Press, "press", "Press the focused button", None),
    spec(C::AddMembers, A::Up, "up", "Move up", Some("move")),
    spec(C::AddMembers, A::Down, "down", "Move down", None),
    spec(C::AddMembers, A::PageUp, "page_up", "Page up", None),
    spec(C::AddMembers, A::PageDown, "page_down", "Page down", None),
    spec(C::AddMembers, A::Top, "top", "First row", None),
    spec(C::AddMembers, A::Bottom, "bottom", "Last row", None),
    spec(C::AddMembers, A::Mark, "mark", "Select the person (or unselect), then move down", Some("select")),
    spec(C::AddMembers, A::MarkAll, "mark_all", "Select everyone shown, or no one", Some("all")),
    spec(C::AddMembers, A::Search, "search", "Search by name or email", Some("search")),
    spec(C::AddMembers, A::SwitchColumn, "switch_column", "Between the people and the role", Some("role")),
    spec(C::AddMembers, A::Submit, "submit", "Add the selected people", Some("add")),
    spec(C::AddMembers, A::Cancel, "cancel", "Clear the search, else close without adding anyone", Some("cancel")),
    spec(C::Roles, A::Up, "up", "Move up", Some("move")),
    spec(C::Roles, A::Down, "down", "Move down", None),
    spec(C::Roles, A::Toggle, "toggle", "Tick or untick the role", Some("tick")),
    spec(C::Roles, A::Review, "review", "Preview the changes", Some("preview")),
    spec(C::Roles, A::Cancel, "cancel", "Close without changing anything", Some("cancel")),
    spec(C::Dialog, A::NextButton, "next_button", "Focus the next button", Some("button")),
    spec(C::Dialog, A::PreviousButton, "previous_button", "Focus the previous button", None),
    spec(C::Dialog, A::Press, "press", "Press the focused button", Some("press")),
    spec(C::Dialog, A::Cancel, "cancel", "Close without changing anything", Some("cancel")),
    spec(C::Create, A::NextField, "next_field", "Next field", Some("field")),
    spec(C::Create, A::PreviousField, "previous_field", "Previous field", None),
    spec(C::Create, A::Choose, "choose", "Choose the admin, flip the box, press a button", Some("choose")),
    spec(C::Create, A::Toggle, "toggle", "Flip the yes/no box", None),
    spec(C::Create, A::Submit, "submit", "Create the workspace", Some("create")),
    spec(C::Create, A::Cancel, "cancel", "Close without creating anything", Some("cancel")),
    spec(C::Help, A::Close, "close", "Close", Some("close")),
    spec(C::Help, A::Up, "up", "Scroll up", Some("scroll")),
    spec(C::Help, A::Down, "down", "Scroll down", None),
    spec(C::Help, A::PageUp, "page_up", "Page up", None),
    spec(C::Help, A::PageDown, "page_down", "Page down", None),
    spec(C::View, A::Close, "close", "Back to the workspace panes", Some("back")),
    spec(C::View, A::Refresh, "refresh", "Load the view again", None),
    spec(C::Usage, A::PreviousMonth, "previous_month", "The month before", Some("month")),
    spec(C::Usage, A::NextMonth, "next_month", "The month after", None),
    spec(C::Usage, A::Up, "up", "Move up", Some("move")),
    spec(C::Usage, A::Down, "down", "Move down", None),
    spec(C::Usage, A::NextTab, "next_tab", "Per workspace / per model", Some("by")),
    spec(C::Usage, A::Compare, "compare", "Compare each workspace with the month before, side by side", Some("compare")),
    spec(C::Limits, A::Up, "up", "Move up", Some("move")),
    spec(C::Limits, A::Down, "down", "Move down", None),
    spec(C::Limits, A::PageUp, "page_up", "Page up", None),
    spec(C::Limits, A::PageDown, "page_down", "Page down", None),
    spec(C::Limits, A::Top, "top", "First row", None),
    spec(C::Limits, A::Bottom, "bottom", "Last row", None),
    spec(C::Limits, A::SortNext, "sort_next", "Sort by the next column", Some("sort")),
    spec(C::Limits, A::SortReverse, "sort_reverse", "Reverse the sort order", None),
    spec(C::Vibe, A::Window, "window", "Last 7, 30 or 90 days", Some("window")),
    spec(C::Vibe, A::Granularity, "granularity", "Chart by day, week or month", Some("by")),
    spec(C::Vibe, A::NextTab, "next_tab", "Next table: people, agents, workspaces, idle seats", Some("table")),
    spec(C::Vibe, A::PreviousTab, "previous_tab", "Previous table", None),
    spec(C::Vibe, A::Up, "up", "Move up", Some("move")),
    spec(C::Vibe, A::Down, "down", "Move down", None),
    spec(C::Scim, A::DryRun, "dry_run", "Start a dry run: preview the sync as a diff, change nothing", Some("dry run")),
    spec(C::Scim, A::RunSync, "run_sync", "Run the previewed sync for real (asks first)", Some("run")),
    spec(C::Scim, A::Up, "up", "Scroll up", Some("scroll")),
    spec(C::Scim, A::Down, "down", "Scroll down", None),
    spec(C::Limits, A::Filter, "filter", "Find a model: the cursor moves to the best match", Some("find")),
];

pub fn find(context: Context, name: &str) -> Option<&'static ActionSpec> {
    CATALOG
        .iter()
        .find(|s| s.context == context && s.name == name)
}

pub fn spec_of(context: Context, action: Action) -> Option<&'static ActionSpec> {
    CATALOG
        .iter()
        .find(|s| s.context == context && s.action == action)
}
