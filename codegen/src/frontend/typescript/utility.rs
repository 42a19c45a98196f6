//! Members of object types, computed the way TypeScript does: interfaces with their bases
//! (`extends`, several and generic), intersections, `Partial`/`Required`/`Readonly`/`Pick`/
//! `Omit` of known object types, `Record` with literal keys, mapped types over literal keys;
//! and the finite string sets used as keys (`"a" | "b"`, `keyof T`, enums, `as const` tables).

use super::jsdoc::JsDoc;
use super::resolve::{Found, Missing};
use super::syntax::{DeclKind, Member, MemberKind, Span, TsType, TyKind};
use super::{Loader, Scope};
use std::rc::Rc;

/// A property of an object type, with the scope its type is written in.
#[derive(Debug, Clone)]
pub struct Prop {
    pub name: String,
    pub optional: bool,
    /// `None` for `name;` without a type.
    pub ty: Option<TsType>,
    pub scope: Scope,
    pub doc: Option<Box<JsDoc>>,
    pub span: Span,
    /// A method or function-typed member (JavaScript API): skipped with a note.
    pub method: bool,
}

/// An object type's members.
#[derive(Debug, Clone, Default)]
pub struct Obj {
    pub props: Vec<Prop>,
    /// The value type of an index signature (`[key: string]: V`).
    pub index: Option<(TsType, Scope)>,
}

impl Obj {
    /// Adds members; a member already present is replaced where it stands (as `allOf` does),
    /// keeping its JSDoc when the new one has none (as TypeScript does for overrides).
    fn merge(&mut self, other: Obj) {
        for mut p in other.props {
            match self.props.iter_mut().find(|q| q.name == p.name) {
                Some(q) => {
                    if p.doc.is_none() {
                        p.doc = q.doc.take();
                    }
                    *q = p
                }
                None => self.props.push(p),
            }
        }
        if other.index.is_some() {
            self.index = other.index;
        }
    }
}

