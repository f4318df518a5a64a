//! The preview of a group change in words: who gains, then who loses, which roles where.

use uuid::Uuid;

use super::access::{AccessChange, Place};

/// The preview in words, one line per person and place: who gains, then who loses, which
/// roles. `person` and `workspace` name the ids (the caller knows the directory).
pub fn describe(
    change: &AccessChange,
    person: impl Fn(Uuid) -> String,
    workspace: impl Fn(Uuid) -> String,
) -> Vec<String> {
    let place_name = |place: &Place| match place {
        Place::Organization => "the organization".to_owned(),
        Place::Workspace(id) => format!("\"{}\"", workspace(*id)),
    };
    let mut lines = Vec::new();
    for (grants, verb, tail) in [
        (&change.gained, "gains", ""),
        (&change.lost, "loses", " (unless held directly)"),
    ] {
        let mut grouped: Vec<((Uuid, &Place), Vec<&str>)> = Vec::new();
        for grant in grants {
            let key = (grant.user, &grant.place);
            match grouped.iter_mut().find(|(k, _)| *k == key) {
                Some((_, roles)) => roles.push(&grant.role),
                None => grouped.push((key, vec![&grant.role])),
            }
        }
        let mut worded: Vec<String> = grouped
            .into_iter()
            .map(|((user, place), roles)| {
                format!(
                    "{} {verb} {} in {}{tail}",
                    person(user),
                    roles.join(", "),
                    place_name(place)
                )
            })
            .collect();
        worded.sort();
        lines.extend(worded);
    }
    lines
}
