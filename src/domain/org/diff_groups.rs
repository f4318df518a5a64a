//! The groups part of the diff: new groups (parents first), their fields, members, nesting
//! and workspace assignments, and groups the file deletes or leaves out.

use std::collections::HashSet;

use super::Group;
use super::change::{Change, GroupField};
use super::diff::{Diff, choice, compare, creation_order, names, role_holdings, text};
use super::grants::Deletions;
use super::index::Index;
use super::keys::{email_key, group_key, workspace_key};

const ROLE_STAYS: &str = "the Admin API cannot take a group's organization role away \
    (it can only be set to another role)";

pub(super) fn groups(live: &Index, wanted: &Index, deletions: Deletions, out: &mut Diff) {
    let mut seen = HashSet::new();
    let mut new: Vec<&Group> = Vec::new();
    for want in &wanted.org.groups {
        if !seen.insert(group_key(&want.name)) {
            out.problems
                .push(format!("group {:?} is listed twice", want.name));
            continue;
        }
        check(live, wanted, want, out);
        match live.group(&want.name) {
            Some(now) if want.delete => {
                if now.externally_managed {
                    out.problems.push(format!(
                        "group {:?} comes from the identity provider, which owns whether it exists: delete it there",
                        now.name
                    ));
                } else {
                    out.changes.push(Change::DeleteGroup {
                        group: now.name.clone(),
                        explicit: true,
                    });
                }
            }
            None if want.delete => {}
            None => new.push(want),
            Some(now) => one_group(now, want, out),
        }
    }
    match creation_order(&new) {
        Some(ordered) => out.changes.extend(
            ordered
                .into_iter()
                .map(|g| Change::CreateGroup { group: g.clone() }),
        ),
        None => out.problems.push(format!(
            "the new groups {} are nested inside each other in a loop",
            new.iter()
                .map(|g| format!("{:?}", g.name))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    for now in &live.org.groups {
        if !seen.contains(&group_key(&now.name)) && !now.externally_managed {
            out.changes.push(Change::DeleteGroup {
                group: now.name.clone(),
                explicit: false,
            });
        }
    }
    if deletions == Deletions::Run {
        nesting_outlives_deletions(live, wanted, out);
    }
}

/// A group the file deletes must not stay the outer group of one that remains: the server
/// ends the nesting with the deletion, and every later apply would try to nest the kept
/// group inside a group that is gone, and stop there. A group stays when the file keeps it or
/// leaves it out (leaving out never deletes); its nesting is the file's, or the live one.
fn nesting_outlives_deletions(live: &Index, wanted: &Index, out: &mut Diff) {
    let deleted = |name: &str| {
        wanted.group(name).is_some_and(|g| g.delete)
            && live.group(name).is_some_and(|g| !g.externally_managed)
    };
    let kept_in_file = wanted.org.groups.iter().filter(|g| !g.delete);
    let left_out = live
        .org
        .groups
        .iter()
        .filter(|g| wanted.group(&g.name).is_none());
    let kept = kept_in_file
        .map(|g| (g, true))
        .chain(left_out.map(|g| (g, false)));
    for (inner, in_file) in kept {
        for outer in inner.nested_in.iter().filter(|outer| deleted(outer)) {
            out.problems
                .push(nesting_outlives(&inner.name, outer, in_file));
        }
    }
}

/// Why `inner` stops the deletion of `outer`, and what to do: the advice names a `nested_in`
/// to edit only when `inner` is in the file; a group the file leaves out has its nesting from
/// the organization, so the file must list it first.
fn nesting_outlives(inner: &str, outer: &str, in_file: bool) -> String {
    let remedy = if in_file {
        format!("take {outer:?} out of the nested_in of {inner:?}, or keep {outer:?}")
    } else {
        format!(
            "the file leaves {inner:?} out, so it keeps that nesting: add {inner:?} to the file without {outer:?} in its nested_in, or keep {outer:?}"
        )
    };
    format!(
        "group {inner:?} is nested inside {outer:?}, which the file deletes: the nesting would end with it and every later apply would stop at it; {remedy}"
    )
}

/// What a group in the file names must exist, in the organization or in the file.
fn check(live: &Index, wanted: &Index, want: &Group, out: &mut Diff) {
    for email in &want.members {
        if live.person(email).is_none() {
            out.problems.push(format!(
                "{email} in group {:?} is not a member of the organization",
                want.name
            ));
        }
    }
    for parent in &want.nested_in {
        if group_key(parent) == group_key(&want.name) {
            out.problems.push(format!(
                "group {:?} cannot be nested inside itself",
                want.name
            ));
        } else if live.group(parent).is_none() && wanted.group(parent).is_none() {
            out.problems.push(format!(
                "group {:?} is nested inside {parent:?}, which is neither in the organization nor in the file",
                want.name
            ));
        }
    }
    for (place, roles) in &want.workspaces {
        if live.workspace(place).is_none() && wanted.workspace(place).is_none() {
            out.problems.push(format!(
                "group {:?} is assigned to workspace {place:?}, which is neither in the organization nor in the file",
                want.name
            ));
        }
        if roles.is_empty() {
            out.problems.push(format!(
                "group {:?} in workspace {place:?} grants no role; give at least one",
                want.name
            ));
        }
    }
}

fn one_group(now: &Group, want: &Group, out: &mut Diff) {
    let name = now.name.as_str();
    let pair = (now, want);
    compare(out, pair, GroupField::Description, name, |g| {
        text(&g.description)
    });
    if want.target_type.is_some() {
        compare(out, pair, GroupField::TargetType, name, |g| {
            choice(&g.target_type)
        });
    }
    if now.organization_role.is_some() && want.organization_role.is_none() {
        out.problems.push(format!("group {name:?}: {ROLE_STAYS}"));
    } else {
        compare(out, pair, GroupField::OrganizationRole, name, |g| {
            choice(&g.organization_role)
        });
    }
    let keys = |list: &[String]| list.iter().map(|n| group_key(n)).collect::<Vec<_>>();
    if keys(&now.nested_in) != keys(&want.nested_in) {
        compare(out, pair, GroupField::NestedIn, name, |g| {
            names(&g.nested_in)
        });
    }
    let joining: Vec<&String> = want.members.iter().filter(|m| !now.has_member(m)).collect();
    let leaving: Vec<&String> = now.members.iter().filter(|m| !want.has_member(m)).collect();
    if now.externally_managed && !(joining.is_empty() && leaving.is_empty()) {
        out.problems.push(format!(
            "group {name:?} comes from the identity provider, which owns its members: change them there"
        ));
    } else {
        for email in joining {
            out.changes.push(Change::AddGroupMember {
                group: name.to_owned(),
                email: email_key(email),
            });
        }
        for email in leaving {
            out.changes.push(Change::RemoveGroupMember {
                group: name.to_owned(),
                email: email.clone(),
            });
        }
    }
    let changes = role_holdings(&want.workspaces, |place| now.assignment(place)).map(
        |(place, held, roles)| match held {
            None => Change::AssignGroup {
                group: name.to_owned(),
                workspace: place.clone(),
                roles: roles.clone(),
            },
            Some(held) => Change::SetGroupRoles {
                group: name.to_owned(),
                workspace: place.clone(),
                before: held.clone(),
                after: roles.clone(),
            },
        },
    );
    out.changes.extend(changes);
    for (place, roles) in &now.workspaces {
        let key = workspace_key(place);
        if !want.workspaces.keys().any(|w| workspace_key(w) == key) {
            out.changes.push(Change::UnassignGroup {
                group: name.to_owned(),
                workspace: place.clone(),
                roles: roles.clone(),
            });
        }
    }
}
