//! Filling a new database: the realistic `demo` organizations, the `large` and `huge` ones for
//! measuring, or nothing. Seeding happens only while the database holds no organization, so restarting
//! on an existing file never duplicates or resets anything.

mod builder;
mod demo;
mod demo_access;
mod demo_activity;
mod large;
mod names;
mod usage;
mod vibe;

use uuid::Uuid;

use super::credentials;
use super::error::ApiError;
use super::ops::{admin_keys, organizations};
use super::state::AppState;
use crate::domain::SecretString;

/// Which data a new database starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Seed {
    /// Three organizations with about 40 people, 8 workspaces, keys, invitations and history.
    #[default]
    Demo,
    /// One organization with 10,000 users and 500 workspaces.
    Large,
    /// One organization with 100,000 users and 2,000 workspaces (500 active, 1,500 archived).
    Huge,
    /// No organization at all.
    None,
}

/// An organization created at seeding, with the admin key that opens it.
#[derive(Debug, Clone)]
pub struct SeededOrganization {
    pub uuid: Uuid,
    pub name: String,
    pub admin_key: SecretString,
    pub admin_user_uuid: Uuid,
}

/// The label of keys made at seeding; `serve` prints these once.
pub const SEEDED_KEY_LABEL: &str = "seeded";
/// The label of a key fixed with `--admin-key` / `MISTRAL_ADMIN_API_KEY`.
pub const FIXED_KEY_LABEL: &str = "fixed";

/// Seeds an empty database; on a seeded one, only makes sure a fixed key (if any) opens the
/// first organization.
///
/// The emptiness check and the seed run in one write transaction (`BEGIN IMMEDIATE`, which
/// waits for the lock): two processes started together on a new file both come up, the one
/// that gets the lock first seeds, and the other then finds the organizations and keeps them.
pub async fn run(
    state: &AppState,
    seed: Seed,
    fixed_key: Option<SecretString>,
) -> Result<Vec<SeededOrganization>, ApiError> {
    let now = state.clock.now();
    state
        .db
        .write(move |tx| {
            let existing = organizations::list(tx)?;
            match existing.first() {
                None => plant(tx, seed, fixed_key, now),
                Some(first) => {
                    if let Some(key) = fixed_key {
                        keep_fixed_key(tx, first.uuid, &key, now)?;
                    }
                    Ok(Vec::new())
                }
            }
        })
        .await
}

/// Fills an empty database with `seed`; the first organization gets the fixed key, if any.
fn plant(
    tx: &rusqlite::Transaction<'_>,
    seed: Seed,
    fixed: Option<SecretString>,
    now: time::OffsetDateTime,
) -> Result<Vec<SeededOrganization>, ApiError> {
    let plans = match seed {
        Seed::Demo => demo::build(tx, now)?,
        Seed::Large => large::build(tx, now, &large::LARGE)?,
        Seed::Huge => large::build(tx, now, &large::HUGE)?,
        Seed::None => Vec::new(),
    };
    let mut out = Vec::new();
    for (index, plan) in plans.into_iter().enumerate() {
        let (key, label) = match (&fixed, index) {
            (Some(key), 0) => (key.clone(), FIXED_KEY_LABEL),
            _ => (credentials::generate_key(), SEEDED_KEY_LABEL),
        };
        admin_keys::issue(tx, plan.uuid, label, &key, now)?;
        out.push(SeededOrganization {
            uuid: plan.uuid,
            name: plan.name,
            admin_key: key,
            admin_user_uuid: plan.admin_user_uuid,
        });
    }
    Ok(out)
}

/// Issues the fixed key for `org` unless it already opens it.
fn keep_fixed_key(
    tx: &rusqlite::Transaction<'_>,
    org: Uuid,
    key: &SecretString,
    now: time::OffsetDateTime,
) -> Result<(), ApiError> {
    let already = matches!(
        admin_keys::lookup(tx, key.expose())?,
        admin_keys::Lookup::Valid { org: o, .. } if o == org
    );
    if !already {
        admin_keys::issue(tx, org, FIXED_KEY_LABEL, key, now)?;
    }
    Ok(())
}

/// What a seed made for one organization, before its admin key exists.
pub struct PlannedOrganization {
    pub uuid: Uuid,
    pub name: String,
    pub admin_user_uuid: Uuid,
}

/// An organization with nothing but its default workspace and one admin: what tests start from.
pub async fn create_bare_organization(
    state: &AppState,
    name: &str,
) -> Result<SeededOrganization, ApiError> {
    let now = state.clock.now();
    let name = name.to_owned();
    state
        .db
        .write(move |tx| {
            let uuid = Uuid::new_v4();
            let admin_user_uuid = Uuid::new_v4();
            let slug = names::slug(&name);
            let email = format!("admin@{slug}.example");
            organizations::create(
                tx,
                &organizations::NewOrganization {
                    uuid,
                    name: &name,
                    plan: "Enterprise",
                    currency: "EUR",
                    monthly_limit: Some(1000),
                    created_at: now,
                    default_workspace: Uuid::new_v4(),
                    admin: organizations::NewAdmin {
                        uuid: admin_user_uuid,
                        email: &email,
                        first_name: "Org",
                        last_name: "Admin",
                    },
                },
            )?;
            let key = credentials::generate_key();
            admin_keys::issue(tx, uuid, SEEDED_KEY_LABEL, &key, now)?;
            Ok(SeededOrganization {
                uuid,
                name,
                admin_key: key,
                admin_user_uuid,
            })
        })
        .await
}
