//! Which way a sorted list runs: a sort's ordering as the list shows it once the admin has
//! turned it round, the one rule of the members table, the people view and the rate limits.

use std::cmp::Ordering;

/// `ordering` as a list sorted `descending` shows it: reversed, and ties kept as ties.
pub fn directed(ordering: Ordering, descending: bool) -> Ordering {
    if descending {
        ordering.reverse()
    } else {
        ordering
    }
}
