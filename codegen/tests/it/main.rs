//! Integration tests of the `wiregen` library and binary (one test binary, modules by boundary).

mod accepted_compiles;
mod buildrs;
mod cli;
mod clippy;
mod diagnostics;
mod diff;
mod errors;
mod freshness;
mod fuzz;
mod hardening;
mod robustness;
mod snapshots;
mod ts_errors;
mod type_settings;
mod typescript;
mod warnings;

use std::path::{Path, PathBuf};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ has a parent")
        .to_path_buf()
}

/// `codegen/tests/fixtures/<kind>/`.
pub fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
}

/// Every `*.json` directly in `dir`, sorted.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Generates with default options and a stable source label.
pub fn generate(path: &Path) -> Result<wiregen::Output, wiregen::Diagnostics> {
    let label = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    wiregen::generate(
        path,
        &wiregen::RustOptions {
            source_label: label,
            ..Default::default()
        },
    )
}

/// Diagnostics text with the machine-specific fixture directory removed.
pub fn portable(text: &str) -> String {
    let dir = fixtures("");
    text.replace(&format!("{}/", dir.display()), "")
        .replace(&dir.display().to_string(), "")
}
