//! Tests of `wiregen diff`: one case per rule of `docs/compatibility.md` (`cases`), the seed
//! version pairs as acceptance cases (`seeds`), and the binary's formats and exit codes (`cli`).

mod cases;
mod cli;
mod seeds;

use crate::repo_root;
use std::path::Path;
use wiregen::diff::Report;

/// Insta settings: snapshots in the repository's `snapshots/`, named without a module prefix.
fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(repo_root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The report between two schema files, labelled `old_label` → `new_label`.
fn report(old: &Path, new: &Path, old_label: &str, new_label: &str) -> Report {
    let (o, n) = wiregen::diff::load_pair(old, new)
        .unwrap_or_else(|d| panic!("{} → {}: {d}", old.display(), new.display()));
    Report::new(old_label, new_label, &o, &n)
}

/// One line per change: `Type rule path`, the form the acceptance lists are written in.
fn lines(r: &Report) -> String {
    r.changes()
        .map(|c| {
            let path = c.path.to_string();
            let mut line = format!("{} {}", c.name, c.rule);
            if !path.is_empty() {
                line.push(' ');
                line.push_str(&path);
            }
            line.push('\n');
            line
        })
        .collect()
}
