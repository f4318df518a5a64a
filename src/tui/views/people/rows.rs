//! The people view's two tables as rows built once per load: every cell's text, the folded
//! text the `/` search looks in, and the sort orders. Nothing here is redone per frame or per
//! cursor move, so ten thousand members cost what one screen of them costs to draw.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::client::Directory;
use crate::domain::OrgRole;
use crate::domain::text::fold;
use crate::tui::state::people::People;
use crate::tui::state::sort_direction::directed;

use super::loading::Loaded;
use crate::tui::views::list::Rows;

/// How long an invitation is good for (the contract's notes: 7 days after it was sent).
pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// A member's row. Its texts are shared: a name and email with the console's own people where
/// they agree, and role and seat lists (a handful of distinct ones among thousands of rows)
/// once each.
#[derive(Debug, Clone)]
pub struct MemberRow {
    pub id: Uuid,
    pub name: Arc<str>,
    pub email: Arc<str>,
    /// Name and email folded (case, accents), for the search.
    pub folded: String,
    pub roles: Arc<str>,
    pub admin: bool,
    pub workspaces: usize,
    /// Subscriptions held: "CHAT, CODE", or empty.
    pub seats: Arc<str>,
    pub joined: OffsetDateTime,
}

#[derive(Debug, Clone)]
pub struct InviteRow {
    pub id: Uuid,
    pub email: String,
    pub folded: String,
    pub roles: String,
    pub inviter: String,
    pub sent: OffsetDateTime,
    pub expires: OffsetDateTime,
    pub expired: bool,
}

/// The columns each table sorts by, in the order `s` steps through them.
pub const MEMBER_COLUMNS: [&str; 6] = ["Name", "Email", "Org roles", "Ws", "Seats", "Joined"];
pub const INVITE_COLUMNS: [&str; 5] = ["Email", "Org roles", "Invited by", "Sent", "Expires"];

/// Both tables, with an order per table.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub members: Vec<MemberRow>,
    pub invites: Vec<InviteRow>,
    pub member_order: Vec<usize>,
    pub invite_order: Vec<usize>,
    /// Invitations past their expiry, counted once for the tab line.
    pub expired: usize,
}

fn role_text(names: &[String]) -> String {
    names.join(", ")
}

/// One allocation per distinct text.
#[derive(Default)]
struct Interned(HashMap<String, Arc<str>>);

impl Interned {
    fn get(&mut self, text: String) -> Arc<str> {
        if let Some(shared) = self.0.get(&text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text.as_str());
        self.0.insert(text, Arc::clone(&shared));
        shared
    }
}

/// `text` as `kept` holds it, when they agree: the same letters, one allocation.
fn shared(text: Option<&str>, kept: Option<&Arc<str>>) -> Arc<str> {
    let text = text.unwrap_or_default();
    match kept {
        Some(kept) if **kept == *text => Arc::clone(kept),
        _ => Arc::from(text),
    }
}

impl Tables {
    /// The rows of a load; `kept` is the organization's people as the console keeps them for
    /// its member pane, whose names and emails the rows share.
    pub fn build(loaded: &Loaded, kept: Option<&People>) -> Self {
        let directory: &Directory = &loaded.directory;
        let catalog = directory.role_catalog();
        let mut texts = Interned::default();
        let members: Vec<MemberRow> = directory
            .members()
            .iter()
            .map(|m| {
                let person = kept.and_then(|k| k.person(m.uuid));
                let name = shared(m.name.as_deref(), person.map(|p| &p.name));
                let email = shared(m.email.as_deref(), person.map(|p| &p.email));
                let roles = Directory::org_roles_of(catalog, m);
                let mut seats: Vec<String> =
                    m.subscriptions.iter().map(|s| s.kind.clone()).collect();
                seats.sort();
                seats.dedup();
                MemberRow {
                    id: m.uuid,
                    folded: fold(&format!("{name} {email}")),
                    admin: roles.iter().any(|r| r == OrgRole::OrganizationAdmin.name()),
                    roles: texts.get(role_text(&roles)),
                    workspaces: Directory::workspaces_of(catalog, m).len(),
                    seats: texts.get(seats.join(", ")),
                    joined: m.created_at,
                    name,
                    email,
                }
            })
            .collect();
        let invites: Vec<InviteRow> = directory
            .invites()
            .iter()
            .map(|i| {
                let roles: Vec<String> = i
                    .raw_roles
                    .iter()
                    .map(|v| {
                        catalog
                            .organization_role(v)
                            .map_or(v.clone(), |r| r.name.clone())
                    })
                    .collect();
                InviteRow {
                    id: i.uuid,
                    email: i.email.clone(),
                    folded: fold(&i.email),
                    roles: role_text(&roles),
                    inviter: loaded.inviters.get(&i.uuid).cloned().unwrap_or_default(),
                    sent: i.created_at,
                    expires: i.created_at + INVITATION_LIFETIME,
                    expired: i.expired,
                }
            })
            .collect();
        let mut tables = Self {
            expired: invites.iter().filter(|i| i.expired).count(),
            member_order: (0..members.len()).collect(),
            invite_order: (0..invites.len()).collect(),
            members,
            invites,
        };
        tables.sort(0, false);
        tables
    }

