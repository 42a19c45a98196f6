//! The build.rs builder, in the style of prost-build: name the inputs, adjust settings, and
//! [`Builder::generate`] writes one Rust file per input into `OUT_DIR`, printing
//! `cargo:rerun-if-changed` for every file read (including files reached by `$ref`) and a
//! `cargo::warning=` line per warning. [`Builder::generate_or_report`] is what a build
//! script calls: errors become `cargo::error=` lines (one per diagnostic, with
//! `file:line:col`) and the script exits, so the user sees the errors without a panic or a
//! backtrace.

use crate::config::{Settings, TypeSettings, UnknownFields};
use crate::diag::Diagnostics;
use crate::{RustOptions, ident};
use std::fmt;
use std::path::{Path, PathBuf};

/// Generates Rust from schemas in a build script.
///
/// ```no_run
/// // build.rs: `fn main() {` ...
/// wiregen::Builder::new()
///     .input("schemas/protocol.json")
///     .generate_or_report();
/// // ... `}`; then in src/lib.rs:
/// // pub mod protocol { include!(concat!(env!("OUT_DIR"), "/protocol.rs")); }
/// ```
#[derive(Debug, Clone, Default)]
pub struct Builder {
    inputs: Vec<(PathBuf, Option<String>)>,
    out_dir: Option<PathBuf>,
    settings: Settings,
    quiet: bool,
}

/// Why [`Builder::generate`] failed.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in an input (with locations and hints).
    Input(Diagnostics),
    /// `OUT_DIR` is not set and no [`Builder::out_dir`] was given.
    NoOutDir,
    /// Writing an output failed.
    Io(PathBuf, std::io::Error),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Input(d) => write!(f, "wiregen: the schema has errors:\n{d}"),
            BuildError::NoOutDir => f.write_str(
                "wiregen: OUT_DIR is not set; call `.out_dir(...)` outside build scripts",
            ),
            BuildError::Io(p, e) => write!(f, "wiregen: cannot write `{}`: {e}", p.display()),
        }
    }
}

impl std::error::Error for BuildError {}

impl BuildError {
    /// The error as build-script directives: one `cargo::error=` line per error (and a
    /// `cargo::warning=` line per warning that came with it), each on one line with the
    /// input's `file:line:col`, the code, the JSON pointer and the hint.
    ///
    /// ```
    /// let err = wiregen::Builder::new()
    ///     .input("../codegen/tests/fixtures/errors/alias_cycle.json")
    ///     .out_dir(std::env::temp_dir())
    ///     .quiet(true)
    ///     .generate()
    ///     .unwrap_err();
    /// let lines = err.cargo_directives();
    /// assert_eq!(lines.len(), 2);
    /// assert!(lines[0].starts_with("cargo::error=../codegen/tests/fixtures/errors/alias_cycle.json:1:19: [E0008] "));
    /// ```
    pub fn cargo_directives(&self) -> Vec<String> {
        match self {
            BuildError::Input(d) => d.iter().map(crate::render::cargo_directive).collect(),
            other => vec![format!(
                "cargo::error={}",
                crate::diag::printable(&other.to_string().replace('\n', " "))
            )],
        }
    }
}

impl Builder {
    /// A builder with default settings and no inputs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an input; its output is `<file stem in snake_case>.rs`
    /// (`schemas/WorkerProtocol.json` → `worker_protocol.rs`).
    ///
    /// ```
    /// let b = wiregen::Builder::new().input("schemas/a.json").input("schemas/b.json");
    /// # let _ = b;
    /// ```
    pub fn input(mut self, path: impl Into<PathBuf>) -> Self {
        self.inputs.push((path.into(), None));
        self
    }

    /// Adds an input written to `file_name` in the output directory (for inputs whose stem is
    /// not a good module name, such as `0.4.46.json`).
    ///
    /// ```
    /// let b = wiregen::Builder::new().input_as("schemas/spindle/0.4.46.json", "spindle.rs");
    /// # let _ = b;
    /// ```
    pub fn input_as(mut self, path: impl Into<PathBuf>, file_name: impl Into<String>) -> Self {
        self.inputs.push((path.into(), Some(file_name.into())));
        self
    }

