//! Reading requests the way the contract's FastAPI service does, so that every malformed input
//! becomes a 422 whose `loc` points at the offending value, never a 400 or a 5xx.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use super::error::ApiError;
use super::strict_json::Strict;
use super::validate::{Validate, Validator};
use crate::api::{LocItem, ValidationError};

/// Largest request body accepted; a bulk create of ten thousand users fits comfortably.
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// A JSON body, parsed, typed and checked against the contract's limits.
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Validate,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let declared_json = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .is_none_or(|v| v.to_str().is_ok_and(is_json_media_type));
        let bytes = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
            .await
            .map_err(|_| {
                ApiError::PayloadTooLarge(format!(
                    "Request body is larger than {} MiB",
                    MAX_BODY_BYTES / (1024 * 1024)
                ))
            })?;
        // Like FastAPI, a body declared as something other than JSON is not parsed: it is
        // validated as it is, raw text, which no body type accepts.
        let value = if declared_json || bytes.iter().all(u8::is_ascii_whitespace) {
            parse_json(&bytes)?
        } else {
            serde_json::Value::String(String::from_utf8_lossy(&bytes).into_owned())
        };
        let typed: T = serde_path_to_error::deserialize(Strict(&value))
            .map_err(|err| ApiError::Validation(vec![describe_serde_error(&err)]))?;
        let mut validator = Validator::new(vec![LocItem::from("body")]);
        typed.validate(&mut validator);
        validator.finish()?;
        Ok(Self(typed))
    }
}

/// `application/json`, or any `application/...+json`, whatever its parameters.
fn is_json_media_type(value: &str) -> bool {
    let media = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    media == "application/json" || (media.starts_with("application/") && media.ends_with("+json"))
}

fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::invalid(
            vec!["body".into()],
            "missing",
            "Field required",
        ));
    }
    serde_json::from_slice(bytes).map_err(|err| {
        let position = offset_of(bytes, err.line(), err.column());
        let mut entry = ValidationError::new(
            vec!["body".into(), LocItem::Index(position as i64)],
            "json_invalid",
            "JSON decode error",
        );
        entry.ctx = Some(serde_json::json!({ "error": err.to_string() }));
        ApiError::Validation(vec![entry])
    })
}

/// Byte offset of a 1-based line and column, as FastAPI reports the position of bad JSON.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let line_start: usize = bytes
        .split(|b| *b == b'\n')
        .take(line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum();
    line_start + column.saturating_sub(1)
}

