//! Backoff between attempts: exponential with jitter, and the server's `Retry-After`.

use std::time::Duration;

use rand::Rng;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

use super::options::RetryPolicy;

/// Whether a call may be sent again after a failure whose outcome on the server is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Repeat {
    /// Reads, and writes that converge to the same state however often they run.
    Safe,
    /// Creations and deletions: a second attempt could act twice or report a false failure.
    Never,
}

/// How long to wait before retry number `retry` (1 for the first retry). The delay doubles each
/// time up to the policy's maximum; "equal jitter" then keeps it between half and all of that,
/// so clients that failed together do not come back together.
pub(crate) fn backoff(policy: &RetryPolicy, retry: u32) -> Duration {
    let exponent = retry.saturating_sub(1).min(16);
    let full = policy
        .base_delay
        .saturating_mul(1u32 << exponent)
        .min(policy.max_delay);
    let half = full / 2;
    let jitter_ms = u64::try_from(half.as_millis()).unwrap_or(u64::MAX);
    half + Duration::from_millis(rand::rng().random_range(0..=jitter_ms))
}

/// The `Retry-After` header: a number of seconds, or an HTTP date (`Wed, 21 Oct 2015
/// 07:28:00 GMT`) turned into the time from now until then, zero if it has passed. The caller
/// caps either form with the policy's `max_retry_after`.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_at(headers, OffsetDateTime::now_utc())
}

fn retry_after_at(headers: &HeaderMap, now: OffsetDateTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let until = http_date(value)?;
    Some(Duration::try_from(until - now).unwrap_or(Duration::ZERO))
}

/// An HTTP date in the IMF-fixdate form, the one servers must send (RFC 9110, section 5.6.7).
/// The two obsolete forms are not worth a parser: a date that does not parse means backoff.
fn http_date(value: &str) -> Option<OffsetDateTime> {
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    PrimitiveDateTime::parse(value, format)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

/// The wait before retrying a 429: what the server asked for, within the policy's cap.
pub(crate) fn rate_limit_wait(
    policy: &RetryPolicy,
    asked: Option<Duration>,
    retry: u32,
) -> Duration {
    match asked {
        Some(asked) => asked.min(policy.max_retry_after),
        None => backoff(policy, retry),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn policy() -> RetryPolicy {
        RetryPolicy {
            max_retries: 5,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
            max_retry_after: Duration::from_secs(3),
        }
    }

    #[test]
    fn backoff_doubles_stays_within_jitter_bounds_and_is_capped() {
        let policy = policy();
        for _ in 0..50 {
            let first = backoff(&policy, 1);
            assert!(first >= Duration::from_millis(50) && first <= Duration::from_millis(100));
            let third = backoff(&policy, 3);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let tenth = backoff(&policy, 10);
            assert!(tenth >= Duration::from_millis(500) && tenth <= Duration::from_millis(1000));
        }
        assert!(backoff(&policy, u32::MAX) <= Duration::from_millis(1000));
    }

    #[test]
    fn retry_after_is_read_in_seconds_and_capped() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(RETRY_AFTER, HeaderValue::from_static("2"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        let policy = policy();
        assert_eq!(
            rate_limit_wait(&policy, Some(Duration::from_secs(2)), 1),
            Duration::from_secs(2)
        );
        assert_eq!(
            rate_limit_wait(&policy, Some(Duration::from_secs(600)), 1),
            Duration::from_secs(3)
        );
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None, "unreadable: back off instead");
    }

    #[test]
    fn retry_after_as_an_http_date_is_the_time_until_then() {
        let now = time::macros::datetime!(2015-10-21 07:27:30 UTC);
        let mut headers = HeaderMap::new();
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after_at(&headers, now), Some(Duration::from_secs(30)));
        let later = time::macros::datetime!(2015-10-21 08:00:00 UTC);
        assert_eq!(
            retry_after_at(&headers, later),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Sunday, 06-Nov-94 08:49:37 GMT"),
        );
        assert_eq!(retry_after_at(&headers, now), None, "obsolete form");
        // Far in the future, the date is capped like the seconds form.
        assert_eq!(
            rate_limit_wait(
                &policy(),
                http_date("Thu, 01 Jan 2099 00:00:00 GMT")
                    .map(|d| { Duration::try_from(d - now).unwrap() }),
                1
            ),
            Duration::from_secs(3)
        );
    }
}
