//! One CSV cell as every CSV the app writes holds it (`-o csv`, the console's audit export):
//! quoted where a reader would split it, and never a formula a spreadsheet would run.

/// `text` as a CSV cell. It is quoted when it holds a separator, a quote or a line break, or
/// begins or ends with a space. Text that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return and is not a number gets a leading `'`: names come from whoever created them (a
/// member, an identity provider), and a spreadsheet would run `=HYPERLINK(…)` as a formula.
pub fn cell(text: &str) -> String {
    let formula_like =
        text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.trim().parse::<f64>().is_err();
    let text = if formula_like {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn separators_quotes_and_edge_spaces_are_quoted() {
        assert_eq!(cell("Doe, \"Jane\""), "\"Doe, \"\"Jane\"\"\"");
        assert_eq!(cell(" padded"), "\" padded\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("Research"), "Research");
    }

    #[test]
    fn what_a_spreadsheet_would_run_is_kept_as_text_but_numbers_stay_numbers() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("+33 team"), "'+33 team");
        assert_eq!(cell("-rm"), "'-rm");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("-12.5"), "-12.5");
        assert_eq!(cell("+3"), "+3");
    }
}
