//! Every change that turns the live organization into the wanted one, in a fixed order, and
//! what the wanted one asks that cannot be done (a problem stops `apply` before it starts;
//! a note is only said).

use std::collections::{BTreeMap, HashSet};

use super::change::{Change, FieldValue, GroupField, WorkspaceField};
use super::grants::{Deletions, Granted, Grants, Holding};
use super::index::Index;
use super::keys::{email_key, group_key, workspace_key};
use super::{Group, Limit, Organization, Person, Workspace};
use crate::domain::WorkspaceRole;
use crate::domain::roles::normalize_workspace_role_names;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    pub changes: Vec<Change>,
    /// What the file asks that cannot be done; nothing should be applied while there are any.
    pub problems: Vec<String>,
    /// What the reader should know but does not stop anything.
    pub notes: Vec<String>,
}

/// The member a new workspace is created with as its admin: the first, by email, who holds
/// `workspace_admin` (the Admin API creates a workspace with exactly one admin).
pub fn new_workspace_admin(workspace: &Workspace) -> Option<&str> {
    let admin = WorkspaceRole::WorkspaceAdmin.name();
    workspace
        .members
        .iter()
        .find(|(_, roles)| roles.iter().any(|r| r == admin))
        .map(|(email, _)| email.as_str())
}

/// Compares the two descriptions; both should be [`Organization::normalize`]d. The groups
/// the file deletes are taken to be gone (as `apply --allow-destroy` leaves them).
pub fn diff(live: &Organization, wanted: &Organization) -> Diff {
    diff_when(live, wanted, Deletions::Run)
}

/// [`diff`], with the deletions the file asks for run or skipped as `apply` will: a group
/// whose deletion is skipped keeps giving what it gives, so nobody's roles change for it.
pub fn diff_when(live: &Organization, wanted: &Organization, deletions: Deletions) -> Diff {
    let (live, wanted) = (&Index::of(live), &Index::of(wanted));
    let mut out = Diff::default();
    if let (Some(before), Some(after)) =
        (live.org.monthly_spend_limit, wanted.org.monthly_spend_limit)
        && before != after
    {
        out.changes.push(Change::SetSpendLimit { before, after });
    }
    let (given_now, given_then) = (
        Grants::of(live.org),
        Grants::once_applied(live.org, wanted.org, deletions),
    );
    let grants = (&given_now, &given_then);
    workspaces(live, wanted, grants, &mut out);
    people(live, wanted, grants, &mut out);
    invitations(live, wanted, &mut out);
    super::diff_groups::groups(live, wanted, deletions, &mut out);
    super::admins::keeps_an_admin(live, wanted, (&given_now, deletions), &mut out);
    out
}

fn workspaces(live: &Index, wanted: &Index, grants: BothGrants<'_>, out: &mut Diff) {
    let mut seen = HashSet::new();
    for want in &wanted.org.workspaces {
        let key = workspace_key(&want.name);
        if want.archived {
            if let Some(now) = live.workspace(&want.name) {
                if now.default {
                    out.problems.push(format!(
                        "workspace {:?} is the organization's default workspace, which cannot be archived",
                        now.name
                    ));
                } else {
                    out.changes.push(Change::ArchiveWorkspace {
                        workspace: now.name.clone(),
                        explicit: true,
                    });
                }
                seen.insert(key);
            }
            continue;
        }
        if !seen.insert(key) {
            out.problems
                .push(format!("workspace {:?} is listed twice", want.name));
            continue;
        }
        check_members(live, &want.name, &want.members, out);
        match live.workspace(&want.name) {
            None => {
                if new_workspace_admin(want).is_none() {
                    out.problems.push(format!(
                        "new workspace {:?} needs a member with workspace_admin: the Admin API creates a workspace with its admin",
                        want.name
                    ));
                }
                out.changes.push(Change::CreateWorkspace {
                    workspace: want.clone(),
                });
            }
            Some(now) => one_workspace(now, want, grants, out),
        }
    }
    for now in live
        .org
        .workspaces
        .iter()
        .filter(|w| !w.archived && !w.default)
    {
        if !seen.contains(&workspace_key(&now.name)) {
            out.changes.push(Change::ArchiveWorkspace {
                workspace: now.name.clone(),
                explicit: false,
            });
        }
    }
}

/// Members named in the file must already belong to the organization.
fn check_members(
    live: &Index,
    place: &str,
    members: &BTreeMap<String, Vec<String>>,
    out: &mut Diff,
) {
    for (email, roles) in members {
        if live.person(email).is_none() {
            out.problems.push(format!(
                "{email} in workspace {place:?} is not a member of the organization (people join by invitation: list them under invitations)"
            ));
        }
        if roles.is_empty() {
            out.problems.push(format!(
                "{email} in workspace {place:?} has no role; give at least one"
            ));
        }
    }
}

