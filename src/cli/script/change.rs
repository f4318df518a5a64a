//! What every change command does with its plan: say when nothing needs changing, print the
//! requests for `--dry-run`, refuse in read-only mode, demand `--confirm` for what cannot be
//! undone, then send it, keep what it changed in the journal, and report. The outcome goes to
//! stderr, so stdout holds only what a script asked for (`-o json`, or a new key).

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::exit::{Exit, Failure};
use super::journaling;
use super::output::{emit, pretty};
use super::session::Session;
use crate::actions::{Execution, Plan, execute, outcome};
use crate::domain::secret_like::redact_secrets;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReplyFormat {
    /// One JSON document.
    Json,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, Clone, Args)]
pub struct ChangeArgs {
    /// Print the requests this would send (method, URL, body) and send nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the server's replies on stdout (with --dry-run: the requests).
    #[arg(short = 'o', long = "output", value_enum)]
    pub format: Option<ReplyFormat>,
}

/// `--confirm`, on the commands that cannot be undone.
#[derive(Debug, Clone, Args)]
pub struct ConfirmArgs {
    /// The exact name of what is lost for good (a workspace's name, a person's email, a
    /// key's name), as the console asks it to be typed; repeat it for each one.
    #[arg(long, value_name = "NAME")]
    pub confirm: Vec<String>,
}

/// The refusal of a change in a read-only session, before any name is resolved or any
/// `--confirm` checked: nothing would be sent whatever they say, so the script learns what
/// stops it (exit 4) rather than a typo that would not matter. A dry run is not refused: it
/// sends nothing, and says the real run would be refused.
pub fn refuse_in_read_only(session: &Session, args: &ChangeArgs) -> Result<(), Failure> {
    if session.read_only && !args.dry_run {
        return Err(read_only_refusal(
            "nothing was sent. Reads work; --dry-run shows what a change would send",
        ));
    }
    Ok(())
}

fn read_only_refusal(what_happened: &str) -> Failure {
    Failure::new(
        Exit::Denied,
        format!("read-only (--read-only, or the profile's read_only): {what_happened}"),
    )
}

/// A value as it would be typed in a shell.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "@._-+/:".contains(c));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

fn print_values(values: &[Value], format: ReplyFormat) -> Result<(), Failure> {
    let text = match format {
        ReplyFormat::Json => match values {
            [one] => pretty(one),
            many => pretty(&Value::Array(many.to_vec())),
        },
        ReplyFormat::Jsonl => values.iter().map(|v| format!("{v}\n")).collect(),
    };
    emit(&text)
}

