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
//! - `cli`: the `wiregen` binary (clap, clap_complete); implies `typescript`.
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
    finish(load_within(path, &options.allowed_roots)?, options)
}

/// Like [`generate`], for an input given as text (`path` names it in messages, selects the
/// frontend by its extension and anchors relative references).
pub fn generate_str(path: &Path, text: &str, options: &RustOptions) -> Result<Output, Diagnostics> {
    let access = fsaccess::Access::for_entry(path, &options.allowed_roots);
    let mut module = frontend::load_str_with(path, text, &access)?;
    classify::classify(&mut module);
    protocol::infer(&mut module);
    finish(module, options)
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

fn finish(mut module: ir::Module, options: &RustOptions) -> Result<Output, Diagnostics> {
    let mut diags = std::mem::take(&mut module.warnings);
    diags.extend(apply_type_settings(&mut module, options));
    diags.extend(check::check(&module));
    if diags.has_errors() {
        return Err(diags);
    }
    let (model, names) = model::resolve(&module, options);
    diags.extend(names);
    let code = backend::rust::emit(&module, &model, options)?;
    Ok(Output {
        code,
        files: module.files,
        warnings: diags,
    })
}

/// Applies `[protocol.types.Name]` settings to the classified IR: `order` puts an untagged
/// union's members first, in the given order. A name that matches no type, or no member, is
/// an error with the nearest names.
fn apply_type_settings(module: &mut ir::Module, options: &RustOptions) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let at = Loc::file("wiregen.toml");
    let nearest = |word: &str, known: &[String]| -> String {
        let mut ranked: Vec<(usize, &String)> = known
            .iter()
            .map(|k| {
                (
                    ident::edit_distance(&word.to_lowercase(), &k.to_lowercase()),
                    k,
                )
            })
            .collect();
        ranked.sort();
        match ranked.first() {
            Some((d, k)) if *d <= 3 => format!("did you mean `{k}`?"),
            _ => format!(
                "known: {}",
                known
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    for (name, settings) in &options.types {
        if settings.order.is_empty() {
            continue;
        }
        let Some(i) = module
            .types
            .iter()
            .position(|t| t.module.is_empty() && t.name == *name)
        else {
            let known: Vec<String> = module
                .types
                .iter()
                .filter(|t| t.module.is_empty())
                .map(|t| t.name.clone())
                .collect();
            diags.push(
                Diagnostic::error(
                    at.clone(),
                    format!("`[protocol.types.{name}]` names no type of this protocol"),
                )
                .code("E0033")
                .hint(nearest(name, &known)),
            );
            continue;
        };
        let ir::TypeKind::Union(u) = &mut module.types[i].kind else {
            diags.push(
                Diagnostic::error(
                    at.clone(),
                    format!("`order` of `{name}`: only a union's members have an order"),
                )
                .code("E0033")
                .hint(format!("remove `order` from `[protocol.types.{name}]`")),
            );
            continue;
        };
        let members: Vec<String> = u.variants.iter().map(|v| v.name.clone()).collect();
        let mut ordered = Vec::new();
        for wanted in &settings.order {
            match u.variants.iter().position(|v| v.name == *wanted) {
                Some(j) => ordered.push(u.variants.remove(j)),
                None => diags.push(
                    Diagnostic::error(
                        at.clone(),
                        format!(
                            "`order` of `{name}` names `{wanted}`, which is not one of its members"
                        ),
                    )
                    .code("E0033")
                    .hint(nearest(wanted, &members)),
                ),
            }
        }
        ordered.append(&mut u.variants);
        u.variants = ordered;
    }
    diags
}
