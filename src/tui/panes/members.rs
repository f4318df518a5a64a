//! The Members tab: who is in the workspace, with workspace and organization roles, which keep
//! their room when the terminal is narrow (short names, then no email column).

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::roles_short;
use crate::tui::state::members::MemberColumn;
use crate::tui::state::people::MemberRow;
use crate::tui::state::{Focus, Remote};
use crate::tui::widgets::table::{self, Column, Row};
use crate::tui::widgets::text::width;
use crate::tui::widgets::{frame, spinner};

use super::detail::OpenTab;
use super::workspaces::with_filter_line;

pub fn render(frame: &mut Frame, area: Rect, tab: OpenTab<'_>) {
    let (app, found, view, theme) = (tab.app, tab.found, tab.view, tab.theme);
    let org = app.org();
    let table_area = with_filter_line(frame, area, &view.members_filter, theme);
    // While the directory pages in, the pages so far show (the status line says how far).
    let people = match (&org.people.value, org.people_preview.as_ref()) {
        (Remote::Loaded(people), _) => people,
        (Remote::Loading, Some(preview)) => preview,
        (Remote::Loading, None) => {
            let lines = frame::loading_line("members", spinner(app.spinner_frame), theme);
            return frame::placeholder(frame, table_area, lines);
        }
        (Remote::Failed(err), _) => {
            return frame::placeholder(
                frame,
                table_area,
                frame::error_lines("members", err, app, theme),
            );
        }
    };
    let id = found.workspace.uuid;
    let shown = org.shown_members(id);
    if shown.is_empty() && people.partial.is_some() && people.count_in(id) == 0 {
        let lines = frame::loading_line("members", spinner(app.spinner_frame), theme);
        return frame::placeholder(frame, table_area, lines);
    }
    if shown.is_empty() {
        let text = if people.count_in(id) == 0 && found.archived {
            // The server keeps an archived workspace's member count but no memberships.
            match found.workspace.members_count.filter(|n| *n > 0) {
                Some(n) => format!(
                    "Archived: its {n} member{} lost access when it was archived",
                    if n == 1 { "" } else { "s" }
                ),
                None => "Archived: nobody has access to it any more".to_owned(),
            }
        } else if people.count_in(id) == 0 {
            "No members in this workspace".to_owned()
        } else {
            format!(
                "No member matches \"{}\"",
                view.members_filter.text().trim()
            )
        };
        return frame::placeholder(frame, table_area, frame::empty_line(text, theme));
    }
    let style = if found.archived {
        theme.archived
    } else {
        theme.text
    };
    let selected = view.members_cursor.resolve(&shown.ids);
    let window = table::page(shown.len(), selected, table_area.height, true);
    let page = &shown.rows(people, id, window.clone())[..];
    let available = usize::from(table_area.width).saturating_sub(table::MARKER_WIDTH);
    let plan = Plan::for_rows(page, available);
    let columns = plan.columns();
    let table_rows: Vec<Row> = page
        .iter()
        .map(|r| {
            let mut row = Row::new(plan.cells(r), style);
            row.marked = view.marked.contains(&r.user_id);
            // A staged change to the member shows where it applies, as its diff mark.
            row.marker = match app
                .staging
                .member_mark(app.current, &found.workspace.name, &r.email)
            {
                Some('~') => "~ ",
                Some('-') => "- ",
                Some(_) => "+ ",
                None => row.marker,
            };
            row
        })
        .collect();
    let arrow = if view.sort.descending { " ▼" } else { " ▲" };
    let table = table::Table {
        columns: &columns,
        rows: &table_rows,
        selected: selected.map(|s| s - window.start),
        focused: app.focus == Focus::Detail,
        title_suffix: plan.position(view.sort.column).map(|at| (at, arrow)),
        header: true,
    };
    table::render(frame, table_area, &table, theme);
}

/// The workspace roles' title where the full one would be cut.
const WS_SHORT_TITLE: &str = "Ws roles";
const ORG_TITLE: &str = "Org roles";

/// The narrowest a name gets before other columns give way, and before roles do.
const NAME_MIN: usize = 12;
const NAME_LEAST: usize = 6;
const EMAIL_MIN: usize = 10;

/// How a cell names its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleNames {
    Full,
    /// Short names (see [`roles_short`]).
    Short,
    /// The first role's short name and how many more: "ws-contrib +1".
    First,
}

/// How the table fits its width. Roles are what this table is for, so they are never cut while
/// anything else can give way: first they take their short names, then the email column goes,
/// then names are cut shorter, then a cell names its first role and counts the others; only a
/// terminal too narrow even for that cuts them. Enter on a member shows them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    names: RoleNames,
    email: bool,
    /// Columns the role cells need, workspace then organization.
    roles_width: (usize, usize),
    name_min: usize,
    /// Whether the roles fit whole; if not, they shrink with the rest.
    fits: bool,
}

