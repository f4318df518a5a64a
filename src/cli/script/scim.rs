//! `mistral-admin scim preview` and `scim sync`: the identity-provider sync as a script runs
//! it. A preview is a dry run followed to its end and printed as the console's `:scim` diff;
//! `sync` shows that preview, asks, then starts the real run and follows it to its end. A run
//! another client already started is followed, never doubled. Read-only sessions refuse both,
//! as the console does.

use std::time::Duration;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::to_value;

use super::exit::{Exit, Failure};
use super::orgfile::confirmed;
use super::output::{colour_allowed, emit, pretty};
use super::session::Session;
use crate::actions::scim_diff::{DiffLine, counts, lines};
use crate::api::{AdminScimSyncConfig, AdminScimSyncRunOut, AdminScimSyncTriggerIn};
use crate::client::ScimSyncStart;

/// How often a run is asked about while it goes on (as the console polls).
const POLL: Duration = Duration::from_millis(400);

#[derive(Debug, Subcommand)]
pub enum ScimCommand {
    /// Preview a sync as a diff, changing nothing: who would join or leave the organization,
    /// which groups would be created, renamed or deleted, who would join or leave which group.
    /// Exit 0 when the organization matches the identity provider, 6 when a sync would change it.
    Preview(PreviewArgs),
    /// Show the preview, ask, then run the sync for real and follow it to its end. It cannot be
    /// undone: people it deprovisions lose their access.
    Sync(SyncArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RunFormat {
    /// The diff, one line per change under a heading per category.
    Text,
    /// The run as the server reports it: status, times, summary, error message.
    Json,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    #[arg(short = 'o', long = "output", value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
}

#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Run it without asking (needed where there is no terminal to ask on).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// With json, stdout holds only the finished real run; the preview goes to stderr.
    #[arg(short = 'o', long = "output", value_enum, default_value_t = RunFormat::Text)]
    pub format: RunFormat,
}

pub async fn run(session: &Session, command: &ScimCommand, no_color: bool) -> Result<(), Failure> {
    if session.read_only {
        return Err(Failure::new(
            Exit::Denied,
            "read-only (--read-only, or the profile's read_only): no sync run was started",
        ));
    }
    let colour = colour_allowed(no_color);
    match command {
        ScimCommand::Preview(args) => {
            let preview = follow(session, true).await?;
            show(&preview, args.format, colour, Stream::Out)?;
            ended_well(&preview)?;
            match changes_in(&preview) {
                0 => Ok(()),
                n => Err(Failure::new(
                    Exit::Pending,
                    format!("a sync would make {n} change(s)"),
                )),
            }
        }
        ScimCommand::Sync(args) => sync(session, args, colour).await,
    }
}

async fn sync(session: &Session, args: &SyncArgs, colour: bool) -> Result<(), Failure> {
    let preview = follow(session, true).await?;
    let to_stderr = args.format == RunFormat::Json;
    let stream = if to_stderr { Stream::Err } else { Stream::Out };
    show(&preview, RunFormat::Text, colour, stream)?;
    ended_well(&preview)?;
    let changes = changes_in(&preview);
    if changes == 0 {
        eprintln!("Nothing to sync: no run was started.");
        return Ok(());
    }
    let question = format!("Run this sync for real ({changes} change(s))? It cannot be undone.");
    if !confirmed(&question, args.yes)? {
        return Err(Failure::usage("Not confirmed: no sync run was started."));
    }
    let done = follow(session, false).await?;
    show(&done, args.format, colour, Stream::Out)?;
    ended_well(&done)?;
    if done.status == "SKIPPED" {
        eprintln!("The server skipped the run: it selected nothing to sync.");
    } else if diff_of(&done) != diff_of(&preview) {
        // The provider changed between the two runs; the admin approved the preview, so the
        // difference is said rather than passed over.
        eprintln!(
            "note: the run did not do exactly what the preview showed (the identity provider changed in between); its result is above"
        );
    }
    Ok(())
}

/// A run that failed is a failure of the command (exit 1), with the server's reason.
fn ended_well(run: &AdminScimSyncRunOut) -> Result<(), Failure> {
    if run.status != "FAILED" {
        return Ok(());
    }
    let kind = if run.dry_run { "preview" } else { "sync run" };
    Err(Failure::new(
        Exit::Failure,
        format!(
            "the {kind} {} failed: {}",
            run.run_id,
            run.error_message.as_deref().unwrap_or("no reason given")
        ),
    ))
}

/// Starts a run (`dry_run` or real, syncing everything as the console does) and follows it to
/// its end. When another run is active, nothing is started: that run is followed, shown, and
/// the command stops, since its result is not the one asked for.
async fn follow(session: &Session, dry_run: bool) -> Result<AdminScimSyncRunOut, Failure> {
    let client = &session.client;
    let trigger = AdminScimSyncTriggerIn {
        dry_run,
        sync_config: Some(AdminScimSyncConfig::everything()),
    };
    match client.trigger_scim_sync(&trigger).await? {
        ScimSyncStart::Started(run) => Ok(client.wait_for_scim_sync(run, POLL).await?),
        ScimSyncStart::AlreadyActive(active) => {
            eprintln!(
                "Another sync run ({}, {}) is active: nothing was started; following it.",
                active.run_id, active.status
            );
            let other = client.wait_for_scim_sync(active.run_id, POLL).await?;
            show(&other, RunFormat::Text, false, Stream::Err)?;
            Err(Failure::new(
                Exit::Refused,
                format!(
                    "another sync run was active ({} run, ended {}); run this command again",
                    if other.dry_run { "a dry" } else { "a real" },
                    other.status
                ),
            ))
        }
    }
}

/// A run's changes as the diff names them: two runs that would do the same compare equal,
/// though each gives its own ids to people and groups that do not exist yet.
fn diff_of(run: &AdminScimSyncRunOut) -> Vec<DiffLine> {
    run.summary.as_ref().map(lines).unwrap_or_default()
}

/// How many changes a finished run's summary holds (none when it has none).
fn changes_in(run: &AdminScimSyncRunOut) -> usize {
    run.summary.as_ref().map_or(0, |summary| {
        let (added, removed, changed) = counts(&lines(summary));
        added + removed + changed
    })
}

#[derive(Clone, Copy)]
enum Stream {
    Out,
    Err,
}

fn show(
    run: &AdminScimSyncRunOut,
    format: RunFormat,
    colour: bool,
    stream: Stream,
) -> Result<(), Failure> {
    let text = match format {
        RunFormat::Json => pretty(&to_value(run).unwrap_or_default()),
        RunFormat::Text => as_text(run, colour),
    };
    match stream {
        Stream::Out => emit(&text),
        Stream::Err => {
            eprint!("{text}");
            Ok(())
        }
    }
}

/// The run in words: what kind of run, how it ended, then its diff.
fn as_text(run: &AdminScimSyncRunOut, colour: bool) -> String {
    let kind = if run.dry_run { "Preview" } else { "Sync" };
    let mut text = format!("{kind} {} ended {}", run.run_id, run.status);
    if let Some(reason) = &run.error_message {
        text.push_str(&format!(": {reason}"));
    }
    text.push('\n');
    let Some(summary) = &run.summary else {
        return text;
    };
    for line in lines(summary) {
        let (mark, code, words) = match &line {
            DiffLine::Heading(words) => {
                text.push_str(&format!("{words}\n"));
                continue;
            }
            DiffLine::Nothing(words) => {
                text.push_str(&format!("  {words}\n"));
                continue;
            }
            DiffLine::Added(words) => ('+', "32", words),
            DiffLine::Removed(words) => ('-', "31", words),
            DiffLine::Changed(words) => ('~', "33", words),
        };
        let line = format!("{mark} {words}");
        match colour {
            true => text.push_str(&format!("  \x1b[{code}m{line}\x1b[0m\n")),
            false => text.push_str(&format!("  {line}\n")),
        }
    }
    text
}
