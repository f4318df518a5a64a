//! Unit tests of the workspace planners: checks shared with the server, what is sent.

use super::*;
use crate::actions::fixtures::*;

fn new(name: &str) -> NewWorkspace {
    NewWorkspace {
        name: name.into(),
        description: String::new(),
        icon: "🚀".into(),
        admin: id(ZOE),
        admin_label: "Zoë Ångström <zoe@northwind.example>".into(),
        add_all_members: false,
    }
}

#[test]
fn creating_checks_the_fields_and_the_folded_name_before_sending() {
    let active = workspaces();
    let plan = create(&new("  Mobile App "), &active).unwrap();
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({
            "name": "Mobile App", "description": "", "icon": "🚀",
            "add_all_org_members": false, "admin_user_id": id(ZOE).to_string()
        })
    );
    assert_eq!(
        plan.summary,
        "Create \"Mobile App\" with Zoë Ångström <zoe@northwind.example> as its admin"
    );
    assert_eq!(
        create(&new("RÉSEARCH"), &active).unwrap_err(),
        ActionError::Refused(
            "An active workspace named 'Research' already exists in this organization".into()
        )
    );
    let blank = create(&new("   "), &active).unwrap_err();
    assert_eq!(
        blank,
        ActionError::invalid("name", "Workspace name must not be empty")
    );
    let mut icon = new("Lab");
    icon.icon = "abc".into();
    assert!(
        matches!(create(&icon, &active), Err(ActionError::Invalid { field, .. }) if field == "icon")
    );
}

#[test]
fn editing_sends_only_what_differs_and_nothing_when_nothing_does() {
    let active = workspaces();
    let research = &active[1];
    let same = WorkspaceEdit {
        name: Some("Research".into()),
        ..WorkspaceEdit::default()
    };
    let plan = edit(research, &same, &active, None).unwrap();
    assert!(plan.changes_nothing(), "{plan:?}");
    let rename = WorkspaceEdit {
        name: Some("Research Lab".into()),
        description: Some("Models".into()),
        ..WorkspaceEdit::default()
    };
    let plan = edit(research, &rename, &active, None).unwrap();
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({"name": "Research Lab", "description": "Models"})
    );
    assert_eq!(plan.summary, "Change the name, description of \"Research\"");
    let clash = WorkspaceEdit {
        name: Some("product & design".into()),
        ..WorkspaceEdit::default()
    };
    assert!(matches!(
        edit(research, &clash, &active, None),
        Err(ActionError::Refused(_))
    ));
}

#[test]
fn settings_need_the_extension_and_a_cap_under_the_organizations_limit() {
    let active = workspaces();
    let research = &active[1];
    let cap = WorkspaceEdit {
        monthly_spend_cap: Some(Some(2000)),
        ..WorkspaceEdit::default()
    };
    assert!(matches!(
        edit(research, &cap, &active, None),
        Err(ActionError::Refused(_))
    ));
    let settings = WorkspaceSettingsOut {
        workspace_uuid: research.uuid,
        members_can_create_api_keys: true,
        monthly_spend_cap: None,
        currency: "EUR".into(),
        organization_monthly_limit: Some(1000),
    };
    let err = edit(research, &cap, &active, Some(&settings)).unwrap_err();
    assert_eq!(
        err,
        ActionError::invalid(
            "monthly_spend_cap",
            "Cannot exceed the organization's limit of 1000 EUR"
        )
    );
    let fine = WorkspaceEdit {
        monthly_spend_cap: Some(Some(500)),
        members_can_create_api_keys: Some(false),
        ..WorkspaceEdit::default()
    };
    let plan = edit(research, &fine, &active, Some(&settings)).unwrap();
    assert_eq!(plan.steps.len(), 1);
    assert_eq!(
        plan.steps[0].request.body().unwrap(),
        serde_json::json!({"members_can_create_api_keys": false, "monthly_spend_cap": 500})
    );
}