impl Plan {
    fn for_rows(rows: &[MemberRow], available: usize) -> Self {
        let widest = |cell: &dyn Fn(&MemberRow) -> usize| rows.iter().map(cell).max().unwrap_or(0);
        let name_width = widest(&|r| width(&r.name));
        // At least as wide as the short titles, so the header reads. Measured once per way of
        // naming roles, however many options try it.
        let measured = std::cell::RefCell::new(Vec::with_capacity(3));
        let roles = |names: RoleNames| {
            if let Some(&(_, widths)) = measured.borrow().iter().find(|(n, _)| *n == names) {
                return widths;
            }
            let widths = (
                widest(&|r| width(&role_cell(&r.workspace_roles, names)))
                    .max(width(WS_SHORT_TITLE)),
                widest(&|r| width(&role_cell(&r.org_roles, names))).max(width(ORG_TITLE)),
            );
            measured.borrow_mut().push((names, widths));
            widths
        };
        let needs = |name: usize, (ws, org): (usize, usize), email: bool| {
            name + ws + org + 2 + if email { EMAIL_MIN + 1 } else { 0 }
        };
        // In order of preference; the last ones cut names short, which the details show whole.
        use RoleNames::{First, Full, Short};
        let options = [
            (NAME_MIN, Full, true),
            (NAME_MIN, Short, true),
            (NAME_MIN, Full, false),
            (NAME_MIN, Short, false),
            (NAME_LEAST, Short, false),
            (NAME_LEAST, First, false),
        ];
        let chosen = options
            .into_iter()
            .map(|(name, names, email)| (name_width.min(name), names, email))
            .find(|(name, names, email)| needs(*name, roles(*names), *email) <= available);
        let (name_min, names, email) = chosen.unwrap_or((name_width.min(NAME_LEAST), First, false));
        Self {
            names,
            email,
            roles_width: roles(names),
            name_min,
            fits: chosen.is_some(),
        }
    }

    fn shown(&self) -> impl Iterator<Item = MemberColumn> + use<> {
        let email = self.email;
        MemberColumn::ALL
            .into_iter()
            .filter(move |c| email || *c != MemberColumn::Email)
    }

    /// Where a column is among those shown.
    fn position(&self, column: MemberColumn) -> Option<usize> {
        self.shown().position(|c| c == column)
    }

    fn columns(&self) -> Vec<Column> {
        let (ws, org) = self.roles_width;
        self.shown()
            .map(|c| {
                let title = match c {
                    MemberColumn::WorkspaceRoles if ws < width(c.title()) => WS_SHORT_TITLE,
                    _ => c.title(),
                };
                match c {
                    MemberColumn::Name => Column::new(title, self.name_min.max(4), 32).grow(),
                    MemberColumn::Email => Column::new(title, EMAIL_MIN, 40),
                    // As wide as the widest cell: a role is never cut while the name or the
                    // email can give way. Below that, they shrink rather than vanish.
                    MemberColumn::WorkspaceRoles => Column::new(title, self.least(ws), ws),
                    MemberColumn::OrgRoles => Column::new(title, self.least(org), org),
                }
            })
            .collect()
    }

    /// The narrowest a role column may get.
    fn least(&self, roles: usize) -> usize {
        if self.fits { roles } else { roles.min(6) }
    }

    /// The row's cells, borrowing the names and emails the state holds (and a role's name when
    /// it is the only one): a frame copies only the role lists it joins.
    fn cells<'r>(&self, row: &'r MemberRow) -> Vec<Cow<'r, str>> {
        self.shown()
            .map(|c| match c {
                MemberColumn::Name => Cow::Borrowed(&*row.name),
                MemberColumn::Email => Cow::Borrowed(&*row.email),
                MemberColumn::WorkspaceRoles => role_cell(&row.workspace_roles, self.names),
                MemberColumn::OrgRoles => role_cell(&row.org_roles, self.names),
            })
            .collect()
    }
}

fn role_cell(roles: &[String], names: RoleNames) -> Cow<'_, str> {
    match (names, roles) {
        (RoleNames::Full, [only]) => Cow::Borrowed(only),
        (RoleNames::Full, _) => Cow::Owned(roles.join(", ")),
        (RoleNames::First, [first, more @ ..]) if !more.is_empty() => {
            Cow::Owned(format!("{} +{}", roles_short::short(first), more.len()))
        }
        (_, [only]) => Cow::Borrowed(roles_short::short(only)),
        _ => Cow::Owned(
            roles
                .iter()
                .map(|role| roles_short::short(role))
                .collect::<Vec<_>>()
                .join(", "),
        ),
    }
}
