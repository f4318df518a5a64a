//! The fixture organizations of the console's pure tests, like the demo seed, and the answer a
//! successful server would give to each of the console's calls.

use time::macros::{date, datetime};
use uuid::Uuid;

use crate::actions::{self, Request};
use crate::api::RoleOut;
use crate::api::{
    AddOrUpdateUsersToWorkspaceOut, AddUsersToWorkspaceOut, ApiKeyActions, ApiKeyExtendedOut,
    LocalOrganizationOut, RemoveWorkspaceMembersOut, WorkspaceEnrichedOut, WorkspaceOut,
    WorkspaceSettingsOut,
};
use crate::tui::call::{Applied, Call, Payload};
use crate::tui::dialogs::remove_members::after::Stays;
use crate::tui::state::people::{People, Person};
use crate::tui::state::{App, ProfileInfo, RemoteError};

pub fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

pub const DEFAULT_WS: u128 = 100;
pub const RESEARCH: u128 = 101;
pub const PRODUCT: u128 = 102;
pub const DATA: u128 = 103;
pub const MARKETING: u128 = 104;
pub const JAPAN: u128 = 105;
pub const ARCHIVED_WS: u128 = 190;
/// The id the fixture gives a workspace created in a test.
pub const NEW_WS: u128 = 150;
/// The id the fixture server gives a new API key.
pub const NEW_KEY: u128 = 0x4e4b;
pub const GLOBEX_DEFAULT: u128 = 200;
pub const GLOBEX_LAB: u128 = 201;

pub fn profiles() -> Vec<ProfileInfo> {
    vec![
        ProfileInfo {
            name: "local".into(),
            is_local: true,
            read_only: false,
            base_url: "http://127.0.0.1:4000/v1/admin".into(),
        },
        ProfileInfo {
            name: "local:globex".into(),
            is_local: true,
            read_only: false,
            base_url: "http://127.0.0.1:4000/v1/admin".into(),
        },
        ProfileInfo {
            name: "prod".into(),
            is_local: false,
            read_only: true,
            base_url: "https://api.mistral.ai/v1/admin".into(),
        },
    ]
}

pub fn workspace(n: u128, name: &str, icon: &str, members: i64) -> WorkspaceOut {
    WorkspaceOut {
        uuid: id(n),
        name: name.into(),
        description: Some(format!("{name} workspace")),
        icon: (!icon.is_empty()).then(|| icon.to_owned()),
        members_count: Some(members),
        spend_limit: None,
        is_default: n == DEFAULT_WS || n == GLOBEX_DEFAULT,
    }
}

pub fn active_workspaces(profile: usize) -> Vec<WorkspaceOut> {
    match profile {
        0 => vec![
            workspace(DEFAULT_WS, "Default Workspace", "🏠", 5),
            workspace(RESEARCH, "Research", "🔬", 3),
            workspace(PRODUCT, "Product", "📦", 2),
            workspace(DATA, "Data Platform", "🗄", 2),
            workspace(MARKETING, "Marketing", "📣", 1),
            workspace(JAPAN, "日本チーム", "🗾", 1),
        ],
        1 => vec![
            workspace(GLOBEX_DEFAULT, "Default Workspace", "🌐", 2),
            workspace(GLOBEX_LAB, "Lab", "⚗", 1),
        ],
        _ => vec![],
    }
}

pub fn archived_workspaces(profile: usize) -> Vec<WorkspaceOut> {
    match profile {
        0 => vec![workspace(ARCHIVED_WS, "Old Prototypes", "🧪", 0)],
        _ => vec![],
    }
}

fn person(n: u128, name: &str, email: &str, org: &[&str], ws: &[(u128, &[&str])]) -> Person {
    Person {
        user_id: id(n),
        name: name.into(),
        email: email.into(),
        org_roles: org.iter().map(|r| r.to_string()).collect(),
        memberships: ws
            .iter()
            .map(|(w, roles)| (id(*w), roles.iter().map(|r| r.to_string()).collect()))
            .collect(),
        joined: Some(datetime!(2024-02-01 09:00 UTC) + time::Duration::days(n as i64)),
    }
}

