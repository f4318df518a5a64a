//! Roles are what the Members table is for: they are never cut while a name or an email can
//! give way, short names stand in for long ones where room is short (and the help lists them),
//! and Enter on a member shows every role by its full name.

use crossterm::event::KeyCode;
use insta::assert_snapshot;

use super::*;
use crate::tui::dialogs::edit_roles::EditRoles;
use crate::tui::dialogs::reader::{Reader, Text};
use crate::tui::roles_short;
use crate::tui::testing::*;

/// Research's Members tab, focused.
fn research() -> App {
    loaded_after(r#"ctrl-p "Research" enter"#)
}

/// `(name, workspace roles, organization roles)` of Research's members in the fixture.
const MEMBERS: [(&str, &str, &str); 3] = [
    ("Ana", "dev", "member"),
    ("Jane", "workspace_admin", "organization_admin"),
    (
        "Zo",
        "workspace_contributor, observability_viewer",
        "member",
    ),
];

fn short(roles: &str) -> String {
    roles
        .split(", ")
        .map(roles_short::short)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The narrowest form: the first role and how many more.
fn first(roles: &str) -> String {
    let all: Vec<&str> = roles.split(", ").collect();
    match all.as_slice() {
        [one] => roles_short::short(one).to_owned(),
        [first, more @ ..] => format!("{} +{}", roles_short::short(first), more.len()),
        [] => String::new(),
    }
}

#[test]
fn roles_show_whole_at_every_size_full_or_short() {
    let app = research();
    for (width, height) in [
        (60, 15),
        (70, 20),
        (80, 24),
        (100, 30),
        (120, 30),
        (160, 48),
    ] {
        let text = screen(&app, width, height);
        for (name, ws, org) in MEMBERS {
            let row = text
                .lines()
                .find(|line| {
                    line.contains(&format!("┃  {name}")) || line.contains(&format!("┃▶ {name}"))
                })
                .unwrap_or_else(|| panic!("{name}'s row at {width}x{height}:\n{text}"));
            let whole = |roles: &str| {
                row.contains(roles) || row.contains(&short(roles)) || row.contains(&first(roles))
            };
            assert!(
                whole(ws),
                "{name}'s workspace roles at {width}x{height}: {row}"
            );
            assert!(whole(org), "{name}'s org roles at {width}x{height}: {row}");
        }
    }
    let wide = screen(&app, 160, 48);
    assert!(
        wide.contains("workspace_contributor, observability_viewer"),
        "{wide}"
    );
    assert!(
        wide.contains("jane.doe@acme.example"),
        "room for the email too"
    );
}

#[test]
fn members_table_at_80x24_uses_short_role_names() {
    assert_snapshot!(screen(&research(), 80, 24));
}

#[test]
fn members_table_at_60x15_keeps_both_role_columns() {
    assert_snapshot!(screen(&research(), 60, 15));
}

#[test]
fn the_help_lists_the_short_role_names() {
    let mut app = loaded_app();
    press(&mut app, key(KeyCode::Char('?')));
    press(&mut app, key(KeyCode::End));
    let lines = crate::tui::dialogs::reader::help::lines(&app, 160, &Theme::colour());
    let text: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let at = text
        .iter()
        .position(|l| l.contains(roles_short::HELP_TITLE))
        .expect("the section");
    for (short, full) in roles_short::table() {
        assert!(
            text[at..]
                .iter()
                .any(|l| l.contains(short) && l.contains(full)),
            "{short} = {full}"
        );
    }
}

#[test]
fn enter_on_a_member_shows_every_role_their_keys_and_when_they_joined() {
    let mut app = research();
    // Ana Lucía Pérez: first by name; a member of three workspaces, owner of one key.
    press(&mut app, key(KeyCode::Enter));
    assert!(
        app.top_dialog::<Reader>()
            .is_some_and(|r| matches!(r.text, Text::Member(_)))
    );
    let text = screen(&app, 80, 24);
    for expected in [
        "Ana Lucía Pérez <ana.perez@acme.example>",
        "Joined the organization on 2024-02-06",
        "Organization roles: member",
        "Workspaces (3):",
        "Default Workspace: workspace_contributor",
        "Research: dev",
        "Data Platform: workspace_admin",
        "API keys they created (1):",
        "eval-runner ****0502 in Research · expires 2026-12-31",
    ] {
        assert!(text.contains(expected), "{expected:?}:\n{text}");
    }
    assert_snapshot!(text);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.dialogs.is_empty());
}

#[test]
fn the_role_editor_names_everyone_or_counts_them_and_the_preview_names_each() {
    let mut app = research();
    app.org_mut().patch_people(|people| {
        for n in 0..12u128 {
            let mut extra = people.persons[0].clone();
            extra.user_id = id(300 + n);
            extra.name = format!("Extra Person {n:02}").into();
            extra.memberships = vec![(id(RESEARCH), vec!["dev".to_owned()].into())];
            people.persons.push(extra);
        }
    });
    press_keys(&mut app, "* r");
    for (width, height) in [(100, 30), (80, 24), (60, 18)] {
        let text = dialog_text(&screen(&app, width, height));
        assert!(
            text.contains("For 15 members; the preview names each one"),
            "{width}x{height}: {text}"
        );
        assert!(!cut_short(&text), "nobody is cut off: {text}");
    }
    // Ticking observability_viewer changes everyone but Zoë, who holds it already: she is
    // named as left alone.
    let editor = app
        .dialogs
        .last()
        .and_then(|d| d.as_any().downcast_ref::<EditRoles>());
    let viewer = (editor.unwrap().choices.iter())
        .position(|c| c.name == "observability_viewer")
        .unwrap();
    press_keys(&mut app, &"up ".repeat(10));
    press_keys(&mut app, &"down ".repeat(viewer));
    press_keys(&mut app, "space enter");
    let mut seen = String::new();
    for _ in 0..20 {
        seen.push_str(&dialog_text(&screen(&app, 80, 24)));
        press(&mut app, key(KeyCode::Down));
    }
    assert!(seen.contains("For 15 members, each named below"), "{seen}");
    assert!(
        seen.contains("1 member is already as chosen, left alone: Zoë Martin"),
        "{seen}"
    );
    assert!(!cut_short(&seen), "{seen}");
}

/// Whether `text` sums people up as "and N more".
fn cut_short(text: &str) -> bool {
    (1..=15).any(|n| text.contains(&format!("and {n} more")))
}

/// The text inside the topmost double-lined dialog, its lines joined by spaces.
fn dialog_text(text: &str) -> String {
    let inside: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let start = line.find('║')? + '║'.len_utf8();
            let end = line.rfind('║')?;
            (end > start).then(|| line[start..end].trim())
        })
        .collect();
    inside.join(" ")
}

