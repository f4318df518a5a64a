//! The `large` seed: one organization at the documented limits, for measuring the console and
//! the server. 10,000 members and 500 active workspaces (the maximum); membership follows a
//! long tail: everyone is in the default workspace, most people in a few more, some in many.

use rusqlite::Transaction;
use time::OffsetDateTime;

use super::PlannedOrganization;
use super::builder::{Builder, OrgSpec};
use super::names::{LARGE_FIRST, LARGE_LAST, LARGE_TEAMS, slug};
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
            usage: 98_765.43,
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
        users.push(b.user(first, last, &email, &roles, &["CHAT"], days)?);
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
    Ok(vec![planned])
}
