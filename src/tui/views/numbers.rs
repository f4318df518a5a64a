//! Numbers as the views print them: thousands grouped, money with two decimals, and a short
//! form for labels that have three or four cells.

/// `1234567` as "1,234,567".
pub fn grouped(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0 { format!("-{out}") } else { out }
}

/// An amount with two decimals and grouped thousands: "1,834.12".
pub fn money(amount: f64) -> String {
    let cents = (amount * 100.0).round() as i64;
    let whole = grouped(cents / 100);
    format!("{whole}.{:02}", (cents % 100).abs())
}

/// An amount in at most five cells: "812", "1.8k", "23k", "1.2M".
pub fn compact(amount: f64) -> String {
    let a = amount.abs();
    if a < 1_000.0 {
        format!("{amount:.0}")
    } else if a < 10_000.0 {
        format!("{:.1}k", amount / 1_000.0)
    } else if a < 1_000_000.0 {
        format!("{:.0}k", amount / 1_000.0)
    } else {
        format!("{:.1}M", amount / 1_000_000.0)
    }
}

/// An amount as whole cents, for the charts (which count in integers).
pub fn cents(amount: f64) -> u64 {
    (amount.max(0.0) * 100.0).round() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1_000), "-1,000");
        assert_eq!(grouped(999), "999");
        assert_eq!(money(1834.125), "1,834.13");
        assert_eq!(money(0.0), "0.00");
        assert_eq!(compact(812.4), "812");
        assert_eq!(compact(1834.0), "1.8k");
        assert_eq!(compact(23_400.0), "23k");
        assert_eq!(cents(12.345), 1235);
    }
}
