//! Whether the wanted organization still has an organization admin. The Admin API refuses
//! to demote or remove the last `organization_admin`, so a file that takes the role from
//! everyone would have `apply` stop partway, at the last one; it is a problem instead, and
//! nothing is sent.
//!
//! The rule follows the server's: it counts the people who hold the role themselves, not
//! through a group. The Admin API shows a member's own roles and their groups' together, so:
//! - someone the file keeps with `organization_admin` among their roles counts: the file
//!   gives it to them, or leaves them as they are (an admin through a group the file keeps
//!   stays one, and a role of their own stays theirs);
//! - someone the file leaves out counts if they hold it now (apply never removes people the
//!   file only leaves out);
//! - someone whose roles the file sets without it does not count, even when a group still
//!   gives it: the server then holds no such role of theirs, and would refuse the last
//!   demotion all the same.

use super::diff::Diff;
use super::index::Index;
use super::{Organization, Person};
use crate::domain::OrgRole;

/// Whether organization roles (by name) include `organization_admin`.
pub(super) fn is_admin(roles: &[String]) -> bool {
    let admin = OrgRole::OrganizationAdmin.name();
    roles.iter().any(|role| role == admin)
}

/// The organization roles `now` holds once the file is applied; `None` when it removes them.
fn roles_after<'a>(now: &'a Person, wanted: &'a Index) -> Option<&'a [String]> {
    match wanted.person(&now.email) {
        None => Some(&now.roles),
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

/// A problem when the organization has admins now and the file leaves it none.
pub(super) fn keeps_an_admin(live: &Index, wanted: &Index, out: &mut Diff) {
    let now = admins(live.org);
    if now.is_empty() {
        return;
    }
    let kept = live
        .org
        .people
        .iter()
        .filter_map(|p| roles_after(p, wanted))
        .any(is_admin);
    if !kept {
        out.problems.push(format!(
            "the file takes organization_admin from every admin ({}): the Admin API refuses to demote or remove the last one; keep the role for at least one person",
            now.join(", ")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::org::{Group, diff};

    fn person(email: &str, roles: &[&str]) -> Person {
        Person {
            email: email.into(),
            roles: roles.iter().map(|r| r.to_string()).collect(),
            ..Person::default()
        }
    }

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
            .filter(|p| p.contains("organization_admin from every admin"))
            .collect()
    }

    #[test]
    fn demoting_or_removing_every_admin_is_a_problem() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people[1].remove = true;
        let found = problems(&wanted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("(ana@x.io, bo@x.io)"), "{}", found[0]);
    }

    #[test]
    fn an_admin_through_a_group_the_file_keeps_counts_while_the_file_keeps_their_roles() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        assert!(problems(&wanted).is_empty());
        // Their roles set without it: the server holds no admin role of theirs any more.
        wanted.people[1].roles = vec!["member".into()];
        assert_eq!(problems(&wanted).len(), 1);
    }

    #[test]
    fn someone_left_out_or_made_an_admin_keeps_the_organization_an_admin() {
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people.remove(1);
        assert!(problems(&wanted).is_empty(), "left out: not removed");
        let mut wanted = live();
        wanted.people[0].roles = vec!["member".into()];
        wanted.people[1].roles = vec!["member".into()];
        wanted.people[2].roles = vec!["organization_admin".into()];
        assert!(problems(&wanted).is_empty());
    }
}
