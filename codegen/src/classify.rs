//! Classifies every union of the IR, whatever frontend produced it: finds the tag of an
//! internally tagged union (a constant string member every variant has, with distinct
//! values), strips it from the inline variant structs, and orders untagged variants so the
//! more specific members are tried first.

use crate::ir::{Module, Struct, Ty, TypeKind, TypePath, UnionRepr, Variant};

/// Keys tried first when several constant members could serve as the tag.
const PREFERRED_TAGS: &[&str] = &["type", "kind", "action", "event", "method", "op", "tag"];

/// Classifies every `Unclassified` union in `module`.
pub fn classify(module: &mut Module) {
    // Paths, not indices: unwrapping adjacent unions removes wrapper types from the module.
    let unions: Vec<_> = module
        .types
        .iter()
        .filter(|t| matches!(&t.kind, TypeKind::Union(u) if u.repr == UnionRepr::Unclassified))
        .map(|t| t.path())
        .collect();
    for path in unions {
        let Some(TypeKind::Union(u)) = module.get(&path).map(|t| &t.kind) else {
            continue;
        };
        let variants = u.variants.clone();
        let hint = u.tag_hint.clone();
        let hint = hint.as_deref();
        let union = path.name.clone();
        // A member whose tag is any string (ACP's "other" subject: `{type: string, not: ...}`)
        // is the protocol's own catch-all: the union is tagged by the others, and messages
        // with other tags decode as the `Unknown` variant, kept as received.
        let (variants, open) = match (
            find_tag(module, &variants, hint),
            open_members(module, &variants, hint),
        ) {
            (None, Some((tag, open))) => {
                let kept = variants
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| !open.contains(i))
                    .map(|(_, v)| v)
                    .collect();
                (kept, Some(tag))
            }
            (_, _) => (variants, None),
        };
        if let Some(tag) = &open
            && let Some(i) = module.index_of(&path)
        {
            let note = format!(
                "Messages with any other `{tag}` are the protocol's open catch-all: they decode \
                 as the `Unknown` variant, kept as received."
            );
            let docs = &mut module.types[i].docs.text;
            *docs = Some(match docs.take() {
                Some(d) => format!("{d}\n\n{note}"),
                None => note,
            });
        }
        let (repr, variants) = match find_tag(module, &variants, hint) {
            Some(tag) => {
                let variants = tag_variants(module, &union, variants, &tag);
                match adjacent_content(module, &variants) {
                    Some(content) => {
                        let variants = unwrap_content(module, &union, variants, &content);
                        (UnionRepr::Adjacent { tag, content }, variants)
                    }
                    None => (UnionRepr::Tagged { tag }, variants),
                }
            }
            None => (UnionRepr::Untagged, order_untagged(module, variants)),
        };
        let variants = distinct_names(variants);
        if let Some(i) = module.index_of(&path)
            && let TypeKind::Union(u) = &mut module.types[i].kind
        {
            u.repr = repr;
            u.variants = variants;
        }
    }
}

/// Gives variants whose names become the same Rust name (two `Array` members, tags `a-b` and
/// `a_b`) distinct names, numbering the later ones (`Array`, `Array2`): the tag, not the name,
/// is what the wire sees.
fn distinct_names(mut variants: Vec<Variant>) -> Vec<Variant> {
    let mut seen = std::collections::BTreeSet::new();
    for v in &mut variants {
        let base = v.name.clone();
        let mut n = 2;
        while !seen.insert(crate::ident::variant_name(&v.name)) {
            v.name = format!("{base}{n}");
            n += 1;
        }
    }
    variants
}

/// The struct behind a variant's type (following aliases), if it is an object.
pub fn variant_struct<'m>(module: &'m Module, ty: &Ty) -> Option<&'m Struct> {
    match &variant_struct_def(module, ty)?.kind {
        TypeKind::Struct(s) => Some(s),
        _ => None,
    }
}

