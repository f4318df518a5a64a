//! The `large` seed: one organization at the documented limits, for measuring the console and
//! the server. 10,000 members and 500 active workspaces (the maximum); membership follows a
//! long tail: everyone is in the default workspace, most people in a few more, some in many.
//! A year of usage history, spent mostly by a few dozen workspaces, and a year of Vibe
//! activity by a few hundred people.

use rusqlite::Transaction;
use time::OffsetDateTime;

use super::PlannedOrganization;
use super::builder::{Builder, OrgSpec};
use super::names::{LARGE_FIRST, LARGE_LAST, LARGE_TEAMS, slug};
use super::{usage, vibe};
use crate::domain::validation::MAX_ACTIVE_WORKSPACES;
use crate::domain::{OrgRole, WorkspaceRole as W};
use crate::server::error::ApiResult;

pub const LARGE_USERS: usize = 10_000;

pub fn build(tx: &Transaction<'_>, now: OffsetDateTime) -> ApiResult<Vec<PlannedOrganization>> {
    let (mut b, planned) = Builder::organization(
        tx,
        0x006c_6172_6765,
        now,
        &OrgSpec {
            name: "Large Org (10k)",
            plan: "Enterprise",
            currency: "EUR",
            monthly_limit: Some(250_000),
            age_days: 900,
            admin: ("Ada", "Admin", "ada.admin@large.example"),
        },
    )?;
    let mut users = vec![planned.admin_user_uuid];
    for n in 1..LARGE_USERS {
        let first = LARGE_FIRST[n % LARGE_FIRST.len()];
        let last = LARGE_LAST[(n / LARGE_FIRST.len()) % LARGE_LAST.len()];
        let email = format!("{}.{}.{n}@large.example", slug(first), slug(last));
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
    let mut workspaces = Vec::new();
    for n in 1..MAX_ACTIVE_WORKSPACES {
        let team = LARGE_TEAMS[n % LARGE_TEAMS.len()];
        let name = format!("{team} {n:03}");
        let description = format!("{team} team workspace number {n}");
        workspaces.push(b.workspace(&name, &description, "", 800 - n as i64)?);
    }
    // A long tail: person n joins 0..=7 extra workspaces, weighted towards few.
    for (n, user) in users.iter().enumerate() {
        let extra = [0, 1, 1, 2, 2, 3, 3, 4, 5, 7][n % 10];
        for k in 0..extra {
            let w = (n * 7 + k * 131 + b.pick(17)) % workspaces.len();
            let roles: &[W] = match (n + k) % 9 {
                0 => &[W::Dev, W::ObservabilityViewer],
                1 | 2 => &[W::Dev],
                3 => &[W::User],
                _ => &[W::WorkspaceContributor],
            };
            b.member(workspaces[w], *user, roles, 30)?;
        }
    }
    // Every workspace gets an admin.
    for (w, workspace) in workspaces.iter().enumerate() {
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
