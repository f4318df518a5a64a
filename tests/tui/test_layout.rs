//! The tests stay in four binaries: a new `tests/<name>.rs` file would become a binary of its
//! own (and link the whole crate again), so it must go into one of the four folders instead.

use std::path::Path;

/// The folders of `tests/`: the four binaries and their shared helpers.
const FOLDERS: &[&str] = &["client", "e2e", "server", "support", "tui"];

#[test]
fn the_tests_folder_holds_only_the_four_binaries_and_their_support() {
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut folders = Vec::new();
    let mut stray = Vec::new();
    for entry in std::fs::read_dir(&tests).expect("tests/ is readable") {
        let path = entry.expect("directory entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            folders.push(name);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            stray.push(name);
        }
    }
    folders.sort();
    stray.sort();
    assert!(
        stray.is_empty(),
        "{stray:?} would each be a test binary of their own: move them into \
         tests/<server|client|tui|e2e>/ and add a `mod` line to its main.rs (see tests/README.md)"
    );
    assert_eq!(
        folders, FOLDERS,
        "tests/ has a folder that is not one of the four binaries or support (see tests/README.md)"
    );
    for binary in ["client", "e2e", "server", "tui"] {
        assert!(
            tests.join(binary).join("main.rs").is_file(),
            "tests/{binary}/main.rs declares the binary's modules"
        );
    }
}
