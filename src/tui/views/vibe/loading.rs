//! What the Vibe view asks for over one window: Vibe Work by person, by agent and by time
//! bucket, Vibe Code for the organization and for each workspace, and the members with their
//! seats (for names, and to find seat holders who did nothing in the window).

use std::collections::HashSet;

use futures::future::try_join_all;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::api::{AdminOrganizationMemberOut, VibeWorkspaceStatsOut};
use crate::client::{AdminClient, ClientError, VibeWindow};
use crate::tui::state::RemoteError;
use crate::tui::views::fetch::{Ask, remote};

/// The seat whose holders are expected to use Vibe Work.
pub const CHAT_SEAT: &str = "CHAT";

/// One window's activity, as the view lists and charts it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Activity {
    pub users: Vec<UserRow>,
    pub agents: Vec<AgentRow>,
    /// Per time bucket: its start, messages, active people.
    pub series: Vec<(Option<OffsetDateTime>, i64, i64)>,
    pub workspaces: Vec<WorkspaceRow>,
    pub sessions: i64,
    pub tokens: i64,
    /// People with a Vibe Work seat who sent nothing in the window: candidates to free a seat.
    pub idle_seats: Vec<SeatRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub name: String,
    pub email: String,
    pub messages: i64,
    pub conversations: i64,
    pub agents: i64,
    pub last: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentRow {
    pub agent: String,
    pub messages: i64,
    pub users: i64,
    pub last: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceRow {
    pub name: String,
    pub sessions: i64,
    pub prompts: i64,
    pub tokens: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatRow {
    pub name: String,
    pub email: String,
    pub seats: Vec<String>,
}

/// The window and the workspaces to break Vibe Code down by (`(id, name)`).
#[derive(Debug, Clone, PartialEq)]
pub struct VibeFetch {
    pub end: OffsetDateTime,
    pub days: i64,
    pub granularity: &'static str,
    pub workspaces: Vec<(Uuid, String)>,
}

impl Ask for VibeFetch {
    type Answer = Activity;

    fn label(&self) -> &'static str {
        "Vibe activity"
    }

    async fn ask(self, client: AdminClient) -> Result<Activity, RemoteError> {
        activity(&client, &self).await.map_err(remote)
    }

    #[cfg(test)]
    fn fixture(&self) -> Activity {
        super::tests::activity()
    }
}

async fn activity(client: &AdminClient, fetch: &VibeFetch) -> Result<Activity, ClientError> {
    let window = VibeWindow::days_before(fetch.end, fetch.days);
    let per_workspace = try_join_all(
        fetch
            .workspaces
            .iter()
            .map(|(id, _)| client.vibe_code_by_workspace(&window, Some(*id))),
    );
    let (by_user, by_agent, by_time, code, people, per_workspace) = futures::try_join!(
        client.vibe_work_by_user(&window),
        client.vibe_work_by_agent(&window),
        client.vibe_work_by_time(&window, Some(fetch.granularity)),
        client.vibe_code_by_workspace(&window, None),
        client.list_all_users(),
        per_workspace,
    )?;
    let members = &people.members;
    let person = |id: &str| {
        Uuid::parse_str(id)
            .ok()
            .and_then(|id| members.iter().find(|m| m.uuid == id))
    };
    let mut users: Vec<UserRow> = by_user
        .data
        .iter()
        .map(|s| {
            let found = person(&s.user_id);
            UserRow {
                name: found.map_or_else(|| s.user_id.clone(), display_name),
                email: found.and_then(|m| m.email.clone()).unwrap_or_default(),
                messages: s.messages_count,
                conversations: s.unique_conversations_count,
                agents: s.unique_agents_count,
                last: s.last_message_at,
            }
        })
        .collect();
    most_first(&mut users, |u| (u.messages, &u.name));
    let mut agents: Vec<AgentRow> = by_agent
        .data
        .iter()
        .map(|s| AgentRow {
            agent: s.agent_id.clone(),
            messages: s.messages_count,
            users: s.unique_users_count,
            last: s.last_message_at,
        })
        .collect();
    most_first(&mut agents, |a| (a.messages, &a.agent));
    let active: HashSet<&str> = by_user.data.iter().map(|s| s.user_id.as_str()).collect();
    let idle_seats = members
        .iter()
        .filter(|m| holds(m, CHAT_SEAT) && !active.contains(m.uuid.to_string().as_str()))
        .map(|m| SeatRow {
            name: display_name(m),
            email: m.email.clone().unwrap_or_default(),
            seats: m.subscriptions.iter().map(|s| s.kind.clone()).collect(),
        })
        .collect();
    let mut workspaces: Vec<WorkspaceRow> = fetch
        .workspaces
        .iter()
        .zip(&per_workspace)
        .map(|((_, name), stats)| WorkspaceRow {
            name: name.clone(),
            sessions: sessions(stats),
            prompts: stats.user_prompts.iter().map(|p| p.nb_prompts_total).sum(),
            tokens: tokens(stats),
        })
        .filter(|row| row.sessions > 0 || row.tokens > 0)
        .collect();
    most_first(&mut workspaces, |w| (w.tokens, &w.name));
    Ok(Activity {
        users,
        agents,
        series: by_time
            .data
            .iter()
            .map(|b| (b.time_bucket, b.messages_count, b.unique_users_count))
            .collect(),
        workspaces,
        sessions: sessions(&code),
        tokens: tokens(&code),
        idle_seats,
    })
}

/// Sorts rows by how much they count, most first; equal counts by name, so the order holds
/// from one load to the next.
fn most_first<T>(rows: &mut [T], count_and_name: impl Fn(&T) -> (i64, &str)) {
    rows.sort_by(|a, b| {
        let ((count_a, name_a), (count_b, name_b)) = (count_and_name(a), count_and_name(b));
        count_b.cmp(&count_a).then_with(|| name_a.cmp(name_b))
    });
}

fn sessions(stats: &VibeWorkspaceStatsOut) -> i64 {
    stats.sessions.iter().map(|s| s.nb_sessions).sum()
}

fn tokens(stats: &VibeWorkspaceStatsOut) -> i64 {
    stats
        .consumed_tokens
        .iter()
        .map(|t| t.input_tokens + t.output_tokens)
        .sum()
}

fn holds(member: &AdminOrganizationMemberOut, seat: &str) -> bool {
    member.subscriptions.iter().any(|s| s.kind == seat)
}

fn display_name(member: &AdminOrganizationMemberOut) -> String {
    member
        .name
        .clone()
        .or_else(|| member.email.clone())
        .unwrap_or_else(|| member.uuid.to_string())
}
