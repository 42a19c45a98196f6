//! Shapes: what a TypeScript type expression describes, classified the way the JSON Schema
//! frontend classifies a schema node (a union with `null`, a string-literal union, an object, a
//! map, an array, a named type, ...), resolving names, generic parameters, enum members,
//! `keyof`, indexed access and the built-in generics (`Array`, `Record`, `Partial`, ...).

use super::resolve::{Found, Missing};
use super::syntax::{DeclKind, MemberKind, Span, TsType, TyKind};
use super::utility::{Bad, Obj};
use super::{Loader, Scope};
use crate::ir::{Ty, TypePath};
use serde_json::Value;

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

fn bad(
    code: &'static str,
    scope: &Scope,
    span: Span,
    message: impl Into<String>,
    hint: impl Into<String>,
) -> Shape {
    Shape::Bad((scope.file, span, message.into(), hint.into(), code))
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

/// Platform globals that are live JavaScript objects (signals, streams, handles, promises):
/// a member of one of these types makes its object JavaScript API.
pub(super) fn is_api_global(name: &str) -> bool {
    matches!(
        name,
        "AbortSignal"
            | "AbortController"
            | "EventTarget"
            | "ReadableStream"
            | "WritableStream"
            | "TransformStream"
            | "MessagePort"
            | "Worker"
            | "WebSocket"
            | "Promise"
            | "PromiseLike"
            | "Function"
    )
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
    /// The string of a string-literal type (`"a"`, `Enum.A`, a bound type parameter).
    pub(super) fn string_literal(&self, ty: &TsType, scope: &Scope) -> Option<String> {
        match &ty.kind {
            TyKind::Literal(Value::String(s)) => Some(s.clone()),
            TyKind::Typeof(name) => match self.constant(scope, name)? {
                Value::String(s) => Some(s),
                _ => None,
            },
            TyKind::Ref { name, args } if args.is_empty() => {
                if let [one] = name.as_slice()
                    && let Some((t, s)) = scope.bound(one)
                {
                    return self.string_literal(&t, &s);
                }
                match self.pkg.lookup(scope.file, name) {
                    Ok(Found::EnumMember(Value::String(s))) => Some(s),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The literal value of a `const` named in `scope` (what `typeof X` denotes).
    pub(super) fn constant(&self, scope: &Scope, name: &[String]) -> Option<Value> {
        match self.pkg.lookup(scope.file, name).ok()? {
            Found::Decl(f, i) => match &self.pkg.files[f].syntax.decls[i].kind {
                DeclKind::Constant(v) => Some(v.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// Classifies a type expression; the flag says whether `null` is allowed too.
    pub(super) fn shape(&mut self, ty: &TsType, scope: &Scope) -> (Shape, bool) {
        if self.shape_depth >= crate::limits::MAX_DEPTH {
            return (
                bad(
                    "E0012",
                    scope,
                    ty.span,
                    "the type refers to itself (through indexed access, aliases or utility types) or nests too deeply",
                    "write the member's type out instead of `T[\"key\"]` of the type itself",
                ),
                false,
            );
        }
        if self.fuel == 0 {
            return (
                bad(
                    "E0012",
                    scope,
                    ty.span,
                    super::OUT_OF_FUEL,
                    super::OUT_OF_FUEL_HINT,
                ),
                false,
            );
        }
        self.fuel -= 1;
        self.shape_depth += 1;
        let s = self.shape_nested(ty, scope);
        self.shape_depth -= 1;
        s
    }

    fn shape_nested(&mut self, ty: &TsType, scope: &Scope) -> (Shape, bool) {
        let s = match &ty.kind {
            TyKind::Any | TyKind::Unknown => Shape::Any,
            TyKind::String => Shape::Prim(Ty::String),
            TyKind::Number => Shape::Prim(Ty::Number),
            TyKind::Boolean => Shape::Prim(Ty::Bool),
            TyKind::Null => Shape::Literal(Value::Null),
            TyKind::Undefined => bad(
                "E0022",
                scope,
                ty.span,
                "`undefined` is not a JSON value",
                "make the member optional (`x?: T`) instead",
            ),
            TyKind::Never => bad(
                "E0022",
                scope,
                ty.span,
                "`never` has no values",
                "remove the member, or make it optional (`x?: never`: never present)",
            ),
            TyKind::ObjectKeyword => Shape::Map(None),
            TyKind::Literal(v) => Shape::Literal(v.clone()),
            TyKind::Ref { name, args } => return self.ref_shape(ty, name, args, scope),
            TyKind::Array(t) => Shape::Array((**t).clone(), scope.clone()),
            TyKind::Tuple(elems) => {
                if elems.iter().any(|e| e.optional || e.rest) {
                    bad(
                        "E0022",
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
                let has_props = members
                    .iter()
                    .any(|m| matches!(m.kind, MemberKind::Property(_)));
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
                            "E0022",
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
                    "E0022",
                    scope,
                    ty.span,
                    "unsupported TypeScript construct: `keyof` of a type that is not a known object type",
                    "apply `keyof` to an interface or object type of the package, or to `typeof` an `as const` table",
                ),
            },
            TyKind::Typeof(name) => match self.constant(scope, name) {
                Some(v) => Shape::Literal(v),
                None => bad(
                    "E0022",
                    scope,
                    ty.span,
                    "unsupported TypeScript construct: `typeof` of a value",
                    "`typeof X` is the literal of a `const X = \"...\"` (or `-1`, `true`); for an \
                 `as const` table use `(typeof t)[keyof typeof t]` (its values) or \
                 `keyof typeof t` (its keys)",
                ),
            },
            TyKind::Indexed(obj, index) => return self.indexed_shape(ty, obj, index, scope),
            TyKind::Function => Shape::Function,
            TyKind::Unsupported(what) => bad(
                "E0022",
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
                "E0022",
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
        // `"a" | "b" | string` is `string` (TypeScript absorbs literals into their primitive;
        // the reference writes `string`), likewise for numbers and booleans.
        let prims: Vec<bool> = [TyKind::String, TyKind::Number, TyKind::Boolean]
            .iter()
            .map(|p| {
                rest.iter()
                    .any(|(_, m)| std::mem::discriminant(&m.kind) == std::mem::discriminant(p))
            })
            .collect();
        if prims.contains(&true) {
            let absorbed: Vec<bool> = rest
                .iter()
                .map(|(_, m)| match &m.kind {
                    TyKind::Literal(Value::Number(_)) => prims[1],
                    TyKind::Literal(Value::Bool(_)) => prims[2],
                    _ => prims[0] && self.string_literal(m, scope).is_some(),
                })
                .collect();
            let mut keep = absorbed.iter().map(|a| !a);
            rest.retain(|_| keep.next().unwrap_or(true));
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
        if let [one] = name
            && let Some((t, s)) = scope.bound(one)
        {
            return self.shape(&t, &s);
        }
        let pkg = self.pkg.clone();
        let shown = name.join(".");
        let s = match pkg.lookup(scope.file, name) {
            Ok(Found::EnumMember(v)) => Shape::Literal(v),
            Ok(Found::Namespace(_)) => bad(
                "E0021",
                scope,
                ty.span,
                format!("`{shown}` is a namespace, not a type"),
                format!("name a type exported by it: `{shown}.Name`"),
            ),
            Ok(Found::Decl(f, i)) => {
                let decl = &pkg.files[f].syntax.decls[i];
                match &decl.kind {
                    DeclKind::Value | DeclKind::ConstTable(_) | DeclKind::Constant(_) => bad(
                        "E0021",
                        scope,
                        ty.span,
                        format!("`{shown}` is a value, not a type"),
                        "for an `as const` table use `(typeof t)[keyof typeof t]`",
                    ),
                    DeclKind::Interface {
                        members, extends, ..
                    } if extends.is_empty() && only_methods(members) => Shape::Function,
                    DeclKind::Alias { ty: t, .. } if matches!(t.kind, TyKind::Function) => {
                        Shape::Function
                    }
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
                "E0021",
                scope,
                ty.span,
                format!("`{shown}` is imported from `{source}`, which wiregen does not read"),
                "wiregen follows the relative imports of the package only; declare the type in \
                 the package, or use `unknown`",
            ),
            Err(Missing::NoExport(file, n)) => bad(
                "E0021",
                scope,
                ty.span,
                format!("`{file}` has no export named `{n}`"),
                "check the name, or export it from that file",
            ),
            Err(Missing::Unknown) => return self.builtin_shape(ty, &shown, args, scope),
        };
        (s, false)
    }

    fn builtin_shape(
        &mut self,
        ty: &TsType,
        name: &str,
        args: &[TsType],
        scope: &Scope,
    ) -> (Shape, bool) {
        let arity = |n: usize| args.len() == n;
        let s = match name {
            "Array" | "ReadonlyArray" if arity(1) => Shape::Array(args[0].clone(), scope.clone()),
            "Record" if arity(2) && matches!(args[0].kind, TyKind::String | TyKind::Number) => {
                Shape::Map(Some((args[1].clone(), scope.clone())))
            }
            "Record" | "Partial" | "Required" | "Readonly" | "Pick" | "Omit" => {
                self.object_shape(ty, scope)
            }
            "NonNullable" if arity(1) => return (self.shape(&args[0], scope).0, false),
            "Date" => bad(
                "E0022",
                scope,
                ty.span,
                "`Date` is not a JSON value",
                "JSON carries dates as strings: use `string` (with `@format date-time`)",
            ),
            "Uint8Array" | "Uint16Array" | "Uint32Array" | "Int8Array" | "Int16Array"
            | "Int32Array" | "Float32Array" | "Float64Array" | "ArrayBuffer" | "DataView"
            | "Blob" => bad(
                "E0022",
                scope,
                ty.span,
                format!("`{name}` is not a JSON value"),
                "JSON carries bytes as text: use `string` (base64, with `@contentEncoding base64`) \
                 or `number[]`",
            ),
            "Map" | "Set" | "WeakMap" | "WeakSet" | "RegExp" | "Error" | "Symbol" | "URL" => bad(
                "E0022",
                scope,
                ty.span,
                format!("`{name}` is not a JSON value"),
                "use `Record<string, T>` for maps, `T[]` for sets and lists, and plain data types",
            ),
            _ if is_api_global(name) => bad(
                "E0022",
                scope,
                ty.span,
                format!("`{name}` is a JavaScript object, not a JSON value"),
                "it belongs to JavaScript API (options, handles): keep it out of data types, \
                 e.g. with `Omit<T, \"member\">`",
            ),
            _ => {
                let names = self.pkg.visible_names(scope.file);
                let hint = match crate::ident::nearest(name, names) {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => format!(
                        "declare it in the package, or import it: `import type {{ {name} }} from \"./file.js\"`"
                    ),
                };
                bad(
                    "E0021",
                    scope,
                    ty.span,
                    format!("cannot find type `{name}`"),
                    hint,
                )
            }
        };
        (s, false)
    }

    fn indexed_shape(
        &mut self,
        ty: &TsType,
        obj: &TsType,
        index: &TsType,
        scope: &Scope,
    ) -> (Shape, bool) {
        // `(typeof table)[keyof typeof table]`: the table's values, as its own type.
        if let (TyKind::Typeof(name), TyKind::Keyof(k)) = (&obj.kind, &index.kind)
            && matches!(&k.kind, TyKind::Typeof(n) if n == name)
            && let Ok(Found::Decl(f, i)) = self.pkg.clone().lookup(scope.file, name)
        {
            let literal = matches!(&self.pkg.files[f].syntax.decls[i].kind,
                        DeclKind::ConstTable(m) if m.iter().all(|m| m.value.is_some()));
            if literal && !self.table_has_type(f, i) {
                return (Shape::Named(self.decl_path(f, i)), false);
            }
            match self.literal_strings(ty, scope, 0) {
                Some(v) if v.len() >= 2 => return (Shape::StrEnum(v), false),
                Some(v) if v.len() == 1 => {
                    return (Shape::Literal(v[0].clone().into()), false);
                }
                _ => {}
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
                        bad(
                            "E0021",
                            scope,
                            index.span,
                            format!("the type has no member `{key}`"),
                            "check the key",
                        ),
                        false,
                    ),
                },
                Ok(None) => (
                    bad(
                        "E0022",
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
        if matches!(index.kind, TyKind::Number)
            && let (Shape::Array(t, s), _) = self.shape(obj, scope)
        {
            return self.shape(&t, &s);
        }
        (
            bad(
                "E0022",
                scope,
                ty.span,
                "unsupported TypeScript construct: indexed access type",
                "write the member's type out, or index with a string literal (`T[\"key\"]`)",
            ),
            false,
        )
    }
}
