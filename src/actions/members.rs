//! A workspace's members: adding organization members, changing their workspace roles, and
//! removing them from the workspace. A member's roles are their own united with what their
//! groups give there, and a request changes only their own: what a group gives stays, and
//! the plan says so, naming the group.

use uuid::Uuid;

use super::error::{ActionError, list_some};
use super::groups::access::GroupAccess;
use super::members_own::{given_in, own_role_steps, own_roles};
use super::outcome::count_of;
use super::plan::{Intent, Plan, RoleChange};
use super::request::Request;
use super::roles::{RoleTick, Target, describe_change, member_entry, role_changes};
use crate::api::{RoleOut, WorkspaceOut};
use crate::client::Directory;

/// A person an action names: their id and how messages name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: Uuid,
    pub name: String,
}

/// The verb for one or several subjects.
fn verb(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// `people` split into those who belong to the workspace and those who do not: adding leaves
/// the first alone, removing leaves the second.
fn by_membership<'a>(
    workspace: &WorkspaceOut,
    people: &'a [Person],
    directory: &Directory,
) -> (Vec<&'a Person>, Vec<&'a Person>) {
    let members: Vec<Uuid> = directory
        .workspace_members(workspace.uuid)
        .iter()
        .map(|m| m.user.uuid)
        .collect();
    people.iter().partition(|p| members.contains(&p.user_id))
}

/// Roles held through groups in words: `dev through the group "Research Engineers"`, one
/// clause per group.
fn through_groups(through: &[(String, Vec<String>)]) -> String {
    through
        .iter()
        .map(|(group, roles)| format!("{} through the group \"{group}\"", roles.join(", ")))
        .collect::<Vec<_>>()
        .join(" and ")
}

/// What `user` keeps in `workspace` through groups beyond `own` (the roles they hold or will
/// hold themselves): each group with the roles it adds, none when the groups add nothing.
fn kept_through_groups(
    access: &GroupAccess,
    user: Uuid,
    workspace: Uuid,
    own: &[String],
) -> Vec<(String, Vec<String>)> {
    access
        .through(user, workspace)
        .into_iter()
        .filter_map(|(group, roles)| {
            let beyond: Vec<String> = roles.into_iter().filter(|r| !own.contains(r)).collect();
            (!beyond.is_empty()).then_some((group, beyond))
        })
        .collect()
}

/// What `user` keeps in `workspace` through groups, in words (`dev through the group
/// "Platform"`), or `None` when no group gives them anything there: what the plan of a
/// removal says before it, and the console's outcome once the server has answered.
pub fn kept_through(access: &GroupAccess, user: Uuid, workspace: Uuid) -> Option<String> {
    let through = kept_through_groups(access, user, workspace, &[]);
    (!through.is_empty()).then(|| through_groups(&through))
}

/// The role that runs a workspace: a change after which nobody holds it says so first.
pub const WORKSPACE_ADMIN: &str = "workspace_admin";

/// A workspace member as the warning about its admins sees them: how they are named, and
/// whether they hold workspace_admin before and after the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminBeforeAfter {
    pub name: String,
    pub now: bool,
    pub after: bool,
}

/// The warning for a change that leaves `workspace` with no workspace_admin: those who hold
/// it now all lose it, and nobody gains it. Nothing while someone keeps it, or when nobody
/// held it before. The console's dialogs show it above their buttons; the commands print
/// it as a note.
pub fn no_admin_left(workspace: &str, members: &[AdminBeforeAfter]) -> Option<String> {
    let holders: Vec<String> = members
        .iter()
        .filter(|m| m.now)
        .map(|m| m.name.clone())
        .collect();
    let left = members.iter().any(|m| m.after);
    (!holders.is_empty() && !left).then(|| {
        format!(
            "\"{workspace}\" will have no {WORKSPACE_ADMIN} left: only {} {} it now",
            list_some(&holders),
            verb(holders.len(), "holds", "hold")
        )
    })
}

