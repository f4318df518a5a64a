//! Removing members from a workspace: who loses access, every one of them named (the list
//! scrolls with the view's arrows when longer than the screen), confirmed with Cancel in focus
//! and Remove pressable only once every name was drawn; what the removal does to the panes;
//! [`after`] explains who it did not remove.

pub mod after;

use ratatui::Frame;
use ratatui::layout::Rect;
use uuid::Uuid;

use crate::actions::outcome::{self, count_of};
use crate::actions::{Reply, Request};
use crate::tui::call::Call;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Action, Context};
use crate::tui::routing::Layer;
use crate::tui::state::{App, FlashLevel, RemoteError, members};
use crate::tui::theme::Theme;
use crate::tui::update::{flash, requests};
use crate::tui::widgets::dialog::{self, Body};
use crate::tui::widgets::read_through::ReadThrough;

use super::{Answered, Button, Canvas, ConfirmRow, Dialog, Next, Opened, Submission, admins_left};

pub const BUTTONS: [Button; 2] = [Button::Cancel, Button::Remove];

const WIDTH: u16 = 70;

#[derive(Debug, Clone)]
pub struct RemoveMembers {
    pub workspace: Uuid,
    pub workspace_name: String,
    /// `(user, name)` of everyone who loses access, in the table's order.
    pub targets: Vec<(Uuid, String)>,
    pub focus: Button,
    /// The names, scrolled inside the dialog; Remove waits until every one was drawn.
    pub list: ReadThrough,
    pub submission: Submission,
}

impl RemoveMembers {
    pub fn new(workspace: Uuid, workspace_name: &str, targets: Vec<(Uuid, String)>) -> Self {
        Self {
            workspace,
            workspace_name: workspace_name.to_owned(),
            targets,
            focus: Button::Cancel,
            list: ReadThrough::default(),
            submission: Submission::default(),
        }
    }

    pub fn users(&self) -> Vec<Uuid> {
        self.targets.iter().map(|(id, _)| *id).collect()
    }
}

/// Opens the confirmation for the members the Members tab points at (the default workspace,
/// which keeps its members, is refused before this, where the key is offered).
pub fn open(app: &App) -> Opened {
    let Some((workspace, name)) = app.open_workspace_name() else {
        return Err((FlashLevel::Error, "Open a workspace first".into()));
    };
    let targets: Vec<(Uuid, String)> = members::chosen(app.org(), workspace)
        .into_iter()
        .map(|row| (row.user_id, row.name.to_string()))
        .collect();
    if targets.is_empty() {
        return Err((
            FlashLevel::Info,
            "No member to remove: move to one, or select some (space)".into(),
        ));
    }
    Ok(Box::new(RemoveMembers::new(workspace, &name, targets)))
}

impl Dialog for RemoveMembers {
    fn focus_cancel(&mut self) {
        self.focus = Button::Cancel;
    }

    fn name(&self) -> &'static str {
        "remove members"
    }

    /// The members pane's arrows scroll the names.
    fn layers(&self) -> Vec<Layer> {
        vec![Layer::Keys(Context::Dialog), Layer::Keys(Context::List)]
    }

    /// Of the pane's keys, only scrolling: the list is who loses access.
    fn offers(&self, action: Action) -> bool {
        ReadThrough::offers(action)
    }

    fn action(&mut self, action: Action, _app: &App) -> Next {
        let request = Request::RemoveMembers {
            workspace: self.workspace,
            users: self.users(),
        };
        let row = (&BUTTONS[..], &mut self.focus, Button::Remove);
        self.list.confirm_key(action, row, || Next::Send(request))
    }

    fn render(&self, frame: &mut Frame, canvas: Canvas, app: &App, theme: &Theme) -> bool {
        render(frame, canvas.screen, app, self, theme)
    }

    submission_in_field!();

    fn done(&self, app: &mut App, answer: Answered) -> Vec<Effect> {
        removed(app, self, answer)
    }
}

