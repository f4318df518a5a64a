//! The rules of the archive confirmation, without keys.

use super::*;

#[test]
fn the_name_confirms_with_case_accents_dashes_and_spaces_folded() {
    let mut d = ArchiveDialog::new(Uuid::nil(), "Marketing — Q3 Launch", None, None);
    for typed in [
        "Marketing — Q3 Launch",
        "Marketing - Q3 Launch",
        "marketing q3 launch",
        "MARKETING–Q3  LAUNCH ",
    ] {
        d.typed = TextInput::new(typed.into());
        assert!(d.confirmed(), "{typed:?}");
    }
    for near in ["Marketing Q3", "Marketing Q3 Launches", "-", " "] {
        d.typed = TextInput::new(near.into());
        assert!(!d.confirmed(), "{near:?}");
    }
    let mut d = ArchiveDialog::new(Uuid::nil(), "Zoë's Lab", None, None);
    d.typed = TextInput::new("zoe's lab".into());
    assert!(d.confirmed(), "accents folded");
}

#[test]
fn only_the_name_confirms() {
    let mut d = ArchiveDialog::new(
        Uuid::nil(),
        "Data Platform",
        Some(3),
        Some(KeyCount {
            working: 1,
            expired: 0,
        }),
    );
    for near in ["", "Data", "Data Platforms", "Platform Data"] {
        d.typed = TextInput::new(near.into());
        assert!(!d.confirmed(), "{near:?}");
    }
    d.typed = TextInput::new("Data Platform".into());
    assert!(d.confirmed());
}
