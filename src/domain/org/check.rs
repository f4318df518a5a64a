//! Whether a change still applies to the organization as it is now: the value it expects to
//! replace is still there. Undo checks its inverse changes this way, so an edit someone made
//! since (another admin changed the same member) is shown as a conflict, never overwritten.

use super::change::{Change, FieldValue, GroupField, Rename, WorkspaceField};
use super::diff::{choice, limit};
use super::keys::group_key;
use super::own::OwnNow;
use super::renames::Renames;
use super::{Grants, Group, Organization, Workspace};

fn roles(list: &[String]) -> String {
    if list.is_empty() {
        "(no role)".to_owned()
    } else {
        list.join(", ")
    }
}

/// Roles that must not be held yet (an add or an assignment): refused with `already`, given
/// the roles held, when they are.
fn not_held(
    held: Option<&Vec<String>>,
    already: impl FnOnce(String) -> String,
) -> Result<(), String> {
    match held {
        Some(held) => Err(already(roles(held))),
        None => Ok(()),
    }
}

/// Roles that must still be the `expected` ones (a change or a removal of them): refused
/// with `gone` when none are held any more, and with `differs`, given the roles held and
/// those expected, when someone changed them since.
fn still_held(
    held: Option<&Vec<String>>,
    expected: &[String],
    gone: impl FnOnce() -> String,
    differs: impl FnOnce(String, String) -> String,
) -> Result<(), String> {
    match held {
        None => Err(gone()),
        Some(held) if held != expected => Err(differs(roles(held), roles(expected))),
        Some(_) => Ok(()),
    }
}

/// A workspace's field as it is; `None` for a setting the server does not serve.
fn workspace_value(workspace: &Workspace, field: WorkspaceField) -> Option<FieldValue> {
    Some(match field {
        WorkspaceField::Name => FieldValue::Text(workspace.name.clone()),
        WorkspaceField::Description => FieldValue::Text(workspace.description.clone()),
        WorkspaceField::Icon => FieldValue::Text(workspace.icon.clone()),
        WorkspaceField::MembersCanCreateApiKeys => {
            FieldValue::Flag(workspace.members_can_create_api_keys?)
        }
        WorkspaceField::MonthlySpendCap => limit(Some(workspace.monthly_spend_cap?)),
    })
}

fn group_value(group: &Group, field: GroupField) -> FieldValue {
    match field {
        GroupField::Name => FieldValue::Text(group.name.clone()),
        GroupField::Description => FieldValue::Text(group.description.clone()),
        GroupField::TargetType => choice(&group.target_type),
        GroupField::OrganizationRole => choice(&group.organization_role),
        GroupField::NestedIn => {
            let mut names = group.nested_in.clone();
            names.sort_by_key(|n| group_key(n));
            FieldValue::Names(names)
        }
    }
}

fn same_value(now: &FieldValue, expected: &FieldValue) -> bool {
    match (now, expected) {
        (FieldValue::Names(a), FieldValue::Names(b)) => {
            let keys = |l: &[String]| {
                let mut k: Vec<String> = l.iter().map(|n| group_key(n)).collect();
                k.sort();
                k
            };
            keys(a) == keys(b)
        }
        _ => now == expected,
    }
}

/// A field that must still hold the value an edit replaces: refused, naming the workspace or
/// group as `what` says, when someone changed it since.
fn still_reads(
    now: &FieldValue,
    expected: &FieldValue,
    what: impl FnOnce() -> String,
) -> Result<(), String> {
    if same_value(now, expected) {
        Ok(())
    } else {
        Err(format!("{} has {now} now, not {expected}", what()))
    }
}

fn workspace<'a>(now: &'a Organization, name: &str) -> Result<&'a Workspace, String> {
    now.workspace(name)
        .ok_or_else(|| format!("there is no active workspace {name:?} any more"))
}

fn group<'a>(now: &'a Organization, name: &str) -> Result<&'a Group, String> {
    now.group(name)
        .ok_or_else(|| format!("there is no group {name:?} any more"))
}