pub const JANE: u128 = 1;
pub const ZOE: u128 = 2;
pub const TARO: u128 = 3;
pub const JOHN: u128 = 4;
pub const ANA: u128 = 5;

/// The built-in workspace roles, as `GET /roles` lists them.
pub fn role_catalog() -> Vec<RoleOut> {
    crate::domain::WorkspaceRole::ALL
        .iter()
        .map(|r| RoleOut {
            name: r.name().into(),
            uuid: r.uuid(),
            description: r.description().into(),
            is_custom_role: false,
        })
        .collect()
}

pub fn people(profile: usize) -> People {
    people_without_catalog(profile).with_workspace_roles(role_catalog())
}

fn people_without_catalog(profile: usize) -> People {
    let admin: &[&str] = &["workspace_admin"];
    let contributor: &[&str] = &["workspace_contributor"];
    match profile {
        0 => People::new(vec![
            person(
                JANE,
                "Jane Doe",
                "jane.doe@acme.example",
                &["organization_admin"],
                &[(DEFAULT_WS, admin), (RESEARCH, admin), (PRODUCT, admin)],
            ),
            person(
                ZOE,
                "Zoë Martin",
                "zoe.martin@acme.example",
                &["member"],
                &[
                    (DEFAULT_WS, contributor),
                    (RESEARCH, &["workspace_contributor", "observability_viewer"]),
                    (DATA, contributor),
                ],
            ),
            person(
                TARO,
                "山田太郎",
                "taro.yamada@acme.example",
                &["member"],
                &[(DEFAULT_WS, contributor), (JAPAN, admin)],
            ),
            person(
                JOHN,
                "John Smith",
                "john.smith@acme.example",
                &["billing_manager", "member"],
                &[
                    (DEFAULT_WS, &["billing"]),
                    (PRODUCT, contributor),
                    (MARKETING, admin),
                ],
            ),
            person(
                ANA,
                "Ana Lucía Pérez",
                "ana.perez@acme.example",
                &["member"],
                &[
                    (DEFAULT_WS, contributor),
                    (RESEARCH, &["dev"]),
                    (DATA, admin),
                ],
            ),
        ]),
        1 => People::new(vec![
            person(
                11,
                "Hank Scorpio",
                "hank@globex.example",
                &["organization_admin"],
                &[(GLOBEX_DEFAULT, admin), (GLOBEX_LAB, admin)],
            ),
            person(
                12,
                "Homer Simpson",
                "homer@globex.example",
                &["member"],
                &[(GLOBEX_DEFAULT, contributor)],
            ),
        ]),
        _ => People::default(),
    }
}

pub fn api_keys(profile: usize) -> Vec<ApiKeyExtendedOut> {
    if profile != 0 {
        return Vec::new();
    }
    let key = |n: u128, name: &str, ws: u128, owner: &str, used: bool| ApiKeyExtendedOut {
        api_key: crate::api::ApiKeyOut {
            key_id: id(n),
            key: None,
            name: Some(name.into()),
            hidden_key: format!("****{:04}", n),
            created_at: Some(datetime!(2025-03-14 09:30 UTC)),
            expiration_date: n.is_multiple_of(2).then_some(date!(2026 - 12 - 31)),
            actions: ApiKeyActions::default(),
        },
        workspace_id: Some(id(ws)),
        workspace_name: None,
        created_by: Some(owner.into()),
        product: Some("API".into()),
        last_used: used.then_some(date!(2025 - 06 - 01)),
        can_delete: Some(true),
    };
    vec![
        key(
            500,
            "ci-pipeline",
            DEFAULT_WS,
            "jane.doe@acme.example",
            true,
        ),
        key(
            501,
            "notebook",
            DEFAULT_WS,
            "zoe.martin@acme.example",
            false,
        ),
        key(502, "eval-runner", RESEARCH, "ana.perez@acme.example", true),
    ]
}

