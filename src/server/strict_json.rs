//! Reading a parsed JSON body into a request type the way pydantic does: an object field only
//! from a JSON object.
//!
//! serde's derived structs also accept a JSON array, matching its items to the fields in order,
//! so `[5000]` would pass for `{"amount": 5000}` and `[]` for an empty update. FastAPI answers
//! those with 422 `model_attributes_type`, and a script that sends one has a bug the local
//! server must show rather than act on. [`Strict`] wraps a `serde_json::Value` and refuses a
//! sequence wherever a struct is asked for, at any depth (the items of `members` too); every
//! other request is handed to `serde_json`'s own reading of the value, so its error messages
//! (which `extract` maps to pydantic's vocabulary) stay the same.

use serde::de::value::{BorrowedStrDeserializer, MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer};
use serde::forward_to_deserialize_any;
use serde_json::{Map, Value};

type Error = serde_json::Error;

/// A JSON value read strictly: see the module documentation.
pub struct Strict<'a>(pub &'a Value);

impl<'de> Deserializer<'de> for Strict<'de> {
    type Error = Error;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(array) => visitor.visit_seq(items(array)),
            Value::Object(map) => visitor.visit_map(fields(map)),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(map) => visitor.visit_map(fields(map)),
            // The visitor says what it expected ("struct X"), which `extract` reports as
            // pydantic's `model_attributes_type`.
            Value::Array(_) => Err(de::Error::invalid_type(de::Unexpected::Seq, &visitor)),
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Request enums are plain strings; serde_json's reading gives the usual messages.
        self.0.deserialize_enum(name, variants, visitor)
    }

    // Scalars: exactly serde_json's reading, so type errors read the same.
    fn deserialize_bool<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_bool(v)
    }
    fn deserialize_i8<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_i8(v)
    }
    fn deserialize_i16<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_i16(v)
    }
    fn deserialize_i32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_i32(v)
    }
    fn deserialize_i64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_i64(v)
    }
    fn deserialize_u8<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_u8(v)
    }
    fn deserialize_u16<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_u16(v)
    }
    fn deserialize_u32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_u32(v)
    }
    fn deserialize_u64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_u64(v)
    }
    fn deserialize_f32<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_f32(v)
    }
    fn deserialize_f64<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_f64(v)
    }
    fn deserialize_char<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_char(v)
    }
    fn deserialize_str<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_str(v)
    }
    fn deserialize_string<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_string(v)
    }
    fn deserialize_bytes<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_bytes(v)
    }
    fn deserialize_byte_buf<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_byte_buf(v)
    }
    fn deserialize_unit<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_unit(v)
    }
    fn deserialize_unit_struct<V: de::Visitor<'de>>(
        self,
        name: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.0.deserialize_unit_struct(name, v)
    }
    fn deserialize_identifier<V: de::Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.0.deserialize_identifier(v)
    }

    forward_to_deserialize_any! { seq tuple tuple_struct map ignored_any }
}

/// Lets serde's own sequence and map readers hand out values read strictly.
impl<'de> IntoDeserializer<'de, Error> for Strict<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// The items of an array, each read strictly.
fn items(array: &[Value]) -> SeqDeserializer<impl Iterator<Item = Strict<'_>>, Error> {
    SeqDeserializer::new(array.iter().map(Strict))
}

/// The fields of an object, each value read strictly; keys are lent, as `serde_json` lends them.
fn fields(map: &Map<String, Value>) -> MapDeserializer<'_, impl Iterator<Item = Field<'_>>, Error> {
    MapDeserializer::new(
        map.iter()
            .map(|(key, value)| (BorrowedStrDeserializer::new(key), Strict(value))),
    )
}

/// One field of an object as [`fields`] hands it to serde's map reader.
type Field<'a> = (BorrowedStrDeserializer<'a, Error>, Strict<'a>);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{NewUsageLimitIn, WorkspaceMemberIn};

    fn read<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
        let value: Value = serde_json::from_str(json).unwrap();
        serde_path_to_error::deserialize(Strict(&value))
            .map_err(|e| format!("{} at {}", e.inner(), e.path()))
    }

    #[test]
    fn an_array_is_no_object_at_any_depth() {
        let top = read::<NewUsageLimitIn>("[5000]").unwrap_err();
        assert!(top.contains("expected struct"), "{top}");
        let nested =
            read::<WorkspaceMemberIn>(r#"{"members": [["0d48f530-095c-43fe-8aea-6673bcacabe6"]]}"#)
                .unwrap_err();
        assert!(nested.contains("expected struct"), "{nested}");
        assert!(nested.ends_with("at members[0]"), "{nested}");
    }

    #[test]
    fn objects_read_as_before() {
        let limit: NewUsageLimitIn = read(r#"{"amount": 5000}"#).unwrap();
        assert_eq!(limit.amount, 5000);
        let members: WorkspaceMemberIn = read(
            r#"{"members": [{"user_uuid": "0d48f530-095c-43fe-8aea-6673bcacabe6", "role_names": ["workspace_admin"]}], "extra": [1]}"#,
        )
        .unwrap();
        assert_eq!(members.members.unwrap().len(), 1);
        let wrong = read::<NewUsageLimitIn>(r#"{"amount": "x"}"#).unwrap_err();
        assert!(wrong.contains("expected i64"), "{wrong}");
    }
}
