//! Unit tests of the outcome sentences: the console's wording, and runs that stop midway.

use super::*;
use crate::actions::execute::Failure;
use crate::actions::plan::Step;
use crate::actions::request::Request;
use crate::client::ClientError;
use uuid::Uuid;

#[test]
fn sentences_match_the_consoles() {
    let out = AddUsersToWorkspaceOut {
        added_members_count: 2,
    };
    assert_eq!(
        added("Research", &["dev".into()], 3, &out),
        "Added 2 members to \"Research\" as dev (1 already belonged to it)"
    );
    let removed_out = RemoveWorkspaceMembersOut {
        deleted_members_count: 1,
        not_deleted_members: Some(vec![Uuid::nil()]),
    };
    assert_eq!(
        removed("Research", &removed_out, &[]),
        "Removed 1 member from \"Research\"; 1 person no longer belonged to it"
    );
    assert_eq!(
        archived(
            "Lab",
            Some(3),
            Some(KeyCount {
                working: 2,
                expired: 1
            })
        ),
        "Archived \"Lab\": 3 members lost access, 2 API keys stopped working"
    );
    assert_eq!(archived("Lab", Some(0), None), "Archived \"Lab\"");
}

#[test]
fn invitations_say_per_address_what_happened() {
    let out = OrganizationInvitesCreateOut {
        invalid_emails: vec![],
        already_members: vec!["b@x.io".into()],
        invited_members_count: Some(1),
    };
    assert_eq!(
        invited(
            &["a@x.io".into(), "b@x.io".into()],
            &["c (not a valid address)".into()],
            &out
        ),
        "Invited 1 person: a@x.io; not invited: c (not a valid address), b@x.io (already a member)"
    );
}

#[test]
fn a_run_that_stops_midway_says_what_was_done_and_what_was_not() {
    let key = Uuid::from_u128(1);
    let plan = Plan::new(
        Intent::RotateKey {
            label: "\"ci\"".into(),
            expiration: None,
        },
        "Rotate",
        vec![
            Step::new(
                Request::DeleteApiKey { key },
                "create the replacement of \"ci\"",
            ),
            Step::new(Request::DeleteApiKey { key }, "delete the old key \"ci\""),
        ],
    );
    let execution = Execution {
        replies: vec![Reply::Archived],
        failure: Some(Failure {
            step: 1,
            error: ClientError::NotFound {
                message: "API key not found".into(),
            },
        }),
    };
    assert_eq!(
        failure(&plan, &execution).unwrap(),
        "API key not found. Done: create the replacement of \"ci\". Not done: delete the old key \"ci\""
    );
    let at_once = Execution {
        replies: vec![],
        failure: Some(Failure {
            step: 0,
            error: ClientError::NotFound {
                message: "API key not found".into(),
            },
        }),
    };
    assert_eq!(failure(&plan, &at_once).unwrap(), "API key not found");
}

#[test]
fn who_stays_through_a_group_is_named_instead_of_counted_as_gone() {
    let kept = [(
        Uuid::from_u128(7),
        "Taro keeps dev through the group \"Engineers\"".to_owned(),
    )];
    let out = |deleted, not: Vec<Uuid>| RemoveWorkspaceMembersOut {
        deleted_members_count: deleted,
        not_deleted_members: Some(not),
    };
    assert_eq!(
        removed("Research", &out(0, vec![Uuid::from_u128(7)]), &kept),
        "Nobody left \"Research\"; Taro keeps dev through the group \"Engineers\""
    );
    assert_eq!(
        removed(
            "Research",
            &out(1, vec![Uuid::from_u128(7), Uuid::nil()]),
            &kept
        ),
        "Removed 1 member from \"Research\"; Taro keeps dev through the group \"Engineers\"; 1 person no longer belonged to it"
    );
    let set = AddOrUpdateUsersToWorkspaceOut {
        added_members_count: 0,
        updated_members_count: 1,
    };
    assert_eq!(
        roles_set("Research", 1, Some(&set), &[kept[0].1.clone()]),
        "Changed the roles of 1 member in \"Research\"; Taro keeps dev through the group \"Engineers\""
    );
}
