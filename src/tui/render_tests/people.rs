//! The people view and its dialogs at 80x24 and 160x48, in colour and monochrome: members,
//! invitations, the detail pane, inviting (a ticked workspace out of sight, the preview of a
//! pending invitation replaced), organization roles (with the last-admin rule),
//! offboarding (and its refusal), revoking, re-inviting, a run's progress and its report.

use super::shots::{EVERY_WAY, Walk, assert_looks, assert_walks};
use super::*;
use crate::tui::views::people::tests::open_people;
use crate::tui::views::people::{Batch, People, Run};

fn four(name: &str, app: &App) {
    assert_looks(module_path!(), name, app, EVERY_WAY);
}

/// The people view walked through by keys, a snapshot set after each step.
const WALKS: &[Walk] = &[
    Walk::new(open_people, &[("space", "people_members")]),
    Walk::new(open_people, &[("tab", "people_invitations")]),
    Walk::new(
        open_people,
        &[(r#"/ "jane.doe" enter enter"#, "people_detail")],
    ),
    Walk::new(
        open_people,
        &[(
            r#"i "new.one@example.org" space "not-an-address" space "jane.doe@northwind.example" space "new.hire@northwind.example""#,
            "people_invite",
        )],
    ),
    Walk::new(
        open_people,
        &[
            (
                r#"i "new.one@example.org" space "new.hire@northwind.example" tab down space tab down down down down down space up up up up up"#,
                "people_invite_ticked_out_of_sight",
            ),
            ("tab enter", "people_invite_preview"),
        ],
    ),
    Walk::new(
        open_people,
        &[
            (r#"/ "jane.roe" enter r"#, "people_org_roles"),
            ("down down space enter", "people_org_roles_preview"),
        ],
    ),
    Walk::new(
        open_people,
        &[(
            r#"/ "zoe" enter r down down space up up space enter"#,
            "people_org_roles_last_admin",
        )],
    ),
    Walk::new(
        open_people,
        &[(
            r#"/ "jane.doe" enter O "jane.doe@north""#,
            "people_offboard",
        )],
    ),
    Walk::new(
        open_people,
        &[(r#"/ "zoe" enter O"#, "people_offboard_last_admin")],
    ),
    Walk::new(
        open_people,
        &[("tab X", "people_revoke"), ("esc R", "people_reinvite")],
    ),
];

#[test]
fn people_screens() {
    assert_walks(module_path!(), WALKS, EVERY_WAY);
}

/// A run part way, as the view shows it, and the report of one that failed midway.
#[test]
fn people_run_progress_and_report() {
    let mut app = open_people();
    let loaded = crate::tui::views::people::tests::loaded();
    let person = loaded.directory.members()[1].clone();
    let keys: Vec<_> = loaded.keys.iter().collect();
    let plan = crate::actions::people::remove(&person, &loaded.directory, &keys, true).unwrap();
    let mut run = Run::new(Batch::new("Offboarding jane.doe@northwind.example", plan));
    run.answer(0, Ok(()));
    run.answer(1, Ok(()));
    let open = app.view.as_mut().unwrap();
    let view = open.view.as_any_mut().downcast_mut::<People>().unwrap();
    view.run = Some(run.clone());
    four("people_run_progress", &app);
    run.answer(
        2,
        Err(crate::tui::state::RemoteError::new(
            crate::client::ErrorKind::NotFound,
            "404 Not Found: API key not found",
        )),
    );
    app.dialogs
        .push(Box::new(crate::tui::dialogs::run_report::RunReport::new(
            &run,
        )));
    four("people_run_report", &app);
}
