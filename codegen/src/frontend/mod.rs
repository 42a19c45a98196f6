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

/// A free name for a type hoisted from an inline schema or type in `module`: `hint`, else
/// `hint2`, `hint3`, ... (both frontends name hoisted types this way); marks it taken.
pub(crate) fn hoist_name(
    taken: &mut std::collections::BTreeMap<crate::ir::TypePath, crate::diag::Loc>,
    module: &[String],
    hint: &str,
    loc: crate::diag::Loc,
) -> crate::ir::TypePath {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            hint.to_string()
        } else {
            format!("{hint}{n}")
        };
        let path = crate::ir::TypePath {
            module: module.to_vec(),
            name,
        };
        if !taken.contains_key(&path) {
            taken.insert(path.clone(), loc);
            return path;
        }
        n += 1;
    }
}

/// Where a hoisted type goes and what it is called.
pub(crate) struct Hint {
    pub(crate) module: Vec<String>,
    pub(crate) name: String,
    /// Docs for a hoisted type whose schema (or TypeScript node) has no description.
    pub(crate) doc: Option<String>,
}

impl Hint {
    pub(crate) fn new(module: Vec<String>, name: String) -> Hint {
        Hint {
            module,
            name,
            doc: None,
        }
    }

    pub(crate) fn child(&self, suffix: &str) -> Hint {
        Hint::new(
            self.module.clone(),
            format!("{}{}", self.name, crate::ident::type_name(suffix)),
        )
    }
}
