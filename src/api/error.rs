//! Error bodies in the FastAPI shape that Mistral's services use.
//!
//! `{"detail": "message"}` for 401/403/404/409 and friends; for 422,
//! `{"detail": [{"loc": ["body", "name"], "msg": "...", "type": "..."}]}`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorBody {
    pub detail: Detail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Detail {
    Message(String),
    Validation(Vec<ValidationError>),
    /// Anything else a server might put there; kept so the client can still show something.
    Other(serde_json::Value),
}

/// One entry of a 422 `detail` list (`ValidationError` in the contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidationError {
    pub loc: Vec<LocItem>,
    pub msg: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ctx: Option<serde_json::Value>,
}

impl ValidationError {
    pub fn new(loc: Vec<LocItem>, kind: impl Into<String>, msg: impl Into<String>) -> Self {
        Self {
            loc,
            msg: msg.into(),
            kind: kind.into(),
            input: None,
            ctx: None,
        }
    }

    /// The location without its leading "body"/"query"/"path" part, joined with dots:
    /// `members.2.user_uuid`. This is what a form shows next to a field.
    pub fn field_path(&self) -> String {
        let skip = matches!(
            self.loc.first(),
            Some(LocItem::Key(k)) if matches!(k.as_str(), "body" | "query" | "path" | "header")
        );
        self.loc
            .iter()
            .skip(usize::from(skip))
            .map(|item| match item {
                LocItem::Key(k) => k.clone(),
                LocItem::Index(i) => i.to_string(),
            })
            .collect::<Vec<_>>()
            .join(".")
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LocItem {
    Index(i64),
    Key(String),
}

impl From<&str> for LocItem {
    fn from(value: &str) -> Self {
        Self::Key(value.to_owned())
    }
}

impl From<String> for LocItem {
    fn from(value: String) -> Self {
        Self::Key(value)
    }
}

impl From<usize> for LocItem {
    fn from(value: usize) -> Self {
        Self::Index(value as i64)
    }
}

/// Builds a `loc` list: `loc!["body", "members", 2, "user_uuid"]`.
#[macro_export]
macro_rules! loc {
    ($($item:expr),* $(,)?) => {
        vec![$($crate::api::error::LocItem::from($item)),*]
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_detail_shapes_parse() {
        let msg: ErrorBody = serde_json::from_str(r#"{"detail":"Not Found"}"#).unwrap();
        assert_eq!(msg.detail, Detail::Message("Not Found".into()));
        let v: ErrorBody = serde_json::from_str(
            r#"{"detail":[{"loc":["body","members",0,"user_uuid"],"msg":"Field required","type":"missing"}]}"#,
        )
        .unwrap();
        let Detail::Validation(items) = v.detail else {
            panic!("not a validation list")
        };
        assert_eq!(items[0].field_path(), "members.0.user_uuid");
        assert_eq!(items[0].kind, "missing");
    }
}
