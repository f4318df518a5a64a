//! The console's figures end to end, each printed against its target (`cargo bench --bench
//! console`; `-- demo`, `-- large` or `-- huge` for one size).
//!
//! Each size runs `mistral-admin serve --seed SIZE` as its own process (as the server bench
//! does, whose figures this leaves to it) and the real console against it in a pseudo-terminal
//! of 120x40, read by a terminal emulator. Measured: start to the first frame with member rows,
//! start to the whole directory, one-row moves and filter characters (key written to the last
//! byte drawn, and bytes per move), bytes written while idle for 5 s, and resident memory from
//! /proc (with the member pane used, and again after `:people`). The machine is shared and noisy: every figure is the median of several consoles
//! (`MISTRAL_ADMIN_BENCH_RUNS`, default 3), each with dozens of keys, and the flatness checks
//! are ratios between sizes measured in the same run. `MISTRAL_ADMIN_BENCH_BIN=path` measures
//! another build (an older commit, to compare).

mod pty;
#[allow(dead_code)]
#[path = "../server/serve.rs"]
mod serve;

use std::time::{Duration, Instant};

use pty::Console;
use serve::Served;

const TERMINAL: (u16, u16) = (120, 40);
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const ESC: &str = "\x1b";
const TAB: &str = "\t";
/// Typed into the member filter: every seeded address contains it, so each character filters
/// the whole workspace and keeps every row (the most a character can cost).
const TYPED: &str = "example";
/// One-row moves per console, down and up in turn.
const MOVES: usize = 40;

