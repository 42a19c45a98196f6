//! Module resolution: the files of a package (the entry and every file reached through a
//! relative `import` / `export ... from`), and name lookup across them (`import type`,
//! `export { A as B } from`, `export *`, namespace imports, `Enum.Member`).

use super::parse;
use super::syntax::{DeclKind, Export, SourceFile, Span};
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::fsaccess::{Access, Refusal};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file of the package, or one namespace body of a file (a scope of its own that shares
/// the file's path and text; names it does not declare are looked up in its parent).
pub struct File {
    /// The path, as reached (relative paths stay relative).
    pub path: Arc<Path>,
    /// Its text.
    pub text: Arc<str>,
    /// Byte offset of every line start, for line:col.
    lines: Arc<Vec<usize>>,
    /// For a namespace body: the enclosing file or namespace.
    pub parent: Option<usize>,
    /// For a namespace body: the namespace names from the file down (`["A", "B"]`).
    pub namespace: Vec<String>,
    /// Namespace name → the namespace body declared here.
    namespaces: HashMap<String, usize>,
    /// What it declares, imports and exports.
    pub syntax: SourceFile,
    /// Declaration name → index of its first declaration.
    locals: HashMap<String, usize>,
    /// Local name → index of its import.
    imports: HashMap<String, usize>,
    /// Exported name → index of its `export` (explicit exports; `export *` is searched after).
    exports: HashMap<String, usize>,
    /// Module specifier → the file it resolves to (`None`: not a relative path).
    sources: HashMap<String, Option<usize>>,
}

impl File {
    /// `file:line:col` of a byte offset.
    pub fn loc(&self, offset: u32) -> Loc {
        let offset = (offset as usize).min(self.text.len());
        let line = self.lines.partition_point(|&s| s <= offset);
        let start = self.lines[line.saturating_sub(1)];
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Loc::new(self.path.clone(), "", line, col)
    }

    /// The index of the first declaration named `name`.
    pub fn declares(&self, name: &str) -> Option<usize> {
        self.locals.get(name).copied()
    }

    /// The source text of a span (shortened to one line of at most 80 characters).
    pub fn snippet(&self, span: Span) -> String {
        let text = self
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or_default();
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.chars().count() > 80 {
            format!("{}…", one_line.chars().take(79).collect::<String>())
        } else {
            one_line
        }
    }
}

/// What a name denotes.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// A declaration: (file, index).
    Decl(usize, usize),
    /// A namespace import of a file.
    Namespace(usize),
    /// A member of an `enum`: its value.
    EnumMember(serde_json::Value),
}

/// Why a name was not found.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// Declared nowhere in scope.
    Unknown,
    /// Imported from a package wiregen does not read.
    External(String),
    /// Imported from a relative file that could not be read (already reported).
    Reported,
    /// The imported module has no such export.
    NoExport(String, String),
}

/// Marks a relative module that could not be read (reported once, where it is imported).
const MISSING: usize = usize::MAX;

/// The files of a package.
#[derive(Default)]
pub struct Package {
    /// Files in the order read (the entry first).
    pub files: Vec<File>,
    by_path: HashMap<PathBuf, usize>,
    /// Which files imports may read.
    access: Access,
}

impl Package {
    /// Reads the entries (given as text; they are the first files) and every file they reach.
    pub fn load(
        entries: Vec<(PathBuf, String)>,
        access: &Access,
        diags: &mut Diagnostics,
    ) -> Package {
        let mut pkg = Package {
            access: access.clone(),
            ..Package::default()
        };
        for (path, text) in entries {
            let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !pkg.by_path.contains_key(&key) {
                pkg.add(path, text, diags);
            }
        }
        let mut next = 0;
        while next < pkg.files.len() {
            let specs: Vec<(String, Span)> = {
                let s = &pkg.files[next].syntax;
                s.imports
                    .iter()
                    .map(|i| (i.source.clone(), i.span))
                    .chain(s.exports.iter().filter_map(|e| match e {
                        Export::From { source, span, .. } | Export::Star { source, span } => {
                            Some((source.clone(), *span))
                        }
                        Export::Local { .. } => None,
                    }))
                    .collect()
            };
            for (spec, span) in specs {
                if pkg.files[next].sources.contains_key(&spec) {
                    continue;
                }
                let target = pkg.resolve_specifier(next, &spec, span, diags);
                pkg.files[next].sources.insert(spec, target);
            }
            next += 1;
        }
        // Namespace bodies become scopes of their own, after every file (the entries stay first).
        let mut next = 0;
        while next < pkg.files.len() {
            for ns in std::mem::take(&mut pkg.files[next].syntax.namespaces) {
                let unit = pkg.add_namespace(next, ns);
                let name = pkg.files[unit]
                    .namespace
                    .last()
                    .cloned()
                    .unwrap_or_default();
                pkg.files[next].namespaces.insert(name, unit);
            }
            next += 1;
        }
        pkg.check_imports(diags);
        pkg
    }

