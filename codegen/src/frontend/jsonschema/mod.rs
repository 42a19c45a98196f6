//! JSON Schema frontend (draft-07, 2019-09, 2020-12): documents, `$ref` resolution across
//! local files (never the network), and the keyword policy. `lower` turns schemas into IR.
//!
//! Every entry of `$defs` / `definitions` becomes a named type, and so does the root schema
//! when it describes a value itself (it is named by its `title`, else the file stem).

mod lower;
mod manifest;

pub use manifest::MANIFEST_KEY;

pub(crate) use lower::TAG_KEYS;
#[cfg(feature = "typescript")]
pub(crate) use lower::ty_word;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::fsaccess::{Access, Refusal};
use crate::ir::{Module, TypePath};
use crate::json::{self, Json};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Loads the schema document at `path` (and every file it references under its directory)
/// into IR.
pub fn load(path: &Path) -> Result<Module, Diagnostics> {
    load_with(path, &Access::for_entry(path, &[]))
}

/// Like [`load`], reading only the files `access` allows (the entry included).
pub fn load_with(path: &Path, access: &Access) -> Result<Module, Diagnostics> {
    let text = access.read(path).map_err(|e| {
        let d = crate::frontend::refused(Loc::file(path), "the schema", &e);
        Diagnostics::from(match e {
            Refusal::Io(_) => {
                d.hint("check the path; relative paths are resolved from the current directory")
            }
            _ => d,
        })
    })?;
    load_str_with(path, &text, access)
}

/// Loads a schema document given as text; `path` names it in messages and anchors relative
/// `$ref`s to other files (read under its directory).
pub fn load_str(path: &Path, text: &str) -> Result<Module, Diagnostics> {
    load_str_with(path, text, &Access::for_entry(path, &[]))
}

/// Like [`load_str`], reading referenced files only where `access` allows.
pub fn load_str_with(path: &Path, text: &str, access: &Access) -> Result<Module, Diagnostics> {
    let mut loader = Loader {
        access: access.clone(),
        ..Loader::default()
    };
    let Some(entry) = loader.add_doc(path.to_path_buf(), text.to_string(), None) else {
        loader.diags.add_source(Arc::from(path), text);
        return Err(loader.diags);
    };
    loader.collect_entry(entry);
    loader.run();
    loader.report_ignored();
    let mut diags = loader.diags;
    let mut module = loader.module;
    module.files = loader.docs.iter().map(|d| d.path.to_path_buf()).collect();
    for d in &loader.docs {
        diags.add_source(d.path.clone(), &d.text);
        module.warnings.add_source(d.path.clone(), &d.text);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    // Warnings and notes travel with the module (the CLI prints them, `build.rs` turns them
    // into `cargo:warning`s).
    module.warnings.extend(diags);
    Ok(module)
}

/// Reads a protocol manifest kept in a JSON file of its own: a document whose root
/// `x-wiregen` object has the members of a schema's (how TypeScript packages give theirs).
pub fn load_manifest(path: &Path, access: &Access) -> Result<crate::ir::Protocol, Diagnostics> {
    let text = access.read(path).map_err(|e| {
        Diagnostics::from(crate::frontend::refused(
            Loc::file(path),
            "the manifest",
            &e,
        ))
    })?;
    let mut loader = Loader::default();
    let doc = loader.add_doc(path.to_path_buf(), text.clone(), None);
    if let Some(doc) = doc {
        let root = loader.docs[doc].root.clone();
        loader.collect_manifest(doc, &root);
    }
    loader.diags.add_source(Arc::from(path), &text);
    loader.diags.into_result(loader.module.protocol)
}

/// Keywords that shape the generated type.
const STRUCTURAL: &[&str] = &[
    "$ref",
    "type",
    "enum",
    "const",
    "oneOf",
    "anyOf",
    "allOf",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "prefixItems",
    "additionalItems",
    "$defs",
    "definitions",
    "nullable",
];

/// Annotations: carried as docs or metadata.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "default",
    "deprecated",
    "examples",
    "$comment",
    "$schema",
    "$id",
    "readOnly",
    "writeOnly",
    // OpenAPI's union tag; `classify` finds the same tag from the members' constants.
    "discriminator",
    // Vendor documentation keywords (VS Code, AJV, schemars, ...): docs or nothing.
    "markdownDescription",
    "enumDescriptions",
    "markdownEnumDescriptions",
    "errorMessage",
    "deprecationMessage",
    "id",
    "$vocabulary",
];

