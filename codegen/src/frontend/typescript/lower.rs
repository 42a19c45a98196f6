//! Lowering: TypeScript type expressions → IR, by the JSON Schema frontend's rules so both
//! frontends give the same IR for equivalent input. A type expression is first classified
//! (`shape.rs`); named declarations become [`TypeDef`]s; inline object types, string
//! unions and unions are hoisted into named types (`Parent` + `Field`, `…Item`, `…Value`,
//! union members into the union's module, named by their tag).

use super::jsdoc::{JsDoc, docs_of};
use super::shape::Shape;
use super::syntax::{DeclKind, TsType, TyKind};
use super::utility::{Bad, Obj};
use super::{Job, Loader, Scope};
use crate::frontend::Hint;
use crate::frontend::jsonschema::{TAG_KEYS, ty_word};
use crate::ident;
use crate::ir::{
    Docs, EnumValue, Extra, Field, StringEnum, Struct, Ty, TypeDef, TypeKind, TypePath, Union,
    UnionRepr, Variant,
};
use serde_json::Value;

impl Loader {
    /// Lowers every queued declaration.
    pub(super) fn run(&mut self) {
        while let Some((job, path)) = self.queue.pop_front() {
            self.lower_decl(job, path);
        }
    }

    fn report(&mut self, b: Bad) {
        self.error_at(b.4, b.0, b.1, b.2, b.3);
    }

