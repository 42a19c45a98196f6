//! TypeScript frontend: the exported `interface`, `type`, `enum` and `as const` declarations
//! of a package → the same IR the JSON Schema frontend gives for the equivalent schema (the
//! one ts-json-schema-generator or `wiregen ts2schema` writes), so both inputs generate the
//! same Rust.
//!
//! Stages: `parse` (oxc → the frontend's own `syntax` tree, with `jsdoc`), `resolve` (the
//! package's files, imports and exports), `collect` (which declarations are data types),
//! `lower` (type expressions → IR, hoisting inline types under the JSON Schema frontend's
//! names) and `utility` (members of object types: `extends`, `&`, `Omit`/`Pick`/`Partial`/
//! `Required`, `Record`, mapped types, generic instantiation).

mod collect;
mod jsdoc;
mod lower;
mod parse;
mod resolve;
mod shape;
mod syntax;
mod utility;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::fsaccess::{Access, Refusal};
use crate::ir::{Module, TypePath};
use resolve::Package;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::Path;
use std::rc::Rc;
use syntax::TsType;

/// Whether a path names a TypeScript source (`.ts`, `.d.ts`, `.mts`, `.cts`).
pub fn is_typescript(path: &Path) -> bool {
    super::is_typescript(path)
}

/// The protocol manifest beside an entry file, read when it exists: `index.ts` →
/// `index.manifest.json`, a JSON document whose root `x-wiregen` object is a schema's manifest.
pub fn manifest_path(entry: &Path) -> std::path::PathBuf {
    let name = entry
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = [".d.ts", ".d.mts", ".d.cts", ".ts", ".mts", ".cts"]
        .iter()
        .find_map(|e| name.strip_suffix(e))
        .unwrap_or(name);
    entry.with_file_name(format!("{stem}.manifest.json"))
}

/// Loads the package whose entry file is `path` into IR (files under its directory).
pub fn load(path: &Path) -> Result<Module, Diagnostics> {
    load_with(path, &Access::for_entry(path, &[]))
}

/// Like [`load`], reading only the files `access` allows (the entry included).
pub fn load_with(path: &Path, access: &Access) -> Result<Module, Diagnostics> {
    let text = read_entry(path, access)?;
    load_str_with(path, &text, access)
}

fn read_entry(path: &Path, access: &Access) -> Result<String, Diagnostics> {
    access.read(path).map_err(|e| {
        let d = crate::frontend::refused(Loc::file(path), "the TypeScript file", &e);
        Diagnostics::from(match e {
            Refusal::Io(_) => {
                d.hint("check the path; relative paths are resolved from the current directory")
            }
            _ => d,
        })
    })
}

/// Loads a package whose entry file is given as text; `path` names it in messages and
/// anchors its relative imports (read under its directory).
pub fn load_str(path: &Path, text: &str) -> Result<Module, Diagnostics> {
    load_str_with(path, text, &Access::for_entry(path, &[]))
}

/// Like [`load_str`], reading imported files only where `access` allows.
pub fn load_str_with(path: &Path, text: &str, access: &Access) -> Result<Module, Diagnostics> {
    load_entries(vec![(path.to_path_buf(), text.to_string())], access)
}

