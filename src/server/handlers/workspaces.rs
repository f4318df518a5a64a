//! `GET /workspaces`, the one workspace route that reads a query; the others are `plain`.

use super::{JsonBytes, paging};
use crate::server::error::ApiResult;
use crate::server::ops::workspaces;
use crate::server::org::Org;
use crate::server::query::QueryReader;

/// `GET /workspaces` (`WorkspacesOut`), sent as the JSON the page cache holds.
pub async fn list(org: Org, mut query: QueryReader) -> ApiResult<JsonBytes> {
    let archived = query.boolean("is_archived", false);
    let paging = paging(&mut query);
    let list = workspaces::ListQuery {
        archived,
        paging,
        search: query.text("search"),
    };
    query.finish()?;
    org.read(move |op| workspaces::list_json(op.tx, op.org, &list))
        .await
        .map(JsonBytes)
}
