//! Checks responses against the contract's response schemas (the table is in
//! `contract_schemas.rs`): `check_object` walks a response and fails on a missing required
//! key, a key the schema does not declare, or a value outside an enum, recursing into nested
//! objects.

use serde_json::Value;

pub use super::contract_schemas::SCHEMAS;

/// What a property holds when it is not a plain value.
pub enum Nested {
    /// An object of that schema, a list of them, or null.
    Object(&'static str),
    /// An object whose values are all strings (`additionalProperties: string`).
    StringMap,
    /// An object whose values are all objects of that schema (`additionalProperties: $ref`).
    MapOf(&'static str),
    /// An `APIKeyActions` entry: `ActionAvailable` or the given `ActionUnavailable[...]`.
    Action(&'static str),
}

pub struct Schema {
    pub name: &'static str,
    pub properties: &'static [&'static str],
    pub required: &'static [&'static str],
    pub nested: &'static [(&'static str, Nested)],
    /// Properties whose value (or each value of a list) must be one of these.
    pub enums: &'static [(&'static str, &'static [&'static str])],
    /// List properties with `minItems: 1`.
    pub non_empty: &'static [&'static str],
}

pub const fn schema(name: &'static str, properties: &'static [&'static str]) -> Schema {
    Schema {
        name,
        properties,
        required: &[],
        nested: &[],
        enums: &[],
        non_empty: &[],
    }
}

pub fn lookup(name: &str) -> &'static Schema {
    SCHEMAS
        .iter()
        .chain(super::contract_schemas_groups::SCHEMAS)
        .chain(super::contract_schemas_usage::SCHEMAS)
        .chain(super::contract_schemas_vibe::SCHEMAS)
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no schema named {name} in the table"))
}

/// Checks `value` (an object, or a list of objects) against `schema`, recursively.
#[track_caller]
pub fn check(schema: &str, value: &Value) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| check_object(schema, item)),
        other => check_object(schema, other),
    }
}

#[track_caller]
pub fn check_object(name: &str, value: &Value) {
    let schema = lookup(name);
    let object = value
        .as_object()
        .unwrap_or_else(|| panic!("{name}: expected an object, got {value}"));
    for key in schema.required {
        assert!(
            object.contains_key(*key),
            "{name}: required key `{key}` is missing from {value}"
        );
    }
    for key in object.keys() {
        assert!(
            schema.properties.contains(&key.as_str()),
            "{name}: key `{key}` is not a property of the schema ({value})"
        );
    }
    for (key, allowed) in schema.enums {
        let values: Vec<&Value> = match object.get(*key) {
            None | Some(Value::Null) => continue,
            Some(Value::Array(items)) => items.iter().collect(),
            Some(one) => vec![one],
        };
        for v in values {
            let text = v
                .as_str()
                .unwrap_or_else(|| panic!("{name}.{key}: {v} is not a string"));
            assert!(
                allowed.contains(&text),
                "{name}.{key}: {text:?} is not one of the contract's values"
            );
        }
    }
    for key in schema.non_empty {
        if let Some(Value::Array(items)) = object.get(*key) {
            assert!(
                !items.is_empty(),
                "{name}.{key} must hold at least one item"
            );
        }
    }
    for (key, nested) in schema.nested {
        let Some(inner) = object.get(*key).filter(|v| !v.is_null()) else {
            continue;
        };
        match nested {
            Nested::Object(inner_schema) => check(inner_schema, inner),
            Nested::StringMap => {
                let map = inner
                    .as_object()
                    .unwrap_or_else(|| panic!("{name}.{key}: expected an object"));
                for (k, v) in map {
                    assert!(v.is_string(), "{name}.{key}.{k}: {v} is not a string");
                }
            }
            Nested::MapOf(inner_schema) => {
                let map = inner
                    .as_object()
                    .unwrap_or_else(|| panic!("{name}.{key}: expected an object"));
                for value in map.values() {
                    check_object(inner_schema, value);
                }
            }
            Nested::Action(unavailable) => {
                let schema = match inner["status"].as_str() {
                    Some("available") => "ActionAvailable",
                    Some("unavailable") => unavailable,
                    other => panic!("{name}.{key}: unknown action status {other:?}"),
                };
                check_object(schema, inner);
            }
        }
    }
}

/// The contract's `{"detail": "..."}` error body.
#[track_caller]
pub fn check_message_error(value: &Value) {
    let object = value.as_object().expect("error body is an object");
    assert_eq!(object.len(), 1, "only `detail`: {value}");
    assert!(object["detail"].is_string(), "detail is a string: {value}");
}

/// Every organization-role and workspace-role value found in a response, wherever it sits.
pub fn role_values(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                match (key.as_str(), inner) {
                    ("raw_roles" | "roles", Value::Array(items)) => {
                        out.extend(items.iter().filter_map(|v| v.as_str().map(str::to_owned)))
                    }
                    ("raw_role" | "role", Value::String(s)) => out.push(s.clone()),
                    _ => role_values(inner, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| role_values(v, out)),
        _ => {}
    }
}