/// Loads several entry files as one package (the exported data types of each, in order;
/// a type reached from several entries is defined once). Files are read under the entries'
/// directories.
pub fn load_files(paths: &[std::path::PathBuf]) -> Result<Module, Diagnostics> {
    let roots: Vec<std::path::PathBuf> = paths
        .iter()
        .flat_map(|p| Access::for_entry(p, &[]).roots().to_vec())
        .collect();
    let access = match paths.first() {
        Some(first) => Access::for_entry(first, &roots),
        None => Access::default(),
    };
    let mut entries = Vec::new();
    let mut diags = Diagnostics::new();
    for p in paths {
        match read_entry(p, &access) {
            Ok(text) => entries.push((p.clone(), text)),
            Err(d) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }
    load_entries(entries, &access)
}

fn load_entries(
    entries: Vec<(std::path::PathBuf, String)>,
    access: &Access,
) -> Result<Module, Diagnostics> {
    let mut diags = Diagnostics::new();
    let count = entries.len();
    let pkg = Package::load(entries, access, &mut diags);
    if diags.has_errors() {
        for f in &pkg.files {
            diags.add_source(f.path.clone(), &f.text);
        }
        return Err(diags);
    }
    let mut loader = Loader {
        entries: count.min(pkg.files.len()),
        pkg: Rc::new(pkg),
        module: Module::default(),
        diags,
        taken: BTreeMap::new(),
        named: HashMap::new(),
        queue: VecDeque::new(),
        reached: HashSet::new(),
        reported: HashSet::new(),
        in_namespace: HashSet::new(),
        expanding: Vec::new(),
        hoisting: Vec::new(),
        depth: 0,
        shape_depth: 0,
        fuel: 0,
    };
    loader.fuel = crate::limits::TS_FUEL_BASE
        + crate::limits::TS_FUEL_PER_BYTE
            * loader.pkg.files.iter().map(|f| f.text.len()).sum::<usize>();
    loader.collect_entry();
    loader.run();
    loader.warn_unreached();
    let mut module = loader.module;
    module.files = loader
        .pkg
        .files
        .iter()
        .filter(|f| f.parent.is_none())
        .map(|f| f.path.to_path_buf())
        .collect();
    if let Some(entry) = loader.pkg.files.first() {
        let manifest = manifest_path(&entry.path);
        if manifest.is_file() {
            match crate::frontend::jsonschema::load_manifest(&manifest, access) {
                Ok(protocol) => module.protocol = protocol,
                Err(d) => loader.diags.extend(d),
            }
            module.files.push(manifest);
        }
    }
    let mut warnings = Diagnostics::new();
    let mut errors = Diagnostics::new();
    for d in loader.diags.iter() {
        if d.severity == crate::Severity::Error {
            errors.push(d.clone());
        } else {
            warnings.push(d.clone());
        }
    }
    for f in &loader.pkg.files {
        warnings.add_source(f.path.clone(), &f.text);
    }
    if errors.has_errors() {
        let mut all = warnings;
        all.extend(errors);
        return Err(all);
    }
    module.warnings = warnings;
    Ok(module)
}

/// The error when type evaluation runs out of steps ([`crate::limits::TS_FUEL_BASE`]).
const OUT_OF_FUEL: &str = "the types expand too much to evaluate (intersections, `extends` or utility types that double at every level)";
const OUT_OF_FUEL_HINT: &str = "declare the repeated parts once with names; wiregen evaluates each type expression where it is used";

/// Where generic parameters are bound: the file whose names are in scope, and the bindings
/// of the type parameters of the declaration being instantiated.
#[derive(Clone, Debug)]
struct Scope {
    file: usize,
    env: Option<Rc<Vec<(String, TsType, Scope)>>>,
}

impl Scope {
    fn file(file: usize) -> Scope {
        Scope { file, env: None }
    }

    /// The binding of a type parameter.
    fn bound(&self, name: &str) -> Option<(TsType, Scope)> {
        self.env.as_ref().and_then(|env| {
            env.iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, t, s)| (t.clone(), s.clone()))
        })
    }
}

/// What the queue lowers next: a declaration, in a scope (generic instances bind their
/// parameters in it).
struct Job {
    file: usize,
    decl: usize,
    scope: Scope,
}

struct Loader {
    pkg: Rc<Package>,
    /// The entry files are the first `entries` files of the package.
    entries: usize,
    module: Module,
    diags: Diagnostics,
    /// Names in use (per module path) → where first defined.
    taken: BTreeMap<TypePath, Loc>,
    /// (file, declaration, type arguments) → its type.
    named: HashMap<(usize, usize, String), TypePath>,
    /// Declarations still to lower, in order.
    queue: VecDeque<(Job, TypePath)>,
    /// Declarations lowered (for the warnings about unsupported constructs nothing uses).
    reached: HashSet<(usize, usize)>,
    /// Errors already reported at a position (a type reached twice reports once).
    reported: HashSet<(usize, u32, String)>,
    /// Names given to declarations inside namespaces (a clash with one is disambiguated).
    in_namespace: HashSet<TypePath>,
    /// Declarations (file, index, canonical arguments) whose members are being computed:
    /// meeting one again is a cycle.
    expanding: Vec<(usize, usize, String)>,
    /// Inline types being hoisted, outermost first: (file, span start, span end, type name).
    /// One reached again while it is lowered (`interface A { a: Partial<A> }`) is a cycle,
    /// reported instead of recursing forever.
    hoisting: Vec<(usize, u32, u32, String)>,
    /// Nesting depth of `lower_ty` and of `shape` (bounded by [`crate::limits::MAX_DEPTH`]).
    depth: usize,
    shape_depth: usize,
    /// Steps left for evaluating types (`shape`, `object_of`): proportional to the input's
    /// size, so types that expand exponentially (`type A = B & B; type B = C & C; ...`)
    /// end with an error instead of running for hours.
    fuel: usize,
}