    /// Writes into `dir` instead of `OUT_DIR`.
    ///
    /// ```
    /// let b = wiregen::Builder::new().out_dir("target/wiregen");
    /// # let _ = b;
    /// ```
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Adds a derive to every generated type (for example `"Eq"` or `"schemars::JsonSchema"`).
    ///
    /// ```
    /// let b = wiregen::Builder::new().extra_derive("Eq");
    /// # let _ = b;
    /// ```
    pub fn extra_derive(mut self, path: impl Into<String>) -> Self {
        self.settings.extra_derives.push(path.into());
        self
    }

    /// Strict decoding: unknown fields, union tags and enum strings become errors instead of
    /// being ignored or kept in `Unknown` / `Other` variants.
    ///
    /// ```
    /// let b = wiregen::Builder::new().strict(true);
    /// # let _ = b;
    /// ```
    pub fn strict(mut self, strict: bool) -> Self {
        self.settings.strict = strict;
        self
    }

    /// What decoding does with members a struct does not declare: ignore them (the default),
    /// reject them (an error naming the member), or keep them in order in each struct's
    /// `unknown_fields` map and write them back when encoding, so a relay that decodes and
    /// re-encodes a newer peer's message loses nothing. Overrides `strict` for unknown
    /// members (not for unknown tags and enum strings).
    ///
    /// ```
    /// use wiregen::config::UnknownFields;
    /// let b = wiregen::Builder::new().unknown_fields(UnknownFields::Keep);
    /// # let _ = b;
    /// ```
    pub fn unknown_fields(mut self, policy: UnknownFields) -> Self {
        self.settings.unknown_fields = Some(policy);
        self
    }

    /// Lets inputs read files under `dir` too (`$ref`s, imports). By default an input reads
    /// only files under its own directory, symlinks resolved (docs/guide.md, "Security").
    ///
    /// ```
    /// let b = wiregen::Builder::new().input("schemas/api/api.json").allowed_root("schemas/common");
    /// # let _ = b;
    /// ```
    pub fn allowed_root(mut self, dir: impl Into<PathBuf>) -> Self {
        self.settings.allowed_roots.push(dir.into());
        self
    }

    /// Uses these settings (the same vocabulary as `wiregen.toml`'s `[settings]`).
    ///
    /// ```
    /// let settings = wiregen::config::Settings {
    ///     strict: true,
    ///     extra_derives: vec!["Eq".into()],
    ///     ..Default::default()
    /// };
    /// let b = wiregen::Builder::new().settings(settings);
    /// # let _ = b;
    /// ```
    pub fn settings(mut self, settings: Settings) -> Self {
        self.settings = settings;
        self
    }

    /// Settings for one type, selected by the protocol's type name: the keys of
    /// `wiregen.toml`'s `[protocol.types.Name]`. Called twice for one type, the later call
    /// overrides the keys it sets. They override the schema's own `x-wiregen` hints.
    ///
    /// ```
    /// use wiregen::config::TypeSettings;
    /// let b = wiregen::Builder::new()
    ///     .type_settings("RequestId", TypeSettings {
    ///         derives: vec!["PartialOrd".into(), "Ord".into()],
    ///         ..Default::default()
    ///     })
    ///     .type_settings("SessionId", TypeSettings {
    ///         replace: Some("my_crate::SessionId".into()),
    ///         ..Default::default()
    ///     })
    ///     .type_settings("Task", TypeSettings {
    ///         rename: Some("Job".into()),
    ///         strict: Some(true),
    ///         ..Default::default()
    ///     });
    /// # let _ = b;
    /// ```
    pub fn type_settings(mut self, name: impl Into<String>, settings: TypeSettings) -> Self {
        let name = name.into();
        let merged = self
            .settings
            .types
            .remove(&name)
            .unwrap_or_default()
            .overlaid(&settings);
        self.settings.types.insert(name, merged);
        self
    }

    /// Does not print `cargo:` lines (for use outside build scripts).
    ///
    /// ```
    /// let b = wiregen::Builder::new().quiet(true);
    /// # let _ = b;
    /// ```
    pub fn quiet(mut self, quiet: bool) -> Self {
        self.quiet = quiet;
        self
    }

