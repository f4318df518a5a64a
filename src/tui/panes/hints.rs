//! The hint line: the keys that work in the focused pane, from the live keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::keymap::action::spec_of;
use crate::tui::keymap::{Action, Context};
use crate::tui::state::dialogs::roles::Stage;
use crate::tui::state::{App, Focus, Modal, Tab};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::width;

/// The contexts whose keys work now, most specific first (the order keys are looked up in).
pub fn active_contexts(app: &App) -> Vec<Context> {
    use Context as C;
    if let Some(modal) = app.top_modal() {
        return vec![match modal {
            Modal::Help { .. } | Modal::Messages { .. } | Modal::Member { .. } => C::Help,
            Modal::WorkspacePicker(_) | Modal::OrganizationPicker(_) => C::Picker,
            Modal::CommandLine(_) => C::Command,
            Modal::Unsaved(_) => C::Prompt,
            Modal::AddMembers(d) if d.search.typing => C::Filter,
            Modal::AddMembers(_) => C::AddMembers,
            Modal::EditRoles(d) => match d.stage {
                Stage::Choose => C::Roles,
                Stage::Review(_) => C::Dialog,
            },
            Modal::RemoveMembers(_) | Modal::Archive(_) | Modal::Notice(_) => C::Dialog,
            Modal::CreateWorkspace(_) => C::Create,
            Modal::AdminPicker(_) => C::Picker,
        }];
    }
    let org = app.org();
    match app.focus {
        Focus::Organizations => vec![C::List, C::Global],
        Focus::Workspaces if org.list_filter.typing => vec![C::Filter],
        Focus::Workspaces => vec![C::WorkspaceList, C::List, C::Global],
        Focus::Detail => match org.open_view() {
            None => vec![C::Global],
            Some(view) => match view.tab {
                Tab::Members if view.members_filter.typing => vec![C::Filter],
                Tab::Members => vec![C::Members, C::List, C::WorkspaceTabs, C::Global],
                Tab::Settings if view.is_typing() => vec![C::Editing],
                Tab::Settings => vec![C::Settings, C::WorkspaceTabs, C::Global],
                Tab::ApiKeys => vec![C::List, C::WorkspaceTabs, C::Global],
            },
        },
    }
}

fn is_default(app: &App) -> bool {
    let org = app.org();
    org.open
        .and_then(|id| org.find_workspace(id))
        .is_some_and(|f| f.workspace.is_default)
}

/// Shared bindings the focused pane does nothing with, so the hint line does not offer them.
pub fn idle_actions(app: &App) -> Vec<Action> {
    if app.top_modal().is_some() {
        return Vec::new();
    }
    let locked = app.workspace_refusal().is_some();
    match app.focus {
        Focus::Organizations => vec![Action::Filter, Action::Back],
        Focus::Workspaces if app.change_refusal().is_some() => {
            vec![Action::NewWorkspace, Action::ArchiveWorkspace]
        }
        Focus::Workspaces => Vec::new(),
        Focus::Detail => match app.org().open_view().map(|v| v.tab) {
            Some(Tab::Members) if locked => vec![
                Action::AddMembers,
                Action::Mark,
                Action::MarkAll,
                Action::EditRoles,
                Action::RemoveMembers,
            ],
            Some(Tab::Members) if is_default(app) => vec![Action::RemoveMembers],
            Some(Tab::ApiKeys) => vec![Action::Open, Action::Filter],
            Some(Tab::Settings) if locked => {
                vec![Action::Edit, Action::Toggle, Action::Save]
            }
            _ => Vec::new(),
        },
    }
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let hints = if app.top_modal().is_some_and(Modal::is_sending) {
        // While a dialog's change is on its way, ctrl-c is the only key that does anything.
        let stop = app.keymap.keys(Context::Global, Action::Interrupt);
        stop.first()
            .map(|key| vec![(key.to_string(), "stop waiting")])
            .unwrap_or_default()
    } else {
        let mut hints = app.keymap.hints(&active_contexts(app), &idle_actions(app));
        // The archived toggle says where it goes, not where the list is.
        let toggle = spec_of(Context::WorkspaceList, Action::ToggleArchived).and_then(|s| s.hint);
        if app.org().show_archived {
            for (_, word) in &mut hints {
                if Some(*word) == toggle {
                    *word = "active";
                }
            }
        }
        hints
    };
    let room = usize::from(area.width);
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (key, word) in hints {
        let needed = width(&key) + 1 + width(word) + 2;
        if used + needed > room {
            break;
        }
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(format!(" {word}  "), theme.hint_text));
        used += needed;
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
