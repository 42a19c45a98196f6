//! Lowering: TypeScript type expressions → IR, by the JSON Schema frontend's rules so both
//! frontends give the same IR for equivalent input. A type expression is first classified
//! (`shape`, like a schema node's shape: union with `null`, string-literal union, object,
//! map, array, ...); named declarations become [`TypeDef`]s; inline object types, string
//! unions and unions are hoisted into named types (`Parent` + `Field`, `…Item`, `…Value`,
//! union members into the union's module, named by their tag).

use super::jsdoc::{JsDoc, docs_of};
use super::resolve::{Found, Missing};
use super::syntax::{DeclKind, MemberKind, Span, TsType, TyKind};
use super::utility::{Bad, Obj};
use super::{Job, Loader, Scope};
use crate::frontend::jsonschema::{TAG_KEYS, ty_word};
use crate::ident;
use crate::ir::{
    Docs, EnumValue, Extra, Field, StringEnum, Struct, Ty, TypeDef, TypeKind, TypePath, Union,
    UnionRepr, Variant,
};
use serde_json::Value;

/// Where a hoisted type goes and what it is called.
struct Hint {
    module: Vec<String>,
    name: String,
    /// Docs for a hoisted type whose node has none.
    doc: Option<String>,
}

impl Hint {
    fn new(module: Vec<String>, name: String) -> Hint {
        Hint {
            module,
            name,
            doc: None,
        }
    }

    fn child(&self, suffix: &str) -> Hint {
        Hint::new(
            self.module.clone(),
            format!("{}{}", self.name, ident::type_name(suffix)),
        )
    }
}

/// What a type expression describes (the counterpart of a schema node's shape).
pub(super) enum Shape {
    Any,
    Prim(Ty),
    Literal(Value),
    Named(TypePath),
    StrEnum(Vec<String>),
    /// Two or more non-null members, with their positions among all members.
    Union(Vec<(usize, TsType)>, Scope),
    /// `T | null`: one non-null member.
    Single(TsType, Scope),
    Object(Obj),
    Map(Option<(TsType, Scope)>),
    Array(TsType, Scope),
    Tuple(Vec<TsType>, Scope),
    /// A function (or an interface of methods): JavaScript API, not data.
    Function,
    Bad(Bad),
    /// An error already reported elsewhere (a missing import).
    Reported,
}

fn bad(scope: &Scope, span: Span, message: impl Into<String>, hint: impl Into<String>) -> Shape {
    Shape::Bad((scope.file, span, message.into(), hint.into()))
}

/// The hint for a construct wiregen does not map.
fn unsupported_hint(what: &str) -> &'static str {
    match what {
        "conditional type" | "`infer` type" => {
            "wiregen maps data types, not type-level computations: write the resulting type out \
             (an interface, a union or an alias)"
        }
        "`symbol` type" | "unique symbol type" => "symbols are not JSON values; remove the member",
        "`bigint` type" | "bigint literal" => {
            "bigints do not survive `JSON.stringify`; use `number` (or a string holding digits)"
        }
        "`import(...)` type" | "`typeof import(...)` type" => {
            "import the type with `import type { X } from \"./x.js\"`"
        }
        "`this` type" => "name the type explicitly",
        _ => "write the type as an interface, a union or a type alias of JSON values",
    }
}

/// Whether a member list is all methods (an interface of JavaScript API).
pub(super) fn only_methods(members: &[super::syntax::Member]) -> bool {
    !members.is_empty()
        && members.iter().all(|m| match &m.kind {
            MemberKind::Method => true,
            MemberKind::Property(Some(t)) => matches!(t.kind, TyKind::Function),
            _ => false,
        })
}

impl Loader {
    /// Lowers every queued declaration.
    pub(super) fn run(&mut self) {
        while let Some((job, path)) = self.queue.pop_front() {
            self.lower_decl(job, path);
        }
    }

    fn report(&mut self, b: Bad) {
        self.error_at(b.0, b.1, b.2, b.3);
    }

