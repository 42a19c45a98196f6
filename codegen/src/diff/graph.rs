//! The type graph of a module, as `wiregen diff` walks it: which types are compared by name
//! (roots), what each definition refers to, and how types are described in reports.

use crate::ir::{Extra, Module, Ty, TypeDef, TypeKind, TypePath, UnionRepr};
use std::collections::BTreeSet;

/// Recursion limit for descriptions of type expressions.
const MAX_DEPTH: usize = 64;

/// The types compared by name: every type the protocol named, plus hoisted types that no
/// named type reaches (so none is left out).
pub(super) fn roots(m: &Module) -> Vec<&TypeDef> {
    let mut reached: BTreeSet<TypePath> = BTreeSet::new();
    let mut todo: Vec<TypePath> = m
        .types
        .iter()
        .filter(|t| !t.hoisted)
        .flat_map(refs)
        .collect();
    while let Some(p) = todo.pop() {
        if let Some(t) = m.get(&p).filter(|t| t.hoisted)
            && reached.insert(p)
        {
            todo.extend(refs(t));
        }
    }
    m.types
        .iter()
        .filter(|t| !t.hoisted || !reached.contains(&t.path()))
        .collect()
}

/// The named types a definition refers to directly.
pub(super) fn refs(t: &TypeDef) -> Vec<TypePath> {
    let mut out = Vec::new();
    match &t.kind {
        TypeKind::Struct(s) => {
            s.fields.iter().for_each(|f| ty_refs(&f.ty, &mut out));
            if let Extra::Map(ty) = &s.extra {
                ty_refs(ty, &mut out);
            }
        }
        TypeKind::Union(u) => u.variants.iter().for_each(|v| ty_refs(&v.ty, &mut out)),
        TypeKind::Alias(ty) => ty_refs(ty, &mut out),
        TypeKind::Enum(_) => {}
    }
    out
}

fn ty_refs(ty: &Ty, out: &mut Vec<TypePath>) {
    match ty {
        Ty::Named(p) => out.push(p.clone()),
        Ty::Array(t) | Ty::Map(t) | Ty::Nullable(t) => ty_refs(t, out),
        Ty::Tuple(ts) => ts.iter().for_each(|t| ty_refs(t, out)),
        Ty::Any | Ty::String | Ty::Bool | Ty::Integer | Ty::Number | Ty::Literal(_) => {}
    }
}

/// What a top-level type is, for the report's group headings.
pub(super) fn kind_of(m: &Module, name: &str) -> Option<String> {
    roots(m)
        .into_iter()
        .find(|t| t.path().to_string() == name)
        .map(|t| kind_desc(m, t))
}

/// `struct`, `string enum`, `union tagged by "type"`, `alias of string[]`.
pub(super) fn kind_desc(m: &Module, t: &TypeDef) -> String {
    match &t.kind {
        TypeKind::Struct(_) => "struct".into(),
        TypeKind::Enum(_) => "string enum".into(),
        TypeKind::Union(u) => repr_desc(&u.repr),
        TypeKind::Alias(ty) => format!("alias of {}", desc(m, ty, 0)),
    }
}

pub(super) fn repr_desc(r: &UnionRepr) -> String {
    match r {
        UnionRepr::Tagged { tag } => format!("union tagged by {}", quoted(tag)),
        UnionRepr::Adjacent { tag, content } => {
            format!(
                "union tagged by {}, content {}",
                quoted(tag),
                quoted(content)
            )
        }
        UnionRepr::Untagged | UnionRepr::Unclassified => "untagged union".into(),
    }
}

pub(super) fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

/// A type expression in TypeScript-like notation: `string[]`, `ThemePaletteConfigDTO | null`,
/// `"info" | "warn"` for an inline enum.
pub(super) fn desc(m: &Module, ty: &Ty, depth: usize) -> String {
    if depth > MAX_DEPTH {
        return "…".into();
    }
    let wrap = |s: String| {
        if s.contains(" | ") {
            format!("({s})")
        } else {
            s
        }
    };
    match ty {
        Ty::Any => "any".into(),
        Ty::String => "string".into(),
        Ty::Bool => "boolean".into(),
        Ty::Integer => "integer".into(),
        Ty::Number => "number".into(),
        Ty::Literal(v) => v.to_string(),
        Ty::Array(t) => format!("{}[]", wrap(desc(m, t, depth + 1))),
        Ty::Map(t) => format!("Record<string, {}>", desc(m, t, depth + 1)),
        Ty::Nullable(t) => format!("{} | null", desc(m, t, depth + 1)),
        Ty::Tuple(ts) => {
            let items: Vec<String> = ts.iter().map(|t| desc(m, t, depth + 1)).collect();
            format!("[{}]", items.join(", "))
        }
        Ty::Named(p) => match m.get(p) {
            Some(t) if t.hoisted => match &t.kind {
                TypeKind::Enum(e) if e.values.len() <= 4 => {
                    let v: Vec<String> = e.values.iter().map(|v| quoted(&v.wire)).collect();
                    v.join(" | ")
                }
                TypeKind::Enum(e) => format!("string enum of {} values", e.values.len()),
                TypeKind::Struct(_) => "object".into(),
                TypeKind::Union(u) => repr_desc(&u.repr),
                TypeKind::Alias(inner) => desc(m, inner, depth + 1),
            },
            _ => p.to_string(),
        },
    }
}