impl Loader {
    fn loc(&self, file: usize, offset: u32) -> Loc {
        self.pkg.files[file].loc(offset)
    }

    /// An error at a span of a file, naming the construct by its source text.
    fn error_at(
        &mut self,
        code: &'static str,
        file: usize,
        span: syntax::Span,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let message = message.into();
        if !self.reported.insert((file, span.start, message.clone())) {
            return;
        }
        let snippet = self.pkg.files[file].snippet(span);
        let end = self.loc(file, span.end);
        let loc = self.loc(file, span.start).to(end.line, end.col);
        let text = if message.contains(&format!("`{snippet}`")) {
            message
        } else {
            format!("{message}: `{snippet}`")
        };
        self.diags
            .push(Diagnostic::error(loc, text).code(code).hint(hint));
    }

    /// A note (something skipped on purpose).
    fn note_at(
        &mut self,
        code: &'static str,
        file: usize,
        span: syntax::Span,
        message: String,
        hint: &str,
    ) {
        if !self.reported.insert((file, span.start, message.clone())) {
            return;
        }
        let loc = self.loc(file, span.start);
        self.diags
            .push(Diagnostic::note(loc, message).code(code).hint(hint));
    }

    /// Registers a named type; reports a clash when the name is already taken.
    fn register(&mut self, key: (usize, usize, String), path: TypePath, job: Job) -> TypePath {
        if let Some(existing) = self.named.get(&key) {
            return existing.clone();
        }
        let loc = self.loc(key.0, self.pkg.files[key.0].syntax.decls[key.1].span.start);
        if let Some(first) = self.taken.get(&path).cloned()
            && (self.in_namespace.contains(&path) || !self.pkg.files[key.0].namespace.is_empty())
        {
            // A name declared in two namespaces (or in one and at the top level): the later
            // one is qualified by its namespaces (`Ns` + `Name`), numbered if still taken.
            let ns = &self.pkg.files[key.0].namespace;
            let base: String = ns
                .iter()
                .map(|n| crate::ident::type_name(n))
                .chain([path.name.clone()])
                .collect();
            let mut name = base.clone();
            let mut n = 2;
            while self.taken.contains_key(&TypePath::top(name.clone())) {
                name = format!("{base}{n}");
                n += 1;
            }
            self.diags.push(
                Diagnostic::warning(
                    loc.clone(),
                    format!(
                        "two declarations are named `{}`; this one is generated as `{name}`",
                        path.name
                    ),
                )
                .code("W0001")
                .related(first, "the other declaration")
                .hint("rename one of them to choose the Rust names yourself"),
            );
            let path = TypePath::top(name);
            self.in_namespace.insert(path.clone());
            self.taken.insert(path.clone(), loc);
            self.named.insert(key, path.clone());
            self.queue.push_back((job, path.clone()));
            return path;
        }
        if let Some(first) = self.taken.get(&path) {
            let first = first.clone();
            self.diags.push(
                Diagnostic::error(
                    loc,
                    format!("two different declarations are both named `{}`", path.name),
                )
                .code("E0007")
                .related(first, "first declared here")
                .hint("rename one of them; wiregen never merges two types silently"),
            );
            self.named.insert(key, path.clone());
            return path;
        }
        if !self.pkg.files[key.0].namespace.is_empty() {
            self.in_namespace.insert(path.clone());
        }
        self.taken.insert(path.clone(), loc);
        self.named.insert(key, path.clone());
        self.queue.push_back((job, path.clone()));
        path
    }

    /// Picks a free name for a hoisted inline type in `module`: the hint, else hint2, hint3...
    fn hoist_name(&mut self, module: &[String], hint: &str, loc: Loc) -> TypePath {
        crate::frontend::hoist_name(&mut self.taken, module, hint, loc)
    }
}
