//! A SCIM run's summary as diff lines: `+` for who or what would be added, `-` for removed, `~`
//! for renamed, under a heading per category. The same lines for the console's view, its
//! confirmation and `mistral-admin scim`.

use crate::api::ScimSyncSummaryOut;

/// One line of the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    Heading(String),
    Added(String),
    Removed(String),
    Changed(String),
    Nothing(String),
}

/// How many changes of each kind: (added, removed, changed).
pub fn counts(lines: &[DiffLine]) -> (usize, usize, usize) {
    let count = |f: fn(&DiffLine) -> bool| lines.iter().filter(|l| f(l)).count();
    (
        count(|l| matches!(l, DiffLine::Added(_))),
        count(|l| matches!(l, DiffLine::Removed(_))),
        count(|l| matches!(l, DiffLine::Changed(_))),
    )
}

pub fn lines(summary: &ScimSyncSummaryOut) -> Vec<DiffLine> {
    use DiffLine::*;
    let mut out = Vec::new();
    let users = &summary.users;
    out.push(Heading(format!(
        "People: {} provisioned, {} deprovisioned",
        users.provision.len(),
        users.deprovision.len()
    )));
    out.extend(
        users
            .provision
            .iter()
            .map(|a| Added(format!("{} (joins the organization)", a.user.user_name))),
    );
    out.extend(
        users
            .deprovision
            .iter()
            .map(|a| Removed(format!("{} (leaves the organization)", a.user.user_name))),
    );
    let groups = &summary.groups;
    out.push(Heading(format!(
        "Groups: {} created, {} renamed, {} deleted",
        groups.create.len(),
        groups.update.len(),
        groups.delete.len()
    )));
    out.extend(
        groups
            .create
            .iter()
            .map(|a| Added(a.group.group_name.clone())),
    );
    out.extend(groups.update.iter().map(|a| {
        Changed(format!(
            "{} (was {})",
            a.group.group_name, a.previous_group_name
        ))
    }));
    out.extend(
        groups
            .delete
            .iter()
            .map(|a| Removed(a.group.group_name.clone())),
    );
    out.push(Heading(format!(
        "Group members: {} groups change",
        summary.memberships.len()
    )));
    for change in &summary.memberships {
        let group = &change.group.group_name;
        out.extend(
            change
                .users_added
                .iter()
                .map(|u| Added(format!("{} joins {group}", u.user_name))),
        );
        out.extend(
            change
                .users_removed
                .iter()
                .map(|u| Removed(format!("{} leaves {group}", u.user_name))),
        );
    }
    if summary.is_empty() {
        out.push(Nothing(
            "Nothing to do: the organization matches the identity provider".to_owned(),
        ));
    }
    out
}
