//! Frontends: each turns one kind of input into the [`crate::ir::Module`] IR.

pub mod jsonschema;
pub mod typescript;

use crate::diag::Diagnostics;
use crate::ir::Module;
use std::path::Path;

/// Loads any supported input, chosen by the file's extension: TypeScript (`.ts`, `.d.ts`,
/// `.mts`, `.cts`), else JSON Schema.
pub fn load(path: &Path) -> Result<Module, Diagnostics> {
    if typescript::is_typescript(path) {
        typescript::load(path)
    } else {
        jsonschema::load(path)
    }
}

/// Like [`load`], for an input given as text (`path` names it, selects the frontend and
/// anchors relative references).
pub fn load_str(path: &Path, text: &str) -> Result<Module, Diagnostics> {
    if typescript::is_typescript(path) {
        typescript::load_str(path, text)
    } else {
        jsonschema::load_str(path, text)
    }
}
