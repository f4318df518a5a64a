//! The rules of the role editor, without keys.

use super::*;
use crate::tui::testing::*;

fn target(n: u128, name: &str, roles: &[&str]) -> Target {
    Target {
        user_id: id(n),
        name: name.into(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
    }
}

fn dialog(targets: Vec<Target>) -> EditRoles {
    EditRoles::new(
        id(RESEARCH),
        "Research",
        targets,
        &people(0).workspace_roles,
    )
}

/// Jane, who holds only workspace_admin, and Ana, who holds only dev: both roles start mixed.
fn jane_and_ana() -> EditRoles {
    dialog(vec![
        target(JANE, "Jane Doe", &["workspace_admin"]),
        target(ANA, "Ana Lucía Pérez", &["dev"]),
    ])
}

fn index(d: &EditRoles, name: &str) -> usize {
    d.choices.iter().position(|c| c.name == name).unwrap()
}

#[test]
fn one_member_is_shown_and_edited_with_all_their_roles() {
    let mut d = dialog(vec![target(
        ZOE,
        "Zoë Martin",
        &["workspace_contributor", "observability_viewer"],
    )]);
    assert_eq!(
        d.choices[index(&d, "observability_viewer")].tick,
        RoleTick::On
    );
    let admin = index(&d, "workspace_admin");
    d.toggle(admin);
    let contributor = index(&d, "workspace_contributor");
    d.toggle(contributor);
    let changes = d.changes();
    assert_eq!(
        changes[0].after,
        vec!["workspace_admin", "observability_viewer"],
        "the other role is kept"
    );
    assert!(d.review().is_ok());
}

#[test]
fn a_role_some_members_hold_leaves_each_as_they_were() {
    let mut d = jane_and_ana();
    let dev = index(&d, "dev");
    assert_eq!(d.choices[dev].tick, RoleTick::Keep);
    let viewer = index(&d, "observability_viewer");
    d.toggle(viewer);
    let changes = d.changes();
    assert_eq!(changes.len(), 2);
    assert_eq!(
        changes[0].after,
        vec!["workspace_admin", "observability_viewer"]
    );
    assert_eq!(changes[1].after, vec!["dev", "observability_viewer"]);
    // Mixed -> on -> off -> mixed.
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::On);
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::Off);
    d.toggle(dev);
    assert_eq!(d.choices[dev].tick, RoleTick::Keep);
}

#[test]
fn nobody_may_be_left_without_a_role_and_no_change_is_no_request() {
    let mut d = dialog(vec![target(JANE, "Jane Doe", &["workspace_admin"])]);
    assert!(d.review().unwrap_err().contains("nothing would change"));
    let admin = index(&d, "workspace_admin");
    d.toggle(admin);
    let problem = d.review().unwrap_err();
    assert!(problem.contains("Jane Doe would have no role"), "{problem}");
    assert_eq!(d.stage, Stage::Choose);
}

#[test]
fn only_changed_members_are_sent() {
    let mut d = jane_and_ana();
    let admin = index(&d, "workspace_admin");
    assert_eq!(d.choices[admin].tick, RoleTick::Keep);
    d.toggle(admin);
    assert_eq!(d.choices[admin].tick, RoleTick::On);
    let body = d.request().unwrap();
    assert_eq!(body.len(), 1);
    assert_eq!(body[0].user_uuid, id(ANA));
}

mod groups {
    //! The preview against what groups give, read as the editor opens.

    use crossterm::event::KeyCode;

    use super::*;
    use crate::actions::groups::access::{GroupAccess, Node};
    use crate::tui::call::{Call, Payload};
    use crate::tui::dialogs::Button;
    use crate::tui::effect::Effect;
    use crate::tui::render_tests::screen;
    use crate::tui::state::{ErrorKind, RemoteError, RequestId};

