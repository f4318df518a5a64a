//! The journal: every change set applied to an organization (by a change command, `apply`,
//! `undo`, or the console), with what it changed, kept in `journal.jsonl` in the data
//! directory, one JSON entry a line, readable by its owner alone. Undo takes the newest entry
//! that can be taken back, checks each inverse change against the organization as it is now,
//! and records itself as a new entry.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::dirs::{AppDirs, create_private_dir, create_private_file};
use crate::domain::org::Change;
use crate::domain::org::renames::Renames;

/// The journal's file name in the data directory.
pub const JOURNAL_FILE: &str = "journal.jsonl";

/// One applied change set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// Which organization it was applied to (see [`super::org_identity`]).
    pub organization: String,
    /// What applied it: `command members set-roles`, `apply FILE`, `undo #N`, `console`.
    pub source: String,
    /// What it did, in a sentence.
    pub summary: String,
    /// What it changed, in the order it was done.
    pub changes: Vec<Change>,
    /// The entry this one took back, for an undo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<u64>,
    /// Where a run that stopped midway stopped, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
}

/// A new entry, before the journal gives it its number and time.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub organization: String,
    pub source: String,
    pub summary: String,
    pub changes: Vec<Change>,
    pub undoes: Option<u64>,
    pub stopped: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot read or write the journal {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the journal {path} has a line it cannot read (line {line}): {reason}")]
    Corrupt {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Journal {
    path: PathBuf,
}

impl Journal {
    pub fn in_data_dir(dirs: &AppDirs) -> Self {
        Self::at(dirs.data_dir.join(JOURNAL_FILE))
    }

    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn io(&self, source: std::io::Error) -> JournalError {
        JournalError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Every entry, oldest first; none when the journal does not exist yet.
    pub fn entries(&self) -> Result<Vec<Entry>, JournalError> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(self.io(e)),
        };
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty())
            .map(|(n, line)| {
                serde_json::from_str(line).map_err(|e| JournalError::Corrupt {
                    path: self.path.clone(),
                    line: n + 1,
                    reason: e.to_string(),
                })
            })
            .collect()
    }

    /// The entries of one organization, oldest first.
    pub fn entries_of(&self, organization: &str) -> Result<Vec<Entry>, JournalError> {
        let mut all = self.entries()?;
        all.retain(|e| e.organization == organization);
        Ok(all)
    }

    /// Appends an entry and returns it with its number. Nothing is kept for a change set
    /// that changed nothing.
    pub fn record(&self, new: NewEntry, at: OffsetDateTime) -> Result<Option<Entry>, JournalError> {
        if new.changes.is_empty() {
            return Ok(None);
        }
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir).map_err(|e| self.io(e))?;
        }
        create_private_file(&self.path).map_err(|e| self.io(e))?;
        let id = self.entries()?.iter().map(|e| e.id).max().unwrap_or(0) + 1;
        let entry = Entry {
            id,
            at,
            organization: new.organization,
            source: new.source,
            summary: new.summary,
            changes: new.changes,
            undoes: new.undoes,
            stopped: new.stopped,
        };
        let mut line = serde_json::to_string(&entry).map_err(|e| self.io(e.into()))?;
        line.push('\n');
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&self.path)
            .map_err(|e| self.io(e))?;
        file.write_all(line.as_bytes()).map_err(|e| self.io(e))?;
        Ok(Some(entry))
    }
}

/// What undo would do: the entry it takes back, the inverse changes (newest first), and
/// what in it cannot be taken back, with why.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoPlan {
    pub entry: Entry,
    pub inverse: Vec<Change>,
    pub irreversible: Vec<(Change, String)>,
    /// Newer entries passed over because nothing in them can be undone, with why.
    pub passed_over: Vec<(Entry, String)>,
    /// Earlier undos of the entry that stopped partway: what they took back is left out of
    /// `inverse`, which is the rest.
    pub resumes: Vec<u64>,
}

impl UndoPlan {
    /// What taking back `entry` alone would do: the inverse of each change, newest first, and
    /// those that have none; nothing passed over.
    pub fn taking_back(entry: Entry) -> Self {
        let mut inverse = Vec::new();
        let mut irreversible = Vec::new();
        for change in entry.changes.iter().rev() {
            match change.inverse() {
                Ok(back) => inverse.push(back),
                Err(why) => irreversible.push((change.clone(), why)),
            }
        }
        Self {
            entry,
            inverse,
            irreversible,
            passed_over: Vec::new(),
            resumes: Vec::new(),
        }
    }

    /// This plan without what `partial`, undos of its entry that stopped partway, took back:
    /// each change they applied is left out once.
    ///
    /// An undo journals each change named as it ran, after the renames before it; so the
    /// inverse is compared, and the rest kept, named the same way (a workspace renamed back
    /// first is then called by its name now, which is the one the rest must use).
    pub fn after(mut self, partial: &[&Entry]) -> Self {
        if partial.is_empty() {
            return self;
        }
        self.inverse = named_as_they_run(&self.inverse);
        for undo in partial {
            for done in &undo.changes {
                if let Some(at) = self.inverse.iter().position(|c| c == done) {
                    self.inverse.remove(at);
                }
            }
            self.resumes.push(undo.id);
        }
        self
    }

    /// What the plan does, in a few words: `Undo #3`, or for the rest of an undo that
    /// stopped partway `Undo the rest of #3 (#5 stopped partway)`.
    pub fn title(&self) -> String {
        if self.resumes.is_empty() {
            return format!("Undo #{}", self.entry.id);
        }
        let stopped: Vec<String> = self.resumes.iter().map(|id| format!("#{id}")).collect();
        format!(
            "Undo the rest of #{} ({} stopped partway)",
            self.entry.id,
            stopped.join(", ")
        )
    }

    /// The plan's header line: its [`title`](Self::title), then the entry's source, time and
    /// summary.
    pub fn heading(&self) -> String {
        let at = self
            .entry
            .at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        format!(
            "{} ({}, {at}): {}",
            self.title(),
            self.entry.source,
            self.entry.summary
        )
    }
}

/// `changes`, each naming workspaces and groups as they are called when it runs.
fn named_as_they_run(changes: &[Change]) -> Vec<Change> {
    let mut renames = Renames::default();
    changes
        .iter()
        .map(|change| {
            let change = renames.current(change);
            renames.follow(&change);
            change
        })
        .collect()
}

/// The undos of entry `id` so far.
fn undos_of(entries: &[Entry], id: u64) -> Vec<&Entry> {
    entries.iter().filter(|e| e.undoes == Some(id)).collect()
}

/// The newest change set of the organization that can still be taken back: not an undo
/// itself, not undone already, with at least one change that has an inverse. An entry whose
/// undos all stopped partway is offered again, for the rest.
pub fn undo_plan(entries: &[Entry]) -> Option<UndoPlan> {
    let mut passed_over = Vec::new();
    for entry in entries.iter().rev() {
        let undos = undos_of(entries, entry.id);
        if entry.undoes.is_some() || undos.iter().any(|u| u.stopped.is_none()) {
            continue;
        }
        let whole = UndoPlan::taking_back(entry.clone());
        let plan = whole.after(&undos);
        if plan.inverse.is_empty() && !plan.resumes.is_empty() {
            continue;
        }
        if plan.inverse.is_empty() {
            let why = plan
                .irreversible
                .first()
                .map(|(_, why)| why.clone())
                .unwrap_or_default();
            passed_over.push((plan.entry, why));
            continue;
        }
        return Some(UndoPlan {
            passed_over,
            ..plan
        });
    }
    None
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