/// The struct definition behind `ty` (through aliases), as [`variant_struct`].
pub fn variant_struct_def<'m>(module: &'m Module, ty: &Ty) -> Option<&'m crate::ir::TypeDef> {
    let mut ty = ty;
    for _ in 0..32 {
        let Ty::Named(path) = ty else { return None };
        let t = module.get(path)?;
        match &t.kind {
            TypeKind::Struct(_) => return Some(t),
            TypeKind::Alias(inner) => ty = inner,
            _ => return None,
        }
    }
    None
}

/// The constant string of a required literal field `key`.
pub(crate) fn literal_of<'s>(s: &'s Struct, key: &str) -> Option<&'s str> {
    s.fields
        .iter()
        .find(|f| f.wire == key && f.required)
        .and_then(|f| match &f.ty {
            Ty::Literal(serde_json::Value::String(v)) => Some(v.as_str()),
            _ => None,
        })
}

/// The rank of a candidate tag key: the protocol's own `hint` first, then the usual keys.
fn tag_rank(key: &str, hint: Option<&str>) -> usize {
    if hint == Some(key) {
        return 0;
    }
    1 + PREFERRED_TAGS
        .iter()
        .position(|p| *p == key)
        .unwrap_or(PREFERRED_TAGS.len())
}

fn find_tag(module: &Module, variants: &[Variant], hint: Option<&str>) -> Option<String> {
    let structs: Vec<&Struct> = variants
        .iter()
        .map(|v| variant_struct(module, &v.ty))
        .collect::<Option<_>>()?;
    let first = structs.first()?;
    let mut candidates: Vec<&str> = first.fields.iter().map(|f| f.wire.as_str()).collect();
    candidates.sort_by_key(|k| tag_rank(k, hint));
    candidates.into_iter().find_map(|key| {
        let mut seen: Vec<&str> = Vec::new();
        for s in &structs {
            let value = literal_of(s, key)?;
            if seen.contains(&value) {
                return None;
            }
            seen.push(value);
        }
        Some(key.to_string())
    })
}

/// The tag key and the members that take any string under it, when every other member (at
/// least two) has a distinct constant there.
fn open_members(
    module: &Module,
    variants: &[Variant],
    hint: Option<&str>,
) -> Option<(String, Vec<usize>)> {
    let structs: Vec<&Struct> = variants
        .iter()
        .map(|v| variant_struct(module, &v.ty))
        .collect::<Option<_>>()?;
    let open_under = |s: &Struct, key: &str| {
        s.fields
            .iter()
            .any(|f| f.wire == key && f.required && f.ty == Ty::String)
    };
    let mut keys: Vec<&str> = Vec::new();
    for s in &structs {
        for f in s.fields.iter().filter(|f| f.required) {
            if !keys.contains(&f.wire.as_str()) {
                keys.push(&f.wire);
            }
        }
    }
    keys.sort_by_key(|k| tag_rank(k, hint));
    keys.into_iter().find_map(|key| {
        let open: Vec<usize> = (0..structs.len())
            .filter(|&i| open_under(structs[i], key))
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for (i, s) in structs.iter().enumerate() {
            if open.contains(&i) {
                continue;
            }
            let value = literal_of(s, key)?;
            if seen.contains(&value) {
                return None;
            }
            seen.push(value);
        }
        (!open.is_empty() && seen.len() >= 2).then(|| (key.to_string(), open))
    })
}

fn tag_variants(
    module: &mut Module,
    union: &str,
    variants: Vec<Variant>,
    tag: &str,
) -> Vec<Variant> {
    variants
        .into_iter()
        .map(|mut v| {
            let value = variant_struct(module, &v.ty)
                .and_then(|s| literal_of(s, tag))
                .map(str::to_string);
            if let (Some(value), Ty::Named(path)) = (value, &v.ty) {
                if v.inline {
                    strip_field(module, path, tag);
                    let text = format!(
                        "The `{value}` message of `{}`, without its `{tag}` member.",
                        crate::ident::type_name(union)
                    );
                    if let Some(i) = module.index_of(path) {
                        module.types[i].docs.text.get_or_insert(text);
                    }
                }
                // Inline members are named by their tag; named members keep their type's name.
                if v.inline {
                    v.name = value.clone();
                }
                v.tag = Some(value);
            }
            v
        })
        .collect()
}

