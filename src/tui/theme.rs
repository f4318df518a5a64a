//! The one theme: named styles loaded from `assets/theme.toml` (or the monochrome one), with the
//! user's `theme.toml` layered over it. No other module names a colour.

use std::collections::BTreeMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use super::config_file::{ConfigFileError, Source};

const COLOUR_THEME: &str = include_str!("../../assets/theme.toml");
const MONO_THEME: &str = include_str!("../../assets/theme-mono.toml");

macro_rules! named_styles {
    ($($name:ident),* $(,)?) => {
        /// Every style the console draws with, by the name the theme files use.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Theme {
            $(pub $name: Style,)*
            /// True when colours are off: panes add symbols where colour would have spoken.
            pub monochrome: bool,
        }

        impl Theme {
            pub const STYLE_NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            fn slot(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

named_styles!(
    text,
    muted,
    border,
    border_focused,
    title,
    title_focused,
    cursor,
    cursor_unfocused,
    open_marker,
    header,
    tab_active,
    tab_inactive,
    status_bar,
    badge_local,
    badge_remote,
    badge_read_only,
    spinner,
    flash_info,
    flash_success,
    flash_error,
    hint_key,
    hint_text,
    field_label,
    field_value,
    field_focused,
    field_editing,
    field_error,
    field_read_only,
    dirty,
    match_highlight,
    archived,
    modal_border,
    button,
    button_focused,
    notice,
);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    styles: BTreeMap<toml::Spanned<String>, toml::Spanned<StyleSpec>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl Theme {
    /// The built-in colour theme.
    pub fn colour() -> Self {
        Self::builtin(false)
    }

    /// The built-in monochrome theme.
    pub fn monochrome() -> Self {
        Self::builtin(true)
    }

    fn builtin(monochrome: bool) -> Self {
        let (name, text) = if monochrome {
            ("theme-mono.toml", MONO_THEME)
        } else {
            ("theme.toml", COLOUR_THEME)
        };
        let mut theme = Self {
            monochrome,
            ..Self::default()
        };
        // The assets are part of the binary and covered by tests, so a failure here is a
        // build defect; fall back to plain styles rather than refusing to start.
        if let Err(err) = theme.apply(&Source::BuiltIn(name), text) {
            tracing::error!("{err}");
        }
        theme
    }

    /// The built-in theme for the mode, with the user's file (if any) layered over it. In
    /// monochrome mode the user's colours are dropped and only their modifiers apply.
    pub fn load(monochrome: bool, user: Option<(Source, &str)>) -> Result<Self, ConfigFileError> {
        let mut theme = Self::builtin(monochrome);
        if let Some((source, text)) = user {
            theme.apply(&source, text)?;
        }
        Ok(theme)
    }

    fn apply(&mut self, source: &Source, text: &str) -> Result<(), ConfigFileError> {
        let file: ThemeFile =
            toml::from_str(text).map_err(|e| ConfigFileError::from_toml(source, text, &e))?;
        for (name, spec) in file.styles {
            let at = |problem: String| {
                ConfigFileError::at(source, text, Some(spec.span().start), problem)
            };
            let style = parse_style(spec.get_ref()).map_err(&at)?;
            let monochrome = self.monochrome;
            let Some(slot) = self.slot(name.get_ref()) else {
                return Err(ConfigFileError::at(
                    source,
                    text,
                    Some(name.span().start),
                    format!(
                        "unknown style {:?}; known styles: {}",
                        name.get_ref(),
                        Self::STYLE_NAMES.join(", ")
                    ),
                ));
            };
            *slot = if monochrome {
                without_colours(style)
            } else {
                style
            };
        }
        Ok(())
    }
}

fn parse_style(spec: &StyleSpec) -> Result<Style, String> {
    let mut style = Style::default();
    if let Some(fg) = &spec.fg {
        style = style.fg(parse_colour(fg)?);
    }
    if let Some(bg) = &spec.bg {
        style = style.bg(parse_colour(bg)?);
    }
    for name in &spec.modifiers {
        style = style.add_modifier(parse_modifier(name)?);
    }
    Ok(style)
}

fn parse_colour(value: &str) -> Result<Color, String> {
    value
        .parse::<Color>()
        .map_err(|_| format!("unknown colour {value:?} (use a name, \"#rrggbb\" or 0-255)"))
}

fn parse_modifier(value: &str) -> Result<Modifier, String> {
    Ok(match value {
        "bold" => Modifier::BOLD,
        "dim" => Modifier::DIM,
        "italic" => Modifier::ITALIC,
        "underlined" => Modifier::UNDERLINED,
        "reversed" => Modifier::REVERSED,
        "crossed_out" => Modifier::CROSSED_OUT,
        other => {
            return Err(format!(
                "unknown modifier {other:?} (bold, dim, italic, underlined, reversed, crossed_out)"
            ));
        }
    })
}

fn without_colours(style: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_builtin_themes_parse_and_fill_every_style() {
        for mono in [false, true] {
            let mut theme = Theme {
                monochrome: mono,
                ..Theme::default()
            };
            let text = if mono { MONO_THEME } else { COLOUR_THEME };
            theme.apply(&Source::BuiltIn("t"), text).unwrap();
            let file: ThemeFile = toml::from_str(text).unwrap();
            let named: Vec<_> = file.styles.keys().map(|k| k.get_ref().clone()).collect();
            for name in Theme::STYLE_NAMES {
                assert!(
                    named.contains(&name.to_string()),
                    "{name} missing (mono={mono})"
                );
            }
        }
    }

    #[test]
    fn the_monochrome_theme_has_no_colour_and_marks_selection() {
        let theme = Theme::monochrome();
        for name in Theme::STYLE_NAMES {
            let mut t = theme.clone();
            let style = *t.slot(name).unwrap();
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        assert!(theme.cursor.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn user_styles_layer_over_the_builtin_ones() {
        let user = "[styles]\ncursor = { fg = \"red\", modifiers = [\"underlined\"] }\n";
        let theme = Theme::load(false, Some((Source::File("u.toml".into()), user))).unwrap();
        assert_eq!(theme.cursor.fg, Some(Color::Red));
        assert_eq!(theme.header, Theme::colour().header);
        let mono = Theme::load(true, Some((Source::File("u.toml".into()), user))).unwrap();
        assert_eq!(mono.cursor.fg, None);
        assert!(mono.cursor.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn mistakes_name_the_file_line_and_value() {
        let source = Source::File("/cfg/theme.toml".into());
        let bad_colour = "[styles]\n\ncursor = { fg = \"blurple\" }\n";
        let err = Theme::load(false, Some((source.clone(), bad_colour))).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.to_string().contains("blurple"), "{err}");
        assert!(
            err.to_string().starts_with("/cfg/theme.toml, line 3"),
            "{err}"
        );

        let bad_name = "[styles]\nsparkles = {}\n";
        let err = Theme::load(false, Some((source.clone(), bad_name))).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.problem.contains("sparkles"));

        let bad_modifier = "[styles]\ntext = { modifiers = [\"blink\"] }\n";
        let err = Theme::load(false, Some((source.clone(), bad_modifier))).unwrap_err();
        assert!(err.problem.contains("blink"));

        let not_toml = "[styles\n";
        assert!(Theme::load(false, Some((source, not_toml))).is_err());
    }
}
