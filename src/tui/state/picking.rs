//! What the pickers offer for a query: ranked, with the matched characters for highlighting.

use uuid::Uuid;

use crate::tui::fuzzy::{self, Match};

use super::App;

#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceChoice {
    pub id: Uuid,
    pub name: String,
    pub icon: String,
    pub archived: bool,
    pub matched: Match,
}

/// The current organization's workspaces (archived ones too, once loaded), best match first.
pub fn workspaces(app: &App, query: &str) -> Vec<WorkspaceChoice> {
    let all = app.org().all_workspaces();
    fuzzy::rank(query, &all, |f| f.workspace.name.as_str())
        .into_iter()
        .map(|(found, matched)| WorkspaceChoice {
            id: found.workspace.uuid,
            name: found.workspace.name.clone(),
            icon: found.workspace.icon.clone().unwrap_or_default(),
            archived: found.archived,
            matched,
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrganizationChoice {
    pub index: usize,
    pub profile: String,
    /// The organization's name once it has been loaded in this session.
    pub name: Option<String>,
    pub is_local: bool,
    pub current: bool,
    /// Matched characters of the profile name.
    pub matched: Match,
}

/// Profiles, matched on the profile name and on the organization's name when known.
pub fn organizations(app: &App, query: &str) -> Vec<OrganizationChoice> {
    let matcher = fuzzy::Query::new(query);
    let mut found: Vec<(usize, OrganizationChoice)> = app
        .profiles
        .iter()
        .enumerate()
        .filter_map(|(index, profile)| {
            let name = app.orgs[index].display_name().map(str::to_owned);
            let on_profile = matcher.score(&profile.name);
            let on_name = name.as_deref().and_then(|n| matcher.score(n));
            let score = match (&on_profile, &on_name) {
                (Some(a), Some(b)) => a.score.max(b.score),
                (Some(a), None) => a.score,
                (None, Some(b)) => b.score,
                (None, None) => return None,
            };
            let matched = Match {
                score,
                positions: on_profile.map(|m| m.positions).unwrap_or_default(),
            };
            Some((
                index,
                OrganizationChoice {
                    index,
                    profile: profile.name.clone(),
                    name,
                    is_local: profile.is_local,
                    current: index == app.current,
                    matched,
                },
            ))
        })
        .collect();
    found.sort_by(|a, b| {
        b.1.matched
            .score
            .cmp(&a.1.matched.score)
            .then(a.0.cmp(&b.0))
    });
    found.into_iter().map(|(_, choice)| choice).collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberChoice {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    /// Matched characters of the name (none when only the email matched).
    pub matched: Match,
}

/// The organization's members, matched on name or email; by name when nothing is typed.
pub fn members(app: &App, query: &str) -> Vec<MemberChoice> {
    let Some(people) = app.org().people.get() else {
        return Vec::new();
    };
    let matcher = fuzzy::Query::new(query);
    let mut choices: Vec<MemberChoice> = people
        .persons
        .iter()
        .filter_map(|p| {
            let matched = matcher.score_either(&p.name, &p.email)?;
            Some(MemberChoice {
                id: p.user_id,
                name: p.name.to_string(),
                email: p.email.to_string(),
                matched,
            })
        })
        .collect();
    choices.sort_by_cached_key(|c| {
        (
            std::cmp::Reverse(c.matched.score),
            crate::domain::text::fold(&c.name),
            c.email.clone(),
        )
    });
    choices
}
