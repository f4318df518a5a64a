//! Running a list of plan engine changes against the organization: in a safe order (create,
//! grant, revoke, destroy), destructive ones only when the file asked for them and the admin
//! allowed them, stopping at the first refusal with an exact account of what was done.

use super::execute::{Reply, send};
use super::org_live::LiveOrg;
use super::org_steps::steps;
use crate::client::{AdminClient, ClientError};
use crate::domain::org::own;
use crate::domain::org::{Change, Deletions, Rename, email_key, group_key, workspace_key};

/// Whether destructive changes may run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Allowance {
    pub destroy: bool,
}

impl Allowance {
    /// Whether the deletions a file asks for will run, for the plan to know what groups give
    /// once it is applied.
    pub fn deletions(self) -> Deletions {
        if self.destroy {
            Deletions::Run
        } else {
            Deletions::Skipped
        }
    }
}

/// Why a change was not run.
pub fn skip_reason(change: &Change, allowance: Allowance) -> Option<&'static str> {
    if matches!(change, Change::Irreversible { .. }) {
        return Some("it is a record, not something to apply");
    }
    if !change.is_destructive() {
        return None;
    }
    if !change.is_explicit() {
        Some("the file only leaves it out; say so in the file to do it")
    } else if !allowance.destroy {
        Some("destructive: needs --allow-destroy")
    } else {
        None
    }
}

/// What happened to each change.
#[derive(Debug, Default)]
pub struct Report {
    pub applied: Vec<Change>,
    pub skipped: Vec<(Change, &'static str)>,
    /// The change that stopped the run, the step that failed, and why.
    pub failed: Option<(Change, String, Failure)>,
    /// What was not attempted after the failure.
    pub not_done: Vec<Change>,
}

/// Why a step failed: the server or the plan.
#[derive(Debug, Clone)]
pub enum Failure {
    Server(ClientError),
    Plan(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Server(error) => write!(f, "{error}"),
            Self::Plan(reason) => f.write_str(reason),
        }
    }
}

/// What the caller hears as the run goes, to show progress.
pub enum Progress<'a> {
    Applied(&'a Change),
    Skipped(&'a Change, &'static str),
}

/// The order changes run in: by phase, keeping the plan's order within one.
pub fn in_safe_order(changes: &[Change]) -> Vec<Change> {
    let mut ordered = changes.to_vec();
    ordered.sort_by_key(Change::phase);
    ordered
}

