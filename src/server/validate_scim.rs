//! The rules of SCIM bodies beyond their JSON types: a real run names what it synchronizes, and
//! the simulated provider's users and groups have plausible names and addresses.

use super::validate::{Validate, Validator};
use crate::api::*;
use crate::domain::validation;

impl Validate for AdminScimSyncTriggerIn {
    fn validate(&self, v: &mut Validator) {
        if !self.dry_run && self.sync_config.is_none() {
            v.push(
                &["sync_config".into()],
                "missing",
                "Field required when dry_run is false: say what the run synchronizes",
            );
        }
    }
}

fn user_name(v: &mut Validator, value: &str) {
    v.check(&["userName".into()], validation::email_text(value));
    if !validation::is_valid_email(value.trim()) {
        v.push(
            &["userName".into()],
            "value_error",
            "Value error, userName must be an email address",
        );
    }
}

fn person_names(v: &mut Validator, given: &Option<String>, family: &Option<String>) {
    for (field, value) in [("givenName", given), ("familyName", family)] {
        if let Some(text) = value {
            v.check(&[field.into()], validation::label("Name", text));
        }
    }
}

impl Validate for LocalScimUserIn {
    fn validate(&self, v: &mut Validator) {
        user_name(v, &self.user_name);
        person_names(v, &self.given_name, &self.family_name);
    }
}

impl Validate for LocalScimUserUpdate {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.user_name {
            user_name(v, name);
        }
        person_names(v, &self.given_name, &self.family_name);
    }
}

fn members(v: &mut Validator, members: &[uuid::Uuid]) {
    let mut seen = std::collections::HashSet::new();
    for (index, id) in members.iter().enumerate() {
        if !seen.insert(id) {
            v.push(
                &["members".into(), LocItem::from(index)],
                "value_error",
                format!("Value error, {id} appears more than once"),
            );
        }
    }
}

impl Validate for LocalScimGroupIn {
    fn validate(&self, v: &mut Validator) {
        v.check(
            &["displayName".into()],
            validation::group_name(&self.display_name),
        );
        members(v, &self.members);
    }
}

impl Validate for LocalScimGroupUpdate {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.display_name {
            v.check(&["displayName".into()], validation::group_name(name));
        }
        if let Some(list) = &self.members {
            members(v, list);
        }
    }
}

impl Validate for LocalScimProviderUpdate {
    fn validate(&self, _v: &mut Validator) {}
}
