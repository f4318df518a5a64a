//! The crate's layers import only from the layers below them:
//! domain <- api <- {client, server} <- actions <- tui <- cli, where client and server never
//! import each other and `dirs` (where files live) may be used by any layer. This reads every file under
//! `src/` and fails with each import that breaks the order.

mod scan;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scan::{RootRef, root_refs};

/// Each layer and the layers it may import from, besides itself.
const LAYERS: &[(&str, &[&str])] = &[
    ("dirs", &[]),
    ("domain", &["dirs"]),
    ("api", &["domain", "dirs"]),
    ("client", &["api", "domain", "dirs"]),
    ("server", &["api", "domain", "dirs"]),
    ("actions", &["client", "api", "domain", "dirs"]),
    ("tui", &["actions", "client", "api", "domain", "dirs"]),
    (
        "cli",
        &[
            "tui", "actions", "client", "server", "api", "domain", "dirs",
        ],
    ),
];

/// The crate roots: the library's module list and the binary's entry point sit above every
/// layer.
const ROOTS: &[&str] = &["lib.rs", "main.rs"];

/// A source file, as the layering sees it.
struct SourceFile {
    /// Relative to `src/`, with `/` separators.
    name: String,
    layer: String,
    /// How deep its module sits below the crate root.
    depth: usize,
    text: String,
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = source_files(&src);
    assert!(
        files.len() > 50,
        "the source tree is read: {} files",
        files.len()
    );
    let references: usize = files
        .iter()
        .map(|file| root_refs(&file.text, file.depth).len())
        .sum();
    assert!(
        references > 200,
        "the scan sees the crate's imports: only {references} references to the crate root"
    );
    let problems = layering_problems(&files);
    assert!(
        problems.is_empty(),
        "{} import(s) break the layers (domain <- api <- client|server <- actions <- tui <- cli):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_kind_of_forbidden_reference_is_found() {
    let file = |name: &str, depth: usize, text: &str| SourceFile {
        name: name.to_owned(),
        layer: name.split('/').next().unwrap().to_owned(),
        depth,
        text: text.to_owned(),
    };
    let sources = [
        file("client/a.rs", 2, "use crate::server::LocalServer;\n"),
        file(
            "domain/b.rs",
            2,
            "use crate::{dirs::AppDirs,\n  api::{X, Y}};\n",
        ),
        file("tui/mod.rs", 1, "fn f() { super::server::start(); }\n"),
        file("api/c.rs", 2, "fn g() { let _ = crate::tui::x(); }\n"),
        file("actions/g.rs", 2, "use crate::server::Database;\n"),
        file("server/d.rs", 2, "use crate::*;\n"),
        file(
            "server/e.rs",
            2,
            "mod inner { use super::super::super::client::A; }\n",
        ),
        file(
            "api/m.rs",
            2,
            "#[macro_export]\nmacro_rules! at { () => {} }\n",
        ),
        file("domain/f.rs", 2, "fn h() { crate::at!(); }\n"),
    ];
    let problems = layering_problems(&sources);
    let found: Vec<&str> = problems
        .iter()
        .map(|p| p.split_once(':').unwrap().0)
        .collect();
    assert_eq!(
        found,
        [
            "src/actions/g.rs",
            "src/api/c.rs",
            "src/client/a.rs",
            "src/domain/b.rs",
            "src/domain/f.rs",
            "src/server/d.rs",
            "src/server/e.rs",
            "src/tui/mod.rs"
        ],
        "{problems:#?}"
    );
    assert!(problems[0].starts_with("src/actions/g.rs:1: actions imports server"));
    assert!(problems[3].starts_with("src/domain/b.rs:2: domain imports api"));
    assert!(
        problems[4].contains("crate::at!, a macro of api"),
        "{}",
        problems[4]
    );
}

#[test]
fn comments_strings_and_allowed_imports_are_not_problems() {
    let text = "//! See [`crate::tui`].\n\
                use crate::{api::X, domain::{Y, Z}, dirs};\n\
                /* crate::cli */ const A: &str = \"crate::server\";\n\
                const B: &str = r#\"crate::tui \"quoted\"\"#;\n\
                const C: char = '\"'; fn life<'a>(_: &'a str) {}\n\
                mod tests { use super::*; use super::super::client::Q; }\n";
    let source = SourceFile {
        name: "client/ok.rs".to_owned(),
        layer: "client".to_owned(),
        depth: 2,
        text: text.to_owned(),
    };
    assert_eq!(layering_problems(&[source]), Vec::<String>::new());
}

/// One line per import that breaks the layers, sorted by file and line.
fn layering_problems(files: &[SourceFile]) -> Vec<String> {
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let macros = exported_macros(files);
    let mut problems = Vec::new();
    for file in files {
        let may_use = allowed
            .get(file.layer.as_str())
            .unwrap_or_else(|| panic!("src/{} is in no layer; add it to LAYERS", file.name));
        for RootRef { line, item } in root_refs(&file.text, file.depth) {
            let target = macros.get(&item).cloned().unwrap_or(item.clone());
            let fine = target == file.layer || may_use.contains(&target.as_str());
            if !fine {
                let what = if item == "*" {
                    "everything at the crate root (crate::*)".to_owned()
                } else if target == item {
                    format!("{target} (crate::{item})")
                } else {
                    format!("{target} (crate::{item}!, a macro of {target})")
                };
                problems.push(format!(
                    "src/{}:{line}: {} imports {what}; {} may import only {}",
                    file.name,
                    file.layer,
                    file.layer,
                    describe(may_use)
                ));
            }
        }
    }
    problems.sort();
    problems
}

fn describe(layers: &[&str]) -> String {
    if layers.is_empty() {
        "itself".to_owned()
    } else {
        layers.join(", ")
    }
}

/// `#[macro_export]` macros sit at the crate root but belong to the layer that defines them.
fn exported_macros(files: &[SourceFile]) -> BTreeMap<String, String> {
    let mut macros = BTreeMap::new();
    for file in files {
        let code = scan::blank_comments_and_literals(&file.text);
        for (at, _) in code.match_indices("#[macro_export]") {
            let rest = code[at..]
                .split_once("macro_rules!")
                .map(|(_, r)| r.trim_start());
            if let Some(rest) = rest {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                macros.insert(name, file.layer.clone());
            }
        }
    }
    macros
}

/// Every `.rs` file under `src` except the crate roots.
fn source_files(src: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    collect_rs(src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(src).expect("under src");
            let parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            let name = parts.join("/");
            if ROOTS.contains(&name.as_str()) {
                return None;
            }
            let layer = parts[0].trim_end_matches(".rs").to_owned();
            let depth = if parts.last().map(String::as_str) == Some("mod.rs") {
                parts.len() - 1
            } else {
                parts.len()
            };
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            Some(SourceFile {
                name,
                layer,
                depth,
                text,
            })
        })
        .collect()
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}
