//! The directory pages in: the Members tab shows the first pages' members as they arrive, says
//! how far the load has got, and refuses what would act on everyone until everyone is there.

use crossterm::event::KeyCode;

use crate::tui::call::{Call, Partial, PeoplePage};
use crate::tui::dialogs::add_members::AddMembers;
use crate::tui::msg::Msg;
use crate::tui::render_tests::screen;
use crate::tui::state::people::Progress;
use crate::tui::state::{App, Focus, RequestId};
use crate::tui::testing::*;
use crate::tui::update::{start, update};

/// The console with everything answered but the directory, whose request is returned.
fn directory_pending() -> (App, RequestId) {
    let mut app = new_app();
    let effects = start(&mut app);
    let mut people = None;
    let mut rest = Vec::new();
    for (id, profile, call) in requests(&effects) {
        if call == Call::People {
            people = Some(id);
        } else {
            rest.extend(deliver(
                &mut app,
                id,
                profile,
                call.clone(),
                outcome(profile, &call),
            ));
        }
    }
    answer_all(&mut app, rest);
    redraw(&mut app);
    (app, people.expect("the directory is asked for"))
}

/// The fixture's people from `from` to `to` (listing order), as a page of `total`.
fn page(app: &mut App, id: RequestId, from: usize, to: usize, total: usize) {
    let everyone = people(0);
    update(
        app,
        Msg::Partial(Box::new(Partial {
            id,
            profile: 0,
            page: PeoplePage {
                persons: everyone.persons[from..to].to_vec(),
                catalog: (from == 0).then(|| everyone.workspace_roles.clone()),
                progress: Progress {
                    loaded: to,
                    total: Some(total),
                },
            },
        })),
    );
    redraw(app);
}

#[test]
fn the_first_pages_show_before_the_directory_is_complete() {
    let (mut app, id) = directory_pending();
    let before = screen(&app, 120, 30);
    assert!(!before.contains("Jane Doe"), "{before}");

    page(&mut app, id, 0, 2, 5);
    let text = screen(&app, 120, 30);
    assert!(
        text.contains("Jane Doe") && text.contains("Zoë Martin"),
        "{text}"
    );
    assert!(!text.contains("John Smith"), "not arrived yet: {text}");
    assert!(text.contains("Members (2 so far)"), "{text}");
    assert!(
        text.contains("members 2 of 5"),
        "the status line says how far: {text}"
    );

    page(&mut app, id, 2, 4, 5);
    let text = screen(&app, 120, 30);
    assert!(text.contains("John Smith"), "{text}");
    assert!(text.contains("members 4 of 5"), "{text}");

    // The whole directory replaces the pages; the figures go.
    update(&mut app, answer(id, 0, Call::People));
    redraw(&mut app);
    let text = screen(&app, 120, 30);
    assert!(text.contains("Ana Lucía Pér"), "{text}");
    assert!(text.contains("Members (5)"), "{text}");
    assert!(!text.contains("so far") && !text.contains("of 5"), "{text}");
    assert!(app.org().people_preview.is_none());
}

#[test]
fn the_table_is_usable_while_the_rest_pages_in() {
    let (mut app, id) = directory_pending();
    page(&mut app, id, 0, 3, 5);
    app.focus = Focus::Detail;
    press(&mut app, key(KeyCode::Down));
    let org = app.org();
    let view = org.open_view().expect("the default workspace is open");
    let ids = org.shown_members(org.open.unwrap()).ids;
    let on = view.members_cursor.current(&ids);
    // A page arriving moves no cursor off its member.
    page(&mut app, id, 3, 5, 5);
    let org = app.org();
    let ids = org.shown_members(org.open.unwrap()).ids;
    assert_eq!(org.open_view().unwrap().members_cursor.current(&ids), on);
    // The filter works on what has arrived.
    press_keys(&mut app, r#"/ "zoe""#);
    let text = screen(&app, 120, 30);
    assert!(
        text.contains("Zoë Martin") && !text.contains("Jane Doe"),
        "{text}"
    );
}

#[test]
fn what_acts_on_everyone_says_the_directory_is_incomplete() {
    let (mut app, id) = directory_pending();
    page(&mut app, id, 0, 2, 5);
    app.focus = Focus::Detail;
    press(&mut app, key(KeyCode::Char('a')));
    assert!(
        app.top_dialog::<AddMembers>().is_none(),
        "no Add Members on a part"
    );
    assert_eq!(
        flash_text(&app),
        "The organization's members are still loading: 2 of 5"
    );
    press(&mut app, key(KeyCode::Char('*')));
    assert!(
        app.org().open_view().unwrap().marked.is_empty(),
        "select-all waits too"
    );
    assert_says(&app, "still loading: 2 of 5");

    update(&mut app, answer(id, 0, Call::People));
    redraw(&mut app);
    press(&mut app, key(KeyCode::Char('*')));
    assert_eq!(app.org().open_view().unwrap().marked.len(), 5);
}

#[test]
fn a_refresh_keeps_the_whole_directory_instead_of_showing_pages() {
    let mut app = loaded_app();
    let effects = press_only(&mut app, ctrl('r'));
    let id = requests(&effects)
        .into_iter()
        .find(|(_, _, call)| *call == Call::People)
        .map(|(id, _, _)| id)
        .expect("a refresh reloads the directory");
    page(&mut app, id, 0, 1, 5);
    assert!(
        app.org().directory().is_some_and(|d| d.partial.is_none()),
        "the whole directory stays shown"
    );
    assert_eq!(app.org().directory_progress(), None);
    let text = screen(&app, 120, 30);
    assert!(text.contains("Ana Lucía Pér"), "{text}");
}