fn one_workspace(now: &Workspace, want: &Workspace, grants: BothGrants<'_>, out: &mut Diff) {
    let name = now.name.as_str();
    let pair = (now, want);
    compare(out, pair, WorkspaceField::Description, name, |w| {
        text(&w.description)
    });
    compare(out, pair, WorkspaceField::Icon, name, |w| text(&w.icon));
    let api_keys = WorkspaceField::MembersCanCreateApiKeys;
    let setting = (
        now.members_can_create_api_keys,
        want.members_can_create_api_keys,
    );
    local_setting(
        out,
        name,
        api_keys,
        "members_can_create_api_keys",
        setting,
        FieldValue::Flag,
    );
    let cap = (now.monthly_spend_cap, want.monthly_spend_cap);
    local_setting(
        out,
        name,
        WorkspaceField::MonthlySpendCap,
        "monthly_spend_cap",
        cap,
        FieldValue::Limit,
    );
    for (email, listed) in &want.members {
        member_change(name, email, Some(listed), (now, grants), out);
    }
    for email in now.members.keys() {
        if want.member(email).is_none() {
            member_change(name, email, None, (now, grants), out);
        }
    }
}

/// What the live and the wanted organization give through groups, in that order.
type BothGrants<'a> = (&'a Grants, &'a Grants);

