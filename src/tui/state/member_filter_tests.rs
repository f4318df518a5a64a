//! The remembered, narrowing filter must find exactly what folding every row again for every
//! key found: the reference below is that per-key computation, kept as it was.

use super::*;
use crate::domain::text::contains_folded;
use crate::tui::state::people::Person;

/// The per-key computation the member list replaced: fold every row, filter, sort.
fn reference(rows: &[MemberRow], filter: &str, sort: MemberSort) -> Vec<Uuid> {
    let needle = filter.trim();
    let matches = |row: &MemberRow| {
        contains_folded(&row.name, needle)
            || contains_folded(&row.email, needle)
            || row
                .workspace_roles
                .iter()
                .chain(row.org_roles.iter())
                .any(|role| {
                    contains_folded(role, needle)
                        || contains_folded(roles_short::short(role), needle)
                })
    };
    let key = |row: &MemberRow| match sort.column {
        MemberColumn::Name => fold(&row.name),
        MemberColumn::Email => fold(&row.email),
        MemberColumn::WorkspaceRoles => row.workspace_roles.join(","),
        MemberColumn::OrgRoles => row.org_roles.join(","),
    };
    let mut keyed: Vec<(String, String, &MemberRow)> = rows
        .iter()
        .filter(|row| needle.is_empty() || matches(row))
        .map(|row| (key(row), fold(&row.name), row))
        .collect();
    keyed.sort_by(|a, b| {
        // Written out here rather than through MemberSort::directed, so the reference does not
        // share the code it checks.
        let primary = if sort.descending {
            b.0.cmp(&a.0)
        } else {
            a.0.cmp(&b.0)
        };
        primary
            .then_with(|| a.1.cmp(&b.1))
            .then_with(|| a.2.email.cmp(&b.2.email))
            .then_with(|| a.2.user_id.cmp(&b.2.user_id))
    });
    keyed.into_iter().map(|(_, _, row)| row.user_id).collect()
}

const WS: Uuid = Uuid::from_u128(900);
const OTHER: Uuid = Uuid::from_u128(901);

fn names(list: &[&str]) -> RoleNames {
    list.iter().map(|r| r.to_string()).collect()
}

/// Names in several scripts, with accents, ligatures, look-alike spellings and ties.
fn people() -> People {
    let entries: [(&str, &str, &[&str], &[&str]); 12] = [
        (
            "Zoë Martin",
            "zoe.martin@acme.example",
            &["workspace_admin"],
            &["member"],
        ),
        (
            "Zoe Martin",
            "zoe.m@acme.example",
            &["workspace_member"],
            &["member"],
        ),
        (
            "Søren Ødegård",
            "soren@acme.example",
            &["dev"],
            &["organization_admin"],
        ),
        (
            "Łukasz Straße",
            "lukasz@acme.example",
            &["billing"],
            &["member"],
        ),
        (
            "ÆSIR ﬁnn",
            "aesir@acme.example",
            &["workspace_contributor"],
            &["member"],
        ),
        (
            "田中 太郎",
            "taro@acme.example",
            &["workspace_member"],
            &["billing_admin"],
        ),
        (
            "José Núñez",
            "JOSE@ACME.EXAMPLE",
            &["workspace_admin", "dev"],
            &["member"],
        ),
        (
            "jose nunez",
            "jose2@acme.example",
            &["workspace_member"],
            &["member"],
        ),
        ("Anna", "anna@acme.example", &[], &[]),
        (
            "Ana Lucía Pérez",
            "ana@acme.example",
            &["workspace_member"],
            &["member"],
        ),
        (
            "Ölaf",
            "olaf@acme.example",
            &["workspace_reader"],
            &["member"],
        ),
        (
            "Zoë Martin",
            "zoe.martin@acme.example",
            &["workspace_member"],
            &["member"],
        ),
    ];
    let persons = entries
        .iter()
        .enumerate()
        .map(|(n, (name, email, ws_roles, org_roles))| Person {
            user_id: Uuid::from_u128(n as u128 + 1),
            name: (*name).into(),
            email: (*email).into(),
            org_roles: names(org_roles),
            // Everyone but the last two is in WS; a few are in another workspace too.
            memberships: if n < 10 {
                let mut held = vec![(WS, names(ws_roles))];
                if n % 3 == 0 {
                    held.push((OTHER, names(&["dev"])));
                }
                held
            } else {
                vec![(OTHER, names(ws_roles))]
            },
            joined: None,
        })
        .collect();
    People::new(persons)
}

fn sorts() -> Vec<MemberSort> {
    MemberColumn::ALL
        .into_iter()
        .flat_map(|column| [false, true].map(|descending| MemberSort { column, descending }))
        .collect()
}

fn ids(shown: &Shown) -> Vec<Uuid> {
    shown.ids.to_vec()
}