    fn add_namespace(&mut self, parent: usize, ns: super::syntax::Namespace) -> usize {
        let p = &self.files[parent];
        let mut namespace = p.namespace.clone();
        namespace.push(ns.name);
        let (path, text, lines) = (p.path.clone(), p.text.clone(), p.lines.clone());
        let syntax = ns.body;
        let (locals, imports, exports) = tables(&syntax);
        self.files.push(File {
            path,
            text,
            lines,
            parent: Some(parent),
            namespace,
            namespaces: HashMap::new(),
            syntax,
            locals,
            imports,
            exports,
            sources: HashMap::new(),
        });
        self.files.len() - 1
    }

    fn add(&mut self, path: PathBuf, text: String, diags: &mut Diagnostics) -> usize {
        let (syntax, errors) = parse::parse(&path, &text);
        let mut lines = vec![0];
        lines.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let (locals, imports, exports) = tables(&syntax);
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let file = File {
            exports,
            path: Arc::from(path.as_path()),
            text: Arc::from(text),
            lines: Arc::new(lines),
            parent: None,
            namespace: Vec::new(),
            namespaces: HashMap::new(),
            syntax,
            locals,
            imports,
            sources: HashMap::new(),
        };
        for e in errors {
            let at = file.snippet(e.span);
            let message = if at.is_empty() {
                format!("TypeScript syntax error: {}", e.message)
            } else {
                format!("TypeScript syntax error: {}: `{at}`", e.message)
            };
            let mut d = Diagnostic::error(file.loc(e.span.start), message).code("E0020");
            d = d.hint(e.help.unwrap_or_else(|| {
                "fix the syntax at this position; wiregen reads standard TypeScript".into()
            }));
            diags.push(d);
        }
        let index = self.files.len();
        self.files.push(file);
        self.by_path.insert(key, index);
        index
    }

    /// Resolves a relative specifier (`./x.js`, `../y`, `./dir`) to a loaded file.
    fn resolve_specifier(
        &mut self,
        from: usize,
        spec: &str,
        span: Span,
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        if !(spec.starts_with("./") || spec.starts_with("../")) {
            return None;
        }
        let base = self.files[from]
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let candidates = candidates(&normalize(&base.join(spec)));
        for c in &candidates {
            let key = std::fs::canonicalize(c).unwrap_or_else(|_| c.clone());
            if let Some(&i) = self.by_path.get(&key) {
                return Some(i);
            }
            // A FIFO or device is refused with an error, not skipped.
            if c.is_file() || (c.exists() && !c.is_dir()) {
                return match self.access.read(c) {
                    Ok(text) => Some(self.add(c.clone(), text, diags)),
                    Err(e) => {
                        let hint = match e {
                            Refusal::Io(_) => "check the file's permissions and encoding (UTF-8)",
                            _ => e.hint(),
                        };
                        diags.push(
                            Diagnostic::error(
                                self.files[from].loc(span.start),
                                format!("cannot read `{}`: {e}", c.display()),
                            )
                            .code("E0002")
                            .hint(hint),
                        );
                        Some(MISSING)
                    }
                };
            }
        }
        let tried: Vec<String> = candidates
            .iter()
            .map(|c| format!("`{}`", c.display()))
            .collect();
        diags.push(
            Diagnostic::error(
                self.files[from].loc(span.start),
                format!("cannot find the module `{spec}`"),
            )
            .code("E0021")
            .hint(format!(
                "relative imports are resolved from the importing file; looked for {}",
                tried.join(", ")
            )),
        );
        Some(MISSING)
    }

