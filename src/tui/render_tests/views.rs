//! The organization views at 80x24 and 160x48, in colour and monochrome, with their loading
//! and failed states.

use super::shots::{BOTH_SIZES, Shot, Then, Walk, assert_looks, assert_shots, assert_walks};
use super::*;
use crate::tui::testing::*;

fn both_sizes(name: &str, app: &App) {
    assert_looks(module_path!(), name, app, BOTH_SIZES);
}

/// The organization views walked through by keys from the loaded console, a snapshot set after
/// each step.
const WALKS: &[Walk] = &[
    Walk::new(
        loaded_app,
        &[
            (r#": "usage" enter"#, "usage"),
            ("c down", "usage_compared"),
        ],
    ),
    Walk::new(loaded_app, &[(r#": "limits" enter"#, "limits")]),
    Walk::new(loaded_app, &[(r#": "vibe" enter"#, "vibe")]),
    Walk::new(
        loaded_app,
        &[
            (r#": "scim" enter d"#, "scim_dry_run"),
            ("R", "scim_confirmation"),
        ],
    ),
    Walk::new(loaded_app, &[(r#": "groups" enter"#, "groups")]),
    Walk::new(
        loaded_app,
        &[
            (
                r#": "groups" enter / "finance" enter w"#,
                "groups_assign_workspace",
            ),
            ("down enter space", "groups_assign_roles"),
            ("enter", "groups_assign_review"),
        ],
    ),
    Walk::new(
        loaded_app,
        &[(
            r#": "groups" enter / "finance" enter D "Fin""#,
            "groups_delete",
        )],
    ),
    Walk::new(
        loaded_app,
        &[(
            r#": "groups" enter / "finance" enter a space"#,
            "groups_add_members",
        )],
    ),
    Walk::new(
        loaded_app,
        &[(
            r#": "groups" enter / "platform" enter x space"#,
            "groups_remove_members",
        )],
    ),
    Walk::new(
        loaded_app,
        &[(r#": "groups" enter e"#, "groups_edit_provider_group")],
    ),
    Walk::new(
        loaded_app,
        &[(
            r#": "groups" enter n "Finance" enter"#,
            "groups_new_name_taken",
        )],
    ),
];

/// Screens of the views at 80x24 alone.
const SHOTS: &[Shot] = &[
    Shot::keys(
        "usage_by_model_80x24",
        loaded_app,
        r#": "usage" enter c down tab"#,
    ),
    Shot::keys("usage_view_loading", loaded_app, r#": "usage""#).then(Then::Unanswered("enter")),
    Shot::keys(
        "limits_view_searching",
        loaded_app,
        r#": "limits" enter / "small""#,
    ),
    Shot::keys("vibe_idle_seats_80x24", loaded_app, r#": "vibe" enter ["#),
    Shot::keys("scim_before_any_run_80x24", loaded_app, r#": "scim" enter"#),
    Shot::keys(
        "groups_nested_selected_80x24",
        loaded_app,
        r#": "groups" enter / "platform" enter"#,
    ),
];

#[test]
fn view_screens() {
    assert_walks(module_path!(), WALKS, BOTH_SIZES);
    assert_shots(module_path!(), SHOTS);
}

#[test]
fn the_command_line_completes_a_view() {
    let app = loaded_after(r#": "li" tab enter"#);
    assert!(app.view.is_some(), "tab completed \"li\" to \"limits\"");
}

#[test]
fn views_in_monochrome_draw_no_colour() {
    assert_no_colour(&["people", "usage", "limits", "vibe", "scim", "groups"]);
}

#[test]
fn groups_nest_refused() {
    let mut app = command_opened("groups");
    press_keys(&mut app, r#"/ "engineering" enter i enter"#);
    let reason = "Nesting 'Engineering' inside 'Platform' would make a loop: 'Platform' is already nested inside 'Engineering' ('Engineering' > 'Platform' > 'Engineering')";
    if let Some(dialog) = app.dialogs.last_mut() {
        dialog.refused(crate::tui::state::RemoteError::new(
            crate::client::ErrorKind::Conflict,
            reason,
        ));
    }
    redraw(&mut app);
    both_sizes("groups_nest_refused", &app);
}

/// The group change's hint at 60 and 80 columns: every key stays on one line with what it
/// does, and no line of it opens on a separator left over from the line before.
#[test]
fn the_group_change_hint_never_parts_a_key_from_what_it_does() {
    let walks = [
        (
            r#": "groups" enter / "finance" enter a space"#,
            &[
                "type to find",
                "space ticks",
                "enter goes on to the preview",
                "esc cancels",
            ][..],
        ),
        (
            r#": "groups" enter / "finance" enter w"#,
            &[
                "type to find",
                "enter takes the one under the cursor",
                "esc cancels",
            ][..],
        ),
        (
            r#": "groups" enter / "finance" enter w down enter space"#,
            &["space ticks", "enter goes on to the preview", "esc cancels"][..],
        ),
    ];
    for (keys, parts) in walks {
        let app = loaded_after(keys);
        for width in [60, 80] {
            let shown = screen(&app, width, 24);
            for part in parts {
                assert!(
                    shown.lines().any(|row| row.contains(part)),
                    "\"{part}\" whole at {width} columns:\n{shown}"
                );
            }
            assert!(
                !shown.lines().any(|row| row.contains("║· ")),
                "a hint line opens on a separator at {width} columns:\n{shown}"
            );
        }
    }
}
