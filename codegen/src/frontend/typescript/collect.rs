//! Declarations collection: which exported declarations of the entry are data types (and
//! are registered as named types, in export order), which are JavaScript API (skipped with a
//! note), how generic declarations are instantiated at use (named deterministically, `Page`
//! + `User` → `PageUser`), and the warnings for unsupported constructs nothing reaches.

use super::resolve::{Found, Missing};
use super::shape::{is_api_global, only_methods};
use super::syntax::{DeclKind, Member, MemberKind, Span, TsType, TyKind};
use super::utility::Bad;
use super::{Job, Loader, Scope};
use crate::diag::Diagnostic;
use crate::ident;
use crate::ir::TypePath;

impl Loader {
    /// Registers the entry's exported data types (re-exports included) in export order.
    pub(super) fn collect_entry(&mut self) {
        let pkg = self.pkg.clone();
        if let Some(doc) = &pkg.files[0].syntax.package_doc {
            self.module.docs.clone_from(&doc.description);
            self.module.title.clone_from(&doc.title);
        }
        for e in 0..self.entries {
            self.collect_exports(e, 0);
        }
    }

    /// Registers the exported data types of a file or namespace, and of the namespaces it
    /// exports (`export declare module X { ... }`), in export order.
    fn collect_exports(&mut self, file: usize, depth: usize) {
        let pkg = self.pkg.clone();
        for (name, found, _) in pkg.exported(file) {
            let (f, i) = match found {
                Found::Decl(f, i) => (f, i),
                Found::Namespace(unit) if pkg.files[unit].parent.is_some() && depth < 32 => {
                    self.collect_exports(unit, depth + 1);
                    continue;
                }
                _ => continue,
            };
            if name == "default" {
                continue;
            }
            let decl = &pkg.files[f].syntax.decls[i];
            let api = |what: &str| {
                format!(
                    "`{}` {what}: JavaScript API, not wire data; skipped",
                    decl.name
                )
            };
            match &decl.kind {
                DeclKind::Value | DeclKind::Constant(_) => {}
                _ if !decl.params().is_empty() => {}
                DeclKind::Interface {
                    members, extends, ..
                } if extends.is_empty() && only_methods(members) => {
                    self.note_at(
                        "N0002",
                        f,
                        decl.span,
                        api("has only methods"),
                        "nothing to do",
                    );
                }
                DeclKind::Interface { members, .. }
                | DeclKind::Alias {
                    ty:
                        TsType {
                            kind: TyKind::Object(members),
                            ..
                        },
                    ..
                } if self.api_member(f, members).is_some() => {
                    let (member, global) = self.api_member(f, members).unwrap_or_default();
                    self.note_at(
                        "N0002",
                        f,
                        decl.span,
                        api(&format!("has a member `{member}` of type `{global}`")),
                        &format!(
                            "nothing to do; a data type that needs its other members can use \
                             `Omit<{}, \"{member}\">`",
                            decl.name
                        ),
                    );
                }
                DeclKind::Alias { ty, .. } if matches!(ty.kind, TyKind::Function) => {
                    self.note_at(
                        "N0002",
                        f,
                        decl.span,
                        api("is a function type"),
                        "nothing to do",
                    );
                }
                DeclKind::ConstTable(_) if self.table_has_type(f, i) => {}
                DeclKind::ConstTable(members) if members.iter().any(|m| m.value.is_none()) => {
                    self.note_at("N0002", 
                        f,
                        decl.span,
                        format!(
                            "`{}` is an `as const` object whose values are not all literals: not a constant table; skipped",
                            decl.name
                        ),
                        "constant tables (method names, event names) map string or number values only",
                    );
                }
                _ => {
                    self.decl_path(f, i);
                }
            }
        }
    }

    /// The first member (name, type name) whose type is a platform global that is a live
    /// JavaScript object (`signal?: AbortSignal`), when the package does not declare the name.
    fn api_member(&self, file: usize, members: &[Member]) -> Option<(String, String)> {
        members.iter().find_map(|m| {
            let MemberKind::Property(Some(t)) = &m.kind else {
                return None;
            };
            let parts = match &t.kind {
                TyKind::Union(parts) => parts.as_slice(),
                _ => std::slice::from_ref(t),
            };
            parts.iter().find_map(|p| match &p.kind {
                TyKind::Ref { name, .. }
                    if name.len() == 1
                        && is_api_global(&name[0])
                        && matches!(self.pkg.lookup(file, name), Err(Missing::Unknown)) =>
                {
                    Some((m.name.clone(), name[0].clone()))
                }
                _ => None,
            })
        })
    }