    /// Every named import and `export { X } from` must name an export of its module.
    fn check_imports(&self, diags: &mut Diagnostics) {
        for file in &self.files {
            let named = file
                .syntax
                .imports
                .iter()
                .filter_map(|i| Some((&i.source, i.imported.as_ref()?, i.span)))
                .chain(file.syntax.exports.iter().filter_map(|e| match e {
                    Export::From {
                        source,
                        imported,
                        span,
                        ..
                    } => Some((source, imported, *span)),
                    _ => None,
                }));
            for (source, name, span) in named {
                let Some(Some(target)) = file.sources.get(source).filter(|t| **t != Some(MISSING))
                else {
                    continue;
                };
                if self.export_of(*target, name, 0).is_err() && name != "default" {
                    diags.push(
                        Diagnostic::error(
                            file.loc(span.start),
                            format!("`{source}` has no export named `{name}`"),
                        )
                        .code("E0021")
                        .hint(self.exports_hint(*target)),
                    );
                }
            }
        }
    }

    fn exports_hint(&self, file: usize) -> String {
        let names: Vec<String> = self
            .exported(file)
            .into_iter()
            .take(12)
            .map(|(n, _, _)| format!("`{n}`"))
            .collect();
        if names.is_empty() {
            "the module exports nothing".into()
        } else {
            format!("it exports {}", names.join(", "))
        }
    }