fn person(now: &Organization, email: &str) -> Result<(), String> {
    now.person(email)
        .map(|_| ())
        .ok_or_else(|| format!("{email} is no longer a member of the organization"))
}

/// Why `change` no longer applies to `now`, or `None` when it does.
pub fn conflict(change: &Change, now: &Organization) -> Option<String> {
    check(change, now).err()
}

/// Whether someone's own roles are `expected` (what a change of them expects to replace),
/// when what they hold in total is not what it expects: groups may have changed since, and
/// their own roles, told apart from what groups give now by the rules the journal keeps them
/// by, may still be as it left them.
fn own_as_left(
    change: &Change,
    now: &Organization,
    place: &str,
    expected: &[String],
) -> Result<(), String> {
    let Change::SetOwnRoles {
        workspace, email, ..
    } = change
    else {
        return Ok(());
    };
    let grants = Grants::of(now);
    let Some(found) = OwnNow::read(now, &grants, workspace.as_deref(), email) else {
        return Err(format!("{email} is no longer a member of the organization"));
    };
    if found.own == expected {
        return Ok(());
    }
    let held = match &found.held {
        Some(held) => roles(held),
        None => "none".to_owned(),
    };
    Err(format!(
        "{email}'s own roles{place} are {} now, not {} (they hold {held}, groups give {})",
        roles(&found.own),
        roles(expected),
        roles(&found.given)
    ))
}

