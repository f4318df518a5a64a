//! The Directory kept up to date by the client's own changes matches a fresh load from the
//! real local server after every step.

use std::collections::BTreeMap;

use mistral_admin::api::{
    AdminOrganizationMemberUpdate, AdminWorkspaceIn, UpdateWorkspaceIn, WorkspaceMemberSingleIn,
    WorkspaceOut,
};
use mistral_admin::client::{AdminClient, Directory};
use mistral_admin::domain::{OrgRole, WorkspaceRole};
use uuid::Uuid;

use crate::support::client::{fresh_org, new_member};

/// What a member table shows, independent of list order and of how roles were spelled.
type View = BTreeMap<
    Uuid,
    (
        Option<String>,
        Vec<String>,
        BTreeMap<Uuid, (String, Vec<String>)>,
    ),
>;

fn view(dir: &Directory, workspaces: &[Uuid]) -> View {
    let mut out: View = BTreeMap::new();
    for member in dir.members() {
        out.insert(
            member.uuid,
            (
                member.email.clone(),
                dir.org_roles(member.uuid),
                BTreeMap::new(),
            ),
        );
    }
    for &ws in workspaces {
        for m in dir.workspace_members(ws) {
            let name = m
                .user
                .workspaces
                .iter()
                .flatten()
                .find(|e| e.uuid == ws)
                .unwrap()
                .name
                .clone();
            out.get_mut(&m.user.uuid)
                .unwrap()
                .2
                .insert(ws, (name, m.roles));
        }
    }
    out
}

async fn assert_matches_fresh_load(
    client: &AdminClient,
    kept: &Directory,
    workspaces: &[Uuid],
    step: &str,
) {
    let fresh = client.load_directory().await.unwrap();
    assert_eq!(
        view(kept, workspaces),
        view(&fresh, workspaces),
        "after {step}"
    );
    for &ws in workspaces {
        assert_eq!(
            kept.member_count(ws),
            fresh.member_count(ws),
            "after {step}"
        );
        assert_eq!(
            kept.non_members_of(ws).len(),
            fresh.non_members_of(ws).len(),
            "after {step}"
        );
    }
    let invites = |d: &Directory| d.invites().iter().map(|i| i.uuid).collect::<Vec<_>>();
    assert_eq!(invites(kept), invites(&fresh), "after {step}");
}

fn names(roles: &[WorkspaceRole]) -> Vec<String> {
    roles.iter().map(|r| r.name().to_owned()).collect()
}

