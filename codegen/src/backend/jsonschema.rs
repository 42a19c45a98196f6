//! JSON Schema backend (`wiregen ts2schema`): the frontend's IR (before `classify`) → one
//! JSON Schema 2020-12 document, one `$defs` entry per named (not hoisted) type, docs carried.
//! It is the inverse of the JSON Schema frontend: hoisted types are written inline where they
//! were hoisted from, in the form that makes the frontend hoist them again under the same name,
//! so TypeScript → IR → JSON Schema → IR gives the IR back (a test checks every fixture).

use crate::ident;
use crate::ir::{Docs, Extra, Module, Ty, TypeDef, TypeKind, TypePath, Variant};
use std::collections::HashMap;
use std::fmt::Write;

/// A JSON value that keeps the order of object keys.
enum J {
    /// JSON text (numbers, literals, nested values from the IR).
    Raw(String),
    /// A string, escaped when written.
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

fn raw(v: impl serde::Serialize) -> J {
    J::Raw(serde_json::to_string(&v).unwrap_or_else(|_| "null".into()))
}

fn string(s: &str) -> J {
    J::Str(s.to_string())
}

fn obj(entries: Vec<(&str, J)>) -> J {
    J::Obj(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// Writes `s` as a JSON string.
fn escape(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

impl J {
    fn push(&mut self, key: &str, value: J) {
        if let J::Obj(entries) = self {
            entries.push((key.to_string(), value));
        }
    }

    fn write(&self, out: &mut String, level: usize) {
        match self {
            J::Raw(s) => out.push_str(s),
            J::Str(s) => escape(out, s),
            J::Arr(items) if items.is_empty() => out.push_str("[]"),
            J::Obj(entries) if entries.is_empty() => out.push_str("{}"),
            J::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    indent(out, level + 1);
                    item.write(out, level + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                indent(out, level);
                out.push(']');
            }
            J::Obj(entries) => {
                out.push_str("{\n");
                for (i, (k, v)) in entries.iter().enumerate() {
                    indent(out, level + 1);
                    escape(out, k);
                    out.push_str(": ");
                    v.write(out, level + 1);
                    out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
                }
                indent(out, level);
                out.push('}');
            }
        }
    }
}

/// Writes the schema document for `module` (the frontend's output, before `classify`).
pub fn emit(module: &Module) -> String {
    let cx = Cx {
        module,
        index: module
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| (t.path(), i))
            .collect(),
    };
    let mut root = obj(vec![(
        "$schema",
        raw("https://json-schema.org/draft/2020-12/schema"),
    )]);
    if let Some(title) = &module.title {
        root.push("title", raw(title));
    }
    if let Some(docs) = &module.docs {
        root.push("description", raw(docs));
    }
    let defs = module
        .types
        .iter()
        .filter(|t| !t.hoisted && t.module.is_empty())
        .map(|t| (t.name.clone(), cx.def(t)))
        .collect();
    root.push("$defs", J::Obj(defs));
    let mut out = String::with_capacity(module.types.len() * 512);
    root.write(&mut out, 0);
    out.push('\n');
    out
}

struct Cx<'m> {
    module: &'m Module,
    index: HashMap<TypePath, usize>,
}

impl Cx<'_> {
    fn hoisted(&self, ty: &Ty) -> Option<&TypeDef> {
        match ty {
            Ty::Named(p) => self
                .index
                .get(p)
                .map(|&i| &self.module.types[i])
                .filter(|t| t.hoisted),
            _ => None,
        }
    }

    /// A named type's `$defs` entry.
    fn def(&self, t: &TypeDef) -> J {
        if let TypeKind::Alias(ty) = &t.kind {
            return self.at(ty, &t.docs, None);
        }
        self.body(t, &t.docs, None)
    }

    /// The schema of a struct, enum or union, with `docs` as its node's docs; `null_too`
    /// adds `null` in the form the frontend reads as "nullable, hoisted as one type".
    fn body(&self, t: &TypeDef, docs: &Docs, null_too: Option<()>) -> J {
        let mut out = match &t.kind {
            TypeKind::Struct(s) => {
                let owner = ident::type_name(&t.name);
                let mut props = Vec::new();
                let mut required = Vec::new();
                for f in &s.fields {
                    let hint = format!("The type of the `{}` member of [`{owner}`].", f.wire);
                    let mut p = self.at(&f.ty, &f.docs, Some(&hint));
                    if let Some(d) = &f.default {
                        p.push("default", raw(d));
                    }
                    props.push((f.wire.clone(), p));
                    if f.required {
                        required.push(string(&f.wire));
                    }
                }
                // Never present: `{"not": {}}` (what the JSON Schema frontend reads back).
                for n in &s.never {
                    props.push((n.clone(), obj(vec![("not", obj(vec![]))])));
                }
                let ty = if null_too.is_some() {
                    J::Arr(vec![string("object"), string("null")])
                } else {
                    string("object")
                };
                let mut o = obj(vec![("type", ty), ("properties", J::Obj(props))]);
                if !required.is_empty() {
                    o.push("required", J::Arr(required));
                }
                match &s.extra {
                    Extra::Open => {}
                    Extra::Closed => o.push("additionalProperties", raw(false)),
                    Extra::Map(ty) => {
                        o.push("additionalProperties", self.at(ty, &Docs::default(), None))
                    }
                }
                o
            }
            TypeKind::Enum(e) => {
                if e.values.len() >= 2 && e.values.iter().any(|v| v.docs != Docs::default()) {
                    let mut members: Vec<J> = e
                        .values
                        .iter()
                        .map(|v| with_docs(obj(vec![("const", string(&v.wire))]), &v.docs))
                        .collect();
                    if null_too.is_some() {
                        members.push(obj(vec![("type", string("null"))]));
                    }
                    obj(vec![("oneOf", J::Arr(members))])
                } else {
                    let mut values: Vec<J> = e.values.iter().map(|v| string(&v.wire)).collect();
                    let ty = if null_too.is_some() {
                        values.push(raw(serde_json::Value::Null));
                        J::Arr(vec![string("string"), string("null")])
                    } else {
                        string("string")
                    };
                    obj(vec![("type", ty), ("enum", J::Arr(values))])
                }
            }
            TypeKind::Union(u) => {
                let mut members: Vec<J> = u
                    .variants
                    .iter()
                    .enumerate()
                    .map(|(k, v)| self.variant(k, v))
                    .collect();
                if null_too.is_some() {
                    members.push(obj(vec![("type", string("null"))]));
                }
                obj(vec![("anyOf", J::Arr(members))])
            }
            TypeKind::Alias(ty) => self.at(ty, &Docs::default(), None),
        };
        out = with_docs(out, docs);
        out
    }

    fn variant(&self, position: usize, v: &Variant) -> J {
        let Some(h) = self.hoisted(&v.ty).filter(|_| v.inline) else {
            return self.at(&v.ty, &v.docs, None);
        };
        let mut out = self.body(h, &v.docs, None);
        // The frontend names an inline member by its constant (tag) member, else its title,
        // else its position: write a title only when the first two do not give the name.
        let derived = match &h.kind {
            TypeKind::Struct(s) => {
                let consts: Vec<(&str, &str)> = s
                    .fields
                    .iter()
                    .filter_map(|f| match &f.ty {
                        Ty::Literal(serde_json::Value::String(c)) => {
                            Some((f.wire.as_str(), c.as_str()))
                        }
                        _ => None,
                    })
                    .collect();
                crate::frontend::jsonschema::TAG_KEYS
                    .iter()
                    .find_map(|k| consts.iter().find(|(w, _)| w == k))
                    .or(consts.first())
                    .map(|(_, c)| c.to_string())
            }
            _ => None,
        };
        let positional = derived.is_none() && v.name == format!("Variant{}", position + 1);
        if derived.as_deref() != Some(v.name.as_str()) && !positional {
            out.push("title", string(&v.name));
        }
        out
    }

    /// The schema of a type at a use site whose node carries `docs`; `hint` is the docs the
    /// frontend gives a type hoisted from here when the node has none.
    fn at(&self, ty: &Ty, docs: &Docs, hint: Option<&str>) -> J {
        let none = Docs::default();
        let out = match ty {
            Ty::Named(_) if self.hoisted(ty).is_some() => {
                let h = self.hoisted(ty).expect("hoisted");
                // An item, value or tuple element: the node's docs are the hoisted type's.
                let docs = if hint.is_none() && *docs == none {
                    &h.docs
                } else {
                    docs
                };
                return self.body(h, docs, None);
            }
            Ty::Nullable(inner) => match (self.hoisted(inner), &**inner) {
                (Some(h), _) if !matches!(h.kind, TypeKind::Struct(_)) => {
                    return self.body(h, docs, Some(()));
                }
                (Some(h), _) => {
                    let member_docs = Docs {
                        text: h.docs.text.clone().filter(|t| Some(t.as_str()) != hint),
                        ..h.docs.clone()
                    };
                    obj(vec![(
                        "anyOf",
                        J::Arr(vec![
                            self.body(h, &member_docs, None),
                            obj(vec![("type", string("null"))]),
                        ]),
                    )])
                }
                (None, Ty::String | Ty::Bool | Ty::Integer | Ty::Number) => obj(vec![(
                    "type",
                    J::Arr(vec![string(prim(inner)), string("null")]),
                )]),
                (None, _) => obj(vec![(
                    "anyOf",
                    J::Arr(vec![
                        self.at(inner, &none, hint),
                        obj(vec![("type", string("null"))]),
                    ]),
                )]),
            },
            Ty::Named(p) => obj(vec![(
                "$ref",
                J::Str(format!("#/$defs/{}", escape_ref(&p.name))),
            )]),
            Ty::Any => obj(vec![]),
            Ty::String | Ty::Bool | Ty::Integer | Ty::Number => {
                obj(vec![("type", string(prim(ty)))])
            }
            Ty::Array(item) => obj(vec![
                ("type", string("array")),
                ("items", self.at(item, &none, None)),
            ]),
            Ty::Tuple(items) => obj(vec![
                ("type", string("array")),
                (
                    "prefixItems",
                    J::Arr(items.iter().map(|i| self.at(i, &none, None)).collect()),
                ),
                ("items", raw(false)),
            ]),
            Ty::Map(value) => obj(vec![
                ("type", string("object")),
                ("additionalProperties", self.at(value, &none, None)),
            ]),
            Ty::Literal(v) => obj(vec![("const", raw(v))]),
        };
        with_docs(out, docs)
    }
}

fn prim(ty: &Ty) -> &'static str {
    match ty {
        Ty::String => "string",
        Ty::Bool => "boolean",
        Ty::Integer => "integer",
        _ => "number",
    }
}

/// A `$defs` name as a URI fragment token.
fn escape_ref(name: &str) -> String {
    name.replace('%', "%25")
        .replace('~', "~0")
        .replace('/', "~1")
}

/// Adds `description`, `deprecated` and the validation keywords of the docs' constraints.
fn with_docs(mut out: J, docs: &Docs) -> J {
    if let Some(text) = &docs.text {
        out.push("description", string(text));
    }
    match docs.deprecated.as_deref() {
        Some("") => out.push("deprecated", raw(true)),
        Some(note) => out.push("deprecated", string(note)),
        None => {}
    }
    for c in &docs.constraints {
        // Constraints read "`keyword`: `json`" (see the frontends).
        if let Some((k, v)) = c
            .strip_prefix('`')
            .and_then(|c| c.strip_suffix('`'))
            .and_then(|c| c.split_once("`: `"))
        {
            out.push(k, J::Raw(v.to_string()));
        }
    }
    out
}