    /// The role editor on Jane Doe (Research's only workspace_admin, first in the table),
    /// with workspace_admin unticked and dev ticked, the preview asked for; the groups' read
    /// as the editor opened is left unanswered and returned.
    fn jane_losing_admin() -> (App, (RequestId, usize, Call)) {
        let mut app = loaded_after(r#"ctrl-p "Research" enter j"#);
        let effects = press_only(&mut app, key(KeyCode::Char('r')));
        let read = group_read(&effects).expect("the editor reads the groups as it opens");
        let d = app.top_dialog::<EditRoles>().expect("the role editor");
        assert_eq!(d.targets[0].name, "Jane Doe");
        let (admin, dev, rows) = (
            index(d, "workspace_admin"),
            index(d, "dev"),
            d.choices.len(),
        );
        press_keys(&mut app, &"k ".repeat(rows));
        for row in 0..rows {
            if row == admin || row == dev {
                press(&mut app, key(KeyCode::Char(' ')));
            }
            press(&mut app, key(KeyCode::Char('j')));
        }
        press(&mut app, key(KeyCode::Enter));
        (app, read)
    }

    fn group_read(effects: &[Effect]) -> Option<(RequestId, usize, Call)> {
        requests(effects)
            .into_iter()
            .find(|(_, _, call)| *call == Call::GroupAccess)
    }

    /// Presses the preview's `button`, tabbing to it first; returns what that sent.
    fn press_button(app: &mut App, button: Button) -> Vec<crate::actions::Request> {
        for _ in 0..3 {
            match app.top_dialog::<EditRoles>().map(|d| d.stage) {
                Some(Stage::Review(focus)) if focus != button => {
                    press(app, key(KeyCode::Tab));
                }
                _ => break,
            }
        }
        let effects = press_only(app, key(KeyCode::Enter));
        changes(&effects)
    }

    fn apply(app: &mut App) -> Vec<crate::actions::Request> {
        press_button(app, Button::Apply)
    }

    /// The words inside the dialog, its lines joined, as read.
    fn dialog_words(screen: &str) -> String {
        let inside = screen.lines().filter_map(|line| {
            let start = line.find('║')? + '║'.len_utf8();
            let end = line.rfind('║')?;
            (end > start).then(|| &line[start..end])
        });
        inside
            .flat_map(str::split_whitespace)
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A group "Research Admins" that makes Jane workspace_admin in Research.
    fn admins_group() -> GroupAccess {
        let mut access = GroupAccess::default();
        access.nodes.insert(
            id(900),
            Node {
                name: "Research Admins".into(),
                members: vec![id(JANE)],
                assignments: vec![(id(RESEARCH), vec!["workspace_admin".into()])],
                ..Node::default()
            },
        );
        access
    }

    #[test]
    fn apply_waits_for_the_groups_and_a_failed_read_is_said_whole_keeping_the_ticks() {
        let (mut app, (read, profile, call)) = jane_losing_admin();
        let text = screen(&app, 80, 24);
        assert!(
            text.contains("Reading what the organization's groups"),
            "{text}"
        );
        assert!(
            !text.contains("no workspace_admin left"),
            "not told from a guess: {text}"
        );
        assert!(apply(&mut app).is_empty(), "nothing is sent on a guess");
        assert_says(&app, "still being read");

        let refused = RemoteError::new(
            ErrorKind::Forbidden,
            "Forbidden: this key cannot list groups",
        );
        deliver(&mut app, read, profile, call, Err(refused));
        for (width, height) in [(80, 24), (60, 18)] {
            let text = dialog_words(&screen(&app, width, height));
            assert!(
                text.contains(
                    "could not be read: Forbidden: this key cannot list groups. Apply waits for it"
                ),
                "{width}x{height}: {text}"
            );
        }
        assert!(apply(&mut app).is_empty());
        assert_says(&app, "could not be read");

        // Back keeps the ticks; the next preview reads the groups again.
        press_button(&mut app, Button::Back);
        let d = app.top_dialog::<EditRoles>().expect("back to the ticks");
        assert_eq!(d.stage, Stage::Choose);
        assert_eq!(
            d.choices[index(d, "dev")].tick,
            RoleTick::On,
            "the ticks stay"
        );
        let effects = press_only(&mut app, key(KeyCode::Enter));
        let (read, profile, call) = group_read(&effects).expect("read again");
        deliver(
            &mut app,
            read,
            profile,
            call,
            Ok(Payload::GroupAccess(GroupAccess::default())),
        );
        let text = screen(&app, 80, 24);
        assert!(
            text.contains("\"Research\" will have no workspace_admin left"),
            "{text}"
        );
        assert_eq!(apply(&mut app).len(), 1, "sent once the groups are read");
    }

    #[test]
    fn a_group_that_gives_workspace_admin_keeps_the_warning_away_and_is_named() {
        let (mut app, (read, profile, call)) = jane_losing_admin();
        deliver(
            &mut app,
            read,
            profile,
            call,
            Ok(Payload::GroupAccess(admins_group())),
        );
        let text = dialog_words(&screen(&app, 100, 30));
        assert!(
            !text.contains("no workspace_admin left"),
            "the group keeps her admin: {text}"
        );
        assert!(
            text.contains(
                "In \"Research\", Jane Doe keeps workspace_admin through the group \"Research Admins\", not as their own"
            ),
            "{text}"
        );
    }
}
