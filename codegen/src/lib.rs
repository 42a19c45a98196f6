//! wiregen: generate idiomatic Rust for JSON message protocols from their JSON Schema.
//!
//! The pipeline is `frontend` (input → [`ir::Module`]) → `classify` (unions) → `check`
//! (references, ambiguity) → `model` (every Rust name, clashes resolved) → `backend` (IR →
//! formatted Rust). The CLI, the build.rs
//! [`Builder`], the `wiregen_runtime::include_protocol!` macro and tests all call [`generate`] /
//! [`generate_str`], so every front door emits identical code (docs/guide.md compares them).
//!
//! Features (both default):
//! - `typescript`: TypeScript inputs (`.ts`, `.d.ts`, `.mts`) and [`ts2schema`], through the
//!   oxc parser. Without it a TypeScript input is error E0025; JSON Schema users save oxc's
//!   build time.
//! - `cli`: the `wiregen` binary (clap, clap_complete, mimalloc) and `write::unified_diff` (similar); implies `typescript`.
//!
//! A build script takes the library alone: `wiregen = { version = "0.1", default-features =
//! false }`, plus `features = ["typescript"]` for TypeScript inputs.
//!
//! ```no_run
//! let out = wiregen::generate(std::path::Path::new("schemas/api.json"), &wiregen::RustOptions::default())
//!     .map_err(|diags| diags.to_string())?;
//! std::fs::write("src/api.rs", out.code).map_err(|e| e.to_string())?;
//! # Ok::<(), String>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod backend;
pub mod builder;
pub mod check;
pub mod classify;
pub mod config;
pub mod cycles;
pub mod diag;
pub mod diff;
pub mod dump;
pub mod frontend;
pub mod fsaccess;
pub mod ident;
pub mod ir;
pub mod json;
pub mod limits;
pub mod model;
pub mod protocol;
pub mod render;
pub mod typesettings;
pub mod write;

pub use backend::rust::{HEADER_MARK, RustOptions};
pub use builder::Builder;
pub use diag::{Diagnostic, Diagnostics, Loc, Severity};

use std::path::{Path, PathBuf};

/// Generated Rust code and what it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    /// The formatted Rust source, header included.
    pub code: String,
    /// Every input file read (the entry and every file reached by `$ref`).
    pub files: Vec<PathBuf>,
    /// Warnings and notes (generation succeeded despite them).
    pub warnings: Diagnostics,
}

/// Loads an input into classified IR (no checks yet), reading files under the entry's
/// directory only.
pub fn load(path: &Path) -> Result<ir::Module, Diagnostics> {
    load_within(path, &[])
}

/// Like [`load`], reading files under `roots` (empty: the entry's directory; see
/// [`fsaccess`]).
pub fn load_within(path: &Path, roots: &[PathBuf]) -> Result<ir::Module, Diagnostics> {
    let mut module = frontend::load_with(path, &fsaccess::Access::for_entry(path, roots))?;
    classify::classify(&mut module);
    protocol::infer(&mut module);
    Ok(module)
}

/// Loads, checks and emits Rust for the input at `path`.
pub fn generate(path: &Path, options: &RustOptions) -> Result<Output, Diagnostics> {
    let access = fsaccess::Access::for_entry(path, &options.allowed_roots);
    finish(frontend::load_with(path, &access)?, options)
}

/// Like [`generate`], for an input given as text (`path` names it in messages, selects the
/// frontend by its extension and anchors relative references).
pub fn generate_str(path: &Path, text: &str, options: &RustOptions) -> Result<Output, Diagnostics> {
    let access = fsaccess::Access::for_entry(path, &options.allowed_roots);
    finish(frontend::load_str_with(path, text, &access)?, options)
}

/// `wiregen ts2schema`: the exported data types of TypeScript entry files → one JSON Schema
/// 2020-12 document, with the frontend's warnings and notes.
#[cfg(feature = "typescript")]
#[cfg_attr(docsrs, doc(cfg(feature = "typescript")))]
pub fn ts2schema(paths: &[PathBuf]) -> Result<(String, Diagnostics), Diagnostics> {
    let mut module = frontend::typescript::load_files(paths)?;
    let warnings = std::mem::take(&mut module.warnings);
    Ok((backend::jsonschema::emit(&module), warnings))
}

/// The frontend's IR → Rust: per-type settings (the schema's hints under the options'),
/// `classify`, manifest inference, `check`, the model and the backend.
fn finish(mut module: ir::Module, options: &RustOptions) -> Result<Output, Diagnostics> {
    let mut diags = std::mem::take(&mut module.warnings);
    let (types, found) = typesettings::resolve(&mut module, options);
    diags.extend(found);
    if diags.has_errors() {
        return Err(diags);
    }
    classify::classify(&mut module);
    protocol::infer(&mut module);
    diags.extend(typesettings::apply(&mut module, &types));
    diags.extend(check::check(&module));
    if diags.has_errors() {
        return Err(diags);
    }
    let options = &RustOptions {
        types,
        ..options.clone()
    };
    let (model, names) = model::resolve(&module, options);
    diags.extend(names);
    let code = backend::rust::emit(&module, &model, options).map_err(|mut e| {
        e.extend(std::mem::take(&mut diags));
        e
    })?;
    Ok(Output {
        code,
        files: module.files,
        warnings: diags,
    })
}
