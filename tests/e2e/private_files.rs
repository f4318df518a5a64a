//! End-to-end: the console's own files (the demo database, its journals and the log files)
//! are created readable by the user alone, in directories only the user can enter.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::support::pty::*;

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn the_console_creates_its_database_and_logs_private() {
    let home = Home::new();
    let mut console = start(&home, &[]);
    console.wait_for("Research");
    let data = home.data_dir();
    assert_eq!(mode(&data), 0o700);
    for file in ["local.sqlite3", "local.sqlite3-wal", "local.sqlite3-shm"] {
        assert_eq!(mode(&data.join(file)), 0o600, "{file}");
    }
    console.send("q");
    assert!(console.wait_exit().success());
    let logs = data.join("logs");
    assert_eq!(mode(&logs), 0o700);
    let files: Vec<_> = std::fs::read_dir(&logs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(!files.is_empty(), "a log file was written");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}
