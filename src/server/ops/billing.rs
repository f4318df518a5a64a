//! The organization's monthly spending limit (`/spend-limit`), measured against this month's
//! usage. Workspace caps may not exceed it, so lowering it lowers any cap above the new limit.

use super::audit::{self, Entry};
use super::{Op, ids_of};
use crate::api::*;
use crate::server::error::ApiResult;

/// `GET /spend-limit`: the limit, and this month's cost so far as `GET /usage` reports it.
pub fn limits(op: Op<'_>) -> ApiResult<LimitsOut> {
    let (limit, currency) = super::organizations::limit_and_currency(op.tx, op.org)?;
    let (usage, vibe) = super::usage::month_to_date(op.tx, op.org, op.now)?;
    let total = super::meters::round_micro(usage + vibe);
    Ok(LimitsOut {
        limits: LimitsContext {
            completion: UsageLimits {
                no_monthly_limit: limit.is_none(),
                monthly_limit_reached: limit.is_some_and(|l| total >= l as f64),
                usage: Some(usage),
                vibe_usage: Some(vibe),
                total_usage: Some(total),
                usage_limit: limit.map(|l| l as f64),
            },
            last_payment_failure: false,
            last_payment_failure_protection: Some(false),
            currency,
        },
    })
}

/// `POST /spend-limit`.
pub fn set_limit(op: Op<'_>, body: &NewUsageLimitIn) -> ApiResult<LimitsOut> {
    let new_limit = (!body.no_monthly_limit).then_some(body.amount);
    let (old_limit, currency) = super::organizations::limit_and_currency(op.tx, op.org)?;
    op.tx.execute(
        "UPDATE organizations SET monthly_limit = ?1 WHERE uuid = ?2",
        rusqlite::params![new_limit, op.org.to_string()],
    )?;
    audit::record(
        op,
        Entry::new("billing.monthly_limit.updated", "MONTHLY_LIMIT")
            .target("organization_uuid", op.org)
            .amounts(
                ("old_limit", old_limit),
                ("new_limit", new_limit),
                &currency,
            ),
    )?;
    if let Some(limit) = new_limit {
        let over = ids_of(
            op.tx,
            "SELECT uuid FROM workspaces WHERE org_uuid = ?1 AND monthly_spend_cap > ?2 AND archived_at IS NULL",
            rusqlite::params![op.org.to_string(), limit],
        )?;
        for workspace in over {
            let row = super::workspaces::load(op.tx, op.org, workspace)?;
            super::workspaces::set_cap(op, &row, Some(limit), &currency)?;
        }
    }
    limits(op)
}
