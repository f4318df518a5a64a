//! What the demo organizations did: six months of usage per workspace, shaped by what each
//! workspace is for, and three months of Vibe activity.

use uuid::Uuid;

use super::builder::Builder;
use super::usage::{self, Spend};
use super::vibe::{self, VibePlan};
use crate::server::error::ApiResult;

/// Days of usage history the demo organizations get.
const HISTORY_DAYS: i64 = 183;
/// Vibe activity: three months of everyone with a seat.
const VIBE: VibePlan = VibePlan {
    days: 92,
    max_work_users: usize::MAX,
    max_code_users: usize::MAX,
};

fn spend(workspace: Uuid, profile: usage::Profile, weight: f64, since_days: i64) -> Spend {
    Spend {
        workspace,
        profile,
        weight,
        zone: "eu",
        since_days,
        until_days: 0,
    }
}

/// Northwind's workspaces in the order `demo` creates them: Research, Product & Design,
/// Customer Support, Data Platform, Mobile App, Legal Review (archived 20 days ago) and
/// Marketing; with the ages they were created at.
pub fn northwind(b: &mut Builder<'_, '_>, ws: &[Uuid], monthly_spend: f64) -> ApiResult<()> {
    let default = b.default_workspace;
    let spends = [
        spend(default, usage::EVERYDAY, 0.06, 400),
        spend(ws[0], usage::RESEARCH, 0.35, 350),
        spend(ws[1], usage::PRODUCT, 0.12, 300),
        Spend {
            zone: "us",
            ..spend(ws[2], usage::SUPPORT, 0.15, 260)
        },
        spend(ws[3], usage::DATA, 0.15, 220),
        spend(ws[4], usage::MOBILE, 0.07, 120),
        Spend {
            until_days: 20,
            ..spend(ws[5], usage::WRITING, 0.04, 200)
        },
        spend(ws[6], usage::WRITING, 0.06, 45),
    ];
    usage::seed(b, &spends, monthly_spend, HISTORY_DAYS)?;
    vibe::seed(b, &VIBE)
}

/// Globex: the default workspace, Hammock District and Skunkworks.
pub fn globex(
    b: &mut Builder<'_, '_>,
    hammock: Uuid,
    lab: Uuid,
    monthly_spend: f64,
) -> ApiResult<()> {
    let spends = [
        Spend {
            zone: "us",
            ..spend(b.default_workspace, usage::EVERYDAY, 0.2, 250)
        },
        Spend {
            zone: "us",
            ..spend(hammock, usage::SUPPORT, 0.3, 200)
        },
        Spend {
            zone: "us",
            ..spend(lab, usage::RESEARCH, 0.5, 150)
        },
    ];
    usage::seed(b, &spends, monthly_spend, HISTORY_DAYS)?;
    vibe::seed(b, &VIBE)
}

/// Initech: the default workspace and TPS Reports.
pub fn initech(b: &mut Builder<'_, '_>, tps: Uuid, monthly_spend: f64) -> ApiResult<()> {
    let spends = [
        spend(b.default_workspace, usage::EVERYDAY, 0.2, 120),
        spend(tps, usage::WRITING, 0.8, 100),
    ];
    usage::seed(b, &spends, monthly_spend, HISTORY_DAYS)?;
    vibe::seed(b, &VIBE)
}