fn render(frame: &mut Frame, screen: Rect, app: &App, d: &RemoveMembers, theme: &Theme) -> bool {
    let mut body = Body::new(dialog::inner_width(screen, WIDTH));
    body.wrapped(
        &format!(
            "Remove {} from \"{}\"?",
            count_of(d.targets.len(), "member", "members"),
            d.workspace_name
        ),
        theme.header,
    );
    body.wrapped(
        // The console may not have read the groups: what a group gives is said, not guessed.
        "Their own access to this workspace ends at once; a group may still let them in. They stay in the organization and can be added again.",
        theme.text,
    );
    // Everyone is named, each name whole; the names scroll where the screen is too short.
    let mut names = Body::new(body.width);
    for (_, name) in &d.targets {
        names.hanging("  • ", name, theme.text);
    }
    let mut after = Body::new(body.width);
    let users = d.users();
    let leaving = |user: Uuid| users.contains(&user).then(Vec::new);
    // The groups are not read here: the warning errs on the side of being shown.
    if let Some(warning) =
        admins_left::warning(app, (d.workspace, &d.workspace_name), leaving, None)
    {
        after.wrapped(&format!("⚠ {warning}"), theme.field_error);
    }
    after.blank();
    let who = count_of(d.targets.len(), "member", "members");
    after.submission(
        &d.submission,
        &format!("Removing {who}…"),
        app.spinner_frame,
        theme,
    );
    let row = ConfirmRow {
        buttons: &BUTTONS,
        focus: d.focus,
        confirm: Button::Remove,
        text: &format!("Remove {who}"),
    };
    d.list
        .fill_then_confirm(&mut body, (names.lines, after), screen, row, theme);
    dialog::show(frame, screen, WIDTH, "Remove members", body, theme)
}

/// What the removal does to the console: those who lost access leave the table at once, a
/// message says how many, and the directory and lists reload. The server lists as not
/// removed both those a group keeps in the workspace and those no longer in it; which is
/// which is read again ([`after`]) before the message names them.
fn removed(app: &mut App, d: &RemoveMembers, answer: Answered) -> Vec<Effect> {
    let [Reply::MembersRemoved(out)] = answer.replies else {
        // Not the answer a removal gets; reloading shows whatever did happen.
        return requests::load_organization(app, answer.profile);
    };
    let not_removed = out.not_deleted_members.as_deref().unwrap_or_default();
    let stays = |id: &Uuid| not_removed.contains(id);
    let users: Vec<Uuid> = d.users().into_iter().filter(|id| !stays(id)).collect();
    let org = &mut app.orgs[answer.profile];
    org.patch_people(|p| p.remove_from(d.workspace, &users));
    org.adjust_member_count(d.workspace, -out.deleted_members_count);
    if let Some(view) = org.views.get_mut(&d.workspace) {
        view.marked.retain(|id| !users.contains(id));
    }
    let mut effects = Vec::new();
    let said = if not_removed.is_empty() {
        outcome::removed(&d.workspace_name, out, &[])
    } else {
        let asked = after::NotRemoved {
            workspace: d.workspace,
            workspace_name: d.workspace_name.clone(),
            targets: d.targets.clone(),
            out: out.clone(),
        };
        let said = asked.reading();
        let (_, read) = requests::send(app, answer.profile, Call::NotRemoved(asked));
        effects.push(read);
        said
    };
    effects.insert(0, flash::show(app, FlashLevel::Success, said));
    effects.extend(requests::reload_people(app, answer.profile));
    effects.extend(requests::reload_workspaces(app, answer.profile, false));
    effects
}

/// The read after a removal is back: the message names, for each person not removed, the
/// group that keeps them in the workspace, or says they were no longer in it. A read that
/// failed leaves them named, with why they could not be explained.
pub fn explained(
    app: &mut App,
    asked: &after::NotRemoved,
    read: Result<after::Stays, RemoteError>,
) -> Vec<Effect> {
    let (level, text) = match read {
        Ok(stays) => (FlashLevel::Success, asked.explained(&stays)),
        Err(error) => (FlashLevel::Info, asked.unexplained(&error.message)),
    };
    vec![flash::show(app, level, text)]
}
