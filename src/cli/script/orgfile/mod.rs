//! The organization as a file: `export` writes it, `plan` compares it with the live
//! organization, `apply` makes the organization match it; `undo` and `journal` work on the
//! journal of what was applied. The comparison is the plan engine's (`domain::org`); this
//! folder reads and writes the file and shows the diff.

pub mod apply;
pub mod export;
pub mod journal;
pub mod plan;
pub mod undo;

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use clap::ValueEnum;

use super::exit::{Exit, Failure};
use crate::domain::org::sections::{SECTIONS, section, tally};
use crate::domain::org::{Change, Diff, Organization};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    #[default]
    Toml,
    Yaml,
}

impl FileFormat {
    /// YAML for `.yaml` and `.yml`, else TOML.
    fn of(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some("yaml" | "yml") => Self::Yaml,
            _ => Self::Toml,
        }
    }
}

/// Writes the description in the file's format, after a comment saying what it is.
pub fn write(org: &Organization, format: FileFormat) -> Result<String, Failure> {
    let header = "# The organization as `mistral-admin export` wrote it. `mistral-admin plan FILE` shows\n\
                  # what differs from the live organization; `mistral-admin apply FILE` makes it so.\n";
    let body = match format {
        FileFormat::Toml => toml::to_string_pretty(org).map_err(|e| e.to_string()),
        FileFormat::Yaml => serde_norway::to_string(org).map_err(|e| e.to_string()),
    }
    .map_err(|e| Failure::new(Exit::Failure, format!("cannot write the description: {e}")))?;
    Ok(format!("{header}{body}"))
}

/// Reads a description written by `export` (and edited since); a file that cannot be read
/// or understood is a usage error that says where.
pub fn read(path: &Path) -> Result<Organization, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("cannot read {}: {e}", path.display())))?;
    let parsed = match FileFormat::of(path) {
        FileFormat::Toml => toml::from_str(&text).map_err(|e| e.to_string()),
        FileFormat::Yaml => serde_norway::from_str(&text).map_err(|e| e.to_string()),
    };
    parsed.map_err(|e| {
        Failure::usage(format!(
            "{} is not an organization file: {}",
            path.display(),
            e.trim_end()
        ))
    })
}

/// A change's line, coloured like a diff when colour is allowed.
pub fn coloured(change: &Change, colour: bool) -> String {
    let line = change.line();
    if !colour {
        return line;
    }
    let code = match change.symbol() {
        '+' => "32",
        '-' => "31",
        _ => "33",
    };
    format!("\x1b[{code}m{line}\x1b[0m")
}

/// The diff as `plan` and `apply` show it: by section, then notes and problems, then the
/// counts.
pub fn render(diff: &Diff, colour: bool) -> String {
    let mut out = String::new();
    for name in SECTIONS {
        let lines: Vec<&Change> = diff.changes.iter().filter(|c| section(c) == name).collect();
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("{name}\n"));
        for change in lines {
            out.push_str(&format!("  {}\n", coloured(change, colour)));
            if let Change::CreateWorkspace { workspace } = change {
                for (email, roles) in &workspace.members {
                    out.push_str(&format!("      {email}: {}\n", roles.join(", ")));
                }
            }
        }
    }
    for note in &diff.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    for problem in &diff.problems {
        out.push_str(&format!("cannot: {problem}\n"));
    }
    out.push_str(&summary(diff));
    out.push('\n');
    out
}

/// `4 changes: 2 to add, 1 to change, 1 to remove (1 destructive)`.
pub fn summary(diff: &Diff) -> String {
    if diff.changes.is_empty() {
        return if diff.problems.is_empty() {
            "No changes: the organization matches the file.".to_owned()
        } else {
            format!(
                "No changes, but {} problem(s) in the file.",
                diff.problems.len()
            )
        };
    }
    let destructive = diff.changes.iter().filter(|c| c.is_destructive()).count();
    let mut text = tally(&diff.changes);
    if destructive > 0 {
        text.push_str(&format!(
            " ({destructive} destructive, applied only when the file says so and --allow-destroy is given)"
        ));
    }
    if !diff.problems.is_empty() {
        text.push_str(&format!(
            "; {} problem(s) to fix before applying",
            diff.problems.len()
        ));
    }
    text.push('.');
    text
}

/// Refuses (exit 3) a file that asks for what cannot be done, as `plan` and `apply` both do
/// once the diff and its problems are shown, with the sentence each command words it in.
pub fn refuse_problems(diff: &Diff, sentence: impl FnOnce() -> String) -> Result<(), Failure> {
    if diff.problems.is_empty() {
        return Ok(());
    }
    Err(Failure::new(Exit::Refused, sentence()))
}

/// Asks on the terminal whether to go ahead; without a terminal, `--yes` is needed.
pub fn confirmed(question: &str, yes: bool) -> Result<bool, Failure> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(format!(
            "{question} Nothing was done: there is no terminal to ask on; give --yes to go ahead"
        )));
    }
    // On stderr, like the outcome: stdout holds only what a script reads (`-o json`).
    eprint!("{question} Type yes to go ahead: ");
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::new(Exit::Failure, format!("cannot read the answer: {e}")))?;
    Ok(answer.trim().eq_ignore_ascii_case("yes"))
}