/// Whether a group gives `user` workspace_admin in `workspace` (then no change of their own
/// roles, nor the end of their own membership, takes it away): the commands' notes and the
/// console's warning count them as keeping it.
pub fn admin_through_a_group(access: &GroupAccess, user: Uuid, workspace: Uuid) -> bool {
    access
        .through(user, workspace)
        .iter()
        .any(|(_, roles)| roles.iter().any(|r| r == WORKSPACE_ADMIN))
}

/// The workspace's members, each with whether they hold workspace_admin now and after
/// `after_own` (their own roles after the change, `None` when it leaves them alone; a role
/// a group gives stays).
fn admins_before_after(
    workspace: &WorkspaceOut,
    directory: &Directory,
    access: &GroupAccess,
    after_own: impl Fn(Uuid) -> Option<Vec<String>>,
) -> Vec<AdminBeforeAfter> {
    let admin = |roles: &[String]| roles.iter().any(|r| r == WORKSPACE_ADMIN);
    directory
        .workspace_members(workspace.uuid)
        .iter()
        .map(|m| {
            let user = m.user.uuid;
            let now = admin(&m.roles);
            let after = match after_own(user) {
                Some(own) => admin(&own) || admin_through_a_group(access, user, workspace.uuid),
                None => now,
            };
            AdminBeforeAfter {
                name: super::resolve::person_label(m.user),
                now,
                after,
            }
        })
        .collect()
}

/// The note of a removal that takes away every workspace_admin of `workspace`.
pub fn removal_leaves_no_admin(
    workspace: &WorkspaceOut,
    leaving: &[Uuid],
    directory: &Directory,
    access: &GroupAccess,
) -> Option<String> {
    let members = admins_before_after(workspace, directory, access, |user| {
        leaving.contains(&user).then(Vec::new)
    });
    no_admin_left(&workspace.name, &members)
}

/// The note of a role change that takes workspace_admin from every member who holds it in
/// `workspace`, giving it to nobody.
pub fn role_change_leaves_no_admin(
    workspace: &WorkspaceOut,
    changes: &[super::plan::RoleChange],
    directory: &Directory,
    access: &GroupAccess,
) -> Option<String> {
    let members = admins_before_after(workspace, directory, access, |user| {
        changes
            .iter()
            .find(|c| c.user_id == user)
            .map(|c| c.after.clone())
    });
    no_admin_left(&workspace.name, &members)
}