    /// Every name declared in or imported into `file` and the scopes around it (for "did
    /// you mean"), sorted.
    pub fn visible_names(&self, file: usize) -> Vec<&str> {
        let mut names = Vec::new();
        let mut at = Some(file);
        while let Some(f) = at {
            let file = &self.files[f];
            names.extend(file.locals.keys().map(String::as_str));
            names.extend(file.imports.keys().map(String::as_str));
            at = file.parent;
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    /// What `name` (possibly qualified: `ns.X`, `Enum.A`) denotes in `file`.
    pub fn lookup(&self, file: usize, name: &[String]) -> Result<Found, Missing> {
        let Some((first, rest)) = name.split_first() else {
            return Err(Missing::Unknown);
        };
        // A qualified name's leading segments name namespaces first (an interface and a
        // namespace may share a name: declaration merging).
        let mut found = match rest {
            [] => self.lookup_one(file, first, 0)?,
            _ => match self.namespace_in_scope(file, first) {
                Some(unit) => Found::Namespace(unit),
                None => self.lookup_one(file, first, 0)?,
            },
        };
        for (k, seg) in rest.iter().enumerate() {
            let more = k + 1 < rest.len();
            found = match found {
                Found::Namespace(f) if more && self.files[f].namespaces.contains_key(seg) => {
                    Found::Namespace(self.files[f].namespaces[seg])
                }
                Found::Namespace(f) => self.export_of(f, seg, 0)?,
                Found::Decl(f, i) => match &self.files[f].syntax.decls[i].kind {
                    DeclKind::Enum(members) => members
                        .iter()
                        .find(|m| m.name == *seg)
                        .and_then(|m| m.value.clone())
                        .map(Found::EnumMember)
                        .ok_or(Missing::Unknown)?,
                    _ => return Err(Missing::Unknown),
                },
                Found::EnumMember(_) => return Err(Missing::Unknown),
            };
        }
        Ok(found)
    }

    /// The namespace body `name` denotes in `file` or an enclosing scope.
    fn namespace_in_scope(&self, file: usize, name: &str) -> Option<usize> {
        let mut at = Some(file);
        for _ in 0..64 {
            let f = &self.files[at?];
            if let Some(&unit) = f.namespaces.get(name) {
                return Some(unit);
            }
            at = f.parent;
        }
        None
    }

    fn lookup_one(&self, file: usize, name: &str, depth: usize) -> Result<Found, Missing> {
        let f = &self.files[file];
        if let Some(&i) = f.locals.get(name) {
            return Ok(Found::Decl(file, i));
        }
        if let Some(&unit) = f.namespaces.get(name) {
            return Ok(Found::Namespace(unit));
        }
        let Some(&imp) = f.imports.get(name) else {
            return match f.parent {
                Some(parent) if depth < 64 => self.lookup_one(parent, name, depth + 1),
                _ => Err(Missing::Unknown),
            };
        };
        let imp = &f.syntax.imports[imp];
        let target = match f.sources.get(&imp.source) {
            Some(Some(MISSING)) => return Err(Missing::Reported),
            Some(Some(t)) => *t,
            _ => return Err(Missing::External(imp.source.clone())),
        };
        match &imp.imported {
            None => Ok(Found::Namespace(target)),
            Some(n) => self.export_of(target, n, depth + 1),
        }
    }

    /// What `file` exports under `name` (following re-exports; cycles end the search).
    pub fn export_of(&self, file: usize, name: &str, depth: usize) -> Result<Found, Missing> {
        if depth > 64 {
            return Err(Missing::Unknown);
        }
        let f = &self.files[file];
        match f.exports.get(name).map(|&i| &f.syntax.exports[i]) {
            Some(Export::Local { local, .. }) => return self.lookup_one(file, local, depth + 1),
            Some(Export::From {
                imported, source, ..
            }) => {
                return match f.sources.get(source) {
                    Some(Some(MISSING)) => Err(Missing::Reported),
                    Some(Some(t)) => self.export_of(*t, imported, depth + 1),
                    _ => Err(Missing::External(source.clone())),
                };
            }
            _ => {}
        }
        let stars = f.syntax.exports.iter().filter_map(|e| match e {
            Export::Star { source, .. } => Some(source),
            _ => None,
        });
        for source in stars {
            if let Some(Some(t)) = f.sources.get(source).filter(|t| **t != Some(MISSING))
                && let Ok(found) = self.export_of(*t, name, depth + 1)
            {
                return Ok(found);
            }
        }
        Err(Missing::NoExport(
            f.path.display().to_string(),
            name.to_string(),
        ))
    }

    /// Every export of `file` in source order (`export *` expanded in place), without
    /// duplicates: (exported name, what it is, where the export is written).
    pub fn exported(&self, file: usize) -> Vec<(String, Found, Span)> {
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        self.collect_exports(file, &mut out, &mut seen, &mut vec![file]);
        out
    }

    fn collect_exports(
        &self,
        file: usize,
        out: &mut Vec<(String, Found, Span)>,
        seen: &mut std::collections::HashSet<String>,
        stack: &mut Vec<usize>,
    ) {
        let f = &self.files[file];
        for e in &f.syntax.exports {
            match e {
                Export::Local { exported, span, .. } | Export::From { exported, span, .. } => {
                    if let Ok(found) = self.export_of(file, exported, 0)
                        && seen.insert(exported.clone())
                    {
                        out.push((exported.clone(), found, *span));
                    }
                }
                Export::Star { source, .. } => {
                    if let Some(Some(t)) = f.sources.get(source).filter(|t| **t != Some(MISSING))
                        && !stack.contains(t)
                    {
                        stack.push(*t);
                        self.collect_exports(*t, out, seen, stack);
                        stack.pop();
                    }
                }
            }
        }
    }
}

/// A file's (or namespace body's) name tables: declarations, imports and exports by name
/// (the first of each name).
type Tables = (
    HashMap<String, usize>,
    HashMap<String, usize>,
    HashMap<String, usize>,
);

fn tables(syntax: &SourceFile) -> Tables {
    let mut locals = HashMap::new();
    for (i, d) in syntax.decls.iter().enumerate() {
        locals.entry(d.name.clone()).or_insert(i);
    }
    let imports = syntax
        .imports
        .iter()
        .enumerate()
        .map(|(i, imp)| (imp.local.clone(), i))
        .collect();
    let mut exports = HashMap::new();
    for (i, e) in syntax.exports.iter().enumerate() {
        if let Export::Local { exported, .. } | Export::From { exported, .. } = e {
            exports.entry(exported.clone()).or_insert(i);
        }
    }
    (locals, imports, exports)
}

/// Files a relative specifier may denote: `.js` → `.ts` / `.d.ts` (TypeScript's rule for
/// ESM imports), no extension → `.ts`, `.d.ts`, `/index.ts`, `/index.d.ts`.
fn candidates(p: &Path) -> Vec<PathBuf> {
    let s = p.to_string_lossy();
    for (js, ts) in [(".js", "ts"), (".mjs", "mts"), (".cjs", "cts")] {
        if let Some(stem) = s.strip_suffix(js) {
            return vec![
                PathBuf::from(format!("{stem}.{ts}")),
                PathBuf::from(format!("{stem}.d.{ts}")),
                p.to_path_buf(),
            ];
        }
    }
    if [".ts", ".mts", ".cts"].iter().any(|e| s.ends_with(e)) {
        return vec![p.to_path_buf()];
    }
    vec![
        PathBuf::from(format!("{s}.ts")),
        PathBuf::from(format!("{s}.d.ts")),
        p.join("index.ts"),
        p.join("index.d.ts"),
    ]
}

/// `a/./b/../c` → `a/c`, without touching the file system (paths stay relative).
fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
