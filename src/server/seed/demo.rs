//! The `demo` seed: three organizations that look like real ones. Northwind Labs, the first,
//! has 28 people with names from many languages, 8 workspaces (the default, one archived,
//! several with emoji icons), API keys (one expired, one in the archived workspace), pending
//! and expired invitations, and a month of audit history; its groups and identity provider are
//! in `demo_access`, its usage in `demo_activity`.

use rusqlite::Transaction;
use time::OffsetDateTime;
use uuid::Uuid;

use super::PlannedOrganization;
use super::builder::{Builder, OrgSpec};
use super::names::{DEMO_PEOPLE, GLOBEX_PEOPLE, INITECH_PEOPLE, email_local};
use super::{demo_access, demo_activity};
use crate::domain::{OrgRole, WorkspaceRole as W};
use crate::server::error::ApiResult;

/// What a typical month costs each organization (Initech runs close to its limit of 800).
const NORTHWIND_MONTHLY_SPEND: f64 = 1834.20;
const GLOBEX_MONTHLY_SPEND: f64 = 412.75;
const INITECH_MONTHLY_SPEND: f64 = 790.10;

/// A person (by index) and the roles they hold in a workspace.
type Placement<'a> = (usize, &'a [W]);
/// A workspace (by index) and who is in it.
type Roster<'a> = (usize, &'a [Placement<'a>]);

pub fn build(tx: &Transaction<'_>, now: OffsetDateTime) -> ApiResult<Vec<PlannedOrganization>> {
    Ok(vec![
        northwind(tx, now)?,
        globex(tx, now)?,
        initech(tx, now)?,
    ])
}

/// Adds `people` (after the admin, who is the first entry) and returns (uuid, email) of all.
fn add_people(
    b: &mut Builder<'_, '_>,
    people: &[(&str, &str)],
    domain: &str,
    admin: Uuid,
    roles_of: impl Fn(usize) -> (Vec<OrgRole>, Vec<&'static str>),
) -> ApiResult<Vec<(Uuid, String)>> {
    let (first, last) = people[0];
    let mut out = vec![(admin, format!("{}@{domain}", email_local(first, last, 0)))];
    for (index, (first, last)) in people.iter().enumerate().skip(1) {
        let email = format!("{}@{domain}", email_local(first, last, index));
        let (roles, seats) = roles_of(index);
        let days = 380 - (index as i64 * 13) % 360;
        let uuid = b.user(first, last, &email, &roles, &seats, days)?;
        b.user_history(uuid, &email, days)?;
        out.push((uuid, email));
    }
    Ok(out)
}

fn northwind(tx: &Transaction<'_>, now: OffsetDateTime) -> ApiResult<PlannedOrganization> {
    let domain = "northwind.example";
    let (mut b, planned) = Builder::organization(
        tx,
        0x6e6f_7274_6877_696e,
        now,
        &OrgSpec {
            name: "Northwind Labs",
            plan: "Enterprise",
            currency: "EUR",
            monthly_limit: Some(5000),
            age_days: 400,
            admin: ("Camille", "Laurent", "camille.laurent@northwind.example"),
        },
    )?;
    let people = add_people(
        &mut b,
        DEMO_PEOPLE,
        domain,
        planned.admin_user_uuid,
        |i| match i {
            1 => (
                vec![OrgRole::OrganizationAdmin],
                vec!["CHAT", "MISTRAL_CODE"],
            ),
            10 => (vec![OrgRole::BillingManager], vec!["CHAT"]),
            22 => (vec![OrgRole::BillingManager, OrgRole::Member], vec![]),
            i if i % 3 == 0 => (vec![OrgRole::Member], vec!["CHAT", "MISTRAL_CODE"]),
            i if i % 4 == 1 => (vec![OrgRole::Member], vec![]),
            _ => (vec![OrgRole::Member], vec!["CHAT"]),
        },
    )?;
    let id = |i: usize| people[i].0;
    let email = |i: usize| people[i].1.clone();

    let spaces: [(&str, &str, &str, i64); 7] = [
        (
            "Research",
            "Model evaluation, fine-tuning experiments and benchmarks",
            "🔬",
            350,
        ),
        (
            "Product & Design",
            "Prototypes and the assistant inside the product",
            "🎨",
            300,
        ),
        (
            "Customer Support",
            "Helpdesk assistant and ticket triage",
            "★",
            260,
        ),
        (
            "Data Platform",
            "Pipelines, embeddings and the search index",
            "📊",
            220,
        ),
        ("Mobile App", "iOS and Android features", "📱", 120),
        ("Legal Review", "Contract analysis pilot (ended)", "⚖", 200),
        (
            "Marketing — Q3 Launch",
            "Campaign copy and translations for the autumn launch",
            "🚀",
            45,
        ),
    ];
    let mut ws = Vec::new();
    for (name, description, icon, days) in spaces {
        let uuid = b.workspace(name, description, icon, days)?;
        b.workspace_history(uuid, name, days)?;
        ws.push((uuid, name));
    }
    // Who is where, with which roles; several people hold more than one role.
    let plan: &[Roster<'_>] = &[
        (
            0,
            &[
                (1, &[W::WorkspaceAdmin]),
                (2, &[W::Dev, W::ObservabilityViewer]),
                (5, &[W::DevContributor]),
                (8, &[W::Dev]),
                (11, &[W::WorkspaceContributor]),
                (13, &[W::Contributor]),
                (15, &[W::User]),
                (20, &[W::Dev, W::WorkflowExecutor]),
            ],
        ),
        (
            1,
            &[
                (0, &[W::WorkspaceAdmin]),
                (9, &[W::WorkspaceAdmin]),
                (16, &[W::WorkspaceContributor]),
                (17, &[W::Contributor]),
                (24, &[W::User]),
                (25, &[W::MistralCodeUser]),
            ],
        ),
        (
            2,
            &[
                (7, &[W::WorkspaceAdmin]),
                (14, &[W::WorkspaceContributor]),
                (19, &[W::User]),
                (21, &[W::User]),
                (26, &[W::WorkspaceContributor]),
                (10, &[W::Billing]),
            ],
        ),
        (
            3,
            &[
                (3, &[W::WorkspaceAdmin]),
                (4, &[W::Dev, W::CloudUser]),
                (12, &[W::Dev]),
                (18, &[W::DevContributor, W::ObservabilityViewer]),
                (23, &[W::WorkspaceContributor]),
            ],
        ),
        (
            4,
            &[
                (6, &[W::WorkspaceAdmin]),
                (22, &[W::Billing]),
                (27, &[W::Dev]),
                (24, &[W::MistralCodeUser, W::Dev]),
            ],
        ),
        (
            5,
            &[
                (0, &[W::WorkspaceAdmin]),
                (15, &[W::WorkspaceContributor]),
                (20, &[W::User]),
            ],
        ),
        (
            6,
            &[
                (9, &[W::WorkspaceAdmin]),
                (16, &[W::WorkspaceContributor]),
                (25, &[W::User]),
                (17, &[W::Contributor]),
            ],
        ),
    ];
    for (w, members) in plan {
        let (uuid, name) = ws[*w];
        for (n, (person, roles)) in members.iter().enumerate() {
            let days = (spaces[*w].3 - 5 - n as i64 * 3).max(1);
            b.member_history(uuid, name, id(*person), roles, days)?;
        }
    }
    b.settings(ws[0].0, false, Some(1500))?;
    b.settings(ws[2].0, true, Some(400))?;
    b.settings(ws[6].0, true, Some(300))?;

    b.api_key(
        ws[0].0,
        id(1),
        &email(1),
        "Eval harness",
        300,
        None,
        Some(1),
    )?;
    b.api_key(
        ws[0].0,
        id(2),
        &email(2),
        "Nightly benchmarks",
        90,
        Some(30),
        Some(0),
    )?;
    b.api_key(
        ws[1].0,
        id(9),
        &email(9),
        "Prototype frontend",
        150,
        None,
        Some(12),
    )?;
    b.api_key(
        ws[2].0,
        id(7),
        &email(7),
        "Helpdesk bot (prod)",
        240,
        None,
        Some(0),
    )?;
    b.api_key(
        ws[2].0,
        id(14),
        &email(14),
        "Helpdesk bot (staging)",
        200,
        Some(-5),
        Some(9),
    )?;
    b.api_key(
        ws[3].0,
        id(3),
        &email(3),
        "ETL pipeline",
        210,
        Some(180),
        Some(0),
    )?;
    b.api_key(
        ws[3].0,
        id(4),
        &email(4),
        "Embeddings backfill",
        60,
        None,
        None,
    )?;
    b.api_key(ws[4].0, id(6), &email(6), "iOS beta", 100, None, Some(3))?;
    b.api_key(
        ws[5].0,
        id(0),
        &email(0),
        "Contract analyzer",
        190,
        None,
        Some(25),
    )?;
    b.api_key(
        ws[6].0,
        id(9),
        &email(9),
        "Copy assistant",
        40,
        Some(60),
        Some(2),
    )?;
    b.api_key(
        b.default_workspace,
        id(0),
        &email(0),
        "Admin scripts",
        390,
        None,
        Some(7),
    )?;

    b.archive(ws[5].0, ws[5].1, 20)?;

    b.invite(
        "new.hire@northwind.example",
        &[OrgRole::Member],
        &[ws[0].0],
        1,
    )?;
    b.invite(
        "jane.contractor@agency.example",
        &[OrgRole::Member],
        &[ws[1].0, ws[6].0],
        3,
    )?;
    b.invite(
        "marie.curie@northwind.example",
        &[OrgRole::BillingManager],
        &[],
        2,
    )?;
    b.invite("old.invite@northwind.example", &[OrgRole::Member], &[], 12)?;
    b.invite(
        "summer.intern@northwind.example",
        &[OrgRole::Member],
        &[ws[0].0],
        30,
    )?;

    for (n, person) in [0, 1, 2, 7, 9, 14, 3].into_iter().enumerate() {
        b.login(id(person), &email(person), n as i64 * 2)?;
    }
    demo_access::northwind(&mut b, &people, ws[0].0)?;
    let spaces: Vec<Uuid> = ws.iter().map(|(uuid, _)| *uuid).collect();
    demo_activity::northwind(&mut b, &spaces, NORTHWIND_MONTHLY_SPEND)?;
    Ok(planned)
}

fn globex(tx: &Transaction<'_>, now: OffsetDateTime) -> ApiResult<PlannedOrganization> {
    let (mut b, planned) = Builder::organization(
        tx,
        0x676c_6f62_6578,
        now,
        &OrgSpec {
            name: "Globex Research",
            plan: "Enterprise",
            currency: "USD",
            monthly_limit: None,
            age_days: 250,
            admin: ("Hank", "Scorpio", "hank.scorpio@globex.example"),
        },
    )?;
    let people = add_people(
        &mut b,
        GLOBEX_PEOPLE,
        "globex.example",
        planned.admin_user_uuid,
        |i| match i {
            3 => (vec![OrgRole::OrganizationAdmin], vec!["CHAT"]),
            _ => (vec![OrgRole::Member], vec!["CHAT"]),
        },
    )?;
    let hammock = b.workspace(
        "Hammock District",
        "Employee wellbeing assistant",
        "🌴",
        200,
    )?;
    b.workspace_history(hammock, "Hammock District", 200)?;
    let lab = b.workspace("Skunkworks", "Unannounced projects", "🧪", 150)?;
    b.workspace_history(lab, "Skunkworks", 150)?;
    for (n, (uuid, _)) in people.iter().enumerate().take(5) {
        let roles: &[W] = if n == 0 {
            &[W::WorkspaceAdmin]
        } else {
            &[W::WorkspaceContributor]
        };
        b.member_history(lab, "Skunkworks", *uuid, roles, 140 - n as i64)?;
    }
    b.member_history(
        hammock,
        "Hammock District",
        people[1].0,
        &[W::WorkspaceAdmin],
        190,
    )?;
    b.member_history(hammock, "Hammock District", people[5].0, &[W::User], 180)?;
    b.api_key(
        lab,
        people[0].0,
        &people[0].1,
        "Prototype",
        120,
        None,
        Some(4),
    )?;
    b.invite("otto.mann@globex.example", &[OrgRole::Member], &[lab], 2)?;
    demo_activity::globex(&mut b, hammock, lab, GLOBEX_MONTHLY_SPEND)?;
    Ok(planned)
}

fn initech(tx: &Transaction<'_>, now: OffsetDateTime) -> ApiResult<PlannedOrganization> {
    let (mut b, planned) = Builder::organization(
        tx,
        0x0069_6e69_7465_6368,
        now,
        &OrgSpec {
            name: "Initech Solutions",
            plan: "Scale",
            currency: "EUR",
            monthly_limit: Some(800),
            age_days: 120,
            admin: ("Bill", "Lumbergh", "bill.lumbergh@initech.example"),
        },
    )?;
    let people = add_people(
        &mut b,
        INITECH_PEOPLE,
        "initech.example",
        planned.admin_user_uuid,
        |_| (vec![OrgRole::Member], vec!["CHAT"]),
    )?;
    let tps = b.workspace("TPS Reports", "Cover sheets, automated", "📄", 100)?;
    b.workspace_history(tps, "TPS Reports", 100)?;
    for (n, (uuid, _)) in people.iter().enumerate() {
        let roles: &[W] = if n == 0 {
            &[W::WorkspaceAdmin]
        } else {
            &[W::Dev]
        };
        b.member_history(tps, "TPS Reports", *uuid, roles, 90 - n as i64)?;
    }
    b.settings(tps, false, Some(200))?;
    b.api_key(
        tps,
        people[1].0,
        &people[1].1,
        "Cover sheet bot",
        80,
        Some(10),
        Some(1),
    )?;
    demo_activity::initech(&mut b, tps, INITECH_MONTHLY_SPEND)?;
    Ok(planned)
}