/// The people's names as a plan lists them: the first few, then how many more.
pub(crate) fn names(list: &[&Person]) -> String {
    list_some(&list.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
}

/// Adds organization members to a workspace with `roles`; those who already belong keep
/// their roles (the add operation leaves them alone), and the plan says so.
pub fn add(
    workspace: &WorkspaceOut,
    people: &[Person],
    roles: &[String],
    directory: &Directory,
    catalog: &[RoleOut],
) -> Result<Plan, ActionError> {
    if roles.is_empty() {
        return Err(ActionError::invalid("role", "choose at least one role"));
    }
    let (already, newcomers) = by_membership(workspace, people, directory);
    let intent = Intent::AddMembers {
        workspace: workspace.name.clone(),
        roles: roles.to_vec(),
        requested: people.len(),
    };
    if newcomers.is_empty() {
        return Ok(Plan::nothing(
            intent,
            format!(
                "Nothing to add: {} already {} to \"{}\"",
                names(&already),
                verb(already.len(), "belongs", "belong"),
                workspace.name
            ),
        ));
    }
    let body = newcomers
        .iter()
        .map(|p| member_entry(p.user_id, roles, catalog))
        .collect();
    let counted = count_of(newcomers.len(), "member", "members");
    let summary = format!(
        "Add {counted} to \"{}\" as {}: {}",
        workspace.name,
        roles.join(", "),
        names(&newcomers)
    );
    let plan = Plan::single(
        intent,
        summary,
        Request::AddMembers {
            workspace: workspace.uuid,
            members: body,
        },
        format!("add {counted} to \"{}\"", workspace.name),
    );
    Ok(plan.with_note_on(&already, |already| {
        format!(
            "{} already {} to \"{}\" and {} their roles",
            names(already),
            verb(already.len(), "belongs", "belong"),
            workspace.name,
            verb(already.len(), "keeps", "keep"),
        )
    }))
}

/// Changes the workspace roles of members: each role ticked on, off, or kept as each member
/// has it. Only the members whose roles change are sent.
///
/// A role a group gives stays whatever is sent: the plan notes it, and the outcome repeats
/// it, so nobody reads "changed" as "taken away".
pub fn set_roles(
    workspace: &WorkspaceOut,
    targets: &[Target],
    ticks: &[(String, RoleTick)],
    catalog: &[RoleOut],
    access: &GroupAccess,
) -> Result<Plan, ActionError> {
    let changes = role_changes(targets, ticks)?;
    let GroupShare { given, own, kept } = GroupShare::of(workspace, &changes, access);
    let intent = Intent::SetMemberRoles {
        workspace: workspace.name.clone(),
        changes: changes.clone(),
        kept: kept
            .iter()
            .map(|(name, held)| format!("{name} keeps {held}"))
            .collect(),
    };
    if changes.is_empty() {
        return Ok(Plan::nothing(
            intent,
            format!(
                "Nothing to change: the roles in \"{}\" are already as asked",
                workspace.name
            ),
        ));
    }
    let counted = count_of(changes.len(), "member", "members");
    let summary = format!(
        "Change the roles of {counted} in \"{}\": {}",
        workspace.name,
        changes
            .iter()
            .map(describe_change)
            .collect::<Vec<_>>()
            .join("; ")
    );
    // Sent even where it changes nothing their groups do not give: a role both held and
    // given may be their own as well, and then it is theirs no more, as asked.
    let own_sent = own.clone();
    let own = changes.iter().map(|c| c.user_id).zip(own).collect();
    let steps = own_role_steps(workspace, own, catalog);
    let mut plan = Plan::new(intent, summary, steps);
    let share = GroupShare {
        given,
        own: own_sent,
        kept,
    };
    for note in group_notes_of(workspace, &changes, &share) {
        plan = plan.with_note(note);
    }
    Ok(plan)
}

/// What groups have to do with a role change in a workspace, change by change: the roles
/// groups give, what goes as the member's own, and, for those a group keeps a role, their
/// name and what they keep in words.
struct GroupShare {
    given: Vec<Vec<String>>,
    own: Vec<Vec<String>>,
    kept: Vec<(String, String)>,
}

impl GroupShare {
    fn of(workspace: &WorkspaceOut, changes: &[RoleChange], access: &GroupAccess) -> Self {
        // What goes as each one's own: a group's roles stay the group's.
        let given: Vec<Vec<String>> = changes
            .iter()
            .map(|c| given_in(access, c.user_id, workspace.uuid))
            .collect();
        let own: Vec<Vec<String>> = changes
            .iter()
            .zip(&given)
            .map(|(c, given)| own_roles(&c.after, given, workspace.is_default))
            .collect();
        let kept: Vec<(String, String)> = changes
            .iter()
            .zip(&own)
            .filter_map(|(c, own)| {
                let through = kept_through_groups(access, c.user_id, workspace.uuid, own);
                (!through.is_empty()).then(|| (c.name.clone(), through_groups(&through)))
            })
            .collect();
        Self { given, own, kept }
    }
}

/// What a role change's plan notes of groups, in the words `members set-roles` prints: who
/// keeps which role through which group, not as their own, and who holds a group's role as
/// their own too in the default workspace. The console's role preview says the same.
pub fn group_notes(
    workspace: &WorkspaceOut,
    changes: &[RoleChange],
    access: &GroupAccess,
) -> Vec<String> {
    group_notes_of(
        workspace,
        changes,
        &GroupShare::of(workspace, changes, access),
    )
}

fn group_notes_of(
    workspace: &WorkspaceOut,
    changes: &[RoleChange],
    share: &GroupShare,
) -> Vec<String> {
    let GroupShare { given, own, kept } = share;
    let mut notes: Vec<String> = kept
        .iter()
        .map(|(name, held)| format!(
            "In \"{}\", {name} keeps {held}, not as their own (if it was also their own, it is the group's only from now on): a group's roles stay until they leave the group or the group's roles change",
            workspace.name
        ))
        .collect();
    for ((c, own), given) in changes.iter().zip(own).zip(given) {
        if workspace.is_default && own.iter().any(|r| given.contains(r)) {
            notes.push(format!(
                "In \"{}\", {} holds {} as their own too: nobody is in the default workspace without a role of their own, and every role left is a group's",
                workspace.name,
                c.name,
                own.join(", ")
            ));
        }
    }
    notes
}

/// The members of `workspace` among `people`, as role-edit targets; anyone else is refused,
/// since a role change is for members (adding is `add`).
pub fn targets(
    workspace: &WorkspaceOut,
    people: &[Person],
    directory: &Directory,
) -> Result<Vec<Target>, ActionError> {
    let members = directory.workspace_members(workspace.uuid);
    people
        .iter()
        .map(|person| {
            members
                .iter()
                .find(|m| m.user.uuid == person.user_id)
                .map(|m| Target {
                    user_id: person.user_id,
                    name: person.name.clone(),
                    roles: m.roles.clone(),
                })
                .ok_or_else(|| {
                    ActionError::refused(format!(
                        "{} is not a member of \"{}\"; add them first",
                        person.name, workspace.name
                    ))
                })
        })
        .collect()
}

/// Why nobody can be removed from `workspace`, if nobody can: the default workspace keeps
/// every member of the organization.
pub fn removal_refusal(workspace: &WorkspaceOut) -> Option<String> {
    workspace.is_default.then(|| {
        format!(
            "Members cannot be removed from \"{}\": it is the organization's default workspace, which every member belongs to.",
            workspace.name
        )
    })
}

/// Removes members from a workspace; they stay in the organization. The default workspace
/// refuses: every organization member belongs to it. Someone a group brings into the
/// workspace stays in it with the group's roles: the plan names them and the group.
pub fn remove(
    workspace: &WorkspaceOut,
    people: &[Person],
    directory: &Directory,
    access: &GroupAccess,
) -> Result<Plan, ActionError> {
    if let Some(reason) = removal_refusal(workspace) {
        return Err(ActionError::refused(reason));
    }
    let (leaving, strangers) = by_membership(workspace, people, directory);
    let kept: Vec<(&Person, String)> = leaving
        .iter()
        .filter_map(|p| kept_through(access, p.user_id, workspace.uuid).map(|held| (*p, held)))
        .collect();
    let intent = Intent::RemoveMembers {
        workspace: workspace.name.clone(),
        kept: kept
            .iter()
            .map(|(p, held)| (p.user_id, format!("{} keeps {held}", p.name)))
            .collect(),
    };
    if leaving.is_empty() {
        return Ok(Plan::nothing(
            intent,
            format!(
                "Nothing to remove: {} {} not belong to \"{}\"",
                names(&strangers),
                verb(strangers.len(), "does", "do"),
                workspace.name
            ),
        ));
    }
    let counted = count_of(leaving.len(), "member", "members");
    let consequence = if kept.is_empty() {
        "They lose access to this workspace at once. They stay in the organization and can be added again.".to_owned()
    } else {
        let kept_people: Vec<&Person> = kept.iter().map(|(p, _)| *p).collect();
        format!(
            "Their own membership ends; {} {} in it through a group.",
            names(&kept_people),
            verb(kept_people.len(), "stays", "stay")
        )
    };
    let summary = format!(
        "Remove {counted} from \"{}\": {}. {consequence}",
        workspace.name,
        names(&leaving)
    );
    let plan = Plan::single(
        intent,
        summary,
        Request::RemoveMembers {
            workspace: workspace.uuid,
            users: leaving.iter().map(|p| p.user_id).collect(),
        },
        format!("remove {counted} from \"{}\"", workspace.name),
    );
    let mut plan = plan.with_note_on(&strangers, |strangers| {
        format!(
            "{} {} not belong to \"{}\"",
            names(strangers),
            verb(strangers.len(), "does", "do"),
            workspace.name
        )
    });
    for (person, held) in kept {
        plan = plan.with_note(format!(
            "{} stays in \"{}\" with {held}: removing their own membership leaves them in the workspace; take them out of the group to end their access",
            person.name, workspace.name
        ));
    }
    Ok(plan)
}

#[cfg(test)]
#[path = "members_tests.rs"]
mod tests;
