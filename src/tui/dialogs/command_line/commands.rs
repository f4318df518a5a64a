//! The `:` commands the command line knows: its own and one per organization view, each with
//! the line that says what it does, and completion of what is being typed.

use crate::tui::views::VIEWS;

/// A command as the list shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    /// The word typed.
    pub word: &'static str,
    /// What follows it, if it takes something ("NAME").
    pub argument: &'static str,
    pub summary: &'static str,
}

const BUILT_IN: [Command; 6] = [
    command("ws", "NAME", "Open a workspace by name"),
    command("org", "NAME", "Switch to an organization by name"),
    command(
        "stage",
        "",
        "Collect changes instead of sending them (again: send them)",
    ),
    command("messages", "", "Read every message of the session"),
    command("help", "", "Every key, by where it works"),
    command("quit", "", "Quit (asks first about unsaved changes)"),
];

const fn command(word: &'static str, argument: &'static str, summary: &'static str) -> Command {
    Command {
        word,
        argument,
        summary,
    }
}

/// Every command: the workspace and organization ones, the views, then the rest.
pub fn all() -> Vec<Command> {
    let mut out = BUILT_IN[..2].to_vec();
    out.extend(VIEWS.iter().map(|e| command(e.command, "", e.summary)));
    out.extend_from_slice(&BUILT_IN[2..]);
    out
}

/// The commands as one line: "ws NAME, org NAME, usage, ...".
pub fn names() -> String {
    all()
        .iter()
        .map(|c| {
            if c.argument.is_empty() {
                c.word.to_owned()
            } else {
                format!("{} {}", c.word, c.argument)
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The commands whose word starts with what is typed, while the first word is being typed.
pub fn matching(typed: &str) -> Vec<Command> {
    let typed = typed.trim_start();
    if typed.contains(char::is_whitespace) {
        return Vec::new();
    }
    all()
        .into_iter()
        .filter(|c| c.word.starts_with(typed))
        .collect()
}

/// What tab makes of the typed text: the one matching command whole (with a space when it
/// takes a name), else as much as all the matches share; `None` when there is nothing to add.
pub fn complete(typed: &str) -> Option<String> {
    let matches = matching(typed);
    let typed = typed.trim_start();
    let completed = match matches.as_slice() {
        [] => return None,
        [only] if only.argument.is_empty() => only.word.to_owned(),
        [only] => format!("{} ", only.word),
        several => {
            let first = several[0].word;
            let shared = (typed.len()..=first.len())
                .rev()
                .find(|n| several.iter().all(|c| c.word.starts_with(&first[..*n])))
                .unwrap_or(typed.len());
            first[..shared].to_owned()
        }
    };
    (completed != typed).then_some(completed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_are_listed_and_completed() {
        assert!(names().starts_with("ws NAME, org NAME, people, usage, limits, vibe, scim"));
        assert_eq!(complete("us"), Some("usage".into()));
        assert_eq!(complete("w"), Some("ws ".into()));
        assert_eq!(complete("usage"), None);
        assert_eq!(complete("zz"), None);
        assert!(
            matching("ws res").is_empty(),
            "no list once the name is typed"
        );
        assert_eq!(matching("").len(), all().len());
    }
}