fn check(change: &Change, now: &Organization) -> Result<(), String> {
    match change {
        Change::CreateWorkspace { workspace: w } => match now.workspace(&w.name) {
            Some(_) => Err(format!("an active workspace {:?} exists already", w.name)),
            None => Ok(()),
        },
        Change::EditWorkspace {
            workspace: name,
            field,
            before,
            ..
        } => match workspace_value(workspace(now, name)?, *field) {
            Some(value) => still_reads(&value, before, || format!("workspace {name:?}")),
            None => Ok(()),
        },
        Change::ArchiveWorkspace {
            workspace: name, ..
        } => workspace(now, name).map(|_| ()),
        Change::AddMember {
            workspace: name,
            email,
            ..
        } => {
            person(now, email)?;
            not_held(workspace(now, name)?.member(email), |held| {
                format!("{email} is a member of {name:?} already, as {held}")
            })
        }
        Change::SetMemberRoles {
            workspace: name,
            email,
            before: expected,
            ..
        }
        | Change::RemoveMember {
            workspace: name,
            email,
            roles: expected,
        } => still_held(
            workspace(now, name)?.member(email),
            expected,
            || format!("{email} is no longer a member of {name:?}"),
            |held, expected| format!("{email} has {held} in {name:?} now, not {expected}"),
        ),
        Change::SetOrganizationRoles { email, before, .. } => still_held(
            now.person(email).map(|p| &p.roles),
            before,
            || format!("{email} is no longer a member of the organization"),
            |held, before| format!("{email} has the organization roles {held} now, not {before}"),
        ),
        Change::SetOwnRoles {
            workspace: Some(name),
            email,
            before,
            own_before,
            ..
        } => {
            let held = workspace(now, name)?.member(email);
            person(now, email)?;
            let as_left = match before.is_empty() {
                true => not_held(held, |held| {
                    format!("{email} is a member of {name:?} already, as {held}")
                }),
                false => still_held(
                    held,
                    before,
                    || format!("{email} is no longer a member of {name:?}"),
                    |held, expected| format!("{email} has {held} in {name:?} now, not {expected}"),
                ),
            };
            as_left.or_else(|_| own_as_left(change, now, &format!(" in {name:?}"), own_before))
        }
        Change::SetOwnRoles {
            workspace: None,
            email,
            before,
            own_before,
            ..
        } => still_held(
            now.person(email).map(|p| &p.roles),
            before,
            || format!("{email} is no longer a member of the organization"),
            |held, before| format!("{email} has the organization roles {held} now, not {before}"),
        )
        .or_else(|_| own_as_left(change, now, " in the organization", own_before)),
        Change::RemovePerson { email, .. } => person(now, email),
        Change::Invite { invitation } => {
            if now.person(&invitation.email).is_some() {
                Err(format!(
                    "{} is a member of the organization now",
                    invitation.email
                ))
            } else if now.invitation(&invitation.email).is_some() {
                Err(format!(
                    "{} has a pending invitation already",
                    invitation.email
                ))
            } else {
                Ok(())
            }
        }
        Change::ReplaceInvitation { before, .. } => match now.invitation(&before.email) {
            Some(held) if held.same_terms(before) => Ok(()),
            Some(held) => Err(format!(
                "the invitation of {} gives {} now, not {}",
                before.email,
                held.terms(),
                before.terms()
            )),
            None if now.person(&before.email).is_some() => Err(format!(
                "{} is a member of the organization now",
                before.email
            )),
            None => Err(format!(
                "{} has no pending invitation any more",
                before.email
            )),
        },
        Change::RevokeInvitation { invitation } => match now.invitation(&invitation.email) {
            Some(_) => Ok(()),
            None => Err(format!(
                "{} has no pending invitation any more",
                invitation.email
            )),
        },
        Change::CreateGroup { group: g } => match now.group(&g.name) {
            Some(_) => Err(format!("a group {:?} exists already", g.name)),
            None => Ok(()),
        },
        Change::EditGroup {
            group: name,
            field,
            before,
            ..
        } => still_reads(&group_value(group(now, name)?, *field), before, || {
            format!("group {name:?}")
        }),
        Change::DeleteGroup { group: name, .. } => group(now, name).map(|_| ()),
        Change::AddGroupMember { group: name, email } => {
            person(now, email)?;
            if group(now, name)?.has_member(email) {
                Err(format!("{email} is in the group {name:?} already"))
            } else {
                Ok(())
            }
        }
        Change::RemoveGroupMember { group: name, email } => {
            if group(now, name)?.has_member(email) {
                Ok(())
            } else {
                Err(format!("{email} is no longer in the group {name:?}"))
            }
        }
        Change::AssignGroup {
            group: name,
            workspace: place,
            ..
        } => {
            workspace(now, place)?;
            not_held(group(now, name)?.assignment(place), |held| {
                format!("the group {name:?} is assigned to {place:?} already, with {held}")
            })
        }
        Change::SetGroupRoles {
            group: name,
            workspace: place,
            before: expected,
            ..
        }
        | Change::UnassignGroup {
            group: name,
            workspace: place,
            roles: expected,
        } => still_held(
            group(now, name)?.assignment(place),
            expected,
            || format!("the group {name:?} is no longer assigned to {place:?}"),
            |held, expected| {
                format!("the group {name:?} grants {held} in {place:?} now, not {expected}")
            },
        ),
        Change::SetSpendLimit { before, .. } => match now.monthly_spend_limit {
            Some(current) if current != *before => Err(format!(
                "the monthly spending limit is {current} now, not {before}"
            )),
            _ => Ok(()),
        },
        Change::Irreversible { why, .. } => Err(why.clone()),
    }
}

/// The conflicts of a list of changes meant to run in order. A rename earlier in the list
/// is taken into account, so a later change may find the workspace or group by its new name
/// or, as long as nothing else took it, by its old one.
pub fn conflicts(changes: &[Change], now: &Organization) -> Vec<(Change, String)> {
    let mut view = now.clone();
    let mut renames = Renames::default();
    let mut found = Vec::new();
    for asked in changes {
        let change = &renames.current(asked);
        if let Err(why) = check(change, &view) {
            found.push((asked.clone(), why));
            continue;
        }
        renames.follow(change);
        match change.rename() {
            Some(Rename::Workspace { old, new }) => {
                let key = super::workspace_key(old);
                for w in view.workspaces.iter_mut().filter(|w| !w.archived) {
                    if super::workspace_key(&w.name) == key {
                        w.name = new.to_owned();
                    }
                }
            }
            Some(Rename::Group { old, new }) => {
                let key = group_key(old);
                for g in view.groups.iter_mut() {
                    if group_key(&g.name) == key {
                        g.name = new.to_owned();
                    }
                }
            }
            None => {}
        }
    }
    found
}