/// The content key of a `{type, data}` union: every variant is inline and, besides its tag,
/// has either nothing or exactly one required member, under the same key for all variants.
fn adjacent_content(module: &Module, variants: &[Variant]) -> Option<String> {
    let mut key: Option<&str> = None;
    for v in variants {
        if !v.inline {
            return None;
        }
        let s = variant_struct(module, &v.ty)?;
        if s.extra != crate::ir::Extra::Closed && s.extra != crate::ir::Extra::Open {
            return None;
        }
        match s.fields.as_slice() {
            [] => {}
            [f] if f.required && key.is_none_or(|k| k == f.wire) => key = Some(&f.wire),
            _ => return None,
        }
    }
    key.map(str::to_string)
}

/// Replaces each adjacent variant's wrapper struct by its content's type (the wrapper's type
/// definition is removed; its docs move to the content type when that has none).
fn unwrap_content(
    module: &mut Module,
    union: &str,
    variants: Vec<Variant>,
    content: &str,
) -> Vec<Variant> {
    variants
        .into_iter()
        .map(|mut v| {
            let Ty::Named(wrapper) = v.ty.clone() else {
                return v;
            };
            let field = variant_struct(module, &v.ty).and_then(|s| s.fields.first().cloned());
            v.ty = match field {
                Some(f) => f.ty,
                None => Ty::Tuple(Vec::new()),
            };
            if let Some(i) = module.index_of(&wrapper) {
                module.types.remove(i);
            }
            if let Ty::Named(p) = &v.ty {
                let text = format!(
                    "The `{content}` of the `{}` message of `{}`.",
                    v.tag.as_deref().unwrap_or_default(),
                    crate::ident::type_name(union)
                );
                if let Some(i) = module.index_of(p) {
                    let docs = &mut module.types[i].docs.text;
                    if docs
                        .as_deref()
                        .is_none_or(|d| d.starts_with("The type of the `"))
                    {
                        *docs = Some(text);
                    }
                }
            }
            v
        })
        .collect()
}

fn strip_field(module: &mut Module, path: &TypePath, wire: &str) {
    if let Some(i) = module.index_of(path)
        && let TypeKind::Struct(s) = &mut module.types[i].kind
    {
        s.fields.retain(|f| f.wire != wire);
    }
}

/// What an untagged variant requires of the input, for ordering and ambiguity checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Requirement {
    /// An object with these required keys and these constants (`key=value`).
    Object {
        /// Required keys with the JSON kind each accepts (`id: string`), sorted.
        keys: Vec<String>,
        /// Required constant members, sorted.
        constants: Vec<String>,
    },
    /// A JSON value of this kind (`string`, `number`, `boolean`, `array`, `null`), or a constant.
    Scalar(String),
    /// Anything.
    Any,
}

/// The requirement of one untagged variant.
pub fn requirement(module: &Module, ty: &Ty) -> Requirement {
    if let Some(s) = variant_struct(module, ty) {
        let mut keys: Vec<String> = s
            .fields
            .iter()
            .filter(|f| f.required)
            .map(|f| format!("{}: {}", f.wire, json_kind(module, &f.ty)))
            .collect();
        let mut constants: Vec<String> = s
            .fields
            .iter()
            .filter(|f| f.required)
            .filter_map(|f| match &f.ty {
                Ty::Literal(v) => Some(format!("{}={v}", f.wire)),
                _ => None,
            })
            .collect();
        keys.sort();
        constants.sort();
        return Requirement::Object { keys, constants };
    }
    let mut ty = ty;
    for _ in 0..32 {
        match ty {
            Ty::Named(p) => match module.get(p).map(|t| &t.kind) {
                Some(TypeKind::Alias(inner)) => ty = inner,
                Some(TypeKind::Enum(_)) => return Requirement::Scalar(format!("enum {}", p.name)),
                Some(TypeKind::Union(_)) => {
                    return Requirement::Scalar(format!("union {}", p.name));
                }
                _ => return Requirement::Any,
            },
            _ => break,
        }
    }
    match ty {
        Ty::Any => Requirement::Any,
        Ty::String => Requirement::Scalar("string".into()),
        Ty::Bool => Requirement::Scalar("boolean".into()),
        Ty::Integer => Requirement::Scalar("integer".into()),
        Ty::Number => Requirement::Scalar("number".into()),
        Ty::Array(_) | Ty::Tuple(_) => Requirement::Scalar("array".into()),
        Ty::Map(_) => Requirement::Object {
            keys: Vec::new(),
            constants: Vec::new(),
        },
        Ty::Nullable(_) => Requirement::Scalar("nullable".into()),
        Ty::Literal(v) => Requirement::Scalar(format!("constant {v}")),
        Ty::Named(_) => Requirement::Any,
    }
}

