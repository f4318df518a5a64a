//! Query-string parameters with FastAPI's coercion rules and 422s at `["query", name]`.
//! Repeated keys (`?event_type=a&event_type=b`) form a list, as FastAPI reads them.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use time::OffsetDateTime;

use super::error::ApiError;
use crate::api::{LocItem, ValidationError, datetime};

pub struct QueryReader {
    pairs: Vec<(String, String)>,
    errors: Vec<ValidationError>,
}

impl QueryReader {
    pub fn new(raw: Option<&str>) -> Self {
        let pairs = raw
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        Self {
            pairs,
            errors: Vec::new(),
        }
    }

    fn last(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn fail(&mut self, loc: Vec<LocItem>, kind: &str, msg: &str) {
        self.errors.push(ValidationError::new(loc, kind, msg));
    }

    /// An integer, or `default` when absent; below `min` is a 422.
    pub fn int(&mut self, name: &str, default: i64, min: i64) -> i64 {
        let Some(raw) = self.last(name).map(str::to_owned) else {
            return default;
        };
        match parse_saturating(raw.trim()) {
            Some(value) if value >= min => value,
            Some(_) => {
                let (kind, msg) = if min == 1 {
                    ("greater_than", "Input should be greater than 0".to_owned())
                } else {
                    (
                        "greater_than_equal",
                        format!("Input should be greater than or equal to {min}"),
                    )
                };
                self.reject(name, kind, &msg);
                default
            }
            None => {
                self.reject(
                    name,
                    "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer",
                );
                default
            }
        }
    }

    /// [`Self::int`] with a largest value too, as the contract's `maximum` says; above it is a
    /// 422 rather than a silent clamp.
    /// A number beyond 64 bits is above any such maximum, not taken as `i64::MAX`.
    pub fn int_in(&mut self, name: &str, default: i64, min: i64, max: i64) -> i64 {
        let before = self.errors.len();
        let value = self.int(name, default, min);
        if self.errors.len() == before && (value > max || self.beyond_64_bits(name)) {
            self.reject_above(name, max);
            return default;
        }
        value
    }

    /// Records that `name` is above its largest allowed value, `max`, as pydantic words it.
    pub fn reject_above(&mut self, name: &str, max: i64) {
        self.reject(
            name,
            "less_than_equal",
            &format!("Input should be less than or equal to {max}"),
        );
    }

    /// Records that `name` is below its smallest allowed value, `min`, as pydantic words it.
    pub fn reject_below(&mut self, name: &str, min: i64) {
        self.reject(
            name,
            "greater_than_equal",
            &format!("Input should be greater than or equal to {min}"),
        );
    }

    /// Whether `name` is a whole number too far below zero for 64 bits (which [`Self::int`]
    /// saturates).
    pub fn below_64_bits(&self, name: &str) -> bool {
        self.last(name).is_some_and(|raw| {
            raw.trim().parse::<i64>().is_err() && parse_saturating(raw.trim()) == Some(i64::MIN)
        })
    }

    /// Whether `name` is a whole number too large for 64 bits (which [`Self::int`] saturates).
    pub fn beyond_64_bits(&self, name: &str) -> bool {
        self.last(name).is_some_and(|raw| {
            raw.trim().parse::<i64>().is_err() && parse_saturating(raw.trim()) == Some(i64::MAX)
        })
    }

    /// An integer the caller must send; absent is a 422 `missing`.
    pub fn required_int(&mut self, name: &str) -> Option<i64> {
        if self.last(name).is_none() {
            self.reject(name, "missing", "Field required");
            return None;
        }
        let before = self.errors.len();
        let value = self.int(name, 0, i64::MIN);
        (self.errors.len() == before).then_some(value)
    }

    /// Records a problem with the parameter `name`, at `["query", name]`: each reader here
    /// reports through it, and so do handlers' checks that span several values.
    pub fn reject(&mut self, name: &str, kind: &str, msg: &str) {
        self.fail(vec!["query".into(), name.into()], kind, msg);
    }

    /// `parsed`, the value of `name` read as its type; when that failed (`None`), the problem
    /// is recorded too, so a reader need not check twice.
    fn parsed_or_reject<T>(
        &mut self,
        parsed: Option<T>,
        name: &str,
        kind: &str,
        msg: &str,
    ) -> Option<T> {
        if parsed.is_none() {
            self.reject(name, kind, msg);
        }
        parsed
    }

    /// A UUID, or `None` when absent; a malformed one is a 422 `uuid_parsing`.
    pub fn uuid(&mut self, name: &str) -> Option<uuid::Uuid> {
        let raw = self.text(name)?;
        let parsed = uuid::Uuid::parse_str(&raw).ok();
        self.parsed_or_reject(
            parsed,
            name,
            "uuid_parsing",
            "Input should be a valid UUID, invalid character or length",
        )
    }

    pub fn boolean(&mut self, name: &str, default: bool) -> bool {
        let Some(raw) = self.last(name).map(str::to_ascii_lowercase) else {
            return default;
        };
        match raw.trim() {
            "true" | "1" | "yes" | "on" | "t" | "y" => true,
            "false" | "0" | "no" | "off" | "f" | "n" => false,
            _ => {
                self.reject(
                    name,
                    "bool_parsing",
                    "Input should be a valid boolean, unable to interpret input",
                );
                default
            }
        }
    }

    /// A text value; an empty one counts as absent.
    pub fn text(&self, name: &str) -> Option<String> {
        self.last(name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    }

    /// Every value of a repeated key, each checked against the known values.
    pub fn enum_list(&mut self, name: &str, known: &[&str]) -> Vec<String> {
        let values: Vec<String> = self
            .pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect();
        for (index, value) in values.iter().enumerate() {
            if !known.contains(&value.as_str()) {
                self.fail(
                    vec!["query".into(), name.into(), LocItem::from(index)],
                    "enum",
                    &format!("Input should be one of the documented {name} values, not {value:?}"),
                );
            }
        }
        values
    }

    pub fn one_of(&mut self, name: &str, known: &[&str], default: &str) -> String {
        match self.last(name).map(str::to_owned) {
            None => default.to_owned(),
            Some(value) if known.contains(&value.as_str()) => value,
            Some(_) => {
                let options: Vec<String> = known.iter().map(|k| format!("'{k}'")).collect();
                self.reject(
                    name,
                    "enum",
                    &format!("Input should be {}", options.join(" or ")),
                );
                default.to_owned()
            }
        }
    }

    /// A date and time; present but empty (`?before=`) is a 422, as pydantic refuses an empty
    /// string for a datetime, rather than a filter silently dropped.
    pub fn timestamp(&mut self, name: &str) -> Option<OffsetDateTime> {
        let raw = self.last(name)?.trim().to_owned();
        if raw.is_empty() {
            self.reject(
                name,
                "datetime_from_date_parsing",
                "Input should be a valid datetime or date, input is too short",
            );
            return None;
        }
        let parsed = datetime::parse_timestamp(&raw);
        self.parsed_or_reject(
            parsed,
            name,
            "datetime_from_date_parsing",
            "Input should be a valid datetime, e.g. 2026-01-31T12:00:00Z",
        )
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

/// A handler takes the request's query string as a reader. Reading never fails here: each
/// parameter's problem is collected as the handler asks for it and reported by `finish`, all
/// together, as FastAPI reports them.
impl<S: Send + Sync> FromRequestParts<S> for QueryReader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::new(parts.uri.query()))
    }
}

/// A whole number; one beyond 64 bits saturates (Python's integers have no such limit, so to
/// FastAPI `page_size=10^30` is simply a large page size, served as the largest allowed).
fn parse_saturating(text: &str) -> Option<i64> {
    if let Ok(value) = text.parse::<i64>() {
        return Some(value);
    }
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(if negative { i64::MIN } else { i64::MAX })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_must_be_positive_integers() {
        let mut q = QueryReader::new(Some("page=0&page_size=abc"));
        assert_eq!(q.int("page", 1, 1), 1);
        q.int("page_size", 25, 1);
        let Err(ApiError::Validation(errors)) = q.finish() else {
            panic!()
        };
        assert_eq!(errors[0].kind, "greater_than");
        assert_eq!(errors[1].kind, "int_parsing");
        assert_eq!(errors[1].loc, crate::loc!["query", "page_size"]);
    }

    #[test]
    fn numbers_beyond_64_bits_saturate_and_empty_dates_are_refused() {
        let mut q = QueryReader::new(Some(
            "page_size=99999999999999999999999&page=-99999999999999999999&before=",
        ));
        assert_eq!(q.int("page_size", 25, 1), i64::MAX);
        q.int("page", 1, 1);
        assert_eq!(q.timestamp("before"), None);
        assert_eq!(q.timestamp("after"), None);
        let Err(ApiError::Validation(errors)) = q.finish() else {
            panic!()
        };
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(errors[0].kind, "greater_than");
        assert_eq!(errors[1].loc, crate::loc!["query", "before"]);
    }

    #[test]
    fn repeated_keys_make_a_list() {
        let mut q = QueryReader::new(Some("event_type=workspace.create&event_type=nope"));
        let list = q.enum_list("event_type", &["workspace.create"]);
        assert_eq!(list.len(), 2);
        let Err(ApiError::Validation(errors)) = q.finish() else {
            panic!()
        };
        assert_eq!(errors[0].loc, crate::loc!["query", "event_type", 1usize]);
    }
}