    fn lower_decl(&mut self, job: Job, path: TypePath) {
        let pkg = self.pkg.clone();
        let decl = &pkg.files[job.file].syntax.decls[job.decl];
        self.reached.insert((job.file, job.decl));
        let docs = docs_of(decl.doc.as_deref());
        let loc = self.loc(job.file, decl.span.start);
        let integer = decl.doc.as_ref().and_then(|d| d.as_type.as_deref()) == Some("integer");
        match &decl.kind {
            DeclKind::Interface { .. } => {
                let slot = self.push_def(&path, docs, loc, false);
                let kind = match self.interface_obj(job.file, job.decl, &job.scope, 0) {
                    // Only an index signature: a map, as `{ [k: string]: V }` is.
                    Ok(Obj {
                        props,
                        index: Some((t, s)),
                    }) if props.is_empty() => {
                        let hint = Hint::new(path.module.clone(), ident::type_name(&path.name));
                        TypeKind::Alias(Ty::Map(Box::new(self.lower_ty(
                            &t,
                            &s,
                            &hint.child("Value"),
                            &Docs::default(),
                        ))))
                    }
                    Ok(obj) => TypeKind::Struct(self.lower_struct(obj, &path)),
                    Err(b) => {
                        self.report(b);
                        TypeKind::Struct(Struct::default())
                    }
                };
                self.module.types[slot].kind = kind;
            }
            DeclKind::Alias { ty, .. } => {
                let slot = self.define(ty, &job.scope, path, false, false, &docs, loc);
                if integer {
                    if let TypeKind::Alias(t) = &mut self.module.types[slot].kind {
                        *t = as_integer(std::mem::replace(t, Ty::Any));
                    }
                }
            }
            DeclKind::Enum(members) | DeclKind::ConstTable(members) => {
                let slot = self.push_def(&path, docs, loc, false);
                let mut values: Vec<(Value, Docs, u32)> = Vec::new();
                for m in members {
                    match &m.value {
                        Some(v) => values.push((v.clone(), docs_of(m.doc.as_deref()), m.span.start)),
                        None => self.error_at(
                            job.file,
                            m.span,
                            "unsupported TypeScript construct: a member whose value is not a literal",
                            "give every member a string or number literal value",
                        ),
                    }
                }
                self.module.types[slot].kind = self.const_kind(values, &path, job.file);
            }
            DeclKind::Value => {}
        }
    }

    /// An `enum` or `as const` table: a string enum, one constant, or a union of constants.
    fn const_kind(&mut self, values: Vec<(Value, Docs, u32)>, path: &TypePath, file: usize) -> TypeKind {
        if let [(one, _, _)] = values.as_slice() {
            return TypeKind::Alias(Ty::Literal(one.clone()));
        }
        if values.iter().all(|(v, _, _)| v.is_string()) {
            let mut out: Vec<EnumValue> = Vec::new();
            for (v, docs, _) in values {
                let wire = v.as_str().unwrap_or_default().to_string();
                if !out.iter().any(|e| e.wire == wire) {
                    out.push(EnumValue { wire, docs });
                }
            }
            return TypeKind::Enum(StringEnum { values: out });
        }
        let _ = path;
        TypeKind::Union(Union {
            repr: UnionRepr::Unclassified,
            variants: values
                .into_iter()
                .map(|(v, docs, at)| {
                    let ty = Ty::Literal(v);
                    Variant {
                        name: ty_word(&ty),
                        tag: None,
                        ty,
                        inline: false,
                        docs,
                        loc: self.loc(file, at),
                    }
                })
                .collect(),
        })
    }

    fn push_def(&mut self, path: &TypePath, docs: Docs, loc: crate::diag::Loc, hoisted: bool) -> usize {
        self.module.types.push(TypeDef {
            module: path.module.clone(),
            name: path.name.clone(),
            docs,
            loc,
            hoisted,
            kind: TypeKind::Alias(Ty::Any),
        });
        self.module.types.len() - 1
    }

    /// Defines a named type for `ty`; returns its index in the module.
    #[allow(clippy::too_many_arguments)]
    fn define(
        &mut self,
        ty: &TsType,
        scope: &Scope,
        path: TypePath,
        hoisted: bool,
        nonnull: bool,
        docs: &Docs,
        loc: crate::diag::Loc,
    ) -> usize {
        let slot = self.push_def(&path, docs.clone(), loc, hoisted);
        let kind = self.lower_kind(ty, scope, &path, nonnull, docs);
        self.module.types[slot].kind = kind;
        slot
    }

