//! The local server's own extensions under `/x-local`: organization identity and rename, and
//! the workspace settings the contract cannot express. Reading the organization and reading or
//! changing the settings are `plain` handlers; renaming has its own, as a body without a name
//! reads the organization as it is.

use axum::Json;

use crate::api::*;
use crate::server::error::ApiResult;
use crate::server::extract::JsonBody;
use crate::server::ops::organizations;
use crate::server::org::Org;

pub async fn rename_organization(
    org: Org,
    JsonBody(body): JsonBody<LocalOrganizationUpdate>,
) -> ApiResult<Json<LocalOrganizationOut>> {
    org.write_json(move |op| match &body.name {
        Some(name) => organizations::rename(op, name),
        None => organizations::get(op.tx, op.org),
    })
    .await
}
