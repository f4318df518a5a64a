//! Timestamps and dates on the wire.
//!
//! We write RFC 3339 with an explicit offset. We read RFC 3339 and also the offset-less ISO
//! form (taken as UTC) that Python services emit for naive datetimes, so a client never fails
//! on a timestamp it could understand.

use serde::{Deserialize, Deserializer, Serializer};
use time::format_description::well_known::{Iso8601, Rfc3339};
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

pub fn parse_timestamp(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .or_else(|_| OffsetDateTime::parse(text, &Iso8601::DEFAULT))
        .ok()
        .or_else(|| {
            PrimitiveDateTime::parse(text, &Iso8601::DEFAULT)
                .ok()
                .map(PrimitiveDateTime::assume_utc)
        })
}

pub fn format_timestamp(value: OffsetDateTime) -> String {
    value
        .format(&Rfc3339)
        .unwrap_or_else(|_| value.unix_timestamp().to_string())
}

const DATE_FORMAT: &[time::format_description::FormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text, DATE_FORMAT).ok()
}

pub fn format_date(value: Date) -> String {
    value
        .format(DATE_FORMAT)
        .unwrap_or_else(|_| value.to_string())
}

/// `#[serde(with = "timestamp")]` for a required `OffsetDateTime`.
pub mod timestamp {
    use super::*;

    pub fn serialize<S: Serializer>(value: &OffsetDateTime, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format_timestamp(*value))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<OffsetDateTime, D::Error> {
        let text = String::deserialize(d)?;
        parse_timestamp(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("invalid datetime {text:?}")))
    }
}

/// `#[serde(with = "timestamp_opt")]` for an `Option<OffsetDateTime>`.
pub mod timestamp_opt {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &Option<OffsetDateTime>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&format_timestamp(*v)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<OffsetDateTime>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_timestamp(&text)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("invalid datetime {text:?}"))),
        }
    }
}

/// `#[serde(with = "date_opt")]` for an `Option<Date>` written as `YYYY-MM-DD`.
pub mod date_opt {
    use super::*;

    pub fn serialize<S: Serializer>(value: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.serialize_str(&format_date(*v)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => parse_date(&text).map(Some).ok_or_else(|| {
                serde::de::Error::custom(format!("invalid date {text:?}, expected YYYY-MM-DD"))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_offset_and_naive_timestamps() {
        let with_z = parse_timestamp("2026-03-01T10:20:30Z").unwrap();
        let naive = parse_timestamp("2026-03-01T10:20:30.000000").unwrap();
        let offset = parse_timestamp("2026-03-01T11:20:30+01:00").unwrap();
        assert_eq!(with_z, naive);
        assert_eq!(with_z, offset);
        assert_eq!(format_timestamp(with_z), "2026-03-01T10:20:30Z");
        assert!(parse_timestamp("yesterday").is_none());
    }

    #[test]
    fn dates_round_trip() {
        let d = parse_date("2026-12-31").unwrap();
        assert_eq!(format_date(d), "2026-12-31");
        assert!(parse_date("31/12/2026").is_none());
    }
}
