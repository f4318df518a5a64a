//! The contract's limits on request bodies beyond their JSON types: lengths, list sizes,
//! enum values carried as strings, and which role fields may be combined.

use crate::api::*;
use crate::domain::validation::{self, FieldProblem};
use crate::domain::{OrgRole, WorkspaceRole, roles};

use super::error::ApiError;

/// Collects every problem of one request, each at its full `loc`.
pub struct Validator {
    base: Vec<LocItem>,
    errors: Vec<ValidationError>,
}

impl Validator {
    pub fn new(base: Vec<LocItem>) -> Self {
        Self {
            base,
            errors: Vec::new(),
        }
    }

    fn loc(&self, path: &[LocItem]) -> Vec<LocItem> {
        self.base.iter().chain(path).cloned().collect()
    }

    pub fn push(&mut self, path: &[LocItem], kind: &str, msg: impl Into<String>) {
        let loc = self.loc(path);
        self.errors.push(ValidationError::new(loc, kind, msg));
    }

    pub fn check(&mut self, path: &[LocItem], result: Result<(), FieldProblem>) {
        if let Err(problem) = result {
            self.push(path, problem.kind, problem.message);
        }
    }

    /// Runs `f` with `path` appended to the base, for nested objects.
    pub fn nested(&mut self, path: &[LocItem], f: impl FnOnce(&mut Validator)) {
        let mut inner = Validator::new(self.loc(path));
        f(&mut inner);
        self.errors.append(&mut inner.errors);
    }

    pub fn finish(self) -> Result<(), ApiError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.errors))
        }
    }
}

/// Checks a parsed body against the rules its JSON type cannot express.
pub trait Validate {
    fn validate(&self, v: &mut Validator);
}

/// A list longer than [`validation::MAX_ITEMS_PER_REQUEST`] is refused as pydantic words it.
fn bounded_list<T>(v: &mut Validator, path: &[LocItem], list: &[T]) {
    let max = validation::MAX_ITEMS_PER_REQUEST;
    if list.len() > max {
        v.push(
            path,
            "too_long",
            format!(
                "List should have at most {max} items after validation, not {}; send them in \
                 several requests",
                list.len()
            ),
        );
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, v: &mut Validator) {
        bounded_list(v, &[], self);
        for (index, item) in self.iter().enumerate() {
            v.nested(&[LocItem::from(index)], |v| item.validate(v));
        }
    }
}

fn max_len(v: &mut Validator, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        v.push(
            &[field.into()],
            "string_too_long",
            format!("String should have at most {max} characters"),
        );
    }
}

fn non_empty_list<T>(v: &mut Validator, field: &str, list: &Option<Vec<T>>) {
    if list.as_ref().is_some_and(Vec::is_empty) {
        v.push(
            &[field.into()],
            "too_short",
            "List should have at least 1 item after validation, not 0",
        );
    }
}

/// `value` must be one of `allowed`; `path` is where it sits (a field, or a field and the
/// index of a list item, which FastAPI reports as an integer).
pub(super) fn one_of(v: &mut Validator, path: &[LocItem], value: &str, allowed: &[&str]) {
    if !allowed.contains(&value) {
        let options: Vec<String> = allowed.iter().map(|a| format!("'{a}'")).collect();
        v.push(
            path,
            "enum",
            format!("Input should be {}", options.join(", ")),
        );
    }
}

/// Every item of a list of seats must be one of `allowed`.
fn seats_of(v: &mut Validator, field: &str, seats: &Option<Vec<String>>, allowed: &[&str]) {
    for (index, seat) in seats.iter().flatten().enumerate() {
        one_of(v, &[field.into(), LocItem::from(index)], seat, allowed);
    }
}

fn exclusive_role_fields(v: &mut Validator, given: [bool; 4]) {
    if given.iter().filter(|g| **g).count() > 1 {
        v.push(
            &[],
            "value_error",
            "Value error, provide only one of role_names, roles, role_name or role",
        );
    }
}

/// What checking a body's roles needs to know of one kind of role.
pub(super) trait RoleKind: Copy {
    /// What a legacy code or UUID of this kind may be, as a 422 says it.
    const EXPECTED: &'static str;
    fn parse_code_or_uuid(value: &str) -> Option<Self>;
    /// Sorted by precedence, without repeats.
    fn normalize(roles: Vec<Self>) -> Vec<Self>;
}

