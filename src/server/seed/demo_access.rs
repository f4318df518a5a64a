//! Northwind's groups and identity provider. Some groups are managed in Mistral (with a
//! nested group, a workspace assignment and an organization role), others came from the
//! identity provider in an earlier sync. The provider has since moved on, so a dry run shows
//! something in every category: people to provision and deprovision, a group to create, one
//! renamed, one gone, and membership changes.
//!
//! Group grants repeat roles their members already hold directly, so the demo's workspaces
//! look the same with and without groups.

use uuid::Uuid;

use super::builder::Builder;
use super::names::DEMO_PEOPLE;
use crate::api::{LocalScimGroupIn, LocalScimUserIn};
use crate::domain::{OrgRole, WorkspaceRole as W};
use crate::server::clock::to_micros;
use crate::server::error::ApiResult;
use crate::server::ops::audit::Entry;
use crate::server::ops::groups::{self, NewGroup};
use crate::server::ops::{encode_workspace_roles, scim_directory};

/// A group as seeded: name, description, the provider's id if it came from there, members by
/// person index.
struct SeedGroup<'a> {
    name: &'a str,
    description: Option<&'a str>,
    target: Option<&'a str>,
    external: Option<Uuid>,
    members: &'a [usize],
    days: i64,
}

fn insert_group(
    b: &mut Builder<'_, '_>,
    people: &[(Uuid, String)],
    group: &SeedGroup<'_>,
) -> ApiResult<Uuid> {
    let (uuid, at) = b.new_row(group.days);
    let external = group.external.map(|e| e.to_string());
    let new = NewGroup {
        name: group.name,
        description: group.description,
        target_type: group.target,
        external_id: external.as_deref(),
    };
    groups::store(b.tx, b.org, uuid, &new, at)?;
    for person in group.members {
        b.tx.execute(
            "INSERT INTO user_group_members (group_uuid, user_uuid, added_at) VALUES (?1, ?2, ?3)",
            rusqlite::params![uuid.to_string(), people[*person].0.to_string(), at],
        )?;
    }
    b.history(
        group.days,
        Entry::user_group("user_group.create", uuid, group.name),
    )?;
    Ok(uuid)
}

/// Mistral-managed groups: Finance (billing managers), Research Engineers (developers of
/// Research) and Evaluation nested inside it.
fn managed_groups(
    b: &mut Builder<'_, '_>,
    people: &[(Uuid, String)],
    research: Uuid,
) -> ApiResult<()> {
    let finance = insert_group(
        b,
        people,
        &SeedGroup {
            name: "Finance",
            description: Some("Budgets, invoices and spending limits"),
            target: Some("O"),
            external: None,
            members: &[10, 22],
            days: 300,
        },
    )?;
    b.tx.execute(
        "UPDATE user_groups SET organization_role = ?1 WHERE uuid = ?2",
        [OrgRole::BillingManager.name(), &finance.to_string()],
    )?;
    let engineers = insert_group(
        b,
        people,
        &SeedGroup {
            name: "Research Engineers",
            description: Some("Everyone who builds in Research"),
            target: Some("W"),
            external: None,
            members: &[2, 8],
            days: 280,
        },
    )?;
    let evaluation = insert_group(
        b,
        people,
        &SeedGroup {
            name: "Evaluation",
            description: Some("Benchmarks and model evaluation"),
            target: Some("W"),
            external: None,
            members: &[2, 20],
            days: 200,
        },
    )?;
    b.tx.execute(
        "INSERT INTO user_group_nesting (parent_uuid, child_uuid) VALUES (?1, ?2)",
        [engineers.to_string(), evaluation.to_string()],
    )?;
    let at = to_micros(b.at(270));
    b.tx.execute(
        "INSERT INTO group_workspace_assignments (group_uuid, workspace_uuid, roles, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        rusqlite::params![
            engineers.to_string(),
            research.to_string(),
            encode_workspace_roles(&[W::Dev]),
            at
        ],
    )?;
    b.history(
        270,
        Entry::user_group(
            "user_group.workspace.provision",
            engineers,
            "Research Engineers",
        )
        .detail("workspace_uuid", research)
        .detail("roles", "dev")
        .in_workspace(research),
    )
}

/// The identity provider, and the groups an earlier sync brought from it.
pub fn northwind(
    b: &mut Builder<'_, '_>,
    people: &[(Uuid, String)],
    research: Uuid,
) -> ApiResult<()> {
    managed_groups(b, people, research)?;
    let now = b.now();
    // Everyone but person 27 is known to the provider; 26 has left (inactive), 27 was removed
    // from it entirely. Both were linked by an earlier sync, as everyone else was.
    let mut idp_ids = Vec::new();
    for (index, (uuid, email)) in people.iter().enumerate() {
        let id = b.uuid();
        idp_ids.push(id);
        b.tx.execute(
            "UPDATE users SET oid_id = ?1 WHERE uuid = ?2",
            [id.to_string(), uuid.to_string()],
        )?;
        if index == 27 {
            continue;
        }
        let (first, last) = DEMO_PEOPLE[index];
        let user = LocalScimUserIn {
            user_name: email.clone(),
            given_name: Some(first.to_owned()),
            family_name: Some(last.to_owned()),
            active: index != 26,
        };
        scim_directory::insert_user(b.tx, b.org, id, &user, now)?;
    }
    // Two people hired since the last sync.
    let mut newcomers = Vec::new();
    for (email, first, last) in [
        ("nadia.haddad@northwind.example", "Nadia", "Haddad"),
        ("tomas.novak@northwind.example", "Tomáš", "Novák"),
    ] {
        let id = b.uuid();
        let user = LocalScimUserIn {
            user_name: email.to_owned(),
            given_name: Some(first.to_owned()),
            family_name: Some(last.to_owned()),
            active: true,
        };
        scim_directory::insert_user(b.tx, b.org, id, &user, now)?;
        newcomers.push(id);
    }
    let ids = |indices: &[usize]| -> Vec<Uuid> { indices.iter().map(|i| idp_ids[*i]).collect() };
    // (provider id, name in the provider, name it was synced as, members in the provider,
    // members it was synced with)
    let engineering = b.uuid();
    let designers = b.uuid();
    let support = b.uuid();
    let contractors = b.uuid();
    let synced: [(Uuid, &str, &[usize]); 4] = [
        (engineering, "Engineering", &[2, 3, 4, 8, 12, 18, 20]),
        (designers, "Designers", &[9, 16, 17, 24]),
        (support, "Support Agents", &[7, 14, 19, 21, 26]),
        (contractors, "Contractors 2025", &[25, 27]),
    ];
    for (id, name, members) in synced {
        insert_group(
            b,
            people,
            &SeedGroup {
                name,
                description: None,
                target: Some("W"),
                external: Some(id),
                members,
                days: 90,
            },
        )?;
    }
    let mut engineering_now = ids(&[2, 3, 8, 12, 18, 20, 23]);
    engineering_now.push(newcomers[1]);
    let mut designers_now = ids(&[9, 16, 17, 24]);
    designers_now.push(newcomers[0]);
    let provider_groups = [
        (engineering, "Engineering", engineering_now),
        (designers, "Designers", designers_now),
        (
            support,
            "Customer Support Agents",
            ids(&[7, 14, 19, 21, 26]),
        ),
        (b.uuid(), "Sales", ids(&[11, 13, 15])),
    ];
    for (id, name, members) in provider_groups {
        let group = LocalScimGroupIn {
            display_name: name.to_owned(),
            members,
        };
        scim_directory::insert_group(b.tx, b.org, id, &group, now)?;
    }
    Ok(())
}