/// The JSON kind a type accepts, for telling untagged members apart.
fn json_kind(module: &Module, ty: &Ty) -> String {
    json_kind_within(module, ty, 32)
}

/// [`json_kind`] following at most `budget` references and `null`s (`A = A | null` ends).
fn json_kind_within(module: &Module, ty: &Ty, budget: usize) -> String {
    let mut ty = ty;
    for left in (0..budget).rev() {
        match ty {
            Ty::Named(p) => match module.get(p).map(|t| &t.kind) {
                Some(TypeKind::Alias(inner)) => ty = inner,
                Some(TypeKind::Struct(_)) => return "object".into(),
                Some(TypeKind::Enum(_)) => return "string".into(),
                _ => return "any".into(),
            },
            Ty::Any => return "any".into(),
            Ty::String => return "string".into(),
            Ty::Bool => return "boolean".into(),
            Ty::Integer | Ty::Number => return "number".into(),
            Ty::Array(_) | Ty::Tuple(_) => return "array".into(),
            Ty::Map(_) => return "object".into(),
            Ty::Nullable(inner) => {
                return format!("{} or null", json_kind_within(module, inner, left));
            }
            Ty::Literal(v) => return format!("constant {v}"),
        }
    }
    "any".into()
}

/// Rank of a variant: constants and enums before the plain kinds they are made of, integers
/// before numbers, objects before `Any`.
fn rank(r: &Requirement) -> u8 {
    match r {
        Requirement::Scalar(s) if s.starts_with("constant") => 0,
        Requirement::Scalar(s) if s.starts_with("enum") => 1,
        Requirement::Object { .. } => 2,
        Requirement::Scalar(s) if s == "integer" => 3,
        Requirement::Scalar(_) => 4,
        Requirement::Any => 5,
    }
}

/// Whether `a` demands strictly more of an object than `b` does.
fn strictly_more_specific(a: &Requirement, b: &Requirement) -> bool {
    match (a, b) {
        (
            Requirement::Object {
                keys: ka,
                constants: ca,
            },
            Requirement::Object {
                keys: kb,
                constants: cb,
            },
        ) => {
            let name = |k: &String| k.split(": ").next().unwrap_or_default().to_string();
            let names_a: Vec<String> = ka.iter().map(name).collect();
            kb.iter().map(name).all(|k| names_a.contains(&k))
                && cb.iter().all(|c| ca.contains(c))
                && (ka.len() > kb.len() || ca.len() > cb.len())
        }
        _ => false,
    }
}

fn order_untagged(module: &Module, variants: Vec<Variant>) -> Vec<Variant> {
    let mut ordered: Vec<(Requirement, Variant)> = Vec::new();
    let mut with_req: Vec<(Requirement, Variant)> = variants
        .into_iter()
        .map(|v| (requirement(module, &v.ty), v))
        .collect();
    with_req.sort_by_key(|(r, _)| rank(r));
    for (req, v) in with_req {
        let at = ordered
            .iter()
            .position(|(other, _)| strictly_more_specific(&req, other))
            .unwrap_or(ordered.len());
        ordered.insert(at, (req, v));
    }
    ordered.into_iter().map(|(_, v)| v).collect()
}