/// The change, if any, of `email`'s own roles in the workspace `now` so that they hold in
/// total what the file lists (`None`: not listed) with what groups will give there.
fn member_change(
    name: &str,
    email: &str,
    listed: Option<&Vec<String>>,
    (now, (given_now, given_then)): (&Workspace, BothGrants<'_>),
    out: &mut Diff,
) {
    let held = now.member(email);
    let given_now = given_now.in_workspace(name, email);
    let given_then = given_then.in_workspace(name, email);
    let holding = Holding {
        now: held.map_or(&[], Vec::as_slice),
        given_now: given_now.map_or(&[], |g| g.roles.as_slice()),
        listed: listed.map(Vec::as_slice),
        given_then: given_then.map_or(&[], |g| g.roles.as_slice()),
    };
    note_kept_by_groups(out, &holding, given_then, email, &format!(" in {name:?}"));
    if holding.settled() {
        return;
    }
    let total = normalize_workspace_role_names(holding.wanted());
    let (workspace, email) = (name.to_owned(), email.to_owned());
    if total.is_empty() {
        match held {
            Some(_) if now.default => out.problems.push(format!(
                "{email} cannot leave {name:?}: it is the organization's default workspace, which every member belongs to"
            )),
            Some(held) => out.changes.push(Change::RemoveMember {
                workspace,
                email,
                roles: held.clone(),
            }),
            None => {}
        }
        return;
    }
    let before = held.cloned().unwrap_or_default();
    let mut own = (
        normalize_workspace_role_names(holding.own_before()),
        normalize_workspace_role_names(holding.own_after()),
    );
    if now.default {
        // Nobody leaves the default workspace, their own membership included.
        own = own_or_total(own, (&before, &total));
    }
    if before == total {
        out.notes
            .push(keeps_as_own(&email, &holding, &format!(" in {name:?}")));
    }
    out.changes.push(match (held, own) {
        (None, _) if !holding.through_groups() => Change::AddMember {
            workspace,
            email,
            roles: total,
        },
        (Some(_), _) if !holding.through_groups() => Change::SetMemberRoles {
            workspace,
            email,
            before,
            after: total,
        },
        (_, (own_before, own_after)) => Change::SetOwnRoles {
            workspace: Some(workspace),
            email,
            before,
            after: total,
            own_before,
            own_after,
        },
    });
}

/// Own roles that are never none, where someone cannot be without them (in the
/// organization, in the default workspace): none is then what they hold in total.
fn own_or_total(
    (own_before, own_after): (Vec<String>, Vec<String>),
    (before, after): (&[String], &[String]),
) -> (Vec<String>, Vec<String>) {
    let or = |own: Vec<String>, total: &[String]| {
        if own.is_empty() { total.to_vec() } else { own }
    };
    (or(own_before, before), or(own_after, after))
}

/// The note for someone whose total stays while their own roles take over what a group
/// gives now and will not (`place`: where). It names only those roles: the others they
/// hold were never the group's to give.
fn keeps_as_own(whose: &str, holding: &Holding, place: &str) -> String {
    format!(
        "{whose} keeps {}{place} as their own roles: a group gives them now and will not once applied",
        holding.taken_over().join(", ")
    )
}

/// A note of the roles `whose` keeps (`place`: where) through groups though the file leaves
/// them out.
fn note_kept_by_groups(
    out: &mut Diff,
    holding: &Holding,
    through: Option<&Granted>,
    whose: &str,
    place: &str,
) {
    let kept = holding.kept_by_groups();
    if let Some(through) = through.filter(|_| !kept.is_empty()) {
        out.notes.push(format!(
            "{whose} keeps {}{place} through {}: the file cannot take away what a group gives (change the group instead)",
            kept.join(", "),
            groups_named(&through.groups)
        ));
    }
}

/// `the group "A"` or `the groups "A", "B"`, as the member commands word it.
fn groups_named(groups: &[String]) -> String {
    let quoted: Vec<String> = groups.iter().map(|g| format!("{g:?}")).collect();
    match quoted.len() {
        1 => format!("the group {}", quoted[0]),
        _ => format!("the groups {}", quoted.join(", ")),
    }
}

fn people(live: &Index, wanted: &Index, grants: BothGrants<'_>, out: &mut Diff) {
    let mut seen = HashSet::new();
    for want in &wanted.org.people {
        seen.insert(email_key(&want.email));
        let Some(now) = live.person(&want.email) else {
            out.problems.push(format!(
                "person {} is not a member of the organization (people join by invitation: list them under invitations)",
                want.email
            ));
            continue;
        };
        if want.remove {
            out.changes.push(Change::RemovePerson {
                email: now.email.clone(),
                explicit: true,
            });
        } else if want.roles.is_empty() {
            out.problems.push(format!(
                "person {} has no organization role; give at least one (member)",
                want.email
            ));
        } else {
            organization_roles(now, &want.roles, grants, out);
        }
    }
    for now in &live.org.people {
        if !seen.contains(&email_key(&now.email)) {
            out.changes.push(Change::RemovePerson {
                email: now.email.clone(),
                explicit: false,
            });
        }
    }
}

/// The change, if any, of `now`'s own organization roles so that they hold in total what the
/// file lists with what groups will give.
fn organization_roles(
    now: &Person,
    listed: &[String],
    (given_now, given_then): BothGrants<'_>,
    out: &mut Diff,
) {
    let email = now.email.as_str();
    let given_then = given_then.in_organization(email);
    let holding = Holding {
        now: &now.roles,
        given_now: given_now
            .in_organization(email)
            .map_or(&[], |g| g.roles.as_slice()),
        listed: Some(listed),
        given_then: given_then.map_or(&[], |g| g.roles.as_slice()),
    };
    note_kept_by_groups(out, &holding, given_then, &format!("person {email}"), "");
    if holding.settled() {
        return;
    }
    let normalize = super::keys::normalize_org_role_names;
    let after = normalize(holding.wanted());
    let (own_before, own_after) = own_or_total(
        (
            normalize(holding.own_before()),
            normalize(holding.own_after()),
        ),
        (&now.roles, &after),
    );
    if after == now.roles {
        out.notes
            .push(keeps_as_own(&format!("person {email}"), &holding, ""));
    }
    let email = email.to_owned();
    out.changes.push(if !holding.through_groups() {
        Change::SetOrganizationRoles {
            email,
            before: now.roles.clone(),
            after,
        }
    } else {
        Change::SetOwnRoles {
            workspace: None,
            email,
            before: now.roles.clone(),
            after,
            own_before,
            own_after,
        }
    });
}

fn invitations(live: &Index, wanted: &Index, out: &mut Diff) {
    let mut seen = HashSet::new();
    for want in &wanted.org.invitations {
        seen.insert(email_key(&want.email));
        if !crate::domain::validation::is_valid_email(&want.email) {
            // The server would answer 200 and list it as invalid: nothing would be invited.
            out.problems.push(format!(
                "invitation {:?} is not a valid email address",
                want.email
            ));
            continue;
        }
        for place in &want.workspaces {
            if live.workspace(place).is_none() && wanted.workspace(place).is_none() {
                out.problems.push(format!(
                    "invitation {} names workspace {place:?}, which is neither in the organization nor in the file",
                    want.email
                ));
            }
        }
        if live.person(&want.email).is_some() {
            continue; // accepted since: nothing left to invite
        }
        match live.invitation(&want.email) {
            None => out.changes.push(Change::Invite {
                invitation: want.clone(),
            }),
            // Inviting the address again gives its pending invitation the file's terms; the
            // old ones are kept in the change, so undo can give them back.
            Some(now) if !now.same_terms(want) => out.changes.push(Change::ReplaceInvitation {
                before: now.clone(),
                after: want.clone(),
            }),
            Some(_) => {}
        }
    }
    for now in &live.org.invitations {
        if !seen.contains(&email_key(&now.email)) {
            out.changes.push(Change::RevokeInvitation {
                invitation: now.clone(),
            });
        }
    }
}

/// The nesting of groups the file creates, parents first; `None` when they form a loop.
pub(super) fn creation_order<'a>(new: &[&'a Group]) -> Option<Vec<&'a Group>> {
    let mut done: Vec<&Group> = Vec::new();
    let mut left: Vec<&Group> = new.to_vec();
    while !left.is_empty() {
        let ready = left.iter().position(|g| {
            g.nested_in.iter().all(|parent| {
                let key = group_key(parent);
                !left.iter().any(|o| group_key(&o.name) == key)
            })
        })?;
        done.push(left.remove(ready));
    }
    Some(done)
}

