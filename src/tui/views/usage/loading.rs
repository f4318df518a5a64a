//! What the usage view asks for: one month of `GET /usage`, summed up as the view draws it
//! (per workspace, per model, per day), and the organization's spending limit.

use std::collections::BTreeMap;

use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::api::{LimitsOut, UsageOutJson, entry_amount};
use crate::client::{AdminClient, UsageQuery};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// A month as (year, month 1-12).
pub type MonthKey = (i32, u8);

/// One month of usage, summed the ways the view shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Month {
    pub key: MonthKey,
    pub total: f64,
    /// The currency's code ("EUR"), or empty when the server names none.
    pub currency: String,
    /// Most spent first.
    pub by_workspace: Vec<(Uuid, f64)>,
    /// Most spent first.
    pub by_model: Vec<(String, f64)>,
    /// What each day of the month cost, the first day first.
    pub daily: Vec<f64>,
    /// Whether the server has a month before (the organization existed) and after this one.
    pub has_previous: bool,
    pub has_next: bool,
}

impl Month {
    pub fn from_usage(key: MonthKey, usage: &UsageOutJson) -> Self {
        let mut daily = vec![0.0; days_in(key)];
        for (_, _, entry) in usage.all_entries() {
            if let Some(day) = entry_day(entry)
                && let Some(slot) = daily.get_mut(day - 1)
            {
                *slot += entry_amount(entry);
            }
        }
        Self {
            key,
            total: usage.total_amount(),
            currency: usage.currency.clone().unwrap_or_default(),
            by_workspace: most_first(usage.amount_by_workspace()),
            by_model: most_first(usage.amount_by_model()),
            daily,
            has_previous: usage.previous_month.is_some(),
            has_next: usage.next_month.is_some(),
        }
    }
}

fn most_first<K: Ord>(amounts: BTreeMap<K, f64>) -> Vec<(K, f64)> {
    let mut list: Vec<(K, f64)> = amounts.into_iter().collect();
    list.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}

fn entry_day(entry: &crate::api::UsageEntry) -> Option<usize> {
    let stamp = entry.get("timestamp")?.as_str()?;
    let at = OffsetDateTime::parse(stamp, &Rfc3339).ok()?;
    Some(usize::from(at.day()))
}

pub fn days_in((year, month): MonthKey) -> usize {
    time::Month::try_from(month).map_or(31, |m| usize::from(m.length(year)))
}

/// The month before or after `key`.
pub fn step((year, month): MonthKey, delta: i32) -> MonthKey {
    let index = year * 12 + i32::from(month) - 1 + delta;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// `GET /usage` for one month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFetch(pub MonthKey);

impl Ask for MonthFetch {
    type Answer = Month;

    fn label(&self) -> &'static str {
        "usage"
    }

    async fn ask(self, client: AdminClient) -> Result<Month, RemoteError> {
        let (year, month) = self.0;
        let usage = client.usage(&UsageQuery::month(year, month)).await;
        Ok(Month::from_usage(self.0, &usage.map_err(remote)?))
    }

    #[cfg(test)]
    fn fixture(&self) -> Month {
        super::tests::month(self.0)
    }
}

/// `GET /spend-limit`: the organization's monthly limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitFetch;

impl Ask for LimitFetch {
    type Answer = Option<f64>;

    fn label(&self) -> &'static str {
        "spending limit"
    }

    async fn ask(self, client: AdminClient) -> Result<Option<f64>, RemoteError> {
        let limits = client.spend_limit().await.map_err(remote)?;
        Ok(limit_of(&limits))
    }

    #[cfg(test)]
    fn fixture(&self) -> Option<f64> {
        Some(1_000.0)
    }
}

/// The monthly limit, or `None` for an organization without one.
pub fn limit_of(limits: &LimitsOut) -> Option<f64> {
    let completion = &limits.limits.completion;
    if completion.no_monthly_limit {
        None
    } else {
        completion.usage_limit
    }
}