    /// Whether an `as const` table's file declares a type of the table's type name (the
    /// idiom `const method = {...} as const; type Method = (typeof method)[keyof typeof method]`):
    /// then that type is the table's type, and the table is not registered on its own.
    pub(super) fn table_has_type(&self, file: usize, decl: usize) -> bool {
        let f = &self.pkg.files[file];
        let name = ident::type_name(&f.syntax.decls[decl].name);
        f.declares(&name).is_some_and(|i| i != decl)
    }

    /// The type of a non-generic declaration, registered (and queued) on first use. An
    /// `as const` table is named in UpperCamelCase (`method` → `Method`).
    pub(super) fn decl_path(&mut self, file: usize, decl: usize) -> TypePath {
        let d = &self.pkg.files[file].syntax.decls[decl];
        let name = match d.kind {
            DeclKind::ConstTable(_) => ident::type_name(&d.name),
            _ => d.name.clone(),
        };
        let job = Job {
            file,
            decl,
            scope: Scope::file(file),
        };
        self.register((file, decl, String::new()), TypePath::top(name), job)
    }

    /// The type of a generic declaration instantiated with `args` (written in `scope`): its
    /// name followed by the arguments' names (`Page<User>` → `PageUser`).
    pub(super) fn instance(
        &mut self,
        file: usize,
        decl: usize,
        args: &[TsType],
        scope: &Scope,
        span: Span,
    ) -> Result<TypePath, Bad> {
        let inner = self.bind(file, decl, args, scope, span)?;
        let bound: Vec<(TsType, Scope)> = inner
            .env
            .as_deref()
            .map(|e| e.iter().map(|(_, t, s)| (t.clone(), s.clone())).collect())
            .unwrap_or_default();
        let key: Vec<String> = bound.iter().map(|(t, s)| self.canon(t, s, 0)).collect();
        let key = (file, decl, key.join(","));
        if let Some(path) = self.named.get(&key) {
            return Ok(path.clone());
        }
        let mut name = self.pkg.files[file].syntax.decls[decl].name.clone();
        for (t, s) in &bound {
            name.push_str(&ident::variant_name(&self.arg_name(t, s, 0)));
        }
        let mut path = TypePath::top(name.clone());
        let mut n = 2;
        while self.taken.contains_key(&path) {
            path = TypePath::top(format!("{name}{n}"));
            n += 1;
        }
        let job = Job {
            file,
            decl,
            scope: inner,
        };
        Ok(self.register(key, path, job))
    }

    /// A readable name for a type argument.
    fn arg_name(&self, t: &TsType, s: &Scope, depth: usize) -> String {
        if depth > 8 {
            return "Type".into();
        }
        match &t.kind {
            TyKind::Ref { name, args } => {
                if let Some((b, bs)) = name
                    .first()
                    .filter(|_| name.len() == 1)
                    .and_then(|n| s.bound(n))
                {
                    return self.arg_name(&b, &bs, depth + 1);
                }
                let base = match self.pkg.lookup(s.file, name) {
                    Ok(Found::Decl(f, i)) => self.pkg.files[f].syntax.decls[i].name.clone(),
                    _ => name.last().cloned().unwrap_or_default(),
                };
                let mut out = ident::variant_name(&base);
                for a in args {
                    out.push_str(&ident::variant_name(&self.arg_name(a, s, depth + 1)));
                }
                out
            }
            TyKind::String => "String".into(),
            TyKind::Number => "Number".into(),
            TyKind::Boolean => "Boolean".into(),
            TyKind::Any => "Any".into(),
            TyKind::Unknown => "Unknown".into(),
            TyKind::Null => "Null".into(),
            TyKind::ObjectKeyword => "Object".into(),
            TyKind::Literal(serde_json::Value::String(v)) => ident::variant_name(v),
            TyKind::Literal(v) => format!("N{}", v.to_string().replace(['-', '.'], "_")),
            TyKind::Array(inner) => format!("{}Array", self.arg_name(inner, s, depth + 1)),
            TyKind::Union(members) => members
                .iter()
                .map(|m| ident::variant_name(&self.arg_name(m, s, depth + 1)))
                .collect::<Vec<_>>()
                .join("Or"),
            TyKind::Object(_) => "Object".into(),
            _ => "Type".into(),
        }
    }