    fn lower_kind(
        &mut self,
        ty: &TsType,
        scope: &Scope,
        path: &TypePath,
        nonnull: bool,
        docs: &Docs,
    ) -> TypeKind {
        let (shape, nullable) = self.shape(ty, scope);
        let hint = Hint::new(path.module.clone(), ident::type_name(&path.name));
        let wraps = matches!(shape, Shape::Object(_) | Shape::StrEnum(_) | Shape::Union(..));
        if nullable && !nonnull && wraps {
            // `T | null` as a named type: an alias of the nullable hoisted `T`.
            let inner = self.hoist(ty, scope, &hint.child("Value"), docs);
            return TypeKind::Alias(inner.nullable());
        }
        match shape {
            Shape::Object(obj) => TypeKind::Struct(self.lower_struct(obj, path)),
            Shape::StrEnum(values) => TypeKind::Enum(StringEnum {
                values: values
                    .into_iter()
                    .map(|wire| EnumValue {
                        wire,
                        docs: Docs::default(),
                    })
                    .collect(),
            }),
            Shape::Union(members, s) => TypeKind::Union(self.lower_union(members, &s, path)),
            other => TypeKind::Alias(self.lower_shape(other, nullable, ty, scope, &hint, docs)),
        }
    }

    fn hoist(&mut self, ty: &TsType, scope: &Scope, hint: &Hint, docs: &Docs) -> Ty {
        let loc = self.loc(scope.file, ty.span.start);
        let path = self.hoist_name(&hint.module, &hint.name, loc.clone());
        let slot = self.define(ty, scope, path.clone(), true, true, docs, loc);
        if self.module.types[slot].docs.text.is_none() {
            self.module.types[slot].docs.text.clone_from(&hint.doc);
        }
        Ty::Named(path)
    }

    fn lower_ty(&mut self, ty: &TsType, scope: &Scope, hint: &Hint, docs: &Docs) -> Ty {
        let (shape, nullable) = self.shape(ty, scope);
        self.lower_shape(shape, nullable, ty, scope, hint, docs)
    }