/// Opens a dialog on Research's members with `keys`, goes to the top of its role list, then
/// down through every role: each one's description is told whole at each size, and where
/// `nothing_cut`, no text of the dialog ends cut.
fn each_role_is_told_whole(keys: &str, nothing_cut: bool) {
    let catalog = people(0).workspace_roles;
    for (width, height) in [(80, 24), (60, 18), (100, 30)] {
        let mut app = research();
        press_keys(&mut app, keys);
        press_keys(&mut app, &"k ".repeat(catalog.len()));
        for role in &catalog {
            let text = screen(&app, width, height);
            let told = format!("{}: {}", role.name, role.description);
            assert!(
                dialog_text(&text).contains(&told),
                "{told:?} at {width}x{height}:\n{text}"
            );
            assert!(
                !nothing_cut || !dialog_text(&text).contains('…'),
                "nothing cut at {width}x{height}:\n{text}"
            );
            press_keys(&mut app, "j");
        }
    }
}

#[test]
fn the_role_editor_tells_each_roles_description_whole_at_every_size() {
    // Ana and Zoë chosen, so some roles are mixed and say so after their name.
    each_role_is_told_whole("space j space r", true);
}

#[test]
fn add_members_tells_the_chosen_roles_description_whole_at_every_size() {
    // The people column cuts long emails; the role column is what is checked.
    each_role_is_told_whole("a tab", false);
}