impl RoleKind for OrgRole {
    const EXPECTED: &'static str = "Input should be 'A', 'M', 'B' or an organization role UUID";
    fn parse_code_or_uuid(value: &str) -> Option<Self> {
        Self::from_code_or_uuid(value)
    }
    fn normalize(roles: Vec<Self>) -> Vec<Self> {
        roles::normalize_org_roles(roles)
    }
}

impl RoleKind for WorkspaceRole {
    const EXPECTED: &'static str = "Input should be 'A', 'M' or a workspace role UUID";
    fn parse_code_or_uuid(value: &str) -> Option<Self> {
        Self::from_code_or_uuid(value)
    }
    fn normalize(roles: Vec<Self>) -> Vec<Self> {
        roles::normalize_workspace_roles(roles)
    }
}

/// The four ways a body can name roles of type `R`, as every body carries them: `role_names`
/// (names), `roles` (codes or UUIDs), and the deprecated single `role_name` and `role`.
pub(super) struct RoleFields<'a, R> {
    pub names: &'a Option<Vec<R>>,
    pub values: &'a Option<Vec<String>>,
    pub name: Option<R>,
    pub value: &'a Option<String>,
}

impl<R: RoleKind> RoleFields<'_, R> {
    /// At most one way used, no empty list, and every code or UUID a known role.
    pub fn check(&self, v: &mut Validator) {
        let (parse, expected) = (R::parse_code_or_uuid, R::EXPECTED);
        exclusive_role_fields(
            v,
            [
                self.names.is_some(),
                self.values.is_some(),
                self.name.is_some(),
                self.value.is_some(),
            ],
        );
        non_empty_list(v, "role_names", self.names);
        non_empty_list(v, "roles", self.values);
        for (index, value) in self.values.iter().flatten().enumerate() {
            if parse(value).is_none() {
                v.push(&["roles".into(), LocItem::from(index)], "enum", expected);
            }
        }
        if let Some(value) = self.value
            && parse(value).is_none()
        {
            v.push(&["role".into()], "enum", expected);
        }
    }

    /// The roles asked for (of a body already checked), normalized, or `None` when none are
    /// named.
    pub fn requested(&self) -> Option<Vec<R>> {
        let parse = R::parse_code_or_uuid;
        let roles = if let Some(names) = self.names {
            names.clone()
        } else if let Some(values) = self.values {
            values.iter().filter_map(|r| parse(r)).collect()
        } else if let Some(name) = self.name {
            vec![name]
        } else {
            vec![parse(self.value.as_deref()?)?]
        };
        Some(R::normalize(roles))
    }
}

/// A part of a body that names roles in the four ways of [`RoleFields`]: checking it is
/// checking those fields, and what it asks for is read from them.
pub(super) trait NamesRoles {
    type Role: RoleKind;
    fn named_roles(&self) -> RoleFields<'_, Self::Role>;
}

// Covers OrgRoleFields and WorkspaceMemberSingleIn (below) and GroupRoleFields
// (validate_groups.rs): their checks are their NamesRoles impls.
impl<T: NamesRoles> Validate for T {
    fn validate(&self, v: &mut Validator) {
        self.named_roles().check(v);
    }
}

/// The roles a valid body asks for, normalized, or `None` when it names none.
pub fn requested_roles<T: NamesRoles>(body: &T) -> Option<Vec<T::Role>> {
    body.named_roles().requested()
}

impl NamesRoles for OrgRoleFields {
    type Role = OrgRole;
    fn named_roles(&self) -> RoleFields<'_, OrgRole> {
        RoleFields {
            names: &self.role_names,
            values: &self.roles,
            name: self.role_name,
            value: &self.role,
        }
    }
}

impl NamesRoles for WorkspaceMemberSingleIn {
    type Role = WorkspaceRole;
    fn named_roles(&self) -> RoleFields<'_, WorkspaceRole> {
        RoleFields {
            names: &self.role_names,
            values: &self.roles,
            name: self.role_name,
            value: &self.role,
        }
    }
}

