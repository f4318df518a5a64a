//! A monthly spending limit or cap as the file writes it: a whole amount, or `"none"`.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Amount(i64),
    Unlimited,
}

impl Limit {
    pub fn from_option(amount: Option<i64>) -> Self {
        amount.map_or(Self::Unlimited, Self::Amount)
    }

    pub fn amount(self) -> Option<i64> {
        match self {
            Self::Amount(amount) => Some(amount),
            Self::Unlimited => None,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Amount(amount) => write!(f, "{amount}"),
            Self::Unlimited => f.write_str("none"),
        }
    }
}

impl Serialize for Limit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Amount(amount) => serializer.serialize_i64(*amount),
            Self::Unlimited => serializer.serialize_str("none"),
        }
    }
}

struct LimitVisitor;

impl Visitor<'_> for LimitVisitor {
    type Value = Limit;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole amount of at least 0, or \"none\"")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Limit, E> {
        if value < 0 {
            return Err(E::custom("a limit cannot be negative"));
        }
        Ok(Limit::Amount(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Limit, E> {
        i64::try_from(value)
            .map(Limit::Amount)
            .map_err(|_| E::custom("that limit is too large"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Limit, E> {
        match value.trim() {
            "none" => Ok(Limit::Unlimited),
            other => Err(E::invalid_value(de::Unexpected::Str(other), &self)),
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LimitVisitor)
    }
}
