//! When an API key stops working: the one rule the local server enforces and the console shows.

use time::Date;

/// Whether a key whose last working day is `last_day` (none: it never expires) has stopped
/// working by `today`. A key still works on its expiration date.
pub fn is_expired(last_day: Option<Date>, today: Date) -> bool {
    last_day.is_some_and(|last_day| last_day < today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_key_works_through_its_expiration_date() {
        let today = date!(2026 - 06 - 01);
        assert!(is_expired(Some(date!(2026 - 05 - 31)), today));
        assert!(!is_expired(Some(today), today));
        assert!(!is_expired(Some(date!(2026 - 06 - 02)), today));
        assert!(!is_expired(None, today));
    }
}