    /// A key identifying a type argument (declarations by identity, other types by text).
    pub(super) fn canon(&self, t: &TsType, s: &Scope, depth: usize) -> String {
        if depth > 8 {
            return format!("@{}:{}", s.file, t.span.start);
        }
        match &t.kind {
            TyKind::Ref { name, args } => {
                if let Some((b, bs)) = name
                    .first()
                    .filter(|_| name.len() == 1)
                    .and_then(|n| s.bound(n))
                {
                    return self.canon(&b, &bs, depth + 1);
                }
                let head = match self.pkg.lookup(s.file, name) {
                    Ok(Found::Decl(f, i)) => format!("#{f}:{i}"),
                    Ok(Found::EnumMember(v)) => return v.to_string(),
                    _ => name.join("."),
                };
                let args: Vec<String> = args.iter().map(|a| self.canon(a, s, depth + 1)).collect();
                format!("{head}<{}>", args.join(","))
            }
            TyKind::Literal(v) => v.to_string(),
            TyKind::Array(inner) => format!("{}[]", self.canon(inner, s, depth + 1)),
            TyKind::String
            | TyKind::Number
            | TyKind::Boolean
            | TyKind::Any
            | TyKind::Unknown
            | TyKind::Null
            | TyKind::ObjectKeyword => format!("{:?}", t.kind),
            _ => format!("@{}:{}", s.file, t.span.start),
        }
    }

    /// Warns about unsupported constructs in type declarations that no data type reaches
    /// (they are skipped, so they are not errors).
    pub(super) fn warn_unreached(&mut self) {
        let pkg = self.pkg.clone();
        for (f, file) in pkg.files.iter().enumerate() {
            for (i, d) in file.syntax.decls.iter().enumerate() {
                if self.reached.contains(&(f, i)) {
                    continue;
                }
                let found = match &d.kind {
                    DeclKind::Alias { ty, .. } => first_unsupported(ty),
                    DeclKind::Interface { members, .. } => {
                        members.iter().find_map(|m| match &m.kind {
                            super::syntax::MemberKind::Property(Some(t)) => first_unsupported(t),
                            super::syntax::MemberKind::Index(_, v) => first_unsupported(v),
                            _ => None,
                        })
                    }
                    _ => None,
                };
                if let Some((what, span)) = found {
                    let snippet = file.snippet(span);
                    self.diags.push(
                        Diagnostic::warning(
                            file.loc(span.start),
                            format!(
                                "`{}` uses an unsupported TypeScript construct ({what}: `{snippet}`); no exported data type uses `{}`, so it is skipped",
                                d.name, d.name
                            ),
                        )
.code("W0006")
                        .hint("nothing to do unless a data type should use it; then write the type out"),
                    );
                }
            }
        }
    }
}

/// The first construct wiregen cannot map inside a type (conditional, `infer`, ...).
fn first_unsupported(t: &TsType) -> Option<(&'static str, Span)> {
    use super::syntax::MemberKind;
    match &t.kind {
        TyKind::Unsupported(what) => Some((what, t.span)),
        TyKind::Ref { args, .. } => args.iter().find_map(first_unsupported),
        TyKind::Array(i) | TyKind::Keyof(i) => first_unsupported(i),
        TyKind::Tuple(e) => e.iter().find_map(|e| first_unsupported(&e.ty)),
        TyKind::Union(m) | TyKind::Intersection(m) | TyKind::Template(_, m) => {
            m.iter().find_map(first_unsupported)
        }
        TyKind::Indexed(a, b) => first_unsupported(a).or_else(|| first_unsupported(b)),
        TyKind::Mapped(m) => first_unsupported(&m.constraint)
            .or_else(|| m.value.as_ref().and_then(first_unsupported)),
        TyKind::Object(members) => members.iter().find_map(|m| match &m.kind {
            MemberKind::Property(Some(t)) => first_unsupported(t),
            MemberKind::Index(_, v) => first_unsupported(v),
            _ => None,
        }),
        _ => None,
    }
}
