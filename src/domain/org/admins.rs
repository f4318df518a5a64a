//! Whether the wanted organization still has an organization admin. The Admin API refuses
//! to demote or remove the last `organization_admin`, so a file that takes the role from
//! everyone would have `apply` stop partway, at the last one; it is a problem instead, and
//! nothing is sent.
//!
//! The rule follows the server's: it counts the people who hold the role themselves, not
//! through a group. The Admin API shows a member's own roles and their groups' together, so
//! someone counts only when the role is surely their own once the file is applied:
//! - the file sets their roles with it (a change is sent, and what it sets is their own); or
//! - they hold it now, no group gives it to them, and the file keeps it (lists it among their
//!   roles, or leaves them out: apply never removes people the file only leaves out).
//!
//! Someone who holds it only through a group does not count, even if the file keeps it: the
//! server would refuse to demote the last admin of their own all the same.

use super::diff::Diff;
use super::grants::{Deletions, Grants};
use super::index::Index;
use super::keys::email_key;
use super::{Change, Organization, Person};
use crate::domain::OrgRole;

/// Whether organization roles (by name) include `organization_admin`.
pub(super) fn is_admin(roles: &[String]) -> bool {
    let admin = OrgRole::OrganizationAdmin.name();
    roles.iter().any(|role| role == admin)
}

/// The organization roles `now` holds once the file is applied; `None` when it removes them
/// (only when deletions run: without `--allow-destroy` a removal is skipped).
fn roles_after<'a>(
    now: &'a Person,
    wanted: &'a Index,
    deletions: Deletions,
) -> Option<&'a [String]> {
    match wanted.person(&now.email) {
        None => Some(&now.roles),
        Some(want) if want.remove && deletions == Deletions::Skipped => Some(&now.roles),
        Some(want) if want.remove => None,
        // No role at all is a problem of its own, and nothing is changed for them.
        Some(want) if want.roles.is_empty() => Some(&now.roles),
        Some(want) => Some(&want.roles),
    }
}

fn admins(org: &Organization) -> Vec<&str> {
    org.people
        .iter()
        .filter(|p| is_admin(&p.roles))
        .map(|p| p.email.as_str())
        .collect()
}

/// A problem when the organization has admins now and the file leaves it none of their own.
/// `given_now` is what groups give now; `out` holds the changes planned so far. The problem
/// names what the file does to each admin, so the reader sees which line to change.
pub(super) fn keeps_an_admin(
    live: &Index,
    wanted: &Index,
    (given_now, deletions): (&Grants, Deletions),
    out: &mut Diff,
) {
    if admins(live.org).is_empty() {
        return;
    }
    let kept = live
        .org
        .people
        .iter()
        .any(|p| own_admin_after(p, wanted, (given_now, deletions), &out.changes));
    if kept {
        return;
    }
    let (mut demoted, mut removed, mut through_groups) = (Vec::new(), Vec::new(), Vec::new());
    // Whether the file takes the role from anyone: without that, the organization stays as
    // it is, whatever the server counts.
    let mut takes_it = false;
    for person in live.org.people.iter().filter(|p| is_admin(&p.roles)) {
        let after = roles_after(person, wanted, deletions);
        takes_it |= after.is_none_or(|roles| !is_admin(roles));
        match after {
            None => removed.push(person.email.as_str()),
            Some(_) if through_a_group(person, given_now) => {
                through_groups.push(through_whom(person, given_now, live.org))
            }
            Some(_) => demoted.push(person.email.as_str()),
        }
    }
    if !takes_it {
        return;
    }
    let mut done = Vec::new();
    if !demoted.is_empty() {
        done.push(format!("takes the role from {}", demoted.join(", ")));
    }
    if !removed.is_empty() {
        done.push(format!("removes {}", removed.join(", ")));
    }
    let mut problem = "the file leaves no organization_admin of their own".to_owned();
    if !done.is_empty() {
        problem.push_str(&format!(": it {}", done.join(" and ")));
    }
    if !through_groups.is_empty() {
        let lead = if done.is_empty() { ": " } else { "; " };
        problem.push_str(&format!(
            "{lead}{}, which the server does not count",
            through_groups.join(", ")
        ));
    }
    problem.push_str(
        "; the Admin API refuses to demote or remove the last admin: keep the role for at least one person who holds it of their own",
    );
    out.problems.push(problem);
}

