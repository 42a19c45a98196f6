//! Frontends: each turns one kind of input into the [`crate::ir::Module`] IR.

pub mod jsonschema;
#[cfg(feature = "typescript")]
#[cfg_attr(docsrs, doc(cfg(feature = "typescript")))]
pub mod typescript;

use crate::diag::Diagnostics;
use crate::fsaccess::Access;
use crate::ir::Module;
use std::path::Path;

/// Loads any supported input, chosen by the file's extension: TypeScript (`.ts`, `.d.ts`,
/// `.mts`, `.cts`), else JSON Schema.
pub fn load(path: &Path) -> Result<Module, Diagnostics> {
    load_with(path, &Access::for_entry(path, &[]))
}

/// Like [`load`], reading only what `access` allows (the entry included).
pub fn load_with(path: &Path, access: &Access) -> Result<Module, Diagnostics> {
    if is_typescript(path) {
        typescript_input(path, None, access)
    } else {
        jsonschema::load_with(path, access)
    }
}

/// Like [`load`], for an input given as text (`path` names it, selects the frontend and
/// anchors relative references).
pub fn load_str(path: &Path, text: &str) -> Result<Module, Diagnostics> {
    load_str_with(path, text, &Access::for_entry(path, &[]))
}

/// Like [`load_str`], reading only what `access` allows.
pub fn load_str_with(path: &Path, text: &str, access: &Access) -> Result<Module, Diagnostics> {
    if is_typescript(path) {
        typescript_input(path, Some(text), access)
    } else {
        jsonschema::load_str_with(path, text, access)
    }
}

/// Whether `path` is a TypeScript input (`.ts`, `.d.ts`, `.mts`, `.cts`).
pub fn is_typescript(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "ts" | "mts" | "cts"))
}

/// A TypeScript input, from its file or from `text`.
#[cfg(feature = "typescript")]
fn typescript_input(
    path: &Path,
    text: Option<&str>,
    access: &Access,
) -> Result<Module, Diagnostics> {
    match text {
        Some(text) => typescript::load_str_with(path, text, access),
        None => typescript::load_with(path, access),
    }
}

/// Without the `typescript` feature, a TypeScript input is an error that says how to enable it.
#[cfg(not(feature = "typescript"))]
fn typescript_input(path: &Path, _: Option<&str>, _: &Access) -> Result<Module, Diagnostics> {
    Err(Diagnostics::from(
        crate::diag::Diagnostic::error(
            crate::diag::Loc::file(path),
            "TypeScript input needs wiregen's `typescript` feature, which this build leaves out",
        )
        .code("E0025")
        .hint("enable it: `wiregen = { version = \"0.1\", default-features = false, features = [\"typescript\"] }`"),
    ))
}

/// The error for an input file the access policy (or the file system) refused: names the
/// file, never prints its content.
pub(crate) fn refused(
    loc: crate::diag::Loc,
    what: &str,
    refusal: &crate::fsaccess::Refusal,
) -> crate::diag::Diagnostic {
    crate::diag::Diagnostic::error(loc, format!("cannot read {what}: {refusal}"))
        .code("E0002")
        .hint(refusal.hint())
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
