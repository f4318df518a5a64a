//! The plan of a group change, made by the shared action layer from what was chosen, and
//! the preview of who gains or loses which role through it, in words.

use crate::actions::members::Person;
use crate::actions::{ActionError, Plan, Request, groups};
use crate::api::WorkspaceOut;
use crate::domain::{OrgRole, WorkspaceRole};
use crate::tui::state::App;

use super::{GroupChange, Kind};

impl GroupChange {
    /// What the choices ask for, as the action layer plans it; the reason when it refuses.
    pub(super) fn make_plan(&self) -> Result<Plan, String> {
        let entry = self
            .groups
            .get(self.group)
            .ok_or("the group is no longer listed: reload the view (ctrl-r)")?;
        let group = &entry.group;
        let chosen = self.targets.chosen();
        let first = chosen.first().map(|i| i.id);
        let workspace = || -> Result<&WorkspaceOut, String> {
            let id = first.ok_or("choose a workspace first")?;
            self.workspaces
                .iter()
                .find(|w| w.uuid == id)
                .ok_or_else(|| "that workspace is no longer listed".to_owned())
        };
        let parent = || {
            first
                .and_then(|id| self.groups.get(id))
                .map(|e| &e.group)
                .ok_or_else(|| "choose a group first".to_owned())
        };
        let roles: Vec<String> = self
            .roles
            .chosen()
            .iter()
            .map(|i| i.label.clone())
            .collect();
        let planned = match self.kind {
            Kind::AddMembers | Kind::RemoveMembers => {
                let people: Vec<Person> = chosen
                    .iter()
                    .map(|i| Person {
                        user_id: i.id,
                        name: i.label.clone(),
                    })
                    .collect();
                if people.is_empty() {
                    return Err("tick at least one person (space)".into());
                }
                if self.kind == Kind::AddMembers {
                    groups::add_members(group, &people, &entry.members)
                } else {
                    groups::remove_members(group, &people, &entry.members)
                }
            }
            Kind::Nest => groups::nest(group, parent()?, true),
            Kind::Unnest => groups::nest(group, parent()?, false),
            Kind::Assign => groups::assign(
                group,
                workspace()?,
                &roles,
                &entry.assignments,
                &self.catalog,
            ),
            Kind::Unassign => groups::unassign(group, workspace()?, &entry.assignments),
            Kind::Provision => {
                let role = roles
                    .first()
                    .and_then(|r| WorkspaceRole::from_name(r))
                    .ok_or("choose the role they get")?;
                groups::provision(group, workspace()?, role)
            }
            Kind::OrganizationRole => {
                let role = first
                    .and_then(|id| OrgRole::ALL.into_iter().find(|r| r.uuid() == id))
                    .ok_or("choose a role")?;
                groups::set_role(group, role)
            }
            Kind::Delete => groups::delete(
                group,
                &self.groups.all(),
                entry.members.len(),
                &entry.assignments,
            ),
        };
        planned.map_err(|e: ActionError| e.to_string())
    }

    /// The request under review.
    pub fn request(&self) -> Option<&Request> {
        self.plan.as_ref()?.requests().next()
    }

    /// Who gains or loses which role through the change under review, one line each.
    pub fn preview(&self, app: &App) -> Vec<String> {
        let Some(Request::Group(request)) = self.request() else {
            return Vec::new();
        };
        let change = self.groups.access().preview(request, &self.catalog);
        let people = app.org().people.get();
        let person = |id: uuid::Uuid| {
            people
                .and_then(|p| p.person(id))
                .map(|p| p.name.to_string())
                .or_else(|| {
                    self.groups
                        .entries
                        .iter()
                        .flat_map(|e| &e.members)
                        .find(|m| m.user_uuid == id)
                        .and_then(|m| m.name.clone().or_else(|| m.email.clone()))
                })
                .unwrap_or_else(|| id.to_string())
        };
        let workspace = |id: uuid::Uuid| {
            self.workspaces
                .iter()
                .find(|w| w.uuid == id)
                .map_or_else(|| id.to_string(), |w| w.name.clone())
        };
        groups::access::describe(&change, person, workspace)
    }
}