fn runs() -> usize {
    std::env::var("MISTRAL_ADMIN_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(3)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// One size's figures, each the median over runs.
#[derive(Debug, Clone, Copy, Default)]
struct Figures {
    first_rows: f64,
    complete: f64,
    row_move: f64,
    move_bytes: f64,
    filter_char: f64,
    erase_char: f64,
    /// The console's CPU time per move and per typed character, whole keys averaged.
    move_cpu: f64,
    filter_cpu: f64,
    idle_bytes: f64,
    /// Resident memory with the directory loaded and the member pane used, before `:people`
    /// (which loads everything again for its own table), with `:people` open, and at the end
    /// (the view closed).
    rss_members: f64,
    rss_people: f64,
    rss: f64,
    /// `:people`: opened to its table drawn whole, a one-row move, a `/` search character.
    people_open: f64,
    people_move: f64,
    people_find: f64,
}

/// A line with an address on it: the members table has drawn a row.
fn shows_member_rows(screen: &vt100::Screen) -> bool {
    screen.contents().lines().skip(1).any(|l| l.contains('@'))
}

/// The status line (the first) runs no spinner and the Members tab counts everyone.
fn directory_complete(screen: &str) -> bool {
    let status = screen.lines().next().unwrap_or_default();
    let spinning = status
        .chars()
        .any(|c| ('\u{2800}'..='\u{28FF}').contains(&c));
    !spinning && screen.contains("Members (") && !screen.contains("so far")
}

fn one_console(served: &Served, home: &std::path::Path, idle: bool) -> Figures {
    let url = served.admin_base_url();
    let config = home.join("config");
    let data = home.join("data");
    let env = [
        ("MISTRAL_ADMIN_API_KEY", serve::KEY),
        ("MISTRAL_ADMIN_CONFIG_DIR", config.to_str().unwrap()),
        ("MISTRAL_ADMIN_DATA_DIR", data.to_str().unwrap()),
    ];
    let mut console = Console::start(
        &serve::binary(),
        &["--base-url", &url],
        &env,
        TERMINAL,
        shows_member_rows,
    );
    let first_rows = ms(console.watched() - console.started);
    let pause = Duration::from_millis(300);
    console.settle(pause, directory_complete);
    let complete = ms(Instant::now() - pause - console.started);
    console.key(TAB).expect("the detail pane takes the focus");
    let mut moves = Vec::new();
    let mut move_bytes = Vec::new();
    let cpu = console.cpu_ms();
    for i in 0..MOVES {
        let (took, bytes) = console
            .key(if i % 2 == 0 { DOWN } else { UP })
            .unwrap_or_else(|| panic!("a move draws:\n{}", console.screen()));
        moves.push(ms(took));
        move_bytes.push(bytes as f64);
    }
    let move_cpu = (console.cpu_ms() - cpu) / MOVES as f64;
    console.key("/").expect("the filter opens");
    let cpu = console.cpu_ms();
    let mut typed = Vec::new();
    for c in TYPED.chars() {
        let (took, _) = console
            .key(&c.to_string())
            .expect("a typed character draws");
        typed.push(ms(took));
    }
    let filter_cpu = (console.cpu_ms() - cpu) / TYPED.len() as f64;
    let mut erased = Vec::new();
    for _ in TYPED.chars() {
        let (took, _) = console.key(BACKSPACE).expect("an erased character draws");
        erased.push(ms(took));
    }
    console.key(ESC);
    console.settle(Duration::from_millis(100), |_| true);
    let rss_members = console.rss_mb();
    let (people_open, people_move, people_find, rss_people) = people_view(&mut console);
    let idle_bytes = if idle {
        console.idle_bytes(Duration::from_secs(5)) as f64
    } else {
        0.0
    };
    Figures {
        first_rows,
        complete,
        row_move: median(moves),
        move_bytes: median(move_bytes),
        filter_char: median(typed),
        erase_char: median(erased),
        move_cpu,
        filter_cpu,
        idle_bytes,
        rss_members,
        rss_people,
        rss: console.rss_mb(),
        people_open,
        people_move,
        people_find,
    }
}

/// The people view: `:people` until its table shows (every member, invitation and key
/// loaded), then one-row moves and search characters, each key to the last byte drawn, and
/// the resident memory with the view open. Leaves the view.
fn people_view(console: &mut Console) -> (f64, f64, f64, f64) {
    console.key(":").expect("the command line opens");
    for c in "people".chars() {
        console.key(&c.to_string());
    }
    let asked = Instant::now();
    console.key("\r");
    console.settle(Duration::from_millis(200), |s| s.contains(" expired)"));
    let open = ms(Instant::now() - asked - Duration::from_millis(200));
    let mut moves = Vec::new();
    for i in 0..MOVES {
        let (took, _) = console
            .key(if i % 2 == 0 { DOWN } else { UP })
            .unwrap_or_else(|| panic!("a move in :people draws:\n{}", console.screen()));
        moves.push(ms(took));
    }
    let rss = console.rss_mb();
    console.key("/").expect("the search opens");
    let mut typed = Vec::new();
    for c in TYPED.chars() {
        let (took, _) = console
            .key(&c.to_string())
            .expect("a search character draws");
        typed.push(ms(took));
    }
    console.key(ESC);
    console.settle(Duration::from_millis(100), |_| true);
    console.key(ESC);
    console.settle(Duration::from_millis(100), |s| !s.contains(" expired)"));
    (open, median(moves), median(typed), rss)
}

fn measure(size: &str) -> Option<Figures> {
    let served = Served::start(size)?;
    let home = std::env::temp_dir().join(format!(
        "mistral-admin-consolebench-{}-{size}",
        std::process::id()
    ));
    let mut all = Vec::new();
    for run in 0..runs() {
        let _ = std::fs::remove_dir_all(&home);
        all.push(one_console(&served, &home, run == 0));
    }
    let _ = std::fs::remove_dir_all(&home);
    // The medians hide how far apart the consoles were; the per-key figures are shown whole.
    let spread = |what: &str, f: fn(&Figures) -> f64| {
        let mut values: Vec<f64> = all.iter().map(f).collect();
        values.sort_by(f64::total_cmp);
        let shown: Vec<String> = values.iter().map(|v| format!("{v:.2}")).collect();
        eprintln!("{size}: {what}, each console, sorted: {}", shown.join(" "));
    };
    spread("one-row move, ms", |f| f.row_move);
    spread("console CPU per one-row move, ms", |f| f.move_cpu);
    spread("filter character typed, ms", |f| f.filter_char);
    let pick = |f: fn(&Figures) -> f64| median(all.iter().map(f).collect());
    Some(Figures {
        first_rows: pick(|f| f.first_rows),
        complete: pick(|f| f.complete),
        row_move: pick(|f| f.row_move),
        move_bytes: pick(|f| f.move_bytes),
        filter_char: pick(|f| f.filter_char),
        erase_char: pick(|f| f.erase_char),
        move_cpu: pick(|f| f.move_cpu),
        filter_cpu: pick(|f| f.filter_cpu),
        idle_bytes: all[0].idle_bytes,
        rss_members: pick(|f| f.rss_members),
        rss_people: pick(|f| f.rss_people),
        rss: pick(|f| f.rss),
        people_open: pick(|f| f.people_open),
        people_move: pick(|f| f.people_move),
        people_find: pick(|f| f.people_find),
    })
}

fn mark(met: bool) -> &'static str {
    if met { "pass" } else { "MISS" }
}

fn main() {
    let asked: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| ["demo", "large", "huge"].contains(&a.as_str()))
        .collect();
    let sizes: Vec<&str> = ["demo", "large", "huge"]
        .into_iter()
        .filter(|s| asked.is_empty() || asked.iter().any(|a| a == s))
        .collect();
    let mut measured: Vec<(&str, Figures)> = Vec::new();
    for size in sizes {
        eprintln!("measuring the console at {size} ...");
        match measure(size) {
            Some(figures) => measured.push((size, figures)),
            None => eprintln!("{size}: the binary has no such seed; skipped"),
        }
    }
    report(&measured);
}

