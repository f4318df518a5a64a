//! The `large` and `huge` seeds: one organization at or beyond the documented limits, for
//! measuring the console and the server. `large` has 10,000 members and 500 active workspaces
//! (the maximum); `huge` has 100,000 members and 2,000 workspaces, 500 active and 1,500
//! archived (the limit counts active ones only), to show that costs stay flat as organizations
//! grow. Membership follows a long tail: everyone is in the default workspace, most people in
//! a few more, some in many. A year of usage history, spent mostly by a few dozen workspaces,
//! and a year of Vibe activity by a few hundred people.

use rusqlite::Transaction;
use time::OffsetDateTime;
use uuid::Uuid;

use super::PlannedOrganization;
use super::builder::{Builder, OrgSpec};
use super::names::{LARGE_FIRST, LARGE_LAST, LARGE_TEAMS, slug};
use super::{usage, vibe};
use crate::domain::validation::MAX_ACTIVE_WORKSPACES;
use crate::domain::{OrgRole, WorkspaceRole as W};
use crate::server::error::ApiResult;

/// How big a measuring organization is.
pub struct Size {
    name: &'static str,
    rng_seed: u64,
    users: usize,
    /// Archived workspaces, besides the active ones (always the most allowed).
    archived_workspaces: usize,
    /// The domain of everyone's address.
    domain: &'static str,
}

pub const LARGE: Size = Size {
    name: "Large Org (10k)",
    rng_seed: 0x006c_6172_6765,
    users: 10_000,
    archived_workspaces: 0,
    domain: "large.example",
};

pub const HUGE: Size = Size {
    name: "Huge Org (100k)",
    rng_seed: 0x0068_7567_6500,
    users: 100_000,
    archived_workspaces: 1_500,
    domain: "huge.example",
};

pub fn build(
    tx: &Transaction<'_>,
    now: OffsetDateTime,
    size: &Size,
) -> ApiResult<Vec<PlannedOrganization>> {
    let admin_email = format!("ada.admin@{}", size.domain);
    let (mut b, planned) = Builder::organization(
        tx,
        size.rng_seed,
        now,
        &OrgSpec {
            name: size.name,
            plan: "Enterprise",
            currency: "EUR",
            monthly_limit: Some(250_000),
            age_days: 900,
            admin: ("Ada", "Admin", &admin_email),
        },
    )?;
    let mut users = vec![planned.admin_user_uuid];
    for n in 1..size.users {
        let first = LARGE_FIRST[n % LARGE_FIRST.len()];
        let last = LARGE_LAST[(n / LARGE_FIRST.len()) % LARGE_LAST.len()];
        let email = format!("{}.{}.{n}@{}", slug(first), slug(last), size.domain);
        let roles = if n % 1000 == 0 {
            vec![OrgRole::OrganizationAdmin]
        } else {
            vec![OrgRole::Member]
        };
        let days = 890 - (n as i64 % 880);
        let seats: &[&str] = if n % 25 == 0 {
            &["CHAT", "MISTRAL_CODE"]
        } else {
            &["CHAT"]
        };
        users.push(b.user(first, last, &email, &roles, seats, days)?);
    }
    let archived = archived_workspaces(&mut b, size.archived_workspaces)?;
    let mut workspaces = Vec::new();
    for n in 1..MAX_ACTIVE_WORKSPACES {
        let team = LARGE_TEAMS[n % LARGE_TEAMS.len()];
        let name = format!("{team} {n:03}");
        let description = format!("{team} team workspace number {n}");
        workspaces.push(b.workspace(&name, &description, "", 800 - n as i64)?);
    }
    // A long tail: person n joins 0..=7 extra workspaces, weighted towards few; archived
    // workspaces keep the members they had.
    let everywhere: Vec<Uuid> = workspaces.iter().chain(&archived).copied().collect();
    for (n, user) in users.iter().enumerate() {
        let extra = [0, 1, 1, 2, 2, 3, 3, 4, 5, 7][n % 10];
        for k in 0..extra {
            let w = (n * 7 + k * 131 + b.pick(17)) % everywhere.len();
            let roles: &[W] = match (n + k) % 9 {
                0 => &[W::Dev, W::ObservabilityViewer],
                1 | 2 => &[W::Dev],
                3 => &[W::User],
                _ => &[W::WorkspaceContributor],
            };
            b.member(everywhere[w], *user, roles, 30)?;
        }
    }
    // Every workspace gets an admin.
    for (w, workspace) in everywhere.iter().enumerate() {
        b.member(
            *workspace,
            users[(w * 19 + 3) % users.len()],
            &[W::WorkspaceAdmin],
            60,
        )?;
    }
    spending(&mut b, &workspaces)?;
    Ok(vec![planned])
}

/// Workspaces made and archived before the active ones, as an organization that has been
/// reorganising for years has them.
fn archived_workspaces(b: &mut Builder<'_, '_>, count: usize) -> ApiResult<Vec<Uuid>> {
    let mut out = Vec::with_capacity(count);
    for n in 0..count {
        let team = LARGE_TEAMS[n % LARGE_TEAMS.len()];
        let name = format!("{team} (retired) {n:04}");
        let description = format!("{team} team workspace, retired");
        let created = 880 - (n as i64 % 60);
        let workspace = b.workspace(&name, &description, "", created)?;
        b.archive_quietly(workspace, created - 30 - (n as i64 % 40))?;
        out.push(workspace);
    }
    Ok(out)
}

/// What a typical month costs the large organization.
const LARGE_MONTHLY_SPEND: f64 = 98_765.43;
/// Workspaces with spending of their own (the others only hold people); the first spend most.
const SPENDING_WORKSPACES: usize = 40;

/// A year of usage, spread over the busiest workspaces with shares that fall off like a
/// real organization's.
fn spending(b: &mut Builder<'_, '_>, workspaces: &[uuid::Uuid]) -> ApiResult<()> {
    let profiles = [
        usage::RESEARCH,
        usage::PRODUCT,
        usage::SUPPORT,
        usage::DATA,
        usage::MOBILE,
        usage::WRITING,
    ];
    let mut spends = vec![usage::Spend {
        workspace: b.default_workspace,
        profile: usage::EVERYDAY,
        weight: 1.0,
        zone: "eu",
        since_days: 365,
        until_days: 0,
    }];
    for (n, workspace) in workspaces.iter().take(SPENDING_WORKSPACES).enumerate() {
        spends.push(usage::Spend {
            workspace: *workspace,
            profile: profiles[n % profiles.len()],
            weight: 1.0 / (1.0 + n as f64 * 0.25),
            zone: if n % 5 == 4 { "us" } else { "eu" },
            since_days: 365,
            until_days: 0,
        });
    }
    usage::seed(b, &spends, LARGE_MONTHLY_SPEND, 365)?;
    vibe::seed(
        b,
        &vibe::VibePlan {
            days: 365,
            max_work_users: 200,
            max_code_users: 100,
        },
    )
}