/// What `list` shows for `query` in [`WS`] (the directory's first version, the default sort),
/// asserted to be what the reference finds there.
fn shown_as_reference(list: &mut MemberList, people: &People, query: &str) -> Shown {
    let sort = MemberSort::default();
    let shown = list.rows(people, 1, WS, query, sort);
    let rows = people.rows_for(WS);
    assert_eq!(ids(&shown), reference(&rows, query, sort), "{query:?}");
    shown
}

#[test]
fn every_query_finds_what_folding_every_row_found() {
    let people = people();
    let queries = [
        "", " ", "z", "zo", "zoe", "ZOË", "zoë m", "søren", "soren", "ode", "łukasz", "strasse",
        "straße", "ae", "æsir", "fin", "ﬁ", "太郎", "jose", "josé", "NÚÑEZ", "nunez", "admin",
        "ws-admin", "ws-", "billing", "dev", "@acme", "xyz", "a", "an", "ana", "o", "ol", "ölaf",
    ];
    for workspace in [WS, OTHER] {
        let rows = people.rows_for(workspace);
        for sort in sorts() {
            let mut list = MemberList::default();
            for query in queries {
                let shown = list.rows(&people, 1, workspace, query, sort);
                assert_eq!(
                    ids(&shown),
                    reference(&rows, query, sort),
                    "query {query:?}, {sort:?}, workspace {workspace}"
                );
                assert_eq!(*shown.ids, ids(&shown), "ids follow the rows");
            }
        }
    }
}

#[test]
fn typing_narrows_and_erasing_widens_with_the_same_results() {
    let people = people();
    let mut list = MemberList::default();
    // Typed one character at a time, then erased: each step from the previous one's state.
    let word = "zoë martin";
    let mut typed = String::new();
    let mut steps: Vec<String> = Vec::new();
    for c in word.chars() {
        typed.push(c);
        steps.push(typed.clone());
    }
    for _ in word.chars() {
        typed.pop();
        steps.push(typed.clone());
    }
    for step in steps {
        shown_as_reference(&mut list, &people, &step);
    }
}

#[test]
fn a_new_directory_or_sort_is_not_answered_from_the_old_one() {
    let mut people = people();
    let sort = MemberSort::default();
    let mut list = MemberList::default();
    assert_eq!(list.rows(&people, 1, WS, "zo", sort).len(), 2);
    people.remove_from(WS, &[Uuid::from_u128(1)]);
    assert_eq!(
        ids(&list.rows(&people, 2, WS, "zoe", sort)),
        vec![Uuid::from_u128(2)],
        "a new version is filtered afresh"
    );
    let descending = MemberSort {
        descending: true,
        ..sort
    };
    let rows = people.rows_for(WS);
    assert_eq!(
        ids(&list.rows(&people, 2, WS, "a", descending)),
        reference(&rows, "a", descending)
    );
}

#[test]
fn the_same_query_twice_shares_its_rows() {
    let people = people();
    let mut list = MemberList::default();
    let first = list.rows(&people, 1, WS, "an", MemberSort::default());
    let again = list.rows(&people, 1, WS, "an", MemberSort::default());
    assert!(Rc::ptr_eq(&first.hits, &again.hits));
}

#[test]
fn a_query_grown_where_its_first_match_does_not_continue_still_finds_the_later_one() {
    let people = people();
    // Each typed a character at a time: "a" is found first where "ar" or "an…" do not go on,
    // so the longer queries are found further along the same name or address.
    for word in [
        "artin",
        "ansen",
        "nez",
        "e.m",
        "martin@",
        "o.",
        "ömez",
        "in@acme",
        // Characters that fold to more than one byte, or to several characters.
        "田中 太郎",
        "ﬁnn",
        "straße",
        "æsir@",
    ] {
        let mut list = MemberList::default();
        let mut typed = String::new();
        for c in word.chars() {
            typed.push(c);
            shown_as_reference(&mut list, &people, &typed);
        }
    }
}

#[test]
fn a_character_that_keeps_every_row_shares_the_rows_it_had() {
    let people = people();
    let mut list = MemberList::default();
    let first = shown_as_reference(&mut list, &people, "@");
    assert_eq!(
        first.len(),
        people.rows_for(WS).len(),
        "every address has an @"
    );
    let mut typed = "@".to_owned();
    for c in "acme.ex".chars() {
        typed.push(c);
        let shown = shown_as_reference(&mut list, &people, &typed);
        assert!(Rc::ptr_eq(&first.hits, &shown.hits), "{typed:?} shares");
    }
    // One more character that drops rows, then back: the answers are the right ones.
    let sort = MemberSort::default();
    let none = list.rows(&people, 1, WS, "@acme.exz", sort);
    assert!(none.is_empty());
    let back = list.rows(&people, 1, WS, "@acme.ex", sort);
    assert!(Rc::ptr_eq(&first.hits, &back.hits));
}