/// A limit as a diff value.
pub(super) fn limit(value: Option<Limit>) -> FieldValue {
    FieldValue::Limit(value.unwrap_or(Limit::Unlimited))
}

/// A choice (a role, a target) as a diff value.
pub(super) fn choice(value: &Option<String>) -> FieldValue {
    FieldValue::Choice(value.clone())
}

pub(super) fn names(list: &[String]) -> FieldValue {
    FieldValue::Names(list.to_vec())
}

/// A field of something named (a workspace, a group) that a diff edits in place.
pub(super) trait EditableField: Copy {
    /// Whether this field is the name the thing goes by, so that an edit of it renames.
    fn is_name(self) -> bool;

    /// The change that sets this field of `name` from `before` to `after`.
    fn change(self, name: &str, before: FieldValue, after: FieldValue) -> Change;
}

impl EditableField for WorkspaceField {
    fn is_name(self) -> bool {
        self == Self::Name
    }

    fn change(self, name: &str, before: FieldValue, after: FieldValue) -> Change {
        let workspace = name.to_owned();
        Change::EditWorkspace {
            workspace,
            field: self,
            before,
            after,
        }
    }
}

impl EditableField for GroupField {
    fn is_name(self) -> bool {
        self == Self::Name
    }

    fn change(self, name: &str, before: FieldValue, after: FieldValue) -> Change {
        let group = name.to_owned();
        Change::EditGroup {
            group,
            field: self,
            before,
            after,
        }
    }
}

/// Records an edit of `field` of `name` when its value differs.
pub(super) fn edit(
    out: &mut Diff,
    name: &str,
    field: impl EditableField,
    before: FieldValue,
    after: FieldValue,
) {
    if before != after {
        out.changes.push(field.change(name, before, after));
    }
}

/// Records an edit of `field` when `value` reads it differently from `now` and `want`.
pub(super) fn compare<T>(
    out: &mut Diff,
    (now, want): (&T, &T),
    field: impl EditableField,
    name: &str,
    value: impl Fn(&T) -> FieldValue,
) {
    edit(out, name, field, value(now), value(want));
}

/// A workspace setting only the local server serves: edited where both sides have it, and
/// where only the file has it, said to be left alone.
fn local_setting<T>(
    out: &mut Diff,
    name: &str,
    field: WorkspaceField,
    label: &str,
    (now, want): (Option<T>, Option<T>),
    value: fn(T) -> FieldValue,
) {
    match (now, want) {
        (Some(before), Some(after)) => edit(out, name, field, value(before), value(after)),
        (None, Some(_)) => out.notes.push(format!(
            "workspace {name:?}: {label} is a local-server setting this server does not serve; left as it is"
        )),
        _ => {}
    }
}

/// Each wanted holder of roles (a workspace's member, a group's workspace) whose roles differ
/// from what `held` says it holds now: with `None` for a new holder, else the roles it holds.
pub(super) fn role_holdings<'a>(
    wanted: &'a BTreeMap<String, Vec<String>>,
    held: impl Fn(&str) -> Option<&'a Vec<String>> + 'a,
) -> impl Iterator<Item = (&'a String, Option<&'a Vec<String>>, &'a Vec<String>)> + 'a {
    wanted
        .iter()
        .filter_map(move |(holder, roles)| match held(holder) {
            Some(now) if now == roles => None,
            now => Some((holder, now, roles)),
        })
}

/// A text field as a diff value.
pub(super) fn text(value: &str) -> FieldValue {
    FieldValue::Text(value.to_owned())
}