#[tokio::test]
async fn the_kept_directory_matches_a_fresh_load_after_each_change() {
    let acme = fresh_org("Acme").await;
    let client = &acme.client;
    let admin = acme.org.admin_user_uuid;
    let created = client
        .create_users(
            &(0..6)
                .map(|i| {
                    new_member(
                        &format!("p{i}@acme.test"),
                        "P",
                        &i.to_string(),
                        &[OrgRole::Member],
                    )
                })
                .collect::<Vec<_>>(),
        )
        .await
        .unwrap();
    let p: Vec<Uuid> = (0..6)
        .map(|i| {
            created.email_to_user_id[&format!("p{i}@acme.test")]
                .parse()
                .unwrap()
        })
        .collect();
    client
        .invite_users(&mistral_admin::api::OrganizationInviteIn {
            email: "later@acme.test, latest@acme.test".into(),
            ..Default::default()
        })
        .await
        .unwrap();

    let mut dir = client.load_directory().await.unwrap();
    let default = client.list_all_workspaces(false).await.unwrap()[0].uuid;
    let mut tracked = vec![default];
    assert_matches_fresh_load(client, &dir, &tracked, "the first load").await;

    // Create two workspaces, one with everybody in it.
    let request = |name: &str, all: bool| AdminWorkspaceIn {
        name: name.into(),
        description: String::new(),
        icon: String::new(),
        add_all_org_members: all,
        admin_user_id: admin,
    };
    let research = client
        .create_workspace(&request("Research", false))
        .await
        .unwrap();
    dir.apply_workspace_created(&research, admin, false);
    let town_hall = client
        .create_workspace(&request("Town Hall", true))
        .await
        .unwrap();
    dir.apply_workspace_created(&town_hall, admin, true);
    tracked.extend([research.uuid, town_hall.uuid]);
    assert_matches_fresh_load(client, &dir, &tracked, "creating workspaces").await;
    let research_out = WorkspaceOut {
        uuid: research.uuid,
        name: research.name.clone(),
        description: research.description.clone(),
        icon: research.icon.clone(),
        members_count: None,
        spend_limit: None,
        is_default: false,
    };

    // Add people; the admin is already there and must keep their role.
    let adds = vec![
        (p[0], names(&[WorkspaceRole::Dev, WorkspaceRole::User])),
        (p[1], Vec::new()),
        (admin, names(&[WorkspaceRole::User])),
    ];
    let body: Vec<_> = adds
        .iter()
        .map(|(u, r)| {
            let roles: Vec<WorkspaceRole> = r.iter().map(|n| n.parse().unwrap()).collect();
            WorkspaceMemberSingleIn::with_role_names(*u, &roles)
        })
        .collect();
    client
        .add_workspace_members(research.uuid, &body)
        .await
        .unwrap();
    dir.apply_added(&research_out, &adds);
    assert_matches_fresh_load(client, &dir, &tracked, "adding members").await;

    // Change roles, keep one as is (no roles given), add a newcomer.
    let upserts = vec![
        (p[0], names(&[WorkspaceRole::WorkspaceAdmin])),
        (p[1], Vec::new()),
        (p[2], names(&[WorkspaceRole::ObservabilityViewer])),
    ];
    let body: Vec<_> = upserts
        .iter()
        .map(|(u, r)| {
            let roles: Vec<WorkspaceRole> = r.iter().map(|n| n.parse().unwrap()).collect();
            WorkspaceMemberSingleIn::with_role_names(*u, &roles)
        })
        .collect();
    client
        .upsert_workspace_members(research.uuid, &body)
        .await
        .unwrap();
    dir.apply_upsert(&research_out, &upserts, true);
    assert_matches_fresh_load(client, &dir, &tracked, "changing roles").await;

    // Remove someone, and try to remove someone who is not there.
    client
        .remove_workspace_members(research.uuid, &[p[1], p[5]])
        .await
        .unwrap();
    dir.apply_removed(research.uuid, &[p[1], p[5]]);
    assert_matches_fresh_load(client, &dir, &tracked, "removing members").await;

    // Rename a workspace: memberships carry the new name.
    let renamed = client
        .update_workspace(
            research.uuid,
            &UpdateWorkspaceIn {
                name: Some("R&D".into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    dir.apply_workspace_renamed(&renamed);
    assert_matches_fresh_load(client, &dir, &tracked, "renaming").await;

    // Organization roles.
    let updated = client
        .update_user(
            p[3],
            &AdminOrganizationMemberUpdate {
                role_names: Some(vec![OrgRole::OrganizationAdmin]),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    dir.apply_member_updated(updated);
    assert_matches_fresh_load(client, &dir, &tracked, "changing organization roles").await;

    // Remove a user from the organization, withdraw an invitation, archive a workspace.
    client.delete_user(p[0]).await.unwrap();
    dir.apply_user_deleted(p[0]);
    let invite = dir.invites()[0].uuid;
    client.delete_invite(invite).await.unwrap();
    dir.apply_invite_deleted(invite);
    assert_matches_fresh_load(client, &dir, &tracked, "deleting a user and an invitation").await;

    client.archive_workspace(town_hall.uuid).await.unwrap();
    dir.apply_workspace_archived(town_hall.uuid);
    assert_matches_fresh_load(client, &dir, &tracked, "archiving").await;
    assert_eq!(dir.member_count(town_hall.uuid), 0);
    assert_eq!(
        dir.member_count(research.uuid),
        2,
        "the admin and p2 remain"
    );
}
