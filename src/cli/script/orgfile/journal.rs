//! `mistral-admin journal`: the change sets applied to this organization, newest last, each
//! with its changes and whether it can be undone.

use clap::{Args, ValueEnum};

use crate::actions::journal::{Entry, Journal, UndoPlan};
use crate::actions::journal_record::organization_id;
use crate::cli::script::exit::{Exit, Failure};
use crate::cli::script::output::{emit, pretty};
use crate::cli::script::session::Session;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JournalFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct JournalArgs {
    /// Only the newest N change sets.
    #[arg(long, value_name = "N")]
    pub last: Option<usize>,
    #[arg(short = 'o', long = "output", value_enum, default_value_t = JournalFormat::Text)]
    pub format: JournalFormat,
}

fn describe(entry: &Entry, all: &[Entry]) -> String {
    let at = entry
        .at
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    let mut text = format!("#{}  {at}  {}  {}", entry.id, entry.source, entry.summary);
    let undos: Vec<&Entry> = all.iter().filter(|e| e.undoes == Some(entry.id)).collect();
    if let Some(whole) = undos.iter().find(|u| u.stopped.is_none()) {
        text.push_str(&format!("  (undone by #{})", whole.id));
    } else if let Some(partly) = undos.last() {
        let rest = UndoPlan::taking_back(entry.clone()).after(&undos);
        text.push_str(&match rest.inverse.is_empty() {
            true => format!(
                "  (undone by #{}, which stopped after its last change)",
                partly.id
            ),
            false => format!("  (partly undone by #{}: undo offers the rest)", partly.id),
        });
    }
    text.push('\n');
    for change in &entry.changes {
        let note = match change.inverse() {
            Ok(_) => String::new(),
            Err(why) => format!("  [cannot be undone: {why}]"),
        };
        text.push_str(&format!("    {}{note}\n", change.line()));
    }
    if let Some(stopped) = &entry.stopped {
        let first = stopped.lines().next().unwrap_or_default();
        text.push_str(&format!("    stopped midway: {first}\n"));
    }
    text
}

pub async fn run(session: &Session, args: &JournalArgs) -> Result<(), Failure> {
    let organization = organization_id(&session.client).await?;
    let journal = Journal::in_data_dir(&session.dirs);
    let all = journal
        .entries_of(&organization)
        .map_err(|e| Failure::new(Exit::Failure, e.to_string()))?;
    let shown = &all[all.len().saturating_sub(args.last.unwrap_or(all.len()))..];
    match args.format {
        JournalFormat::Json => emit(&pretty(&serde_json::to_value(shown).unwrap_or_default())),
        JournalFormat::Text if shown.is_empty() => {
            eprintln!(
                "The journal holds no change set of this organization yet ({}).",
                journal.path().display()
            );
            Ok(())
        }
        JournalFormat::Text => emit(&shown.iter().map(|e| describe(e, &all)).collect::<String>()),
    }
}
