//! Key bindings as data: the built-in `assets/keymap.toml`, with the user's `keymap.toml`
//! layered over it. Help and the hint line read the same map, so they never disagree with
//! what the keys do.

pub mod action;
pub mod chord;
pub mod help;

use std::collections::{BTreeMap, HashMap};

use crossterm::event::KeyEvent;

pub use action::{Action, ActionSpec, CATALOG, Context};
pub use chord::KeyChord;

use super::config_file::{ConfigFileError, Source};

const BUILTIN: &str = include_str!("../../../assets/keymap.toml");

type Section = BTreeMap<toml::Spanned<String>, toml::Spanned<Vec<toml::Spanned<String>>>>;
type KeymapFile = BTreeMap<toml::Spanned<String>, Section>;

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    bindings: BTreeMap<(Context, Action), Vec<KeyChord>>,
    /// The same bindings by key, for the lookup every key press makes (a key does one thing
    /// per context, so each has one action).
    by_key: HashMap<(Context, KeyChord), Action>,
}

impl Keymap {
    /// The built-in bindings, with the user's file (if any) layered over them.
    pub fn load(user: Option<(Source, &str)>) -> Result<Self, ConfigFileError> {
        let mut map = Self {
            bindings: BTreeMap::new(),
            by_key: HashMap::new(),
        };
        map.apply(&Source::BuiltIn("keymap.toml"), BUILTIN)?;
        if let Some((source, text)) = user {
            map.apply(&source, text)?;
        }
        map.by_key = map
            .bindings
            .iter()
            .flat_map(|(&(context, action), chords)| {
                chords.iter().map(move |&chord| ((context, chord), action))
            })
            .collect();
        Ok(map)
    }

    /// The built-in bindings alone.
    pub fn builtin() -> Result<Self, ConfigFileError> {
        Self::load(None)
    }

    /// What `event` does in `context`, if anything.
    pub fn action(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        self.by_key
            .get(&(context, KeyChord::from_event(event)))
            .copied()
    }

    /// The keys bound to an action, first the one to advertise.
    pub fn keys(&self, context: Context, action: Action) -> &[KeyChord] {
        self.bindings
            .get(&(context, action))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The keys of an action as help shows them: "↑/k".
    pub fn describe_keys(&self, context: Context, action: Action) -> String {
        self.keys(context, action)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    fn apply(&mut self, source: &Source, text: &str) -> Result<(), ConfigFileError> {
        let file: KeymapFile =
            toml::from_str(text).map_err(|e| ConfigFileError::from_toml(source, text, &e))?;
        let error = |offset: usize, problem: String| {
            ConfigFileError::at(source, text, Some(offset), problem)
        };
        let mut written = Vec::new();
        for (section, entries) in file {
            let context = Context::from_name(section.get_ref()).ok_or_else(|| {
                let known: Vec<_> = Context::ALL.iter().map(|c| c.name()).collect();
                error(
                    section.span().start,
                    format!(
                        "unknown section [{}]; sections are: {}",
                        section.get_ref(),
                        known.join(", ")
                    ),
                )
            })?;
            for (name, keys) in entries {
                let spec = action::find(context, name.get_ref()).ok_or_else(|| {
                    let known: Vec<_> = CATALOG
                        .iter()
                        .filter(|s| s.context == context)
                        .map(|s| s.name)
                        .collect();
                    error(
                        name.span().start,
                        format!(
                            "unknown action {:?} in [{}]; actions there are: {}",
                            name.get_ref(),
                            context.name(),
                            known.join(", ")
                        ),
                    )
                })?;
                let mut chords = Vec::new();
                for key in keys.get_ref() {
                    let chord = KeyChord::parse(key.get_ref())
                        .map_err(|problem| error(key.span().start, problem))?;
                    if chord.is_accident_prone() && spec.action.is_destructive(context) {
                        return Err(error(
                            key.span().start,
                            format!(
                                "{:?} cannot be bound to {:?}: keys that are easily hit by accident never start a change that cannot be undone",
                                name.get_ref(),
                                key.get_ref()
                            ),
                        ));
                    }
                    written.push((context, spec.action, chord, key.clone()));
                    chords.push(chord);
                }
                self.bindings.insert((context, spec.action), chords);
            }
        }
        // Checked once the whole file is in, so the order of its entries does not matter.
        for (context, action, chord, key) in written {
            if let Some(other) = self.bound_elsewhere(context, action, chord) {
                return Err(error(
                    key.span().start,
                    format!(
                        "key {:?} is also bound to {:?} in [{}]; a key can do one thing per section",
                        key.get_ref(),
                        other,
                        context.name()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn bound_elsewhere(&self, context: Context, action: Action, chord: KeyChord) -> Option<&str> {
        self.bindings
            .iter()
            .find(|((c, a), keys)| *c == context && *a != action && keys.contains(&chord))
            .and_then(|((c, a), _)| action::spec_of(*c, *a))
            .map(|spec| spec.name)
    }
}

#[cfg(test)]
mod tests;