impl Validate for OrganizationMemberCreate {
    fn validate(&self, v: &mut Validator) {
        self.org_role_fields().validate(v);
        max_len(v, "email", &self.email, validation::NAME_MAX_CHARS);
        v.check(&["email".into()], validation::email_text(&self.email));
        v.check(
            &["first_name".into()],
            validation::label("First name", &self.first_name),
        );
        v.check(
            &["last_name".into()],
            validation::label("Last name", &self.last_name),
        );
        seats_of(
            v,
            "subscription_types",
            &self.subscription_types,
            &PLAN_TYPES,
        );
    }
}

impl Validate for AdminOrganizationMemberUpdate {
    fn validate(&self, v: &mut Validator) {
        self.org_role_fields().validate(v);
        seats_of(
            v,
            "subscription_types",
            &self.subscription_types,
            &MEMBER_SEAT_TYPES,
        );
    }
}

impl Validate for OrganizationInviteIn {
    fn validate(&self, v: &mut Validator) {
        self.org_role_fields().validate(v);
        v.check(&["email".into()], validation::email_list_text(&self.email));
        let addresses = validation::split_email_list(&self.email).len();
        let max = validation::MAX_ADDRESSES_PER_INVITATION;
        if addresses > max {
            v.push(
                &["email".into()],
                "too_long",
                format!(
                    "At most {max} addresses per invitation request, not {addresses}; send them \
                     in several requests"
                ),
            );
        }
        if let Some(seat) = &self.subscription_type {
            one_of(v, &["subscription_type".into()], seat, &PLAN_TYPES);
        }
        seats_of(
            v,
            "subscription_types",
            &self.subscription_types,
            &PLAN_TYPES,
        );
        if let Some(language) = &self.email_language {
            one_of(v, &["email_language".into()], language, &EMAIL_LANGUAGES);
        }
    }
}

impl Validate for WorkspaceMemberIn {
    fn validate(&self, v: &mut Validator) {
        bounded_list(
            v,
            &["members".into()],
            self.members.as_deref().unwrap_or_default(),
        );
        let mut seen = std::collections::HashSet::new();
        for (index, entry) in self.members.iter().flatten().enumerate() {
            v.nested(&["members".into(), LocItem::from(index)], |v| {
                entry.validate(v);
                if !seen.insert(entry.user_uuid) {
                    v.push(
                        &["user_uuid".into()],
                        "value_error",
                        "Value error, this user appears more than once",
                    );
                }
            });
        }
    }
}

impl Validate for RemoveWorkspaceMembersIn {
    fn validate(&self, v: &mut Validator) {
        bounded_list(v, &["members".into()], &self.members);
    }
}

impl Validate for AdminWorkspaceIn {
    fn validate(&self, v: &mut Validator) {
        v.check(&["name".into()], validation::workspace_name(&self.name));
        v.check(
            &["description".into()],
            validation::workspace_description(&self.description),
        );
        v.check(&["icon".into()], validation::workspace_icon(&self.icon));
    }
}

impl Validate for UpdateWorkspaceIn {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.name {
            v.check(&["name".into()], validation::workspace_name(name));
        }
        if let Some(description) = &self.description {
            v.check(
                &["description".into()],
                validation::workspace_description(description),
            );
        }
        if let Some(icon) = &self.icon {
            v.check(&["icon".into()], validation::workspace_icon(icon));
        }
    }
}

impl Validate for AdminCreateApiKeyIn {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.name {
            v.check(&["name".into()], validation::label("API key name", name));
        }
    }
}

impl Validate for NewUsageLimitIn {
    fn validate(&self, v: &mut Validator) {
        if self.amount < 0 {
            v.push(
                &["amount".into()],
                "greater_than_equal",
                "Input should be greater than or equal to 0",
            );
        }
    }
}

impl Validate for LocalOrganizationUpdate {
    fn validate(&self, v: &mut Validator) {
        if let Some(name) = &self.name {
            if name.trim().is_empty() {
                v.push(
                    &["name".into()],
                    "string_too_short",
                    "Organization name must not be empty",
                );
            }
            v.check(
                &["name".into()],
                validation::label("Organization name", name),
            );
        }
    }
}

impl Validate for WorkspaceSettingsUpdate {
    fn validate(&self, v: &mut Validator) {
        if let Some(Some(cap)) = self.monthly_spend_cap
            && cap < 0
        {
            v.push(
                &["monthly_spend_cap".into()],
                "greater_than_equal",
                "Input should be greater than or equal to 0",
            );
        }
    }
}