/// Keywords that constrain values without shaping data: accepted, ignored with one warning
/// per keyword and document (the generated decoders do not check them).
const IGNORED: &[&str] = &[
    "not",
    "if",
    "then",
    "else",
    "dependentRequired",
    "dependentSchemas",
    "dependencies",
    "unevaluatedProperties",
    "unevaluatedItems",
    "$anchor",
    "$dynamicAnchor",
    "$recursiveAnchor",
    "$dynamicRef",
    "$recursiveRef",
    "patternProperties",
];

/// Validation-only keywords: not part of the Rust type, written into the docs as constraints.
pub(crate) const VALIDATION: &[&str] = &[
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "multipleOf",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "contentEncoding",
    "contentMediaType",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
];

/// Why a keyword is ignored, and what to do instead when the value constraint matters.
fn unsupported_hint(keyword: &str) -> String {
    match keyword {
        "not" | "if" | "then" | "else" => {
            "conditional and negated schemas constrain values but do not describe a data shape: \
             the generated types accept what the other keywords describe (`not: {}` alone means \
             a member that is never present)"
                .into()
        }
        "patternProperties" => {
            "the keys' patterns are not checked: an object with one pattern and no `properties` \
             is a map of the pattern's values; otherwise the matching members are kept as JSON \
             values beside the fields"
                .into()
        }
        "$dynamicRef" | "$recursiveRef" | "$dynamicAnchor" | "$recursiveAnchor" | "$anchor" => {
            "a dynamic reference decodes as any JSON value; refer to a definition with \
             `$ref: \"#/$defs/Name\"` for a typed member"
                .into()
        }
        "unevaluatedProperties" | "unevaluatedItems" => {
            "unknown keys follow the unknown-field policy (ignored by default, rejected in strict mode)"
                .into()
        }
        "dependentRequired" | "dependentSchemas" | "dependencies" => {
            "the dependent keys stay optional members; split the type into a union to make the \
             dependency part of the Rust type"
                .into()
        }
        _ => format!(
            "known keywords are {}; annotations {}; validation-only keywords become docs",
            STRUCTURAL.join(", "),
            ANNOTATIONS.join(", ")
        ),
    }
}