/// Runs the changes; `live` learns the ids of what is created, so later steps can use them.
pub async fn apply(
    client: &AdminClient,
    live: &mut LiveOrg,
    changes: &[Change],
    allowance: Allowance,
    mut progress: impl FnMut(Progress<'_>),
) -> Report {
    let mut report = Report::default();
    let ordered = in_safe_order(changes);
    let mut rest = ordered.into_iter();
    while let Some(asked) = rest.next() {
        // Named as the workspace or group is called now, after a rename earlier in the run:
        // what is sent, and what the journal records, name what is there.
        let change = live.renames.current(&asked);
        // Someone's own roles go by what groups give now (undo after a group changed).
        let change = own::as_now(change, &live.model);
        if let Some(reason) = skip_reason(&change, allowance) {
            progress(Progress::Skipped(&change, reason));
            report.skipped.push((change, reason));
            continue;
        }
        match run_one(client, live, &change).await {
            Ok(()) => {
                progress(Progress::Applied(&change));
                report.applied.push(change);
            }
            Err((label, failure)) => {
                report.failed = Some((change, label, failure));
                report.not_done = rest.map(|c| live.renames.current(&c)).collect();
                break;
            }
        }
    }
    report
}

async fn run_one(
    client: &AdminClient,
    live: &mut LiveOrg,
    change: &Change,
) -> Result<(), (String, Failure)> {
    loop {
        let staged = steps(change, &live.ids)
            .map_err(|e| (change.describe(), Failure::Plan(e.to_string())))?;
        for step in &staged.steps {
            let reply = send(client, &step.request)
                .await
                .map_err(|e| (step.label.clone(), Failure::Server(e)))?;
            learn(live, &reply);
        }
        if !staged.again {
            break;
        }
    }
    forget(live, change);
    follow_rename(live, change);
    Ok(())
}

/// Files the id of what a change renamed under its new name, so later steps find it there.
fn follow_rename(live: &mut LiveOrg, change: &Change) {
    match change.rename() {
        Some(Rename::Workspace { old, new }) => {
            if let Some(mut out) = live.ids.workspaces.remove(&workspace_key(old)) {
                new.clone_into(&mut out.name);
                live.workspace_names.insert(out.uuid, new.to_owned());
                live.ids.workspaces.insert(workspace_key(new), out);
            }
        }
        Some(Rename::Group { old, new }) => {
            if let Some(id) = live.ids.groups.remove(&group_key(old)) {
                live.group_names.insert(id, new.to_owned());
                live.ids.groups.insert(group_key(new), id);
            }
        }
        None => {}
    }
    live.renames.follow(change);
}

/// Keeps the ids of what a reply created.
fn learn(live: &mut LiveOrg, reply: &Reply) {
    match reply {
        Reply::WorkspaceCreated(created) => {
            let out = crate::api::WorkspaceOut {
                uuid: created.uuid,
                name: created.name.clone(),
                description: created.description.clone(),
                icon: created.icon.clone(),
                members_count: created.members_count,
                spend_limit: created.spend_limit.clone(),
                is_default: created.is_default,
            };
            live.workspace_names.insert(out.uuid, out.name.clone());
            live.ids.workspaces.insert(workspace_key(&out.name), out);
        }
        Reply::GroupCreated(group) => {
            live.group_names.insert(group.uuid, group.name.clone());
            live.ids.groups.insert(group_key(&group.name), group.uuid);
        }
        _ => {}
    }
}

/// Drops the ids of what a change ended, so nothing later is sent to it.
fn forget(live: &mut LiveOrg, change: &Change) {
    match change {
        Change::ArchiveWorkspace { workspace, .. } => {
            live.ids.workspaces.remove(&workspace_key(workspace));
        }
        Change::DeleteGroup { group, .. } => {
            live.ids.groups.remove(&group_key(group));
        }
        Change::RemovePerson { email, .. } => {
            live.ids.users.remove(&email_key(email));
        }
        Change::RevokeInvitation { invitation } => {
            live.ids.invites.remove(&email_key(&invitation.email));
        }
        _ => {}
    }
}

/// What to do after `apply` stopped.
pub const APPLY_AGAIN: &str =
    "Run apply again to finish: it plans from the organization as it is now.";

/// What to do after an undo of journal entry `entry` stopped: once what stopped it is dealt
/// with, undo offers the rest of that entry.
pub fn undo_left(entry: u64) -> String {
    format!(
        "Once that is dealt with, `mistral-admin undo` (or `:undo`) offers what is listed as not applied: the rest of #{entry}."
    )
}

impl Report {
    /// The account of a run that stopped: what was done, where it stopped and why, what was
    /// not done, and `next`, what the admin can do about it; `None` when nothing failed.
    pub fn stopped(&self, next: &str) -> Option<String> {
        let (change, label, failure) = self.failed.as_ref()?;
        let mut text = if *label == change.describe() {
            format!("Stopped at {}: {failure}", change.line())
        } else {
            format!("Stopped at {} ({label}): {failure}", change.line())
        };
        text.push_str(&format!("\nApplied before it ({}):", self.applied.len()));
        for done in &self.applied {
            text.push_str(&format!("\n  {}", done.line()));
        }
        text.push_str(&format!(
            "\nNot applied ({}):\n  {}",
            self.not_done.len() + 1,
            change.line()
        ));
        for left in &self.not_done {
            text.push_str(&format!("\n  {}", left.line()));
        }
        text.push('\n');
        text.push_str(next);
        Some(text)
    }
}