/// Checks and sends the plan; the execution may have stopped midway, which [`finish`]
/// reports (the caller may first print what it must not lose, such as a new key).
pub async fn run(
    session: &Session,
    args: &ChangeArgs,
    confirm: &[String],
    plan: &Plan,
) -> Result<Execution, Failure> {
    if plan.changes_nothing() {
        for line in nothing_to_change(plan, confirm) {
            eprintln!("{line}");
        }
        // A script reading JSON gets a document still: no replies, as nothing was sent.
        if args.format == Some(ReplyFormat::Json) {
            print_values(&[], ReplyFormat::Json)?;
        }
        return Ok(Execution::default());
    }
    // A --confirm naming nothing this run loses for good is refused before anything else: a
    // script passing `--confirm X` believes it acts on X.
    if let Some(refusal) = confirms_something_else(plan, confirm) {
        return Err(refusal);
    }
    if args.dry_run {
        // A wrong --confirm is a typo the real run would refuse: say so now, not after.
        if !confirm.is_empty()
            && let Some(refusal) = unconfirmed(plan, confirm)
        {
            return Err(refusal);
        }
        let base = session.base_url.trim_end_matches('/');
        let requests: Vec<_> = plan.requests().map(|r| r.http()).collect();
        match args.format {
            Some(format) => {
                let values: Vec<Value> = requests
                    .iter()
                    .map(|r| json!({"method": r.method, "url": format!("{base}{}", r.path), "body": r.body}))
                    .collect();
                print_values(&values, format)?;
            }
            None => {
                let mut text = String::new();
                for request in &requests {
                    let body = request
                        .body
                        .as_ref()
                        .map(|b| format!(" {b}"))
                        .unwrap_or_default();
                    text.push_str(&format!(
                        "{} {base}{}{body}\n",
                        request.method, request.path
                    ));
                }
                emit(&text)?;
            }
        }
        eprintln!("Dry run, nothing was sent. {}", plan.summary);
        for note in &plan.notes {
            eprintln!("note: {note}");
        }
        let missing = confirm_flags(&plan.unconfirmed(confirm));
        if !missing.is_empty() {
            eprintln!("note: the real run needs {}", missing.join(" "));
        }
        if session.read_only {
            eprintln!("note: read-only: the real run would be refused");
        }
        return Ok(Execution::default());
    }
    // Refused already, before the plan was made (`refuse_in_read_only`); checked again here
    // as the last step before sending, so no path sends a change in a read-only session.
    if session.read_only {
        return Err(read_only_refusal(&format!(
            "nothing was sent. The change: {}",
            plan.summary
        )));
    }
    if let Some(refusal) = unconfirmed(plan, confirm) {
        return Err(refusal);
    }
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    let before = journaling::before(session, plan).await;
    let execution = execute(&session.client, plan).await;
    journaling::after_plan(session, plan, &execution, before.as_ref()).await;
    Ok(execution)
}

/// What a run whose plan changes nothing says on stderr: why, and that a `--confirm` given
/// was not needed.
fn nothing_to_change(plan: &Plan, confirm: &[String]) -> Vec<String> {
    let mut lines = vec![plan.summary.clone()];
    if !confirm.is_empty() {
        // Nothing is lost, so nothing was confirmed: said, so a script does not take the run
        // for the change it named.
        lines.push("note: --confirm was not needed: nothing was changed".to_owned());
    }
    lines
}

/// The `--confirm` flags that name what `plan` loses for good and `confirm` does not.
fn confirm_flags(missing: &[&str]) -> Vec<String> {
    missing
        .iter()
        .map(|m| format!("--confirm {}", shell_word(m)))
        .collect()
}

/// The refusal of a `--confirm` that names something `plan` does not lose for good (a name
/// beside the ones it needs, or any name when it needs none). A name that looks like a key is
/// not echoed.
fn confirms_something_else(plan: &Plan, confirm: &[String]) -> Option<Failure> {
    if !plan.unconfirmed(confirm).is_empty() {
        // A name is missing too (a typo, most likely): `unconfirmed` says which one is wanted.
        return None;
    }
    let extra: Vec<String> = confirm
        .iter()
        .filter(|typed| !plan.confirm.contains(typed))
        .map(|typed| confirm_flags(&[&redact_secrets(typed)]).join(""))
        .collect();
    if extra.is_empty() {
        return None;
    }
    let needed = if plan.confirm.is_empty() {
        "it needs none".to_owned()
    } else {
        let wanted: Vec<&str> = plan.confirm.iter().map(String::as_str).collect();
        format!("it needs exactly {}", confirm_flags(&wanted).join(" "))
    };
    Some(Failure::usage(format!(
        "{}\nNothing was done: {} names nothing this run loses for good; {needed}",
        plan.summary,
        extra.join(" ")
    )))
}