/// A type error found while computing members: (file, span, message, hint, code).
pub type Bad = (usize, Span, String, String, &'static str);

/// Nesting of `extends`, utility types and aliases that member computation follows (two levels
/// per base of an `extends` chain). Cycles are found by the stack of declarations being
/// expanded, not by this limit, which only keeps the recursion within the stack.
const MAX_DEPTH: usize = 600;

fn bad(
    code: &'static str,
    scope: &Scope,
    span: Span,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Bad {
    (scope.file, span, message.into(), hint.into(), code)
}

impl Loader {
    /// The members of an object type, or `None` when `ty` is not one.
    pub(super) fn object_of(
        &mut self,
        ty: &TsType,
        scope: &Scope,
        depth: usize,
    ) -> Result<Option<Obj>, Bad> {
        if depth > MAX_DEPTH {
            return Err(bad(
                "E0012",
                scope,
                ty.span,
                format!(
                    "`extends` and utility types are nested more than {} levels deep",
                    MAX_DEPTH / 2
                ),
                "flatten the chain: extend fewer bases in a row, or write the members out",
            ));
        }
        if self.fuel == 0 {
            return Err(bad(
                "E0012",
                scope,
                ty.span,
                super::OUT_OF_FUEL,
                super::OUT_OF_FUEL_HINT,
            ));
        }
        self.fuel -= 1;
        match &ty.kind {
            TyKind::Object(members) => self.members(members, scope).map(Some),
            TyKind::Intersection(parts) => {
                let mut out = Obj::default();
                for part in parts {
                    match self.object_of(part, scope, depth + 1)? {
                        Some(o) => out.merge(o),
                        None => {
                            return Err(bad(
                                "E0022",
                                scope,
                                part.span,
                                "an intersection member must be an object type",
                                "only object types can be merged into one struct; use a union for alternatives",
                            ));
                        }
                    }
                }
                Ok(Some(out))
            }
            TyKind::Mapped(m) => self.mapped(m, ty.span, scope, depth),
            TyKind::Ref { name, args } => {
                if let [one] = name.as_slice()
                    && let Some((t, s)) = scope.bound(one)
                {
                    return self.object_of(&t, &s, depth + 1);
                }
                match self.pkg.clone().lookup(scope.file, name) {
                    Ok(Found::Decl(f, i)) => {
                        let pkg = self.pkg.clone();
                        let decl = &pkg.files[f].syntax.decls[i];
                        // A declaration (with these arguments) already being expanded: a cycle.
                        let canon: Vec<String> =
                            args.iter().map(|a| self.canon(a, scope, 0)).collect();
                        let key = (f, i, canon.join(","));
                        if self.expanding.contains(&key) {
                            return Err(bad(
                                "E0012",
                                scope,
                                ty.span,
                                format!(
                                    "`{}` refers to itself through `extends` or utility types",
                                    decl.name
                                ),
                                "remove the cycle: a type cannot contain its own members",
                            ));
                        }
                        let inner = self.bind(f, i, args, scope, ty.span)?;
                        self.expanding.push(key);
                        let out = match &decl.kind {
                            DeclKind::Interface { .. } => {
                                self.interface_obj(f, i, &inner, depth + 1).map(Some)
                            }
                            DeclKind::Alias { ty, .. } => self.object_of(ty, &inner, depth + 1),
                            _ => Ok(None),
                        };
                        self.expanding.pop();
                        out
                    }
                    Err(Missing::Unknown) if name.len() == 1 => {
                        self.builtin_object(&name[0], args, ty.span, scope, depth)
                    }
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// The members of an interface (its bases' first), its type parameters bound in `inner`.
    pub(super) fn interface_obj(
        &mut self,
        file: usize,
        decl: usize,
        inner: &Scope,
        depth: usize,
    ) -> Result<Obj, Bad> {
        let pkg = self.pkg.clone();
        let DeclKind::Interface {
            extends, members, ..
        } = &pkg.files[file].syntax.decls[decl].kind
        else {
            return Ok(Obj::default());
        };
        let mut out = Obj::default();
        for h in extends {
            let base = TsType {
                span: h.span,
                kind: TyKind::Ref {
                    name: h.name.clone(),
                    args: h.args.clone(),
                },
                doc: None,
            };
            match self.object_of(&base, inner, depth + 1)? {
                Some(o) => out.merge(o),
                None => {
                    return Err(bad(
                        "E0022",
                        inner,
                        h.span,
                        "an interface can only extend object types",
                        "extend an interface or an object type alias",
                    ));
                }
            }
        }
        out.merge(self.members(members, inner)?);
        Ok(out)
    }

    /// A scope binding the type parameters of a declaration to `args` (written in `at`).
    pub(super) fn bind(
        &mut self,
        file: usize,
        decl: usize,
        args: &[TsType],
        at: &Scope,
        span: Span,
    ) -> Result<Scope, Bad> {
        let pkg = self.pkg.clone();
        let d = &pkg.files[file].syntax.decls[decl];
        let params = d.params();
        if params.is_empty() && args.is_empty() {
            return Ok(Scope::file(file));
        }
        if args.len() > params.len() {
            return Err(bad(
                "E0024",
                at,
                span,
                format!(
                    "`{}` takes {} type argument(s), {} given",
                    d.name,
                    params.len(),
                    args.len()
                ),
                "remove the extra type arguments",
            ));
        }
        let mut env: Vec<(String, TsType, Scope)> = Vec::new();
        for (k, p) in params.iter().enumerate() {
            match (args.get(k), &p.default) {
                (Some(a), _) => env.push((p.name.clone(), a.clone(), at.clone())),
                (None, Some(default)) => {
                    let s = Scope {
                        file,
                        env: Some(Rc::new(env.clone())),
                    };
                    env.push((p.name.clone(), default.clone(), s));
                }
                (None, None) => {
                    return Err(bad(
                        "E0024",
                        at,
                        span,
                        format!("`{}` needs a type argument for `{}`", d.name, p.name),
                        format!("write `{}<...>` with every type argument", d.name),
                    ));
                }
            }
        }
        Ok(Scope {
            file,
            env: Some(Rc::new(env)),
        })
    }

    fn members(&mut self, members: &[Member], scope: &Scope) -> Result<Obj, Bad> {
        let mut out = Obj::default();
        for m in members {
            match &m.kind {
                MemberKind::Property(ty) => out.merge(Obj {
                    props: vec![Prop {
                        name: m.name.clone(),
                        optional: m.optional,
                        method: ty
                            .as_ref()
                            .is_some_and(|t| matches!(t.kind, TyKind::Function)),
                        ty: ty.clone(),
                        scope: scope.clone(),
                        doc: m.doc.clone(),
                        span: m.span,
                    }],
                    index: None,
                }),
                MemberKind::Method => out.props.push(Prop {
                    name: m.name.clone(),
                    optional: m.optional,
                    ty: None,
                    scope: scope.clone(),
                    doc: m.doc.clone(),
                    span: m.span,
                    method: true,
                }),
                MemberKind::Index(key, value) => {
                    if !matches!(key.kind, TyKind::String | TyKind::Number) {
                        return Err(bad(
                            "E0022",
                            scope,
                            m.span,
                            "an index signature's key must be `string` or `number`",
                            "JSON object keys are strings; use `[key: string]: T`",
                        ));
                    }
                    out.index = Some((value.clone(), scope.clone()));
                }
            }
        }
        Ok(out)
    }

    fn builtin_object(
        &mut self,
        name: &str,
        args: &[TsType],
        span: Span,
        scope: &Scope,
        depth: usize,
    ) -> Result<Option<Obj>, Bad> {
        let arg = |k: usize| {
            args.get(k).ok_or_else(|| {
                bad(
                    "E0024",
                    scope,
                    span,
                    format!("`{name}` needs {} type argument(s)", k + 1),
                    format!("write `{name}<...>` with every type argument"),
                )
            })
        };
        match name {
            "Partial" | "Required" | "Readonly" | "Pick" | "Omit" => {
                let target = arg(0)?;
                let Some(mut obj) = self.object_of(target, scope, depth + 1)? else {
                    return Err(bad(
                        "E0022",
                        scope,
                        target.span,
                        format!("`{name}` of a type that is not a known object type"),
                        "apply it to an interface or an object type declared in the package",
                    ));
                };
                match name {
                    "Partial" => obj.props.iter_mut().for_each(|p| p.optional = true),
                    "Required" => obj.props.iter_mut().for_each(|p| p.optional = false),
                    "Pick" | "Omit" => {
                        let keys_ty = arg(1)?;
                        let Some(keys) = self.literal_strings(keys_ty, scope, depth + 1) else {
                            return Err(bad(
                                "E0022",
                                scope,
                                keys_ty.span,
                                format!("the keys of `{name}` must be string literals"),
                                "write the keys as `\"a\" | \"b\"` (or a type alias of such a union)",
                            ));
                        };
                        let keep = name == "Pick";
                        obj.props.retain(|p| keys.contains(&p.name) == keep);
                    }
                    _ => {}
                }
                Ok(Some(obj))
            }
            "Record" => {
                let keys_ty = arg(0)?;
                let value = arg(1)?;
                if matches!(keys_ty.kind, TyKind::String | TyKind::Number) {
                    // A map: an object of no members whose other keys are `T`s (what
                    // `interface X extends Record<string, T>` adds).
                    return Ok(Some(Obj {
                        props: Vec::new(),
                        index: Some((value.clone(), scope.clone())),
                    }));
                }
                let Some(keys) = self.literal_strings(keys_ty, scope, depth + 1) else {
                    return Err(bad(
                        "E0022",
                        scope,
                        keys_ty.span,
                        "the keys of `Record` must be `string` or string literals",
                        "write `Record<string, T>` for a map, or list the keys as `\"a\" | \"b\"`",
                    ));
                };
                Ok(Some(Obj {
                    props: keys
                        .into_iter()
                        .map(|k| Prop {
                            name: k,
                            optional: false,
                            ty: Some(value.clone()),
                            scope: scope.clone(),
                            doc: None,
                            span: value.span,
                            method: false,
                        })
                        .collect(),
                    index: None,
                }))
            }
            _ => Ok(None),
        }
    }

    /// `{ [K in Keys]: V }` over a finite set of string keys.
    fn mapped(
        &mut self,
        m: &super::syntax::Mapped,
        span: Span,
        scope: &Scope,
        depth: usize,
    ) -> Result<Option<Obj>, Bad> {
        if let Some(remap) = &m.remap {
            return Err(bad(
                "E0022",
                scope,
                remap.span,
                "unsupported TypeScript construct: key remapping (`as`) in a mapped type",
                "write the resulting object type out, or use `Record<string, T>`",
            ));
        }
        if matches!(m.constraint.kind, TyKind::String | TyKind::Number) {
            return Ok(None);
        }
        let Some(keys) = self.literal_strings(&m.constraint, scope, depth + 1) else {
            return Err(bad(
                "E0022",
                scope,
                m.constraint.span,
                "unsupported TypeScript construct: a mapped type over keys that are not string literals",
                "map over `\"a\" | \"b\"`, `keyof T` of a known object type, or `string`",
            ));
        };
        // Homomorphic (`[K in keyof T]`): members keep T's optionality unless `?` / `-?` says.
        let original = match &m.constraint.kind {
            TyKind::Keyof(t) => self.object_of(t, scope, depth + 1)?,
            _ => None,
        };
        let mut out = Obj::default();
        for key in keys {
            let literal = TsType {
                span: m.constraint.span,
                kind: TyKind::Literal(key.clone().into()),
                doc: None,
            };
            let mut env: Vec<(String, TsType, Scope)> =
                scope.env.as_deref().cloned().unwrap_or_default();
            env.push((m.key.clone(), literal, scope.clone()));
            let inner = Scope {
                file: scope.file,
                env: Some(Rc::new(env)),
            };
            let from = original
                .as_ref()
                .and_then(|o| o.props.iter().find(|p| p.name == key));
            out.props.push(Prop {
                optional: m
                    .optional
                    .unwrap_or_else(|| from.is_some_and(|p| p.optional)),
                doc: from.and_then(|p| p.doc.clone()),
                name: key,
                ty: m.value.clone(),
                scope: inner,
                span,
                method: false,
            });
        }
        Ok(Some(out))
    }

    /// The strings of a finite set of string literals (`"a" | "b"`, an alias of one, a string
    /// enum, `keyof T`, `keyof typeof table`, `(typeof table)[keyof typeof table]`).
    pub(super) fn literal_strings(
        &mut self,
        ty: &TsType,
        scope: &Scope,
        depth: usize,
    ) -> Option<Vec<String>> {
        if depth > MAX_DEPTH {
            return None;
        }
        match &ty.kind {
            TyKind::Literal(serde_json::Value::String(s)) => Some(vec![s.clone()]),
            TyKind::Typeof(name) => match self.constant(scope, name)? {
                serde_json::Value::String(s) => Some(vec![s]),
                _ => None,
            },
            TyKind::Union(members) => {
                let mut out: Vec<String> = Vec::new();
                for m in members {
                    for s in self.literal_strings(m, scope, depth + 1)? {
                        if !out.contains(&s) {
                            out.push(s);
                        }
                    }
                }
                Some(out)
            }
            TyKind::Ref { name, args } => {
                if let [one] = name.as_slice()
                    && let Some((t, s)) = scope.bound(one)
                {
                    return self.literal_strings(&t, &s, depth + 1);
                }
                let pkg = self.pkg.clone();
                match pkg.lookup(scope.file, name).ok()? {
                    Found::EnumMember(serde_json::Value::String(s)) => Some(vec![s]),
                    Found::Decl(f, i) => match &pkg.files[f].syntax.decls[i].kind {
                        DeclKind::Alias { ty, .. } => {
                            let inner = self.bind(f, i, args, scope, ty.span).ok()?;
                            self.literal_strings(ty, &inner, depth + 1)
                        }
                        DeclKind::Enum(members) => members
                            .iter()
                            .map(|m| m.value.as_ref()?.as_str().map(str::to_string))
                            .collect(),
                        _ => None,
                    },
                    _ => None,
                }
            }
            TyKind::Keyof(t) => match &t.kind {
                TyKind::Typeof(name) => {
                    let table = self.const_table(scope, name)?;
                    Some(table.into_iter().map(|(k, _)| k).collect())
                }
                _ => {
                    let obj = self.object_of(t, scope, depth + 1).ok()??;
                    if obj.index.is_some() {
                        // `keyof` an object with an index signature is `string`: not finite.
                        return None;
                    }
                    Some(
                        obj.props
                            .into_iter()
                            .filter(|p| !p.method)
                            .map(|p| p.name)
                            .collect(),
                    )
                }
            },
            TyKind::Template(quasis, types) => {
                let mut acc = vec![quasis.first().cloned().unwrap_or_default()];
                for (k, t) in types.iter().enumerate() {
                    let options = self.literal_strings(t, scope, depth + 1)?;
                    let tail = quasis.get(k + 1).cloned().unwrap_or_default();
                    acc = acc
                        .iter()
                        .flat_map(|a| {
                            options
                                .iter()
                                .map(|o| format!("{a}{o}{tail}"))
                                .collect::<Vec<_>>()
                        })
                        .collect();
                    if acc.len() > 256 {
                        return None;
                    }
                }
                Some(acc)
            }
            TyKind::Indexed(obj, index) => match (&obj.kind, &index.kind) {
                (TyKind::Typeof(name), TyKind::Keyof(k)) if matches!(&k.kind, TyKind::Typeof(n) if n == name) =>
                {
                    let mut out: Vec<String> = Vec::new();
                    for (_, v) in self.const_table(scope, name)? {
                        let s = v.as_str()?.to_string();
                        if !out.contains(&s) {
                            out.push(s);
                        }
                    }
                    Some(out)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The (key, value) pairs of an `as const` table named in `scope`.
    pub(super) fn const_table(
        &self,
        scope: &Scope,
        name: &[String],
    ) -> Option<Vec<(String, serde_json::Value)>> {
        let pkg = self.pkg.clone();
        let Found::Decl(f, i) = pkg.lookup(scope.file, name).ok()? else {
            return None;
        };
        match &pkg.files[f].syntax.decls[i].kind {
            DeclKind::ConstTable(members) => members
                .iter()
                .map(|m| Some((m.name.clone(), m.value.clone()?)))
                .collect(),
            _ => None,
        }
    }
}
