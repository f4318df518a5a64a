//! Keymap loading: the built-in map, user overrides, and the errors a bad file gets.

use super::*;
use crate::tui::testing::{ctrl, key};
use crossterm::event::KeyCode;

fn user(text: &str) -> Result<Keymap, ConfigFileError> {
    Keymap::load(Some((Source::File("/cfg/keymap.toml".into()), text)))
}

#[test]
fn every_catalog_action_has_a_builtin_binding() {
    let map = Keymap::builtin().unwrap();
    for spec in CATALOG {
        assert!(
            !map.keys(spec.context, spec.action).is_empty(),
            "[{}] {} has no key",
            spec.context.name(),
            spec.name
        );
    }
}

#[test]
fn builtin_keys_do_what_the_issue_asks() {
    let map = Keymap::builtin().unwrap();
    let bound = [
        (Context::Global, key(KeyCode::Char('q')), Some(Action::Quit)),
        (Context::Global, ctrl('c'), Some(Action::Interrupt)),
        (Context::Global, ctrl('p'), Some(Action::WorkspacePicker)),
        (Context::Global, ctrl('o'), Some(Action::OrganizationPicker)),
        (
            Context::Global,
            key(KeyCode::Char('-')),
            Some(Action::JumpBack),
        ),
        (
            Context::Global,
            key(KeyCode::Char(':')),
            Some(Action::CommandLine),
        ),
        (Context::Global, key(KeyCode::Char('?')), Some(Action::Help)),
        (Context::Global, key(KeyCode::Tab), Some(Action::NextPane)),
        (
            Context::Global,
            key(KeyCode::BackTab),
            Some(Action::PreviousPane),
        ),
        (Context::List, key(KeyCode::Char('j')), Some(Action::Down)),
        (Context::List, key(KeyCode::Up), Some(Action::Up)),
        (Context::List, key(KeyCode::Char('/')), Some(Action::Filter)),
        (Context::Settings, ctrl('s'), Some(Action::Save)),
        (Context::List, key(KeyCode::Char('x')), None),
    ];
    assert_binds(&map, &bound);
}

/// Each key does that action (or nothing) in that context.
fn assert_binds(map: &Keymap, bound: &[(Context, KeyEvent, Option<Action>)]) {
    for (context, key, action) in bound {
        assert_eq!(map.action(*context, key), *action, "{context:?} {key:?}");
    }
}

#[test]
fn a_user_binding_replaces_only_its_own_action() {
    let map = user("[global]\nquit = [\"ctrl-q\"]\n").unwrap();
    assert_binds(
        &map,
        &[
            (Context::Global, ctrl('q'), Some(Action::Quit)),
            (Context::Global, key(KeyCode::Char('q')), None),
            (Context::Global, key(KeyCode::Char('?')), Some(Action::Help)),
        ],
    );
}

#[test]
fn an_empty_list_unbinds() {
    let map = user("[global]\njump_back = []\n").unwrap();
    assert_eq!(map.action(Context::Global, &key(KeyCode::Char('-'))), None);
}

#[test]
fn swapping_keys_works_whatever_the_entry_order() {
    let map = user("[list]\nup = [\"j\"]\ndown = [\"k\"]\n").unwrap();
    assert_binds(
        &map,
        &[
            (Context::List, key(KeyCode::Char('j')), Some(Action::Up)),
            (Context::List, key(KeyCode::Char('k')), Some(Action::Down)),
        ],
    );
}

#[test]
fn an_unknown_action_names_the_file_line_and_value() {
    let err = user("# mine\n[global]\nquit = [\"q\"]\nteleport = [\"t\"]\n").unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("/cfg/keymap.toml, line 4:"), "{text}");
    assert!(text.contains("\"teleport\""), "{text}");
    assert!(text.contains("quit"), "lists the known actions: {text}");
}

/// An unknown section, an unparsable key, a key bound twice in one section: each refused
/// at its line, naming what is wrong.
#[test]
fn a_bad_entry_is_refused_at_its_line() {
    for (text, line, named) in [
        ("[everywhere]\nquit = [\"q\"]\n", 1, "[everywhere]"),
        (
            "[global]\n\nhelp = [\"f1\", \"ctrl-banana\"]\n",
            3,
            "\"ctrl-banana\"",
        ),
        ("[global]\nhelp = [\"q\"]\n", 2, "quit"),
    ] {
        let err = user(text).unwrap_err();
        assert_eq!(err.line, Some(line), "{text:?}");
        assert!(err.problem.contains(named), "{err}");
    }
}

#[test]
fn wrong_shapes_and_bad_toml_are_errors_not_panics() {
    for text in [
        "[global]\nquit = \"q\"\n",
        "[global\n",
        "quit = [\"q\"]\n",
        "[global]\nquit = [1]\n",
    ] {
        let err = user(text).unwrap_err();
        assert!(err.to_string().starts_with("/cfg/keymap.toml"), "{err}");
    }
}

#[test]
fn no_built_in_destructive_action_sits_on_an_accident_prone_key() {
    let map = Keymap::builtin().unwrap();
    for spec in CATALOG {
        if !spec.action.is_destructive(spec.context) {
            continue;
        }
        for chord in map.keys(spec.context, spec.action) {
            assert!(
                !chord.is_accident_prone(),
                "[{}] {} on {chord}",
                spec.context.name(),
                spec.name
            );
        }
    }
}

#[test]
fn a_user_cannot_put_a_destructive_action_on_delete_or_ctrl_d() {
    for (section, action, key) in [
        ("members", "remove_members", "delete"),
        ("members", "remove_members", "backspace"),
        ("workspaces", "archive_workspace", "ctrl-d"),
        ("dialog", "press", "ctrl-u"),
    ] {
        let err = user(&format!("[{section}]\n{action} = [\"{key}\"]\n")).unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        assert!(err.problem.contains("by accident"), "{err}");
    }
    // Harmless actions may use them.
    assert!(user("[members]\nsort_next = [\"delete\"]\n").is_ok());
}

#[test]
fn every_binding_is_found_by_its_key_and_a_users_rebinding_replaces_the_old_key() {
    let check = |map: &Keymap| {
        for (&(context, action), chords) in &map.bindings {
            for chord in chords {
                let event = KeyEvent::new(chord.code, chord.modifiers);
                assert_eq!(
                    map.action(context, &event),
                    Some(action),
                    "[{}] {chord}",
                    context.name()
                );
            }
        }
        let listed: usize = map.bindings.values().map(Vec::len).sum();
        assert_eq!(map.by_key.len(), listed, "one action per key and context");
    };
    check(&Keymap::builtin().unwrap());
    let rebound = user("[global]\nquit = [\"ctrl-q\"]\n").unwrap();
    check(&rebound);
    assert_eq!(
        rebound.action(Context::Global, &key(KeyCode::Char('q'))),
        None
    );
    assert_eq!(
        rebound.action(Context::Global, &ctrl('q')),
        Some(Action::Quit)
    );
}