#[test]
fn add_members_shows_every_email_whole_at_every_size() {
    for (width, height) in [(80, 24), (60, 18), (100, 30)] {
        let mut app = research();
        press_keys(&mut app, "a");
        let text = screen(&app, width, height);
        for email in ["john.smith@acme.example", "taro.yamada@acme.example"] {
            assert!(
                dialog_text(&text).contains(email),
                "{email} whole at {width}x{height}:\n{text}"
            );
        }
    }
}

#[test]
fn add_members_and_the_role_editor_say_where_their_role_list_is_as_previews_do() {
    // The role editor first, then add members' role column: both in the preview's words.
    for open in ["r", "a tab g"] {
        let mut app = research();
        press_keys(&mut app, open);
        let text = dialog_text(&screen(&app, 60, 18));
        let (last, below) = roles_position(&text).unwrap_or_else(|| panic!("{open}: {text}"));
        assert_eq!(last + below, 11, "{open}: {text}");
        assert!(!text.contains("more below"), "{open}: {text}");
        press_keys(&mut app, &"down ".repeat(12));
        let text = dialog_text(&screen(&app, 60, 18));
        let at_end = text.contains("of 11 · end") || text.contains("of 11 end");
        assert!(at_end, "{open}, at the end: {text}");
        let text = dialog_text(&screen(&app, 100, 30));
        assert!(!text.contains("of 11"), "{open}, all eleven fit: {text}");
    }
}

/// In `roles 1-L of 11 · B below: ↓`, L and B; a narrow column wraps the two parts onto
/// lines of their own, without the dot.
fn roles_position(text: &str) -> Option<(usize, usize)> {
    let (_, rest) = text.split_once("roles 1-")?;
    let (last, rest) = rest.split_once(" of 11 ")?;
    let rest = rest.trim_start_matches("· ");
    let (below, _) = rest.split_once(" below: ↓")?;
    Some((last.parse().ok()?, below.parse().ok()?))
}

/// Rows of the topmost dialog that show an entry of its list, told by the marks before one.
fn listed_rows(text: &str, marks: &[&str]) -> usize {
    text.lines()
        .filter(|line| line.contains('║') && marks.iter().any(|mark| line.contains(mark)))
        .count()
}

/// Opens a dialog with `open`, then goes down its list of eleven roles with `down` to the
/// end: the list shows as many rows at the end as it did at the start, at each size.
fn a_role_list_keeps_its_height_at_the_end(open: &str, down: &str, marks: &[&str]) {
    for (width, height) in [(80, 24), (60, 18), (100, 30)] {
        let mut app = research();
        press_keys(&mut app, open);
        let text = screen(&app, width, height);
        let at_start = listed_rows(&text, marks);
        assert!(at_start > 1, "{text}");
        press_keys(&mut app, &[down; 12].join(" "));
        let text = screen(&app, width, height);
        assert_eq!(
            listed_rows(&text, marks),
            at_start,
            "{open:?} at {width}x{height}:\n{text}"
        );
    }
}

#[test]
fn add_members_keeps_its_role_list_as_tall_at_the_end() {
    a_role_list_keeps_its_height_at_the_end("a tab g", "j", &["( )", "(•)"]);
}

#[test]
fn the_role_editor_keeps_its_list_as_tall_at_the_end() {
    a_role_list_keeps_its_height_at_the_end("r k k k k k k k k k k k", "j", &["[x]", "[ ]", "[~]"]);
}

#[test]
fn the_group_assign_picker_keeps_its_role_list_as_tall_at_the_end() {
    a_role_list_keeps_its_height_at_the_end(
        r#": "groups" enter / "finance" enter w down enter"#,
        "down",
        &["[x]", "[ ]"],
    );
}