pub fn organization(profile: usize) -> Option<LocalOrganizationOut> {
    let name = match profile {
        0 => "Acme Robotics",
        1 => "Globex Research",
        _ => return None,
    };
    Some(LocalOrganizationOut {
        uuid: id(900 + profile as u128),
        name: name.into(),
        plan: "Enterprise".into(),
        currency: "EUR".into(),
        created_at: datetime!(2024-01-02 03:04 UTC),
    })
}

pub fn settings(workspace: Uuid) -> WorkspaceSettingsOut {
    WorkspaceSettingsOut {
        workspace_uuid: workspace,
        members_can_create_api_keys: true,
        monthly_spend_cap: Some(500),
        currency: "EUR".into(),
        organization_monthly_limit: Some(1000),
    }
}

/// The fixture's answer to a call, as a successful server would give it.
pub fn outcome(profile: usize, call: &Call) -> Result<Payload, RemoteError> {
    Ok(match call {
        Call::Organization => Payload::Organization(organization(profile)),
        Call::Workspaces { archived } => Payload::Workspaces(if *archived {
            archived_workspaces(profile)
        } else {
            active_workspaces(profile)
        }),
        Call::People => Payload::People(people(profile)),
        Call::ApiKeys => Payload::ApiKeys(api_keys(profile)),
        Call::WorkspaceSettings(ws) => {
            Payload::WorkspaceSettings((profile != 2).then(|| settings(*ws)))
        }
        Call::View(fetcher) => return fetcher.0.fixture().map(Payload::View),
        // The fixture has no groups: whoever it still lists is in the workspace of their own.
        Call::NotRemoved(asked) => Payload::Stays(Stays {
            listed: {
                let people = people(profile);
                asked
                    .users()
                    .iter()
                    .filter(|user| {
                        (people.person(**user))
                            .is_some_and(|p| p.roles_in(asked.workspace).is_some())
                    })
                    .copied()
                    .collect()
            },
            access: Default::default(),
        }),
        // The fixture has no groups.
        Call::GroupAccess => Payload::GroupAccess(Default::default()),
        Call::Change(requests) => Payload::Changed(Applied {
            replies: requests.iter().map(|r| reply_to(profile, r)).collect(),
            stopped: None,
        }),
    })
}