/// Who holds `organization_admin` only through groups, and which: `bo@x.io has it only
/// through the group "Admins"`.
fn through_whom(person: &Person, given_now: &Grants, org: &Organization) -> String {
    let gives_admin = |name: &String| {
        org.groups.iter().any(|g| {
            &g.name == name
                && g.organization_role
                    .as_deref()
                    .is_some_and(|r| is_admin(&[r.to_owned()]))
        })
    };
    let groups: Vec<String> = given_now
        .in_organization(&person.email)
        .map(|granted| {
            granted
                .groups
                .iter()
                .filter(|g| gives_admin(g))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let which = if groups.len() == 1 { "group" } else { "groups" };
    format!(
        "{} has it only through the {which} {}",
        person.email,
        super::change::quoted(&groups)
    )
}

/// Whether `now` surely holds `organization_admin` of their own once the file is applied.
fn own_admin_after(
    now: &Person,
    wanted: &Index,
    (given_now, deletions): (&Grants, Deletions),
    changes: &[Change],
) -> bool {
    let Some(roles) = roles_after(now, wanted, deletions) else {
        return false;
    };
    if !is_admin(roles) {
        return false;
    }
    let key = email_key(&now.email);
    let set_with_it = changes.iter().any(|change| match change {
        Change::SetOrganizationRoles { email, after, .. }
        | Change::SetOwnRoles {
            workspace: None,
            email,
            own_after: after,
            ..
        } => email_key(email) == key && is_admin(after),
        _ => false,
    });
    let own_now = is_admin(&now.roles) && !through_a_group(now, given_now);
    set_with_it || own_now
}

/// Whether a group gives `person` `organization_admin` now (so theirs may not be their own).
fn through_a_group(person: &Person, given_now: &Grants) -> bool {
    given_now
        .in_organization(&person.email)
        .is_some_and(|granted| is_admin(&granted.roles))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::tests::person;
    use crate::domain::org::{Group, diff};

    /// Ana an admin of her own, Bo one through the group "Admins", Cy a member.
    fn live() -> Organization {
        Organization {
            people: vec![
                person("ana@x.io", &["organization_admin"]),
                person("bo@x.io", &["organization_admin", "member"]),
                person("cy@x.io", &["member"]),
            ],
            groups: vec![Group {
                name: "Admins".into(),
                organization_role: Some("organization_admin".into()),
                members: vec!["bo@x.io".into()],
                ..Group::default()
            }],
            ..Organization::default()
        }
    }

    fn problems(wanted: &Organization) -> Vec<String> {
        let (mut live, mut wanted) = (live(), wanted.clone());
        live.normalize();
        wanted.normalize();
        diff(&live, &wanted)
            .problems
            .into_iter()
            .filter(|p| p.contains("leaves no organization_admin"))
            .collect()
    }

    #[test]
    fn demoting_or_removing_every_admin_is_a_problem() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people[1].remove = true;
        let found = problems(&wanted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("it takes the role from ana@x.io and removes bo@x.io;"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn an_admin_only_through_a_group_does_not_count_as_the_server_counts() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        // Bo keeps the role, but only through the group: the server would refuse Ana's demotion.
        let found = problems(&wanted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(
                "it takes the role from ana@x.io; bo@x.io has it only through the group \"Admins\", which the server does not count;"
            ),
            "{}",
            found[0]
        );
        // Leaving Ana out instead keeps her, an admin of her own.
        wanted.people.remove(0);
        assert!(problems(&wanted).is_empty());
    }

    /// Demoted in the file but given the role by a group, Bo is named with the group, not as
    /// someone the file takes it from.
    #[test]
    fn an_admin_the_file_demotes_but_a_group_keeps_is_named_with_the_group() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people[1].roles = vec!["member".into()];
        let found = problems(&wanted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains(
                "it takes the role from ana@x.io; bo@x.io has it only through the group \"Admins\""
            ),
            "{}",
            found[0]
        );
    }

    /// Every admin in a group that gives the role: a file that takes it from nobody is no
    /// problem, and only the groups that give the role are named.
    #[test]
    fn admins_all_in_a_group_are_a_problem_only_when_the_file_takes_the_role() {
        let mut live = live();
        live.groups[0].members.push("ana@x.io".into());
        live.groups.push(Group {
            name: "Billing".into(),
            organization_role: Some("billing_manager".into()),
            members: vec!["bo@x.io".into()],
            ..Group::default()
        });
        let found = |wanted: &Organization| {
            let (mut live, mut wanted) = (live.clone(), wanted.clone());
            live.normalize();
            wanted.normalize();
            diff(&live, &wanted).problems
        };
        assert!(found(&live).is_empty(), "{:?}", found(&live));
        let mut wanted = live.clone();
        wanted.people[0].roles = vec!["member".into()];
        let problems = found(&wanted);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].contains("bo@x.io has it only through the group \"Admins\","),
            "{}",
            problems[0]
        );
    }

    /// A removal `apply` skips without `--allow-destroy` leaves that admin in place.
    #[test]
    fn a_skipped_removal_keeps_the_admin() {
        let mut wanted = live();
        wanted.people[0].remove = true;
        let (mut live, mut wanted) = (live(), wanted);
        live.normalize();
        wanted.normalize();
        let skipped = super::super::diff::diff_when(&live, &wanted, Deletions::Skipped);
        assert!(skipped.problems.is_empty(), "{:?}", skipped.problems);
        assert_eq!(diff(&live, &wanted).problems.len(), 1);
    }

    #[test]
    fn someone_left_out_or_made_an_admin_keeps_the_organization_an_admin() {
        let mut wanted = live();
        wanted.people[1].roles = vec!["member".into()];
        wanted.people.remove(0);
        assert!(problems(&wanted).is_empty(), "left out: not removed");
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people[1].roles = vec!["member".into()];
        wanted.people[2].roles = vec!["organization_admin".into()];
        assert!(problems(&wanted).is_empty());
    }
}
