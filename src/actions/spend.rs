//! The organization's monthly spending limit: an amount, or none.

use super::error::ActionError;
use super::plan::{Intent, Plan};
use super::request::Request;
use crate::api::{LimitsOut, NewUsageLimitIn, WorkspaceOut};

/// The limit as it is now, in whole currency units; `None`: no limit.
pub fn current_limit(limits: &LimitsOut) -> Option<i64> {
    let completion = &limits.limits.completion;
    if completion.no_monthly_limit {
        None
    } else {
        completion.usage_limit.map(|l| l.round() as i64)
    }
}

/// Sets the limit to `amount` (`None`: no limit). Workspace caps above a new limit are
/// lowered to it by the server; the plan names them.
pub fn set(
    limits: &LimitsOut,
    amount: Option<i64>,
    workspaces: &[WorkspaceOut],
) -> Result<Plan, ActionError> {
    if amount.is_some_and(|a| a < 0) {
        return Err(ActionError::invalid(
            "amount",
            "the limit cannot be negative",
        ));
    }
    let currency = limits.limits.currency.clone();
    let before = current_limit(limits);
    let intent = Intent::SetSpendLimit {
        before,
        after: amount,
        currency: currency.clone(),
    };
    let shown = |limit: Option<i64>| match limit {
        Some(a) => format!("{a} {currency}"),
        None => "no limit".to_owned(),
    };
    if before == amount {
        return Ok(Plan::nothing(
            intent,
            format!(
                "Nothing to change: the monthly spending limit is already {}",
                shown(amount)
            ),
        ));
    }
    let body = NewUsageLimitIn {
        amount: amount.unwrap_or(0),
        no_monthly_limit: amount.is_none(),
    };
    let summary = format!(
        "Set the monthly spending limit to {} (now {})",
        shown(amount),
        shown(before)
    );
    let mut plan = Plan::single(
        intent,
        summary,
        Request::SetSpendLimit { body },
        "set the monthly spending limit",
    );
    if let Some(limit) = amount {
        let lowered: Vec<String> = workspaces
            .iter()
            .filter(|w| {
                w.spend_limit
                    .as_ref()
                    .and_then(|s| s.value)
                    .is_some_and(|cap| cap > limit as f64)
            })
            .map(|w| format!("\"{}\"", w.name))
            .collect();
        plan = plan.with_note_on(&lowered, |lowered| match lowered {
            [one] => {
                format!("the spending cap of {one} is above the new limit and is lowered to it")
            }
            many => format!(
                "the spending caps of {} are above the new limit and are lowered to it",
                many.join(", ")
            ),
        });
        if let Some(spent) = spent_this_month(limits).filter(|spent| *spent >= limit as f64) {
            plan.notes.push(format!(
                "this month's spending so far ({spent:.2} {currency}) already reaches the new \
                 limit: it is reached as soon as it is set"
            ));
        }
    }
    Ok(plan)
}

/// What the organization has spent this month, all products together where the server says.
fn spent_this_month(limits: &LimitsOut) -> Option<f64> {
    let completion = &limits.limits.completion;
    completion.total_usage.or(completion.usage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::fixtures::workspace;
    use crate::api::{LimitsContext, UsageLimits, WorkspaceSpendLimitOut};

    fn limits(limit: Option<f64>) -> LimitsOut {
        LimitsOut {
            limits: LimitsContext {
                completion: UsageLimits {
                    no_monthly_limit: limit.is_none(),
                    monthly_limit_reached: false,
                    usage: Some(12.0),
                    vibe_usage: None,
                    total_usage: None,
                    usage_limit: limit,
                },
                last_payment_failure: false,
                last_payment_failure_protection: None,
                currency: "EUR".into(),
            },
        }
    }

    #[test]
    fn a_new_limit_names_the_caps_it_lowers_and_the_same_limit_sends_nothing() {
        let mut capped = workspace(2, "Research");
        capped.spend_limit = Some(WorkspaceSpendLimitOut {
            value: Some(800.0),
            currency: Some("EUR".into()),
            no_monthly_limit: Some(false),
        });
        let plan = set(&limits(Some(1000.0)), Some(500), &[capped]).unwrap();
        assert_eq!(
            plan.summary,
            "Set the monthly spending limit to 500 EUR (now 1000 EUR)"
        );
        assert_eq!(
            plan.notes,
            ["the spending cap of \"Research\" is above the new limit and is lowered to it"]
        );
        assert_eq!(
            plan.steps[0].request.body().unwrap(),
            serde_json::json!({"amount": 500, "no_monthly_limit": false})
        );
        let none = set(&limits(Some(1000.0)), None, &[]).unwrap();
        assert_eq!(
            none.steps[0].request.body().unwrap(),
            serde_json::json!({"amount": 0, "no_monthly_limit": true})
        );
        assert!(set(&limits(None), None, &[]).unwrap().changes_nothing());
        let below = set(&limits(Some(1000.0)), Some(10), &[]).unwrap();
        assert_eq!(
            below.notes,
            [
                "this month's spending so far (12.00 EUR) already reaches the new limit: it is \
              reached as soon as it is set"
            ]
        );
        assert!(
            set(&limits(Some(1000.0)), Some(13), &[])
                .unwrap()
                .notes
                .is_empty()
        );
        assert!(set(&limits(None), Some(-1), &[]).is_err());
    }
}