/// The known keyword nearest to a misspelled one (edit distance at most 2).
fn closest_keyword(word: &str) -> Option<&'static str> {
    STRUCTURAL
        .iter()
        .chain(ANNOTATIONS)
        .chain(VALIDATION)
        .map(|k| (crate::ident::edit_distance(word, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

/// One file read.
struct Doc {
    path: Arc<Path>,
    text: String,
    lines: json::LineIndex,
    /// Shared, so a `$ref` can hold its target while the loader changes (cloning the
    /// document per reference made reference chains quadratic).
    root: std::rc::Rc<Json>,
    /// Where each definition sits in the root's `$defs` / `definitions`, so `$ref`s resolve in
    /// constant time (object members are a list; a scan per reference was quadratic).
    defs: std::rc::Rc<DefIndex>,
}

/// (`$defs` or `definitions`, definition name) → index in that object's member list.
type DefIndex = HashMap<(&'static str, String), usize>;

fn def_index(root: &Json) -> DefIndex {
    let mut index = DefIndex::new();
    for key in ["$defs", "definitions"] {
        if let Some(members) = root.get(key).and_then(Json::as_object) {
            for (i, (name, _)) in members.iter().enumerate() {
                index.entry((key, name.clone())).or_insert(i);
            }
        }
    }
    index
}

/// A schema node: which document, where in it (JSON pointer).
#[derive(Clone, Copy)]
struct Node<'a> {
    doc: usize,
    json: &'a Json,
}

#[derive(Default)]
struct Loader {
    /// Which files `$ref` may read.
    access: Access,
    docs: Vec<Doc>,
    /// Canonical path → document index.
    by_path: HashMap<PathBuf, usize>,
    diags: Diagnostics,
    module: Module,
    /// (document, pointer) of a named schema → its type.
    named: HashMap<(usize, String), TypePath>,
    /// Names in use (per module path) → where first defined.
    taken: BTreeMap<TypePath, Loc>,
    /// Definitions still to lower, in order.
    queue: std::collections::VecDeque<(usize, String, TypePath)>,
    /// Schema nodes whose keywords were checked (a schema reached twice reports once).
    reported: HashSet<(usize, String)>,
    /// Ignored keywords per (document, keyword): the first place and how many places.
    ignored: BTreeMap<(usize, String), (Loc, usize)>,
    /// Inline schemas being hoisted, outermost first: (document, pointer, type name). An
    /// inline schema reached again while it is being lowered (through `allOf` merging a
    /// `$ref` that contains it) is a cycle, reported instead of recursing forever.
    hoisting: Vec<(usize, String, String)>,
    /// Nesting depth of the lowering recursion (bounded by [`crate::limits::MAX_DEPTH`]).
    depth: usize,
}

impl Loader {
    fn add_doc(&mut self, path: PathBuf, text: String, from: Option<Loc>) -> Option<usize> {
        let root = match json::parse(&text) {
            Ok(root) => root,
            Err(e) => {
                let (line, col) = json::line_col(&text, e.offset);
                let mut d = Diagnostic::error(
                    Loc::new(Arc::from(path.as_path()), "", line, col),
                    format!("invalid JSON: {}", e.message),
                )
                .code("E0001")
                .hint("fix the syntax at this position; the file must be one JSON document");
                if let Some(from) = from {
                    d = d.related(from, "referenced from here");
                }
                self.diags.push(d);
                self.diags.add_source(Arc::from(path.as_path()), &text);
                return None;
            }
        };
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        let index = self.docs.len();
        self.docs.push(Doc {
            path: Arc::from(path.as_path()),
            lines: json::LineIndex::new(&text),
            text,
            defs: std::rc::Rc::new(def_index(&root)),
            root: std::rc::Rc::new(root),
        });
        self.by_path.insert(key, index);
        Some(index)
    }

    fn loc(&self, doc: usize, json: &Json, pointer: &str) -> Loc {
        let d = &self.docs[doc];
        let (line, col) = d.lines.line_col(&d.text, json.offset);
        Loc::new(d.path.clone(), pointer, line, col)
    }

    fn error(
        &mut self,
        code: &'static str,
        loc: Loc,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::error(loc, message).code(code).hint(hint));
    }

    /// Registers the entry document's definitions (and its root, if it is a type).
    fn collect_entry(&mut self, doc: usize) {
        let root = self.docs[doc].root.clone();
        for key in ["$defs", "definitions"] {
            if let Some(defs) = root.get(key) {
                let Some(members) = defs.as_object() else {
                    let loc = self.loc(doc, defs, &format!("/{key}"));
                    self.error(
                        "E0010",
                        loc,
                        format!("`{key}` must be an object of schemas"),
                        "write `{\"Name\": {...}}`",
                    );
                    continue;
                };
                for (name, schema) in members {
                    let pointer = format!("/{key}/{}", escape_pointer(name));
                    if !self.bundle_entry(doc, &pointer, name, schema) {
                        self.register(doc, &pointer, TypePath::top(name.clone()), schema);
                    }
                }
            }
        }
        if root_is_type(&root) {
            let name = root
                .get("title")
                .and_then(Json::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| file_stem(&self.docs[doc].path));
            self.register(doc, "", TypePath::top(name), &root);
        }
        if root.get("title").and_then(Json::as_str).is_some() {
            self.module.title = root.get("title").and_then(Json::as_str).map(str::to_string);
        }
        self.collect_manifest(doc, &root);
        self.module.docs = root
            .get("description")
            .and_then(Json::as_str)
            .map(str::to_string);
    }

    /// A bundle's definition that is only a `$ref` into another file
    /// (`"ToolExecuteParams": {"$ref": "methods/tool-execute.json#/$defs/Params"}`): the
    /// target is the type, named after the bundle's entry (bundles collect many files' `Params`).
    /// Returns whether `name` was handled so.
    fn bundle_entry(&mut self, doc: usize, pointer: &str, name: &str, schema: &Json) -> bool {
        let Some(r) = schema.get("$ref").and_then(Json::as_str) else {
            return false;
        };
        let only_ref = schema.as_object().is_some_and(|m| {
            m.iter()
                .all(|(k, _)| k == "$ref" || ANNOTATIONS.contains(&k.as_str()))
        });
        if !only_ref || r.starts_with('#') || r.contains("://") {
            return false;
        }
        let queued = self.queue.len();
        let Some((target_doc, target_pointer, path)) = self.resolve_ref(doc, schema, pointer, r)
        else {
            return true;
        };
        let fresh = self.queue.len() > queued && self.queue.back().is_some_and(|q| q.2 == path);
        let wanted = TypePath::top(name.to_string());
        if fresh && path != wanted && !self.taken.contains_key(&wanted) {
            if let Some(loc) = self.taken.remove(&path) {
                self.taken.insert(wanted.clone(), loc);
            }
            if let Some(q) = self.queue.back_mut() {
                q.2 = wanted.clone();
            }
            self.named
                .insert((target_doc, target_pointer), wanted.clone());
            self.named.insert((doc, pointer.to_string()), wanted);
        } else {
            // Already a type (or the name is taken): the entry is an alias of it.
            self.register(doc, pointer, wanted, schema);
        }
        true
    }

    /// Registers a named schema; reports a clash when the name is already taken.
    fn register(&mut self, doc: usize, pointer: &str, path: TypePath, at: &Json) -> TypePath {
        if let Some(existing) = self.named.get(&(doc, pointer.to_string())) {
            return existing.clone();
        }
        let loc = self.loc(doc, at, pointer);
        if let Some(first) = self.taken.get(&path) {
            let first = first.clone();
            self.diags.push(
                Diagnostic::error(
                    loc,
                    format!("two different definitions are both named `{}`", path.name),
                )
                .code("E0007")
                .related(first, "first defined here")
                .hint("rename one of them; wiregen never merges two types silently"),
            );
            self.named.insert((doc, pointer.to_string()), path.clone());
            return path;
        }
        // A definition's own `x-wiregen` object is a hint (the root's is the manifest).
        if path.module.is_empty()
            && !pointer.is_empty()
            && let Some(h) = at.get(manifest::MANIFEST_KEY)
        {
            let hloc = self.loc(doc, h, &format!("{pointer}/x-wiregen"));
            match h.as_object() {
                Some(members) => {
                    let pairs = members
                        .iter()
                        .map(|(k, v)| (k.clone(), v.to_value()))
                        .collect();
                    if let Some(hint) =
                        crate::typesettings::hint(&path.name, pairs, &hloc, &mut self.diags)
                    {
                        self.module.hints.push(hint);
                    }
                }
                None => self.error(
                    "E0045",
                    hloc,
                    format!("`x-wiregen` of `{}` is not an object", path.name),
                    "write `\"x-wiregen\": {\"rename\": \"Name\"}`",
                ),
            }
        }
        self.taken.insert(path.clone(), loc);
        self.named.insert((doc, pointer.to_string()), path.clone());
        self.queue
            .push_back((doc, pointer.to_string(), path.clone()));
        path
    }

    /// Picks a free name for a hoisted inline type in `module`: the hint, else hint2, hint3...
    fn hoist_name(&mut self, module: &[String], hint: &str, loc: Loc) -> TypePath {
        crate::frontend::hoist_name(&mut self.taken, module, hint, loc)
    }

    fn run(&mut self) {
        while let Some((doc, pointer, path)) = self.queue.pop_front() {
            let root = std::rc::Rc::clone(&self.docs[doc].root);
            let defs = std::rc::Rc::clone(&self.docs[doc].defs);
            let Some(json) = resolve_pointer(&root, &defs, &pointer) else {
                continue;
            };
            self.lower_def(Node { doc, json }, &pointer, path);
        }
    }

    /// Resolves a `$ref` string found at (`doc`, `pointer`) to the named type it denotes,
    /// loading other files as needed.
    fn resolve_ref(
        &mut self,
        doc: usize,
        at: &Json,
        pointer: &str,
        reference: &str,
    ) -> Option<(usize, String, TypePath)> {
        let loc = self.loc(doc, at, pointer);
        let (file_part, fragment) = match reference.split_once('#') {
            Some((f, frag)) => (f, frag),
            None => (reference, ""),
        };
        if file_part.contains("://") || file_part.starts_with("urn:") {
            self.error(
                "E0005",
                loc,
                format!(
                    "`$ref: \"{reference}\"` points at the network, which wiregen never fetches"
                ),
                "save the referenced schema next to this one and refer to it by a relative path",
            );
            return None;
        }
        let target_doc = if file_part.is_empty() {
            doc
        } else {
            let base = self.docs[doc]
                .path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            let target = base.join(file_part);
            let key = std::fs::canonicalize(&target).unwrap_or_else(|_| target.clone());
            match self.by_path.get(&key) {
                Some(&i) => i,
                None => match self.access.read(&target) {
                    Ok(text) => self.add_doc(target, text, Some(loc.clone()))?,
                    Err(e) => {
                        let hint = match e {
                            Refusal::Io(_) => {
                                "relative file references are resolved from the directory of the referring file"
                            }
                            _ => e.hint(),
                        };
                        self.error(
                            "E0002",
                            loc,
                            format!(
                                "`$ref: \"{reference}\"`: cannot read `{}`: {e}",
                                target.display()
                            ),
                            hint,
                        );
                        return None;
                    }
                },
            }
        };
        let target_pointer = match percent_decode(fragment) {
            Some(p) => p,
            None => {
                self.error(
                    "E0006",
                    loc,
                    format!("`$ref: \"{reference}\"` has a malformed fragment"),
                    "use `#/$defs/Name`",
                );
                return None;
            }
        };
        if !target_pointer.is_empty() && !target_pointer.starts_with('/') {
            self.error(
                "E0006",
                loc,
                format!("`$ref: \"{reference}\"` uses an anchor name, which is not supported"),
                "use a JSON pointer fragment such as `#/$defs/Name`",
            );
            return None;
        }
        let root = self.docs[target_doc].root.clone();
        let defs = self.docs[target_doc].defs.clone();
        let Some(target) = resolve_pointer(&root, &defs, &target_pointer) else {
            let available = definition_names(&root);
            self.error(
                "E0004",
                loc,
                format!(
                    "`$ref: \"{reference}\"` does not resolve: no schema at `{target_pointer}`"
                ),
                if available.is_empty() {
                    "check the pointer; the document has no `$defs`/`definitions`".to_string()
                } else {
                    format!("known definitions: {}", available.join(", "))
                },
            );
            return None;
        };
        let name = ref_name(&target_pointer, target, &self.docs[target_doc].path);
        let path = self.register(target_doc, &target_pointer, TypePath::top(name), target);
        Some((target_doc, target_pointer, path))
    }

    /// Notes keywords outside the supported vocabulary, once per schema node. Nothing here is an
    /// error: unknown keywords are annotations in JSON Schema. A likely typo of a known keyword
    /// is a warning at its place; value constraints (`not`, `if`, ...) and other unknown
    /// keywords are summed up per document by [`Loader::report_ignored`].
    fn check_keywords(&mut self, node: Node<'_>, pointer: &str) {
        let Some(members) = node.json.as_object() else {
            return;
        };
        if !self.reported.insert((node.doc, pointer.to_string())) {
            return;
        }
        for (key, value) in members {
            let known = STRUCTURAL.contains(&key.as_str())
                || ANNOTATIONS.contains(&key.as_str())
                || VALIDATION.contains(&key.as_str())
                || key.starts_with("x-")
                || key.starts_with('_');
            if known {
                continue;
            }
            let loc = self.loc(
                node.doc,
                value,
                &format!("{pointer}/{}", escape_pointer(key)),
            );
            // `not: {}` is "never present" (handled where properties are lowered).
            if key == "not" && never_schema(value) {
                continue;
            }
            if !IGNORED.contains(&key.as_str())
                && let Some(k) = closest_keyword(key)
            {
                self.diags.push(
                    Diagnostic::warning(
                        loc,
                        format!("unknown keyword `{key}` is ignored; did you mean `{k}`?"),
                    )
                    .code("W0002")
                    .hint("fix the spelling, or prefix vendor keywords with `x-`"),
                );
                continue;
            }
            let entry = self
                .ignored
                .entry((node.doc, key.clone()))
                .or_insert((loc, 0));
            entry.1 += 1;
        }
    }

    /// One diagnostic per document and ignored keyword: a warning for constraints the
    /// decoders do not check, a note for unknown (vendor) annotations.
    fn report_ignored(&mut self) {
        for ((_, key), (loc, count)) in std::mem::take(&mut self.ignored) {
            let more = match count {
                1 => String::new(),
                n => format!(" ({n} places; the first is shown)"),
            };
            let d = if IGNORED.contains(&key.as_str()) {
                Diagnostic::warning(
                    loc,
                    format!(
                        "`{key}` is not checked by the generated decoders and is ignored{more}"
                    ),
                )
                .code("W0003")
                .hint(unsupported_hint(&key))
            } else {
                Diagnostic::note(
                    loc,
                    format!(
                        "unknown keyword `{key}` is treated as an annotation and ignored{more}"
                    ),
                )
                .code("N0001")
                .hint("vendor keywords conventionally start with `x-`")
            };
            self.diags.push(d);
        }
    }
}

/// `{}`/`true` under `not`: the schema that matches nothing (a member that is never present).
pub(crate) fn never_schema(j: &Json) -> bool {
    j.as_bool() == Some(true) || j.as_object().is_some_and(<[_]>::is_empty)
}

/// Whether the root schema describes a value (not just a container of definitions).
fn root_is_type(root: &Json) -> bool {
    [
        "type",
        "properties",
        "oneOf",
        "anyOf",
        "allOf",
        "enum",
        "const",
        "items",
    ]
    .iter()
    .any(|k| root.get(k).is_some())
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("Root")
        .to_string()
}

/// The type name for a referenced pointer: a definition's key, else the last pointer token,
/// else (for the root) its title or file stem.
fn ref_name(pointer: &str, target: &Json, path: &Path) -> String {
    if pointer.is_empty() {
        return target
            .get("title")
            .and_then(Json::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| file_stem(path));
    }
    pointer
        .rsplit('/')
        .next()
        .map(unescape_pointer)
        .unwrap_or_default()
}

fn definition_names(root: &Json) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["$defs", "definitions"] {
        if let Some(members) = root.get(key).and_then(Json::as_object) {
            out.extend(members.iter().map(|(k, _)| format!("#/{key}/{k}")));
        }
    }
    out.truncate(12);
    out
}

/// Escapes one JSON pointer token.
pub(crate) fn escape_pointer(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn unescape_pointer(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Follows a JSON pointer (`/a/b/0`); `defs` indexes the root's definitions (see [`def_index`]).
fn resolve_pointer<'a>(root: &'a Json, defs: &DefIndex, pointer: &str) -> Option<&'a Json> {
    if pointer.is_empty() {
        return Some(root);
    }
    let mut cur = root;
    let mut tokens = pointer.strip_prefix('/')?.split('/').peekable();
    // `/$defs/Name` or `/definitions/Name`: one hash lookup instead of a scan.
    if let Some(key) = tokens
        .peek()
        .and_then(|t| ["$defs", "definitions"].into_iter().find(|k| k == t))
    {
        let mut ahead = tokens.clone();
        ahead.next();
        if let Some(name) = ahead.next()
            && let Some(&i) = defs.get(&(key, unescape_pointer(name)))
            && let Some(members) = root.get(key).and_then(Json::as_object)
        {
            cur = &members[i].1;
            tokens = ahead;
        }
    }
    for token in tokens {
        let token = unescape_pointer(token);
        cur = match cur.as_array() {
            Some(items) => items.get(token.parse::<usize>().ok()?)?,
            None => cur.get(&token)?,
        };
    }
    Some(cur)
}

/// Decodes `%XX` escapes of a URI fragment (ts-json-schema-generator writes `Foo%3CBar%3E`).
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelled_keywords_get_a_suggestion() {
        assert_eq!(closest_keyword("descripton"), Some("description"));
        assert_eq!(closest_keyword("requried"), Some("required"));
        assert_eq!(closest_keyword("propertys"), Some("properties"));
        assert_eq!(closest_keyword("somethingElse"), None);
    }

    #[test]
    fn pointers_and_fragments_decode() {
        assert_eq!(
            percent_decode("/definitions/Foo%3CBar%3E").as_deref(),
            Some("/definitions/Foo<Bar>")
        );
        assert_eq!(percent_decode("%zz"), None);
        let root = json::parse(r#"{"a": {"b/c": [1, {"d": 2}]}}"#).unwrap();
        let defs = def_index(&root);
        assert_eq!(
            resolve_pointer(&root, &defs, "/a/b~1c/1/d")
                .unwrap()
                .to_value(),
            serde_json::json!(2)
        );
        assert!(resolve_pointer(&root, &defs, "/a/x").is_none());
        let root = json::parse(r#"{"$defs": {"a/b": {"x": 1}, "c": 2}, "definitions": {"c": 3}}"#)
            .unwrap();
        let defs = def_index(&root);
        assert_eq!(
            resolve_pointer(&root, &defs, "/$defs/a~1b/x")
                .unwrap()
                .to_value(),
            serde_json::json!(1)
        );
        assert_eq!(
            resolve_pointer(&root, &defs, "/definitions/c")
                .unwrap()
                .to_value(),
            serde_json::json!(3)
        );
        assert!(resolve_pointer(&root, &defs, "/$defs/d").is_none());
        assert_eq!(escape_pointer("a/b~c"), "a~1b~0c");
    }
}
