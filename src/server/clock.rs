//! The server's notion of "now", replaceable in tests that need time to pass
//! (invitation expiry, key expiration) without waiting.

use std::sync::{Arc, Mutex};

use time::{Duration, OffsetDateTime};

#[derive(Clone)]
pub struct Clock(Arc<Source>);

enum Source {
    System,
    Manual(Mutex<OffsetDateTime>),
}

impl Clock {
    pub fn system() -> Self {
        Self(Arc::new(Source::System))
    }

    /// A clock that stands still at `start` until [`Clock::advance`] moves it.
    pub fn manual(start: OffsetDateTime) -> Self {
        Self(Arc::new(Source::Manual(Mutex::new(start))))
    }

    pub fn now(&self) -> OffsetDateTime {
        match &*self.0 {
            Source::System => OffsetDateTime::now_utc(),
            Source::Manual(at) => *at.lock().unwrap_or_else(|p| p.into_inner()),
        }
    }

    /// Moves a manual clock forward; a system clock ignores this.
    pub fn advance(&self, by: Duration) {
        if let Source::Manual(at) = &*self.0 {
            let mut at = at.lock().unwrap_or_else(|p| p.into_inner());
            *at += by;
        }
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            Source::System => f.write_str("Clock::system"),
            Source::Manual(_) => write!(f, "Clock::manual({})", self.now()),
        }
    }
}

/// Unix microseconds, the storage form of every instant.
pub fn to_micros(at: OffsetDateTime) -> i64 {
    (at.unix_timestamp_nanos() / 1_000) as i64
}

pub fn from_micros(micros: i64) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000)
        .unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let clock = Clock::manual(start);
        assert_eq!(clock.now(), start);
        clock.advance(Duration::days(8));
        assert_eq!(clock.now(), start + Duration::days(8));
        assert_eq!(from_micros(to_micros(clock.now())), clock.now());
    }
}