    /// A shaped type at a use site (a member, an item, a union member) → a type expression.
    fn lower_shape(
        &mut self,
        shape: Shape,
        nullable: bool,
        ty: &TsType,
        scope: &Scope,
        hint: &Hint,
        docs: &Docs,
    ) -> Ty {
        let t = match shape {
            Shape::Any | Shape::Reported => Ty::Any,
            Shape::Prim(t) => t,
            Shape::Literal(v) => Ty::Literal(v),
            Shape::Named(p) => Ty::Named(p),
            Shape::Bad(b) => {
                self.report(b);
                Ty::Any
            }
            Shape::Function => {
                self.error_at(
                    scope.file,
                    ty.span,
                    "a function type is not JSON data",
                    "functions are JavaScript API: keep them out of data types (function-typed \
                     members of interfaces are skipped)",
                );
                Ty::Any
            }
            Shape::Single(m, s) => self.lower_ty(&m, &s, hint, &docs_of(m.doc.as_deref())),
            Shape::StrEnum(_) | Shape::Object(_) | Shape::Union(..) => {
                self.hoist(ty, scope, hint, docs)
            }
            Shape::Map(value) => Ty::Map(Box::new(match value {
                Some((t, s)) => self.lower_ty(&t, &s, &hint.child("Value"), &docs_of(t.doc.as_deref())),
                None => Ty::Any,
            })),
            Shape::Array(t, s) => Ty::Array(Box::new(self.lower_ty(
                &t,
                &s,
                &hint.child("Item"),
                &docs_of(t.doc.as_deref()),
            ))),
            Shape::Tuple(items, s) => Ty::Tuple(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let docs = docs_of(t.doc.as_deref());
                        self.lower_ty(t, &s, &hint.child(&format!("Item{i}")), &docs)
                    })
                    .collect(),
            ),
        };
        if nullable { t.nullable() } else { t }
    }

    fn lower_struct(&mut self, obj: Obj, path: &TypePath) -> Struct {
        let owner = ident::type_name(&path.name);
        let mut out = Struct::default();
        for p in obj.props {
            let function_note = |this: &mut Loader, p: &super::utility::Prop| {
                this.note_at(
                    p.scope.file,
                    p.span,
                    format!(
                        "`{}.{}` is a method or function: JavaScript API, not wire data; skipped",
                        path.name, p.name
                    ),
                    "nothing to do: the messages that carry data are generated; functions are not",
                );
            };
            if p.method {
                function_note(self, &p);
                continue;
            }
            let docs = docs_of(p.doc.as_deref());
            let hint = Hint {
                module: path.module.clone(),
                name: format!("{owner}{}", ident::type_name(&p.name)),
                doc: Some(format!("The type of the `{}` member of [`{owner}`].", p.name)),
            };
            let ty = match &p.ty {
                None => Ty::Any,
                Some(t) => {
                    let (shape, nullable) = self.shape(t, &p.scope);
                    if matches!(shape, Shape::Function) {
                        function_note(self, &p);
                        continue;
                    }
                    self.lower_shape(shape, nullable, t, &p.scope, &hint, &docs)
                }
            };
            let integer = p.doc.as_ref().and_then(|d| d.as_type.as_deref()) == Some("integer");
            let field = Field {
                wire: p.name.clone(),
                ty: if integer { as_integer(ty) } else { ty },
                required: !p.optional,
                default: p.doc.as_ref().and_then(|d| d.default.clone()),
                docs,
                loc: self.loc(p.scope.file, p.span.start),
            };
            match out.fields.iter_mut().find(|f| f.wire == field.wire) {
                Some(existing) => *existing = field,
                None => out.fields.push(field),
            }
        }
        out.extra = match obj.index {
            None => Extra::Closed,
            Some((t, s)) => match self.shape(&t, &s) {
                (Shape::Any, false) => Extra::Open,
                _ => Extra::Map(self.lower_ty(
                    &t,
                    &s,
                    &Hint::new(path.module.clone(), format!("{owner}Extra")),
                    &Docs::default(),
                )),
            },
        };
        out
    }

    fn lower_union(&mut self, members: Vec<(usize, TsType)>, scope: &Scope, path: &TypePath) -> Union {
        let mut module = path.module.clone();
        module.push(path.name.clone());
        let owner = ident::type_name(&path.name);
        let mut variants = Vec::new();
        for (i, m) in members {
            let loc = self.loc(scope.file, m.span.start);
            let docs = docs_of(m.doc.as_deref());
            let (shape, nullable) = self.shape(&m, scope);
            let (name, ty, inline) = match shape {
                Shape::Object(obj) if !nullable => {
                    let name = self.member_name(&obj, m.doc.as_deref(), i);
                    let hint = Hint::new(module.clone(), ident::type_name(&name));
                    let ty = self.hoist(&m, scope, &hint, &docs);
                    (name, ty, true)
                }
                other => {
                    let hint = Hint::new(path.module.clone(), format!("{owner}{}", i + 1));
                    let ty = self.lower_shape(other, nullable, &m, scope, &hint, &docs);
                    (ty_word(&ty), ty, false)
                }
            };
            variants.push(Variant {
                name,
                tag: None,
                ty,
                inline,
                docs,
                loc,
            });
        }
        Union {
            repr: UnionRepr::Unclassified,
            variants,
        }
    }

    /// The name of an inline union member: its constant tag value, else its `@title`, else
    /// its position.
    fn member_name(&mut self, obj: &Obj, doc: Option<&JsDoc>, index: usize) -> String {
        let mut consts: Vec<(&str, String)> = Vec::new();
        for p in obj.props.iter().filter(|p| !p.method) {
            if let Some(s) = p.ty.as_ref().and_then(|t| self.string_literal(t, &p.scope)) {
                consts.push((&p.name, s));
            }
        }
        TAG_KEYS
            .iter()
            .find_map(|k| consts.iter().find(|(n, _)| n == k))
            .or_else(|| consts.first())
            .map(|(_, v)| v.clone())
            .or_else(|| doc.and_then(|d| d.title.clone()))
            .unwrap_or_else(|| format!("Variant{}", index + 1))
    }

    /// The string of a string-literal type (`"a"`, `Enum.A`, a bound type parameter).
    pub(super) fn string_literal(&self, ty: &TsType, scope: &Scope) -> Option<String> {
        match &ty.kind {
            TyKind::Literal(Value::String(s)) => Some(s.clone()),
            TyKind::Ref { name, args } if args.is_empty() => {
                if let [one] = name.as_slice() {
                    if let Some((t, s)) = scope.bound(one) {
                        return self.string_literal(&t, &s);
                    }
                }
                match self.pkg.lookup(scope.file, name) {
                    Ok(Found::EnumMember(Value::String(s))) => Some(s),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Classifies a type expression; the flag says whether `null` is allowed too.
    pub(super) fn shape(&mut self, ty: &TsType, scope: &Scope) -> (Shape, bool) {
        let s = match &ty.kind {
            TyKind::Any | TyKind::Unknown => Shape::Any,
            TyKind::String => Shape::Prim(Ty::String),
            TyKind::Number => Shape::Prim(Ty::Number),
            TyKind::Boolean => Shape::Prim(Ty::Bool),
            TyKind::Null => Shape::Literal(Value::Null),
            TyKind::Undefined => bad(
                scope,
                ty.span,
                "`undefined` is not a JSON value",
                "make the member optional (`x?: T`) instead",
            ),
            TyKind::Never => bad(scope, ty.span, "`never` has no values", "remove the member"),
            TyKind::ObjectKeyword => Shape::Map(None),
            TyKind::Literal(v) => Shape::Literal(v.clone()),
            TyKind::Ref { name, args } => return self.ref_shape(ty, name, args, scope),
            TyKind::Array(t) => Shape::Array((**t).clone(), scope.clone()),
            TyKind::Tuple(elems) => {
                if elems.iter().any(|e| e.optional || e.rest) {
                    bad(
                        scope,
                        ty.span,
                        "unsupported TypeScript construct: an optional or rest tuple element",
                        "a tuple maps to a fixed-length Rust tuple; use an array (`T[]`) for variable length",
                    )
                } else {
                    Shape::Tuple(elems.iter().map(|e| e.ty.clone()).collect(), scope.clone())
                }
            }
            TyKind::Object(members) => {
                let has_props = members.iter().any(|m| matches!(m.kind, MemberKind::Property(_)));
                let index = members.iter().find_map(|m| match &m.kind {
                    MemberKind::Index(k, v) => Some((k, v)),
                    _ => None,
                });
                if only_methods(members) {
                    Shape::Function
                } else if let (false, Some((k, v))) = (has_props, index) {
                    if matches!(k.kind, TyKind::String | TyKind::Number) {
                        Shape::Map(Some((v.clone(), scope.clone())))
                    } else {
                        bad(
                            scope,
                            k.span,
                            "an index signature's key must be `string` or `number`",
                            "JSON object keys are strings; use `[key: string]: T`",
                        )
                    }
                } else {
                    self.object_shape(ty, scope)
                }
            }
            TyKind::Intersection(_) => self.object_shape(ty, scope),
            TyKind::Mapped(m) if matches!(m.constraint.kind, TyKind::String | TyKind::Number) => {
                let mut env: Vec<(String, TsType, Scope)> =
                    scope.env.as_deref().cloned().unwrap_or_default();
                env.push((m.key.clone(), m.constraint.clone(), scope.clone()));
                let inner = Scope {
                    file: scope.file,
                    env: Some(std::rc::Rc::new(env)),
                };
                Shape::Map(m.value.clone().map(|v| (v, inner)))
            }
            TyKind::Mapped(_) => self.object_shape(ty, scope),
            TyKind::Union(_) => return self.union_shape(ty, scope),
            TyKind::Keyof(_) | TyKind::Template(..) => match self.literal_strings(ty, scope, 0) {
                Some(v) if v.len() >= 2 => Shape::StrEnum(v),
                Some(v) if v.len() == 1 => Shape::Literal(v[0].clone().into()),
                _ if matches!(ty.kind, TyKind::Template(..)) => Shape::Prim(Ty::String),
                _ => bad(
                    scope,
                    ty.span,
                    "unsupported TypeScript construct: `keyof` of a type that is not a known object type",
                    "apply `keyof` to an interface or object type of the package, or to `typeof` an `as const` table",
                ),
            },
            TyKind::Typeof(_) => bad(
                scope,
                ty.span,
                "unsupported TypeScript construct: `typeof` of a value",
                "for an `as const` table use `(typeof t)[keyof typeof t]` (its values) or \
                 `keyof typeof t` (its keys)",
            ),
            TyKind::Indexed(obj, index) => return self.indexed_shape(ty, obj, index, scope),
            TyKind::Function => Shape::Function,
            TyKind::Unsupported(what) => bad(
                scope,
                ty.span,
                format!("unsupported TypeScript construct: {what}"),
                unsupported_hint(what),
            ),
        };
        (s, false)
    }

    fn object_shape(&mut self, ty: &TsType, scope: &Scope) -> Shape {
        match self.object_of(ty, scope, 0) {
            Ok(Some(obj)) => Shape::Object(obj),
            Ok(None) => bad(
                scope,
                ty.span,
                "unsupported TypeScript construct: an object type wiregen cannot resolve",
                "write the object type out as an interface",
            ),
            Err(b) => Shape::Bad(b),
        }
    }

    fn union_shape(&mut self, ty: &TsType, scope: &Scope) -> (Shape, bool) {
        fn flatten(t: &TsType, out: &mut Vec<TsType>) {
            match &t.kind {
                TyKind::Union(members) => members.iter().for_each(|m| flatten(m, out)),
                _ => out.push(t.clone()),
            }
        }
        let mut flat = Vec::new();
        flatten(ty, &mut flat);
        let mut nullable = false;
        let mut rest: Vec<(usize, TsType)> = Vec::new();
        let mut index = 0;
        for m in flat {
            match m.kind {
                TyKind::Undefined => continue,
                TyKind::Null => nullable = true,
                _ => rest.push((index, m)),
            }
            index += 1;
        }
        if rest.is_empty() {
            return (Shape::Literal(Value::Null), false);
        }
        if rest.len() >= 2 {
            let strings: Option<Vec<String>> = rest
                .iter()
                .map(|(_, m)| self.string_literal(m, scope))
                .collect();
            if let Some(strings) = strings {
                let mut values: Vec<String> = Vec::new();
                for s in strings {
                    if !values.contains(&s) {
                        values.push(s);
                    }
                }
                return (Shape::StrEnum(values), nullable);
            }
        }
        if rest.len() == 1 {
            let (_, one) = rest.pop().expect("one member");
            return (Shape::Single(one, scope.clone()), nullable);
        }
        (Shape::Union(rest, scope.clone()), nullable)
    }

    fn ref_shape(
        &mut self,
        ty: &TsType,
        name: &[String],
        args: &[TsType],
        scope: &Scope,
    ) -> (Shape, bool) {
        if let [one] = name {
            if let Some((t, s)) = scope.bound(one) {
                return self.shape(&t, &s);
            }
        }
        let pkg = self.pkg.clone();
        let shown = name.join(".");
        let s = match pkg.lookup(scope.file, name) {
            Ok(Found::EnumMember(v)) => Shape::Literal(v),
            Ok(Found::Namespace(_)) => bad(
                scope,
                ty.span,
                format!("`{shown}` is a namespace, not a type"),
                format!("name a type exported by it: `{shown}.Name`"),
            ),
            Ok(Found::Decl(f, i)) => {
                let decl = &pkg.files[f].syntax.decls[i];
                match &decl.kind {
                    DeclKind::Value | DeclKind::ConstTable(_) => bad(
                        scope,
                        ty.span,
                        format!("`{shown}` is a value, not a type"),
                        "for an `as const` table use `(typeof t)[keyof typeof t]`",
                    ),
                    DeclKind::Interface { members, extends, .. }
                        if extends.is_empty() && only_methods(members) =>
                    {
                        Shape::Function
                    }
                    DeclKind::Alias { ty: t, .. } if matches!(t.kind, TyKind::Function) => Shape::Function,
                    _ if decl.params().is_empty() && args.is_empty() => {
                        Shape::Named(self.decl_path(f, i))
                    }
                    _ => match self.instance(f, i, args, scope, ty.span) {
                        Ok(path) => Shape::Named(path),
                        Err(b) => Shape::Bad(b),
                    },
                }
            }
            Err(Missing::Reported) => Shape::Reported,
            Err(Missing::External(source)) => bad(
                scope,
                ty.span,
                format!("`{shown}` is imported from `{source}`, which wiregen does not read"),
                "wiregen follows the relative imports of the package only; declare the type in \
                 the package, or use `unknown`",
            ),
            Err(Missing::NoExport(file, n)) => bad(
                scope,
                ty.span,
                format!("`{file}` has no export named `{n}`"),
                "check the name, or export it from that file",
            ),
            Err(Missing::Unknown) => return self.builtin_shape(ty, &shown, args, scope),
        };
        (s, false)
    }

    fn builtin_shape(&mut self, ty: &TsType, name: &str, args: &[TsType], scope: &Scope) -> (Shape, bool) {
        let arity = |n: usize| args.len() == n;
        let s = match name {
            "Array" | "ReadonlyArray" if arity(1) => Shape::Array(args[0].clone(), scope.clone()),
            "Record" if arity(2) && matches!(args[0].kind, TyKind::String | TyKind::Number) => {
                Shape::Map(Some((args[1].clone(), scope.clone())))
            }
            "Record" | "Partial" | "Required" | "Readonly" | "Pick" | "Omit" => self.object_shape(ty, scope),
            "NonNullable" if arity(1) => return (self.shape(&args[0], scope).0, false),
            "Date" => bad(
                scope,
                ty.span,
                "`Date` is not a JSON value",
                "JSON carries dates as strings: use `string` (with `@format date-time`)",
            ),
            "Map" | "Set" | "WeakMap" | "WeakSet" | "Promise" | "Function" | "RegExp" | "Error"
            | "Symbol" | "Uint8Array" | "ArrayBuffer" => bad(
                scope,
                ty.span,
                format!("`{name}` is not a JSON value"),
                "use `Record<string, T>` for maps, `T[]` for sets and lists, and plain data types",
            ),
            _ => bad(
                scope,
                ty.span,
                format!("cannot find type `{name}`"),
                format!(
                    "declare it in the package, or import it: `import type {{ {name} }} from \"./file.js\"`"
                ),
            ),
        };
        (s, false)
    }

    fn indexed_shape(&mut self, ty: &TsType, obj: &TsType, index: &TsType, scope: &Scope) -> (Shape, bool) {
        // `(typeof table)[keyof typeof table]`: the table's values, as its own type.
        if let (TyKind::Typeof(name), TyKind::Keyof(k)) = (&obj.kind, &index.kind) {
            if matches!(&k.kind, TyKind::Typeof(n) if n == name) {
                if let Ok(Found::Decl(f, i)) = self.pkg.clone().lookup(scope.file, name) {
                    let literal = matches!(&self.pkg.files[f].syntax.decls[i].kind,
                        DeclKind::ConstTable(m) if m.iter().all(|m| m.value.is_some()));
                    if literal && !self.table_has_type(f, i) {
                        return (Shape::Named(self.decl_path(f, i)), false);
                    }
                    match self.literal_strings(ty, scope, 0) {
                        Some(v) if v.len() >= 2 => return (Shape::StrEnum(v), false),
                        Some(v) if v.len() == 1 => return (Shape::Literal(v[0].clone().into()), false),
                        _ => {}
                    }
                }
            }
        }
        if let Some([key]) = self.literal_strings(index, scope, 0).as_deref() {
            return match self.object_of(obj, scope, 0) {
                Ok(Some(o)) => match o.props.into_iter().find(|p| p.name == *key) {
                    Some(p) => match p.ty {
                        Some(t) => self.shape(&t, &p.scope),
                        None => (Shape::Any, false),
                    },
                    None => (
                        bad(scope, index.span, format!("the type has no member `{key}`"), "check the key"),
                        false,
                    ),
                },
                Ok(None) => (
                    bad(
                        scope,
                        obj.span,
                        "unsupported TypeScript construct: indexed access into a type that is not a known object type",
                        "index an interface or object type of the package",
                    ),
                    false,
                ),
                Err(b) => (Shape::Bad(b), false),
            };
        }
        if matches!(index.kind, TyKind::Number) {
            if let (Shape::Array(t, s), _) = self.shape(obj, scope) {
                return self.shape(&t, &s);
            }
        }
        (
            bad(
                scope,
                ty.span,
                "unsupported TypeScript construct: indexed access type",
                "write the member's type out, or index with a string literal (`T[\"key\"]`)",
            ),
            false,
        )
    }
}

/// `number` → `integer` (for `@asType integer`).
fn as_integer(ty: Ty) -> Ty {
    match ty {
        Ty::Number => Ty::Integer,
        Ty::Nullable(inner) if *inner == Ty::Number => Ty::Nullable(Box::new(Ty::Integer)),
        other => other,
    }
}
