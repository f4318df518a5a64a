//! Unit tests of name resolution: UUIDs, folded workspace names, emails, ambiguous names.

use super::*;
use crate::actions::fixtures::{
    ANA, CI_KEY, OLD_KEY, OTHER_CI_KEY, PRODUCT, RESEARCH, ZOE, directory, id, keys, workspaces,
};

#[test]
fn workspaces_match_by_uuid_or_by_the_servers_folded_name() {
    let active = workspaces();
    for given in [
        "Research",
        "  research ",
        "RÉSEARCH",
        &id(RESEARCH).to_string(),
    ] {
        assert_eq!(
            workspace(&active, &[], given).unwrap().uuid,
            id(RESEARCH),
            "{given}"
        );
    }
    assert_eq!(
        workspace(&active, &[], "product & design").unwrap().uuid,
        id(PRODUCT)
    );
}

#[test]
fn a_workspace_named_with_another_ones_uuid_is_ambiguous_not_picked() {
    let mut active = workspaces();
    let research = id(RESEARCH).to_string();
    active.push(crate::actions::fixtures::workspace(98, &research));
    let err = workspace(&active, &[], &research).unwrap_err();
    let ActionError::Ambiguous { candidates, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(candidates.len(), 2, "{err}");
    assert!(err.to_string().contains("\"Research\""), "{err}");
    assert_eq!(
        workspace(&active, &[], "Research").unwrap().uuid,
        id(RESEARCH)
    );
}

#[test]
fn an_unknown_workspace_is_refused_with_near_names_and_an_archived_one_says_so() {
    let active = workspaces();
    let err = workspace(&active, &[], "Resear").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no active workspace \"Resear\"; did you mean Research?"
    );
    let archived = vec![crate::actions::fixtures::workspace(99, "Old Lab")];
    let err = workspace(&active, &archived, "old lab").unwrap_err();
    assert_eq!(
        err,
        ActionError::Refused(
            "\"Old Lab\" is archived; archived workspaces cannot be changed".into()
        )
    );
}

#[test]
fn people_match_by_email_uuid_or_a_name_that_only_one_person_has() {
    let d = directory();
    assert_eq!(person(&d, "ZOE@northwind.example").unwrap().uuid, id(ZOE));
    assert_eq!(person(&d, "zoe angstrom").unwrap().uuid, id(ZOE));
    assert_eq!(person(&d, &id(ANA).to_string()).unwrap().uuid, id(ANA));
    let err = person(&d, "jane").unwrap_err();
    let ActionError::Ambiguous { candidates, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(
        candidates,
        &[
            "Jane <jane.doe@northwind.example>",
            "Jane <jane.roe@northwind.example>"
        ]
    );
}

#[test]
fn someone_only_invited_or_unknown_is_refused_with_the_reason() {
    let d = directory();
    let err = person(&d, "new.hire@northwind.example").unwrap_err();
    assert!(
        err.to_string().contains("is invited but not a member yet"),
        "{err}"
    );
    let err = person(&d, "ana@").unwrap_err();
    assert_eq!(
        err.to_string(),
        "no organization member \"ana@\"; did you mean Ana Lucía Pérez <ana@northwind.example>?"
    );
}

#[test]
fn invitations_match_by_email_or_uuid() {
    let d = directory();
    let found = invite(d.invites(), "New.Hire@northwind.example").unwrap();
    assert_eq!(found.uuid, Uuid::from_u128(30));
    assert!(invite(d.invites(), "zoe@northwind.example").is_err());
}

#[test]
fn keys_match_by_name_hidden_form_or_uuid_and_a_shared_name_needs_the_workspace() {
    let all = keys();
    let err = api_key(&all, "ci", None).unwrap_err();
    assert!(matches!(err, ActionError::Ambiguous { .. }), "{err:?}");
    assert!(err.to_string().contains("in \"Research\""), "{err}");
    assert_eq!(
        api_key(&all, "ci", Some(id(PRODUCT))).unwrap().key_id,
        id(OTHER_CI_KEY)
    );
    assert_eq!(
        api_key(&all, "abcd...0021", None).unwrap().key_id,
        id(OLD_KEY)
    );
    assert_eq!(
        api_key(&all, &id(CI_KEY).to_string(), None).unwrap().key_id,
        id(CI_KEY)
    );
    assert_eq!(key_label(&all[0]), "\"ci\" (abcd...0020)");
    assert_eq!(key_confirmation(&all[0]), "ci");
}
