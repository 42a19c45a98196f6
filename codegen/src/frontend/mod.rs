//! Frontends: each turns one kind of input into the [`crate::ir::Module`] IR.

pub mod jsonschema;

use crate::diag::Diagnostics;
use crate::ir::Module;
use std::path::Path;

/// Loads any supported input, chosen by the file's extension.
pub fn load(path: &Path) -> Result<Module, Diagnostics> {
    jsonschema::load(path)
}