/// The fixture server's reply to one change.
fn reply_to(profile: usize, request: &Request) -> actions::Reply {
    use actions::Reply;
    match request {
        Request::UpdateWorkspace { workspace, body } => {
            let mut saved = active_workspaces(profile)
                .into_iter()
                .chain(archived_workspaces(profile))
                .find(|w| w.uuid == *workspace)
                .expect("fixture workspace");
            if let Some(name) = &body.name {
                saved.name = name.clone();
            }
            if let Some(d) = &body.description {
                saved.description = Some(d.clone());
            }
            if let Some(i) = &body.icon {
                saved.icon = Some(i.clone());
            }
            Reply::WorkspaceUpdated(saved)
        }
        Request::UpdateWorkspaceSettings { workspace, body } => {
            let mut out = settings(*workspace);
            if let Some(v) = body.members_can_create_api_keys {
                out.members_can_create_api_keys = v;
            }
            if let Some(cap) = body.monthly_spend_cap {
                out.monthly_spend_cap = cap;
            }
            Reply::SettingsUpdated(out)
        }
        Request::AddMembers { members, .. } => Reply::MembersAdded(AddUsersToWorkspaceOut {
            added_members_count: members.len() as i64,
        }),
        Request::SetMemberRoles { members, .. } => {
            Reply::RolesSet(AddOrUpdateUsersToWorkspaceOut {
                added_members_count: 0,
                updated_members_count: members.len() as i64,
            })
        }
        Request::RemoveMembers { users, .. } => Reply::MembersRemoved(RemoveWorkspaceMembersOut {
            deleted_members_count: users.len() as i64,
            not_deleted_members: None,
        }),
        Request::ArchiveWorkspace { .. } => Reply::Archived,
        Request::CreateWorkspace { body } => {
            Reply::WorkspaceCreated(Box::new(WorkspaceEnrichedOut {
                workspace: WorkspaceOut {
                    uuid: id(NEW_WS),
                    name: body.name.clone(),
                    description: Some(body.description.clone()),
                    icon: Some(body.icon.clone()),
                    members_count: Some(1),
                    spend_limit: None,
                    is_default: false,
                },
                raw_roles: Vec::new(),
                raw_role: String::new(),
            }))
        }
        Request::DeleteApiKey { key } => Reply::KeyDeleted(crate::api::DeleteApiKeyOut {
            detail: format!("API key {key} deleted"),
        }),
        Request::CreateApiKey { body } => Reply::KeyCreated(Box::new(crate::api::ApiKeyOut {
            key_id: id(NEW_KEY),
            key: Some("fixture-plaintext-key-0123456789".into()),
            name: body.name.clone(),
            hidden_key: "fixt...6789".into(),
            created_at: None,
            expiration_date: body.expiration,
            actions: ApiKeyActions::default(),
        })),
        // The groups view reloads after a change; what a group change answers is not read.
        Request::Group(_) => Reply::GroupChanged,
        other => panic!("the console does not send {other:?}"),
    }
}

/// Gives `workspace` one more key per entry of `expirations` (its last day, or none), ids from 700.
pub fn add_api_keys(app: &mut App, workspace: u128, expirations: &[Option<time::Date>]) {
    let keys = app.org_mut().api_keys.get_mut().expect("keys loaded");
    let template = keys[0].clone();
    for (n, expiration_date) in expirations.iter().enumerate() {
        keys.push(ApiKeyExtendedOut {
            api_key: crate::api::ApiKeyOut {
                key_id: id(700 + n as u128),
                expiration_date: *expiration_date,
                ..template.api_key.clone()
            },
            workspace_id: Some(id(workspace)),
            ..template.clone()
        });
    }
}

/// `(user, name)` of `n` people the fixtures do not otherwise know: more than a dialog can
/// name on one screen.
fn crowd(n: u128) -> Vec<(Uuid, String)> {
    (1..=n)
        .map(|i| (id(800 + i), format!("Person {i:02}")))
        .collect()
}

/// Research's Remove members confirmation for a crowd of `n`, as it opens.
pub fn crowded_removal(n: u128) -> crate::tui::dialogs::remove_members::RemoveMembers {
    crate::tui::dialogs::remove_members::RemoveMembers::new(id(RESEARCH), "Research", crowd(n))
}

/// Research's role editor for a crowd of `n` who hold dev, in its preview of giving each of
/// them workspace_admin too: one change a person.
pub fn crowded_role_preview(n: u128) -> crate::tui::dialogs::edit_roles::EditRoles {
    use crate::actions::roles::Target;
    let targets = crowd(n)
        .into_iter()
        .map(|(user_id, name)| Target {
            user_id,
            name,
            roles: vec!["dev".into()],
        })
        .collect();
    let mut editor = crate::tui::dialogs::edit_roles::EditRoles::new(
        id(RESEARCH),
        "Research",
        targets,
        &people(0).workspace_roles,
    );
    let admin = editor
        .choices
        .iter()
        .position(|c| c.name == "workspace_admin")
        .expect("the catalog has workspace_admin");
    editor.toggle(admin);
    editor.review().expect("the preview opens");
    // The fixture has no groups: read at once.
    editor.groups = crate::tui::dialogs::edit_roles::GroupsRead::Read(Default::default());
    editor
}