fn report(measured: &[(&str, Figures)]) {
    print!("{:<44}", "console figure (median)");
    for (size, _) in measured {
        print!("{size:>10}");
    }
    println!("  target");
    let line = |what: &str, value: fn(&Figures) -> f64, digits: usize, target: String| {
        print!("{what:<44}");
        for (_, f) in measured {
            print!("{:>10.digits$}", value(f));
        }
        println!("  {target}");
    };
    let at = |size: &str| measured.iter().find(|(s, _)| *s == size).map(|(_, f)| *f);
    let large = at("large");
    let check = |value: Option<f64>, limit: f64| value.map(|v| mark(v < limit)).unwrap_or("-");
    line(
        "first screen with member rows, ms",
        |f| f.first_rows,
        1,
        format!(
            "< 100 ms at 10k: {}",
            check(large.map(|f| f.first_rows), 100.0)
        ),
    );
    line(
        "whole directory loaded, ms (±2)",
        |f| f.complete,
        0,
        "-".into(),
    );
    line(
        "one-row move, key to last byte, ms",
        |f| f.row_move,
        2,
        format!("< 0.5 ms at 10k: {}", check(large.map(|f| f.row_move), 0.5)),
    );
    line(
        "filter character typed, ms",
        |f| f.filter_char,
        2,
        format!(
            "< 1 ms at 10k: {}",
            check(large.map(|f| f.filter_char), 1.0)
        ),
    );
    line(
        "filter character erased, ms",
        |f| f.erase_char,
        2,
        "-".into(),
    );
    line(
        "console CPU per one-row move, ms",
        |f| f.move_cpu,
        2,
        "-".into(),
    );
    line(
        "console CPU per filter character, ms",
        |f| f.filter_cpu,
        2,
        "-".into(),
    );
    line(
        "bytes per one-row move",
        |f| f.move_bytes,
        0,
        "about 206 B, as before".into(),
    );
    line(
        "bytes written idle for 5 s",
        |f| f.idle_bytes,
        0,
        format!(
            "0: {}",
            mark(measured.iter().all(|(_, f)| f.idle_bytes == 0.0))
        ),
    );
    line(
        "console resident memory, members, MB",
        |f| f.rss_members,
        1,
        format!(
            "< 35 MB at 10k: {}",
            check(large.map(|f| f.rss_members), 35.0)
        ),
    );
    line(
        "console resident memory in :people, MB",
        |f| f.rss_people,
        1,
        format!(
            "< 35 MB at 10k: {}",
            check(large.map(|f| f.rss_people), 35.0)
        ),
    );
    line(
        "console resident memory after :people, MB",
        |f| f.rss,
        1,
        format!("< 35 MB at 10k: {}", check(large.map(|f| f.rss), 35.0)),
    );
    line(
        ":people opened, table shown, ms (±200)",
        |f| f.people_open,
        0,
        "-".into(),
    );
    line(
        ":people one-row move, key to last byte, ms",
        |f| f.people_move,
        2,
        format!(
            "< 0.5 ms at 10k: {}",
            check(large.map(|f| f.people_move), 0.5)
        ),
    );
    line(
        ":people search character, ms",
        |f| f.people_find,
        2,
        format!(
            "< 1 ms at 10k: {}",
            check(large.map(|f| f.people_find), 1.0)
        ),
    );
    let Some(demo) = at("demo") else { return };
    for (size, f) in measured.iter().filter(|(s, _)| *s != "demo") {
        for (what, ratio) in [
            ("one-row move", f.row_move / demo.row_move),
            ("filter character", f.filter_char / demo.filter_char),
        ] {
            println!(
                "{:<44}{ratio:>10.2}  within 1.5x of demo: {}",
                format!("{what} at {size} / at demo"),
                mark(ratio <= 1.5)
            );
        }
    }
    println!("server figures: cargo bench --bench server");
}
