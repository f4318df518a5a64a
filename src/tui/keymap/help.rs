//! What help and the hint line say, generated from the live keymap.

use super::{Action, CATALOG, Context, KeyChord, Keymap};

/// One context's bindings for the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub title: &'static str,
    /// `(keys as typed, what they do)`.
    pub entries: Vec<(String, &'static str)>,
}

/// The bindings as a Markdown table, for the README (a test keeps the two in step).
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| Where | Keys | What they do |\n|---|---|---|\n");
    for context in Context::ALL {
        for spec in CATALOG.iter().filter(|s| s.context == context) {
            let keys: Vec<String> = keymap
                .keys(context, spec.action)
                .iter()
                .map(|k| format!("`{k}`"))
                .collect();
            if keys.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                context.title(),
                keys.join(" "),
                spec.description
            ));
        }
    }
    out
}

/// Keys as help shows them: "↑/k".
fn joined(keys: &[KeyChord]) -> String {
    keys.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

/// A context's section, when it has any entry.
fn section(context: Context, entries: Vec<(String, &'static str)>) -> Option<HelpSection> {
    (!entries.is_empty()).then_some(HelpSection {
        title: context.title(),
        entries,
    })
}

/// Lines the help overlay takes: a title, the entries and a blank line per section.
pub fn line_count(sections: &[HelpSection]) -> usize {
    sections.iter().map(|s| s.entries.len() + 2).sum()
}

impl Keymap {
    /// Every bound action, grouped by context in catalog order. Unbound actions are left out.
    pub fn help_sections(&self) -> Vec<HelpSection> {
        self.help_sections_for(&[], |_, _| true)
    }

    /// Help for where keys are read now. The `active` contexts come first, most specific
    /// first, as the router tries them: each lists only the keys that reach it (a key an
    /// earlier context takes does something else here: in a view, `q` closes it rather than
    /// quitting) and only the actions `offered` says are not passed over. Every other context
    /// follows whole, for reference.
    pub fn help_sections_for(
        &self,
        active: &[Context],
        offered: impl Fn(Context, Action) -> bool,
    ) -> Vec<HelpSection> {
        let mut sections = Vec::new();
        let mut done: Vec<Context> = Vec::new();
        let mut taken: Vec<KeyChord> = Vec::new();
        for context in active {
            if done.contains(context) {
                continue;
            }
            done.push(*context);
            let mut claimed = Vec::new();
            let entries = CATALOG
                .iter()
                .filter(|spec| spec.context == *context && offered(*context, spec.action))
                .filter_map(|spec| {
                    let keys: Vec<KeyChord> = self
                        .keys(*context, spec.action)
                        .iter()
                        .filter(|k| !taken.contains(k))
                        .copied()
                        .collect();
                    claimed.extend(keys.iter().copied());
                    (!keys.is_empty()).then(|| (joined(&keys), spec.description))
                })
                .collect();
            taken.extend(claimed);
            sections.extend(section(*context, entries));
        }
        for context in Context::ALL.iter().filter(|c| !done.contains(c)) {
            let entries = CATALOG
                .iter()
                .filter(|spec| spec.context == *context)
                .filter_map(|spec| {
                    let keys = self.describe_keys(*context, spec.action);
                    (!keys.is_empty()).then_some((keys, spec.description))
                })
                .collect();
            sections.extend(section(*context, entries));
        }
        sections
    }

    /// The hint line for the given contexts (most specific first): `(key, word)` pairs for
    /// the actions marked as hints, using each action's first key, keeping only those
    /// `offered` says are acted on now. Up and Down share one hint.
    pub fn hints(
        &self,
        contexts: &[Context],
        offered: impl Fn(Context, Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut hints: Vec<(String, &'static str)> = Vec::new();
        for context in contexts {
            for spec in CATALOG.iter().filter(|s| s.context == *context) {
                let Some(word) = spec.hint else { continue };
                if !offered(*context, spec.action) {
                    continue;
                }
                let Some(first) = self.keys(*context, spec.action).first() else {
                    continue;
                };
                let mut key = first.to_string();
                // Up and down moves share one hint ("↑↓ move").
                let partner = match spec.action {
                    Action::Up => Some((Action::Down, false)),
                    Action::NextField => Some((Action::PreviousField, true)),
                    _ => None,
                };
                if let Some((other, before)) = partner
                    && let Some(other) = self.keys(*context, other).first()
                {
                    let other = other.to_string();
                    // Arrows read well side by side ("↑↓"); names need a separator.
                    let glue = if key.chars().count() == 1 && other.chars().count() == 1 {
                        ""
                    } else {
                        "/"
                    };
                    key = if before {
                        format!("{other}{glue}{key}")
                    } else {
                        format!("{key}{glue}{other}")
                    };
                }
                if !hints.iter().any(|(_, w)| *w == word) {
                    hints.push((key, word));
                }
            }
        }
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::config_file::Source;

    #[test]
    fn help_follows_user_bindings() {
        let map = Keymap::load(Some((
            Source::File("k.toml".into()),
            "[global]\nquit = [\"ctrl-q\"]\njump_back = []\n",
        )))
        .unwrap();
        let sections = map.help_sections();
        let global = &sections[0];
        assert_eq!(global.title, "Everywhere");
        assert!(
            global
                .entries
                .iter()
                .any(|(k, d)| k == "ctrl-q" && d.starts_with("Quit"))
        );
        assert!(
            !global
                .entries
                .iter()
                .any(|(_, d)| d.contains("previous workspace"))
        );
        let two = [
            HelpSection {
                title: "a",
                entries: vec![("x".into(), "y")],
            },
            HelpSection {
                title: "b",
                entries: vec![],
            },
        ];
        assert_eq!(line_count(&two), 5);
    }

    #[test]
    fn the_readme_key_table_is_the_builtin_keymap() {
        let table = markdown_table(&Keymap::builtin().unwrap());
        let readme = include_str!("../../../README.md");
        assert!(
            readme.contains(&table),
            "README.md's key table is out of date; replace it with:\n{table}"
        );
    }

    #[test]
    fn hints_use_the_first_key_and_pair_up_with_down() {
        let map = Keymap::builtin().unwrap();
        let hints = map.hints(
            &[Context::WorkspaceList, Context::List, Context::Global],
            |_, _| true,
        );
        assert_eq!(hints[0], ("a".to_string(), "archived"));
        assert!(hints.contains(&("↑↓".to_string(), "move")));
        assert!(hints.contains(&("ctrl-p".to_string(), "find")));
        assert!(hints.contains(&("q".to_string(), "quit")));
    }
}