    fn lower_decl(&mut self, job: Job, path: TypePath) {
        let pkg = self.pkg.clone();
        let decl = &pkg.files[job.file].syntax.decls[job.decl];
        self.reached.insert((job.file, job.decl));
        let docs = docs_of(decl.doc.as_deref());
        let loc = self.loc(job.file, decl.span.start);
        let integer = decl.doc.as_ref().and_then(|d| d.as_type.as_deref()) == Some("integer");
        if path.module.is_empty()
            && let Some(doc) = &decl.doc
        {
            for text in &doc.wiregen {
                let pairs = super::jsdoc::wiregen_pairs(text);
                if let Some(h) = crate::typesettings::hint(&path.name, pairs, &loc, &mut self.diags)
                {
                    self.module.hints.push(h);
                }
            }
        }
        match &decl.kind {
            DeclKind::Interface { .. } => {
                let slot = self.push_def(&path, docs, loc, false);
                // On the stack of expanded declarations, so `A extends B`, `B extends A` is
                // reported at `A`'s own base.
                let args: Vec<String> = job
                    .scope
                    .env
                    .iter()
                    .flat_map(|env| env.iter())
                    .map(|(_, t, s)| self.canon(t, s, 0))
                    .collect();
                self.expanding.push((job.file, job.decl, args.join(",")));
                let members = self.interface_obj(job.file, job.decl, &job.scope, 0);
                self.expanding.pop();
                let kind = match members {
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
                if integer && let TypeKind::Alias(t) = &mut self.module.types[slot].kind {
                    *t = as_integer(std::mem::replace(t, Ty::Any));
                }
            }
            DeclKind::Enum(members) | DeclKind::ConstTable(members) => {
                let slot = self.push_def(&path, docs, loc, false);
                let mut values: Vec<(Value, Docs, u32)> = Vec::new();
                for m in members {
                    match &m.value {
                        Some(v) => values.push((v.clone(), docs_of(m.doc.as_deref()), m.span.start)),
                        None => self.error_at("E0022", 
                            job.file,
                            m.span,
                            "unsupported TypeScript construct: a member whose value is not a literal",
                            "give every member a string or number literal value",
                        ),
                    }
                }
                self.module.types[slot].kind = self.const_kind(values, job.file);
            }
            DeclKind::Value | DeclKind::Constant(_) => {}
        }
    }

    /// An `enum` or `as const` table: a string enum, one constant, or a union of constants.
    fn const_kind(&mut self, values: Vec<(Value, Docs, u32)>, file: usize) -> TypeKind {
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
        TypeKind::Union(Union {
            repr: UnionRepr::Unclassified,
            tag_hint: None,
            ordered: Vec::new(),
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

    fn push_def(
        &mut self,
        path: &TypePath,
        docs: Docs,
        loc: crate::diag::Loc,
        hoisted: bool,
    ) -> usize {
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
        let wraps = matches!(
            shape,
            Shape::Object(_) | Shape::StrEnum(_) | Shape::Union(..)
        );
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
        let key = (scope.file, ty.span.start, ty.span.end);
        if let Some(start) = self
            .hoisting
            .iter()
            .position(|(f, s, e, _)| (*f, *s, *e) == key)
        {
            let mut chain: Vec<&str> = self.hoisting[start..]
                .iter()
                .map(|(_, _, _, n)| n.as_str())
                .collect();
            chain.push(&self.hoisting[start].3);
            let message = format!(
                "this type contains itself (cycle through {})",
                chain.join(" → ")
            );
            self.error_at("E0012", 
                scope.file,
                ty.span,
                message,
                "declare the type with a name and refer to it by name: a utility type of a type that contains it cannot be expanded",
            );
            return Ty::Any;
        }
        let path = self.hoist_name(&hint.module, &hint.name, loc.clone());
        self.hoisting.push((key.0, key.1, key.2, path.name.clone()));
        let slot = self.define(ty, scope, path.clone(), true, true, docs, loc);
        self.hoisting.pop();
        if self.module.types[slot].docs.text.is_none() {
            self.module.types[slot].docs.text.clone_from(&hint.doc);
        }
        Ty::Named(path)
    }

    fn lower_ty(&mut self, ty: &TsType, scope: &Scope, hint: &Hint, docs: &Docs) -> Ty {
        if self.depth >= crate::limits::MAX_DEPTH {
            self.error_at(
                "E0012",
                scope.file,
                ty.span,
                format!(
                    "types nest more than {} levels deep here",
                    crate::limits::MAX_DEPTH
                ),
                "declare inner types with names and refer to them",
            );
            return Ty::Any;
        }
        self.depth += 1;
        let (shape, nullable) = self.shape(ty, scope);
        let t = self.lower_shape(shape, nullable, ty, scope, hint, docs);
        self.depth -= 1;
        t
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
                    "E0022",
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
                Some((t, s)) => {
                    self.lower_ty(&t, &s, &hint.child("Value"), &docs_of(t.doc.as_deref()))
                }
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
        let mut absent: Vec<String> = Vec::new();
        for p in obj.props {
            let function_note = |this: &mut Loader, p: &super::utility::Prop| {
                this.note_at(
                    "N0002",
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
                doc: Some(format!(
                    "The type of the `{}` member of [`{owner}`].",
                    p.name
                )),
            };
            let ty = match &p.ty {
                // `x?: never` (or `x?: undefined`): never present, so no field.
                Some(t) if p.optional && matches!(t.kind, TyKind::Never | TyKind::Undefined) => {
                    out.fields.retain(|f| f.wire != p.name);
                    absent.push(p.name.clone());
                    continue;
                }
                None => {
                    // TypeScript's implicit `any` (tsc: TS7008 under `noImplicitAny`); the
                    // reference converter drops such a member.
                    self.error_at(
                        "E0023",
                        p.scope.file,
                        p.span,
                        format!("the member `{}` has no type (implicitly `any`)", p.name),
                        format!(
                            "write its type: `{}: unknown` for any JSON value; a missing `:` \
                             or `;` also reads as an untyped member",
                            p.name
                        ),
                    );
                    Ty::Any
                }
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
            absent.retain(|n| *n != field.wire);
            match out.fields.iter_mut().find(|f| f.wire == field.wire) {
                Some(existing) => *existing = field,
                None => out.fields.push(field),
            }
        }
        // Documented by the backend, as for JSON Schema's `"x": {"not": {}}`.
        out.never = absent;
        out.extra = match obj.index {
            None => Extra::Closed,
            // `[key: string]: unknown` too: an open object keeps its other members.
            Some((t, s)) => Extra::Map(self.lower_ty(
                &t,
                &s,
                &Hint::new(path.module.clone(), format!("{owner}Extra")),
                &Docs::default(),
            )),
        };
        out
    }

    fn lower_union(
        &mut self,
        members: Vec<(usize, TsType)>,
        scope: &Scope,
        path: &TypePath,
    ) -> Union {
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
            tag_hint: None,
            ordered: Vec::new(),
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
}

/// `number` → `integer` (for `@asType integer`).
fn as_integer(ty: Ty) -> Ty {
    match ty {
        Ty::Number => Ty::Integer,
        Ty::Nullable(inner) if *inner == Ty::Number => Ty::Nullable(Box::new(Ty::Integer)),
        other => other,
    }
}