/// The refusal of a plan that loses something for good which `confirm` does not name exactly.
fn unconfirmed(plan: &Plan, confirm: &[String]) -> Option<Failure> {
    let flags = confirm_flags(&plan.unconfirmed(confirm));
    if flags.is_empty() {
        return None;
    }
    let advice = if confirm.is_empty() {
        "to go ahead, run it again with"
    } else {
        "--confirm must give the exact name:"
    };
    // The notes are part of what the admin confirms (who loses what), so they come first.
    let notes: String = plan.notes.iter().map(|n| format!("\nnote: {n}")).collect();
    Some(Failure::usage(format!(
        "{}{notes}\nNothing was done: this cannot be undone; {advice} {}",
        plan.summary,
        flags.join(" ")
    )))
}

/// Reports the run: the outcome on stderr and, with `-o`, the replies on stdout; or the
/// failure, saying what was done and what was not.
pub fn finish(
    plan: &Plan,
    execution: &Execution,
    format: Option<ReplyFormat>,
) -> Result<(), Failure> {
    if let Some(failure) = &execution.failure {
        let message = outcome::failure(plan, execution).unwrap_or_default();
        return Err(Failure::new(Exit::of_client_error(&failure.error), message));
    }
    if plan.changes_nothing() || execution.replies.is_empty() {
        return Ok(());
    }
    eprintln!("{}", outcome::message(plan, &execution.replies));
    if let Some(format) = format {
        let values: Vec<Value> = execution.replies.iter().map(|r| r.to_json()).collect();
        print_values(&values, format)?;
    }
    Ok(())
}

/// The usual path: run, then report.
pub async fn apply(
    session: &Session,
    args: &ChangeArgs,
    confirm: &[String],
    plan: &Plan,
) -> Result<(), Failure> {
    let execution = run(session, args, confirm, plan).await?;
    finish(plan, &execution, args.format)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A run that loses nothing for good refuses any --confirm; one that does refuses a name
    /// beside the ones it needs, and leaves a wrong or missing one to `unconfirmed`.
    #[test]
    fn a_confirm_naming_nothing_lost_for_good_is_refused() {
        use crate::actions::{Intent, Request, Step};
        let step = Step::new(
            Request::DeleteApiKey {
                key: uuid::Uuid::nil(),
            },
            "delete",
        );
        let intent = Intent::DeleteKeys { labels: Vec::new() };
        let plain = Plan::new(intent, "Delete it", vec![step]);
        let typed = ["ci".to_owned()];
        let refusal = confirms_something_else(&plain, &typed).unwrap();
        assert_eq!(refusal.exit, Exit::Usage);
        assert!(
            refusal
                .message
                .ends_with("--confirm ci names nothing this run loses for good; it needs none"),
            "{}",
            refusal.message
        );
        let confirmed = plain.with_confirmation(vec!["ci".into()]);
        assert!(confirms_something_else(&confirmed, &typed).is_none());
        assert!(confirms_something_else(&confirmed, &["cj".to_owned()]).is_none());
        assert!(confirms_something_else(&confirmed, &[]).is_none());
    }

    /// A run that changes nothing says why; a --confirm given to it is noted as not needed, so a script does not take the run for the
    /// change it named. No command taking --confirm plans nothing today, so this is tested here.
    #[test]
    fn a_confirm_given_to_a_change_that_changes_nothing_is_noted_as_not_needed() {
        use crate::actions::Intent;
        let why = "Nothing to change: jane@x.io already has the roles member";
        let plan = Plan::nothing(Intent::DeleteKeys { labels: Vec::new() }, why);
        assert_eq!(nothing_to_change(&plan, &[]), vec![why.to_owned()]);
        assert_eq!(
            nothing_to_change(&plan, &["jane@x.io".to_owned()]),
            vec![
                why.to_owned(),
                "note: --confirm was not needed: nothing was changed".to_owned()
            ]
        );
    }

    #[test]
    fn names_are_quoted_for_the_shell_only_when_needed() {
        assert_eq!(shell_word("jane@x.io"), "jane@x.io");
        assert_eq!(shell_word("Data Platform"), "'Data Platform'");
        assert_eq!(shell_word("O'Brien Lab"), "'O'\\''Brien Lab'");
    }
}