    /// Orders both tables by their column `column` (0 = the first).
    pub fn sort(&mut self, column: usize, reverse: bool) {
        let by_member = |x: &MemberRow, y: &MemberRow| match column % MEMBER_COLUMNS.len() {
            0 => x.folded.cmp(&y.folded),
            1 => x.email.cmp(&y.email),
            2 => x.roles.cmp(&y.roles),
            3 => x.workspaces.cmp(&y.workspaces),
            4 => x.seats.cmp(&y.seats),
            _ => x.joined.cmp(&y.joined),
        };
        sort_order(&mut self.member_order, &self.members, reverse, by_member);
        let by_invite = |x: &InviteRow, y: &InviteRow| match column % INVITE_COLUMNS.len() {
            0 => x.email.cmp(&y.email),
            1 => x.roles.cmp(&y.roles),
            2 => x.inviter.cmp(&y.inviter),
            3 => x.sent.cmp(&y.sent),
            _ => x.expires.cmp(&y.expires),
        };
        sort_order(&mut self.invite_order, &self.invites, reverse, by_invite);
    }

    /// The first row (in the order shown) whose folded text holds `query` folded.
    pub fn find(&self, invites: bool, query: &str) -> Option<usize> {
        let query = fold(query.trim());
        if query.is_empty() {
            return None;
        }
        if invites {
            self.invite_order
                .iter()
                .position(|&i| self.invites[i].folded.contains(&query))
        } else {
            self.member_order
                .iter()
                .position(|&i| self.members[i].folded.contains(&query))
        }
    }

    pub fn len(&self, invites: bool) -> usize {
        if invites {
            self.invites.len()
        } else {
            self.members.len()
        }
    }

    /// The id of the row at `position` in the order shown.
    pub fn id_at(&self, invites: bool, position: usize) -> Option<Uuid> {
        if invites {
            self.invite_order.get(position).map(|&i| self.invites[i].id)
        } else {
            self.member_order.get(position).map(|&i| self.members[i].id)
        }
    }

    /// Where the row `id` is in the order shown (a reload keeps the cursor on its person).
    pub fn position_of(&self, invites: bool, id: Uuid) -> Option<usize> {
        if invites {
            self.invite_order
                .iter()
                .position(|&i| self.invites[i].id == id)
        } else {
            self.member_order
                .iter()
                .position(|&i| self.members[i].id == id)
        }
    }
}

/// A row of either tab, known last by its email.
trait Emailed {
    fn email(&self) -> &str;
}

impl Emailed for MemberRow {
    fn email(&self) -> &str {
        &self.email
    }
}

impl Emailed for InviteRow {
    fn email(&self) -> &str {
        &self.email
    }
}

/// Sorts `order` (indices into `rows`) by `by`, rows equal there by email so that the order
/// never depends on how they were loaded; `reverse` turns the whole order round.
fn sort_order<T: Emailed>(
    order: &mut [usize],
    rows: &[T],
    reverse: bool,
    by: impl Fn(&T, &T) -> Ordering,
) {
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        directed(by(x, y).then_with(|| x.email().cmp(y.email())), reverse)
    });
}

/// One tab's rows in the order shown, as the view's list moves through them.
#[derive(Debug, Clone, Copy)]
pub struct TabRows<'a> {
    pub tables: &'a Tables,
    pub invites: bool,
}

impl Rows for TabRows<'_> {
    type Id = Uuid;

    fn count(&self) -> usize {
        self.tables.len(self.invites)
    }

    fn id(&self, at: usize) -> Option<Uuid> {
        self.tables.id_at(self.invites, at)
    }

    fn position(&self, id: &Uuid) -> Option<usize> {
        self.tables.position_of(self.invites, *id)
    }
}