    /// [`Builder::generate`] for build scripts: on success returns the files written; on
    /// failure prints [`BuildError::cargo_directives`] and ends the build script.
    ///
    /// Cargo (1.84 and later) fails the build on a `cargo::error=` line and shows each one
    /// as its own `error:` line, with the input's location, code and hint. The script then
    /// exits with status 0 on purpose: a non-zero status would make cargo also print "failed
    /// to run custom build command" and dump the script's whole output, and a panic adds a
    /// backtrace hint, both burying the errors.
    ///
    /// ```no_run
    /// // build.rs, in `fn main`:
    /// let written = wiregen::Builder::new()
    ///     .input("schemas/protocol.json")
    ///     .generate_or_report();
    /// # let _ = written;
    /// ```
    pub fn generate_or_report(self) -> Vec<PathBuf> {
        match self.generate() {
            Ok(written) => written,
            Err(e) => {
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                for line in e.cargo_directives() {
                    let _ = writeln!(out, "{line}");
                }
                let _ = out.flush();
                std::process::exit(0);
            }
        }
    }

    /// Generates every input; returns the files written. Inputs are all checked before
    /// anything is written, and every problem of every input is reported. Warnings are
    /// printed as `cargo::warning=` lines (unless [`Builder::quiet`]).
    ///
    /// ```
    /// let dir = std::env::temp_dir().join(format!("wiregen-doc-{}", std::process::id()));
    /// let written = wiregen::Builder::new()
    ///     .input_as("../schemas/lumiverse-spindle/0.4.46.json", "spindle.rs")
    ///     .out_dir(&dir)
    ///     .quiet(true)
    ///     .generate()?;
    /// assert_eq!(written, [dir.join("spindle.rs")]);
    /// assert!(std::fs::read_to_string(&written[0])?.starts_with(wiregen::HEADER_MARK));
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn generate(self) -> Result<Vec<PathBuf>, BuildError> {
        let out_dir = match self
            .out_dir
            .clone()
            .or_else(|| std::env::var_os("OUT_DIR").map(PathBuf::from))
        {
            Some(d) => d,
            None => return Err(BuildError::NoOutDir),
        };
        let mut diags = Diagnostics::new();
        let mut outputs = Vec::new();
        for (input, file_name) in &self.inputs {
            let options = RustOptions {
                source_label: input
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                extra_derives: self.settings.extra_derives.clone(),
                strict: self.settings.strict,
                unknown_fields: self.settings.unknown_fields,
                allowed_roots: if self.settings.allowed_roots.is_empty() {
                    Vec::new()
                } else {
                    let dir = input.parent().filter(|d| !d.as_os_str().is_empty());
                    std::iter::once(dir.unwrap_or(Path::new(".")).to_path_buf())
                        .chain(self.settings.allowed_roots.iter().cloned())
                        .collect()
                },
                types: self.settings.types.clone(),
            };
            if !self.quiet {
                println!("cargo:rerun-if-changed={}", input.display());
            }
            match crate::generate(input, &options) {
                Ok(out) => {
                    if !self.quiet {
                        for w in out.warnings.iter() {
                            println!("{}", crate::render::cargo_directive(w));
                        }
                        // The access policy refuses names with line breaks, which could
                        // otherwise inject `cargo:` directives here.
                        for f in out.files.iter().filter(|f| *f != input) {
                            println!("cargo:rerun-if-changed={}", f.display());
                        }
                    }
                    let name = file_name
                        .clone()
                        .unwrap_or_else(|| default_file_name(input));
                    outputs.push((out_dir.join(name), out.code));
                }
                Err(d) => diags.extend(d),
            }
        }
        if diags.has_errors() {
            return Err(BuildError::Input(diags));
        }
        let mut written = Vec::new();
        for (path, code) in outputs {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(code.as_str()) {
                crate::write::write_atomic(&path, code.as_bytes())
                    .map_err(|e| BuildError::Io(path.clone(), e))?;
            }
            written.push(path);
        }
        Ok(written)
    }
}

fn default_file_name(input: &Path) -> String {
    let stem = input
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("schema");
    format!("{}.rs", ident::unraw(&ident::field_name(stem)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_file_names_are_snake_case() {
        assert_eq!(
            default_file_name(Path::new("a/WorkerProtocol.json")),
            "worker_protocol.rs"
        );
        assert_eq!(default_file_name(Path::new("type.json")), "type.rs");
        assert_eq!(default_file_name(Path::new("0.4.46.json")), "_0_4_46.rs");
    }
}