/// Turns a serde error with its path into one entry in pydantic's vocabulary.
pub fn describe_serde_error(
    err: &serde_path_to_error::Error<serde_json::Error>,
) -> ValidationError {
    let mut loc: Vec<LocItem> = vec!["body".into()];
    for segment in err.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => loc.push(LocItem::from(*index)),
            serde_path_to_error::Segment::Map { key } => loc.push(LocItem::from(key.clone())),
            serde_path_to_error::Segment::Enum { variant } => {
                loc.push(LocItem::from(variant.clone()))
            }
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    let message = err.inner().to_string();
    if let Some(field) = between(&message, "missing field `", "`") {
        loc.push(LocItem::from(field));
        return ValidationError::new(loc, "missing", "Field required");
    }
    let (kind, msg) = classify(&message);
    ValidationError::new(loc, kind, msg)
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn classify(message: &str) -> (&'static str, String) {
    if let Some(expected) = message.strip_prefix("unknown variant ") {
        let options = expected
            .split_once("expected ")
            .map(|(_, o)| o.replace('`', "'"))
            .unwrap_or_default();
        return ("enum", format!("Input should be {options}"));
    }
    if message.contains("UUID parsing failed") || message.contains("invalid character") {
        return (
            "uuid_parsing",
            format!("Input should be a valid UUID, {message}"),
        );
    }
    if message.starts_with("invalid date") {
        return (
            "date_from_datetime_parsing",
            "Input should be a valid date in the format YYYY-MM-DD".to_owned(),
        );
    }
    let expected = message.rsplit("expected ").next().unwrap_or("");
    // The number serde saw, for telling `1.5` from a whole number too big for an integer
    // (JSON has one number type; serde_json reads integers beyond 64 bits as floats).
    let found_float = between(message, "floating point `", "`").and_then(|n| n.parse::<f64>().ok());
    let found_big_integer = message.starts_with("invalid value: integer `");
    let table: [(&[&str], &str, &str); 7] = [
        (
            &["a string", "string"],
            "string_type",
            "Input should be a valid string",
        ),
        (
            &["i64", "u64", "i32", "u32", "integer"],
            "int_type",
            "Input should be a valid integer",
        ),
        (
            &["f64", "f32"],
            "float_type",
            "Input should be a valid number",
        ),
        (
            &["a boolean"],
            "bool_type",
            "Input should be a valid boolean",
        ),
        (&["a sequence"], "list_type", "Input should be a valid list"),
        (
            &["struct", "a map"],
            "model_attributes_type",
            "Input should be a valid dictionary or object to extract fields from",
        ),
        (
            &["UUID", "uuid"],
            "uuid_type",
            "Input should be a valid UUID",
        ),
    ];
    for (needles, kind, msg) in table {
        if needles.iter().any(|n| expected.starts_with(n)) {
            if kind == "int_type"
                && (found_big_integer
                    || found_float.is_some_and(|f| f.fract() == 0.0 && f.abs() >= i64::MAX as f64))
            {
                return (
                    "int_parsing_size",
                    format!(
                        "Input should be a valid integer, the number is out of range (at most {})",
                        i64::MAX
                    ),
                );
            }
            if kind == "int_type" && found_float.is_some_and(|f| f.fract() != 0.0) {
                return (
                    "int_from_float",
                    "Input should be a valid integer, got a number with a fractional part".into(),
                );
            }
            if kind == "int_type" && found_float.is_some() {
                return (
                    "int_type",
                    "Input should be a valid integer, got a number written with a decimal point or exponent".into(),
                );
            }
            if message.starts_with("invalid value") && kind == "int_type" {
                return (
                    "int_parsing",
                    format!("Input should be a valid integer: {message}"),
                );
            }
            return (kind, msg.to_owned());
        }
    }
    ("value_error", format!("Value error, {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::AdminWorkspaceIn;

    fn first_error(json: &str) -> ValidationError {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let err = serde_path_to_error::deserialize::<_, AdminWorkspaceIn>(value).unwrap_err();
        describe_serde_error(&err)
    }

    #[test]
    fn missing_fields_point_at_the_field() {
        let e = first_error(r#"{"admin_user_id":"0d48f530-095c-43fe-8aea-6673bcacabe6"}"#);
        assert_eq!(e.kind, "missing");
        assert_eq!(e.loc, crate::loc!["body", "name"]);
    }

    #[test]
    fn wrong_types_and_bad_uuids_are_named() {
        let e =
            first_error(r#"{"name": 5, "admin_user_id":"0d48f530-095c-43fe-8aea-6673bcacabe6"}"#);
        assert_eq!(
            (e.kind.as_str(), e.loc),
            ("string_type", crate::loc!["body", "name"])
        );
        let e = first_error(r#"{"name": "x", "admin_user_id":"nope"}"#);
        assert_eq!(
            (e.kind.as_str(), e.loc),
            ("uuid_parsing", crate::loc!["body", "admin_user_id"])
        );
        let e = first_error(
            r#"{"name": "x", "add_all_org_members": "yes", "admin_user_id":"0d48f530-095c-43fe-8aea-6673bcacabe6"}"#,
        );
        assert_eq!(e.kind, "bool_type");
    }

    fn amount_error(json: &str) -> ValidationError {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let err =
            serde_path_to_error::deserialize::<_, crate::api::NewUsageLimitIn>(value).unwrap_err();
        describe_serde_error(&err)
    }

    #[test]
    fn integers_too_big_are_out_of_range_not_fractional() {
        for big in [
            "99999999999999999999",
            "9223372036854775808",
            "-99999999999999999999",
            "1e20",
        ] {
            let e = amount_error(&format!(r#"{{"amount": {big}}}"#));
            assert_eq!(e.kind, "int_parsing_size", "{big}: {}", e.msg);
            assert!(e.msg.contains("out of range"), "{}", e.msg);
            assert_eq!(e.loc, crate::loc!["body", "amount"]);
        }
        let e = amount_error(r#"{"amount": 1.5}"#);
        assert_eq!(e.kind, "int_from_float");
        let e = amount_error(r#"{"amount": 2.0}"#);
        assert_eq!(e.kind, "int_type");
        assert!(!e.msg.contains("fractional"), "{}", e.msg);
    }

    #[test]
    fn bad_json_reports_its_position() {
        let err = parse_json(b"{\"name\": }").unwrap_err();
        let ApiError::Validation(items) = err else {
            panic!()
        };
        assert_eq!(items[0].kind, "json_invalid");
        assert_eq!(items[0].loc, vec![LocItem::from("body"), LocItem::Index(9)]);
    }
}
