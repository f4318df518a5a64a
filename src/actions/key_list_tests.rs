//! Unit tests of the organization-wide key list: owners named, statuses in order of what
//! stops a key, and each quick filter.

use time::macros::date;

use super::*;
use crate::actions::fixtures::*;

fn book() -> KeyBook {
    let mut keys = keys();
    keys[0].last_used = Some(date!(2026 - 05 - 30));
    keys[2].last_used = Some(date!(2026 - 01 - 10));
    keys[2].created_by = Some("left@northwind.example".into());
    let mut active = workspaces();
    let product = active.remove(2);
    KeyBook::new(keys, directory(), active, vec![product], &[])
}

#[test]
fn each_key_has_its_owner_by_name_and_the_first_reason_it_stops() {
    let rows = book().rows(today());
    let summary: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.key.name.as_deref().unwrap(),
                r.owner.as_str(),
                r.status.label(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("ci", "Jane", "active"),
            ("old", "Jane", "expired"),
            ("CI", "left@northwind.example", "workspace archived"),
        ]
    );
    assert!(rows[2].owner_gone);
    assert!(!rows[1].status.works());
}

#[test]
fn quick_filters_keep_what_their_name_says() {
    let rows = book().rows(today());
    let kept = |filter: KeyFilter| -> Vec<&str> {
        rows.iter()
            .filter(|r| filter.keeps(r, today()))
            .map(|r| r.key.name.as_deref().unwrap())
            .collect()
    };
    assert_eq!(kept(KeyFilter::All).len(), 3);
    assert_eq!(kept(KeyFilter::Expired), ["old"]);
    assert_eq!(kept(KeyFilter::NeverUsed), ["old"]);
    assert_eq!(kept(KeyFilter::Unused), ["old", "CI"]);
    assert_eq!(kept(KeyFilter::OwnerGone), ["CI"]);
    assert!(kept(KeyFilter::ExpiringSoon).is_empty());
    let mut soon = book();
    soon.keys[0].api_key.expiration_date = Some(today() + time::Duration::days(30));
    let rows = soon.rows(today());
    assert!(KeyFilter::ExpiringSoon.keeps(&rows[0], today()));
    assert_eq!(KeyFilter::OwnerGone.next(), KeyFilter::All);
}

#[test]
fn a_shortened_expiry_is_said_and_a_kept_one_is_not() {
    let asked = Some(date!(2027 - 01 - 01));
    assert_eq!(shortened(asked, asked), None);
    assert_eq!(
        shortened(asked, Some(date!(2026 - 09 - 01))).unwrap(),
        "The key policy shortened its expiry from 2027-01-01 to 2026-09-01"
    );
    assert!(shortened(None, Some(date!(2026 - 09 - 01))).is_some());
    assert_eq!(shortened(None, None), None);
}
