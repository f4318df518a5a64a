//! Query parameters of the listing endpoints that take more than a page number.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::datetime::format_timestamp;

/// The parameters that have a value, in the order given.
pub(crate) fn present<const N: usize>(
    params: [(&'static str, Option<String>); N],
) -> Vec<(&'static str, String)> {
    params
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect()
}

/// `GET /workspaces` parameters. `is_archived = true` lists archived workspaces only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkspaceQuery {
    pub is_archived: bool,
    pub page: Option<u32>,
    pub page_size: Option<u32>,
    /// Filters by name.
    pub search: Option<String>,
}

impl WorkspaceQuery {
    pub fn active() -> Self {
        Self::default()
    }

    pub fn archived() -> Self {
        Self {
            is_archived: true,
            ..Self::default()
        }
    }

    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        present([
            ("is_archived", Some(self.is_archived.to_string())),
            ("page", self.page.map(|page| page.to_string())),
            ("page_size", self.page_size.map(|size| size.to_string())),
            ("search", self.search.clone().filter(|s| !s.is_empty())),
        ])
    }
}

/// `GET /audit-logs` filters. Lists become repeated parameters (`event_type=a&event_type=b`),
/// the form FastAPI reads into a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub actor_type: Vec<String>,
    pub event_type: Vec<String>,
    pub target_type: Vec<String>,
    pub actor_user_uuid: Option<Uuid>,
    /// `ascending` or `descending` (the server's default).
    pub sort: Option<String>,
    pub after: Option<OffsetDateTime>,
    pub before: Option<OffsetDateTime>,
    pub limit: Option<u32>,
}

impl AuditQuery {
    pub(crate) fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let lists = [
            ("actor_type", &self.actor_type),
            ("event_type", &self.event_type),
            ("target_type", &self.target_type),
        ];
        for (name, values) in lists {
            pairs.extend(values.iter().map(|v| (name, v.clone())));
        }
        pairs.extend(present([
            (
                "actor_user_uuid",
                self.actor_user_uuid.map(|u| u.to_string()),
            ),
            ("sort", self.sort.clone()),
            ("after", self.after.map(format_timestamp)),
            ("before", self.before.map(format_timestamp)),
            ("limit", self.limit.map(|limit| limit.to_string())),
        ]));
        pairs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_become_repeated_parameters() {
        let query = AuditQuery {
            event_type: vec!["workspace.create".into(), "workspace.delete".into()],
            limit: Some(5),
            ..AuditQuery::default()
        };
        assert_eq!(
            query.pairs(),
            vec![
                ("event_type", "workspace.create".to_owned()),
                ("event_type", "workspace.delete".to_owned()),
                ("limit", "5".to_owned()),
            ]
        );
    }

    #[test]
    fn workspace_query_always_says_which_tab() {
        assert_eq!(
            WorkspaceQuery::archived().pairs(),
            vec![("is_archived", "true".to_owned())]
        );
    }
}
