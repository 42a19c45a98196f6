//! Lowering: one JSON Schema node to IR types. Named schemas become [`TypeDef`]s; inline
//! objects, enums and unions are hoisted into named types with deterministic names
//! (`Parent` + `Field`, `…Item`, `…Value`), placed in the module of the union they belong to.

use super::{Loader, Node, VALIDATION, escape_pointer, resolve_pointer};
use crate::diag::Diagnostic;
use crate::frontend::Hint;
use crate::ident;
use crate::ir::{
    Docs, EnumValue, Extra, Field, StringEnum, Struct, Ty, TypeDef, TypeKind, TypePath, Union,
    UnionRepr, Variant,
};
use crate::json::{Json, JsonValue};

/// What a schema node describes.
enum Shape<'a> {
    Any,
    Never,
    Ref(&'a str),
    Literal(&'a Json),
    StrEnum(Vec<(String, Docs)>),
    /// `enum` of constants that are not all strings (ts-json-schema-generator's numeric enums).
    Consts(Vec<&'a Json>),
    Union(&'static str, Vec<(usize, &'a Json)>),
    Single(&'static str, usize, &'a Json),
    Object,
    Map(Option<&'a Json>),
    Array(Option<&'a Json>),
    Tuple(&'static str, &'a [Json]),
    Prim(Ty),
    Types(Vec<String>),
    Bad(String, String),
}

/// The JSON Schema `type` names (for "did you mean").
const TYPES: [&str; 7] = [
    "string", "number", "integer", "boolean", "object", "array", "null",
];

/// Priority of keys whose constant value names an inline union member.
pub(crate) const TAG_KEYS: &[&str] = &["type", "kind", "action", "event", "method", "op", "tag"];

fn is_null_schema(j: &Json) -> bool {
    j.get("type").and_then(Json::as_str) == Some("null")
        || matches!(j.get("const").map(|c| &c.value), Some(JsonValue::Null))
        || j.get("enum")
            .and_then(Json::as_array)
            .is_some_and(|a| a.len() == 1 && a[0].value == JsonValue::Null)
}

/// The strings of a member that is only a string constant (`{const: "a"}` / `{enum: ["a"]}`).
fn const_strings(j: &Json) -> Option<Vec<String>> {
    if let Some(s) = j.get("const").and_then(Json::as_str) {
        return Some(vec![s.to_string()]);
    }
    let values = j.get("enum")?.as_array()?;
    values
        .iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect()
}

fn shape(j: &Json) -> (Shape<'_>, bool) {
    let obj = match &j.value {
        JsonValue::Bool(true) => return (Shape::Any, false),
        JsonValue::Bool(false) => return (Shape::Never, false),
        JsonValue::Object(_) => j,
        _ => {
            return (
                Shape::Bad(
                    format!(
                        "a schema must be an object or a boolean, found {}",
                        j.kind()
                    ),
                    "write `{}` for any value".into(),
                ),
                false,
            );
        }
    };
    let mut nullable = obj.get("nullable").and_then(Json::as_bool) == Some(true);
    if let Some(r) = obj.get("$ref") {
        let Some(r) = r.as_str() else {
            return (
                Shape::Bad(
                    "`$ref` must be a string".into(),
                    "write `\"$ref\": \"#/$defs/Name\"`".into(),
                ),
                nullable,
            );
        };
        let structural = [
            "type",
            "properties",
            "oneOf",
            "anyOf",
            "allOf",
            "enum",
            "const",
            "items",
        ];
        if let Some(k) = structural.iter().find(|k| obj.get(k).is_some()) {
            return (
                Shape::Bad(
                    format!("`$ref` next to `{k}` is not supported"),
                    "combine them explicitly: `allOf: [{\"$ref\": ...}, {...}]`".into(),
                ),
                nullable,
            );
        }
        return (Shape::Ref(r), nullable);
    }
    if let Some(c) = obj.get("const") {
        return (Shape::Literal(c), nullable);
    }
    if let Some(e) = obj.get("enum") {
        let Some(values) = e.as_array() else {
            return (
                Shape::Bad(
                    "`enum` must be an array".into(),
                    "write `\"enum\": [\"a\", \"b\"]`".into(),
                ),
                nullable,
            );
        };
        let non_null: Vec<&Json> = values
            .iter()
            .filter(|v| v.value != JsonValue::Null)
            .collect();
        nullable |= non_null.len() < values.len();
        return match non_null.as_slice() {
            [] if values.is_empty() => (
                Shape::Bad(
                    "`enum` lists no value, so no value is valid".into(),
                    "list at least one value: `\"enum\": [\"a\"]`".into(),
                ),
                false,
            ),
            [] => (Shape::Literal(&values[0]), false),
            [one] => (Shape::Literal(one), nullable),
            many if many.iter().all(|v| v.as_str().is_some()) => (
                Shape::StrEnum(
                    many.iter()
                        .filter_map(|v| v.as_str())
                        .map(|s| (s.to_string(), Docs::default()))
                        .collect(),
                ),
                nullable,
            ),
            many => (Shape::Consts(many.to_vec()), nullable),
        };
    }
    for keyword in ["oneOf", "anyOf"] {
        let Some(list) = obj.get(keyword) else {
            continue;
        };
        let other = if keyword == "oneOf" { "anyOf" } else { "oneOf" };
        if obj.get(other).is_some() {
            return (
                Shape::Bad(
                    format!("`{keyword}` combined with `{other}` is not supported"),
                    "nest one of them: `allOf: [{\"oneOf\": [...]}, {\"anyOf\": [...]}]` is not \
                     supported either; write the combinations as members of one `oneOf`"
                        .into(),
                ),
                nullable,
            );
        }
        let based = union_base(obj).is_some();
        let Some(members) = list.as_array().filter(|m| !m.is_empty()) else {
            return (
                Shape::Bad(
                    format!("`{keyword}` must be a non-empty array of schemas"),
                    "list the member schemas".into(),
                ),
                nullable,
            );
        };
        let rest: Vec<(usize, &Json)> = members
            .iter()
            .enumerate()
            .filter(|(_, m)| !is_null_schema(m))
            .collect();
        nullable |= rest.len() < members.len();
        if !based && rest.len() >= 2 && rest.iter().all(|(_, m)| const_strings(m).is_some()) {
            let mut values: Vec<(String, Docs)> = Vec::new();
            for (_, m) in &rest {
                for s in const_strings(m).unwrap_or_default() {
                    if !values.iter().any(|(v, _)| *v == s) {
                        values.push((s, docs_of(m)));
                    }
                }
            }
            return (Shape::StrEnum(values), nullable);
        }
        return match rest.as_slice() {
            [] => (Shape::Literal(&members[0]), false),
            // Shared members and one alternative: one object (`struct_parts` merges both).
            [_] if based => (Shape::Object, nullable),
            [(i, one)] => (Shape::Single(keyword_name(keyword), *i, one), nullable),
            _ => (Shape::Union(keyword_name(keyword), rest), nullable),
        };
    }
    if let Some(all) = obj.get("allOf") {
        let Some(members) = all.as_array().filter(|m| !m.is_empty()) else {
            return (
                Shape::Bad(
                    "`allOf` must be a non-empty array of schemas".into(),
                    "list the schemas to merge".into(),
                ),
                nullable,
            );
        };
        if members.len() == 1 && obj.get("properties").is_none() {
            return (Shape::Single("allOf", 0, &members[0]), nullable);
        }
        return (Shape::Object, nullable);
    }
    let types: Vec<String> = match obj.get("type").map(|t| &t.value) {
        None => Vec::new(),
        Some(JsonValue::String(s)) => vec![s.clone()],
        Some(JsonValue::Array(items)) if items.iter().all(|i| i.as_str().is_some()) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        Some(_) => {
            return (
                Shape::Bad(
                    "`type` must be a string or an array of strings".into(),
                    "e.g. `\"type\": [\"string\", \"null\"]`".into(),
                ),
                nullable,
            );
        }
    };
    let non_null: Vec<String> = types.iter().filter(|t| *t != "null").cloned().collect();
    nullable |= non_null.len() < types.len();
    if non_null.is_empty() && !types.is_empty() {
        return (Shape::Prim(Ty::Literal(serde_json::Value::Null)), false);
    }
    if non_null.len() > 1 {
        return (Shape::Types(non_null), nullable);
    }
    let t = non_null.first().map(String::as_str);
    let s = match t {
        Some("string") => Shape::Prim(Ty::String),
        Some("integer") => Shape::Prim(Ty::Integer),
        Some("number") => Shape::Prim(Ty::Number),
        Some("boolean") => Shape::Prim(Ty::Bool),
        Some("object") => object_shape(obj),
        Some("array") => array_shape(obj),
        Some(other) => Shape::Bad(
            format!("unknown type `{other}`"),
            match crate::ident::nearest(other, TYPES) {
                Some(t) => format!("did you mean `{t}`?"),
                None => "use one of string, number, integer, boolean, object, array, null".into(),
            },
        ),
        None if ["properties", "additionalProperties", "patternProperties"]
            .iter()
            .any(|k| obj.get(k).is_some()) =>
        {
            object_shape(obj)
        }
        None if obj.get("items").is_some() || obj.get("prefixItems").is_some() => array_shape(obj),
        None => Shape::Any,
    };
    (s, nullable)
}

/// The members an object schema shares with every alternative of its `oneOf`/`anyOf`
/// (`{properties, required, allOf, oneOf: [...]}`, as schemars writes a struct with a
/// flattened enum): the schema without its alternatives and their annotations, or `None`
/// when it has no members of its own.
fn union_base(obj: &Json) -> Option<Json> {
    let members = obj.as_object()?;
    let shares = ["properties", "allOf", "required", "additionalProperties"]
        .iter()
        .any(|k| obj.get(k).is_some());
    if !shares {
        return None;
    }
    let kept = members
        .iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "oneOf" | "anyOf" | "discriminator" | "title" | "description" | "not"
            )
        })
        .cloned()
        .collect();
    Some(Json {
        offset: obj.offset,
        value: JsonValue::Object(kept),
    })
}

/// A union (`inner`) whose every alternative also has the `base` members: the base with the
/// inner union's alternatives (and the inner union's own shared members in its `allOf`).
fn distribute(base: &Json, inner: &Json) -> Json {
    let mut members: Vec<(String, Json)> = base.as_object().unwrap_or(&[]).to_vec();
    if let Some(own) = union_base(inner) {
        match members.iter_mut().find(|(k, _)| k == "allOf") {
            Some((
                _,
                Json {
                    value: JsonValue::Array(list),
                    ..
                },
            )) => list.push(own),
            _ => members.push((
                "allOf".to_string(),
                Json {
                    offset: inner.offset,
                    value: JsonValue::Array(vec![own]),
                },
            )),
        }
    }
    for keyword in ["oneOf", "anyOf"] {
        if let Some(list) = inner.get(keyword) {
            members.push((keyword.to_string(), list.clone()));
        }
    }
    Json {
        offset: inner.offset,
        value: JsonValue::Object(members),
    }
}

/// `{allOf: [base, member]}`: an alternative merged with the members its union shares.
fn with_base(base: &Json, member: &Json) -> Json {
    Json {
        offset: member.offset,
        value: JsonValue::Object(vec![(
            "allOf".to_string(),
            Json {
                offset: member.offset,
                value: JsonValue::Array(vec![base.clone(), member.clone()]),
            },
        )]),
    }
}

fn keyword_name(k: &str) -> &'static str {
    if k == "oneOf" { "oneOf" } else { "anyOf" }
}

fn object_shape(obj: &Json) -> Shape<'_> {
    let additional = obj.get("additionalProperties");
    if obj.get("properties").is_some() || additional.and_then(Json::as_bool) == Some(false) {
        return Shape::Object;
    }
    match additional {
        Some(a) if a.as_object().is_some() => Shape::Map(Some(a)),
        // `patternProperties` with one pattern: a map of its values (keys are not checked).
        None => Shape::Map(single_pattern(obj)),
        _ => Shape::Map(None),
    }
}

/// The value schema of an object's only `patternProperties` entry.
fn single_pattern(obj: &Json) -> Option<&Json> {
    match obj.get("patternProperties")?.as_object()? {
        [(_, schema)] => Some(schema),
        _ => None,
    }
}

fn array_shape(obj: &Json) -> Shape<'_> {
    if let Some(p) = obj.get("prefixItems").and_then(Json::as_array) {
        return Shape::Tuple("prefixItems", p);
    }
    match obj.get("items") {
        Some(items) => match items.as_array() {
            Some(list) => Shape::Tuple("items", list),
            None => Shape::Array(Some(items)),
        },
        None => Shape::Array(None),
    }
}

/// Docs of a schema: its description (else title), deprecation, and validation-only
/// keywords as a "Constraints:" line.
pub(super) fn docs_of(j: &Json) -> Docs {
    let text = j
        .get("description")
        .or_else(|| j.get("title"))
        .and_then(Json::as_str)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let constraints: Vec<String> = VALIDATION
        .iter()
        .filter_map(|k| j.get(k).map(|v| format!("`{k}`: `{}`", v.to_value())))
        .collect();
    // `true`, or (as ts-json-schema-generator writes `@deprecated note`) the note.
    let deprecated = match j.get("deprecated").map(|d| &d.value) {
        Some(JsonValue::Bool(true)) => Some(String::new()),
        Some(JsonValue::String(note)) => Some(note.clone()),
        _ => None,
    };
    Docs {
        text,
        deprecated,
        constraints,
    }
}

impl Loader {
    /// Lowers a named schema (a definition or a hoisted inline schema) into a [`TypeDef`].
    pub(super) fn lower_def(&mut self, node: Node<'_>, pointer: &str, path: TypePath) {
        self.define(node, pointer, path, false, false);
    }

    fn define(
        &mut self,
        node: Node<'_>,
        pointer: &str,
        path: TypePath,
        hoisted: bool,
        nonnull: bool,
    ) {
        let slot = self.module.types.len();
        let loc = self.loc(node.doc, node.json, pointer);
        self.module.types.push(TypeDef {
            module: path.module.clone(),
            name: path.name.clone(),
            docs: docs_of(node.json),
            loc,
            hoisted,
            kind: TypeKind::Alias(Ty::Any),
        });
        let kind = self.lower_kind(node, pointer, &path, nonnull);
        self.module.types[slot].kind = kind;
    }

    fn lower_kind(
        &mut self,
        node: Node<'_>,
        pointer: &str,
        path: &TypePath,
        nonnull: bool,
    ) -> TypeKind {
        self.check_keywords(node, pointer);
        let (shape, nullable) = shape(node.json);
        let hint = Hint::new(path.module.clone(), ident::type_name(&path.name));
        let wraps = matches!(
            shape,
            Shape::Object
                | Shape::StrEnum(_)
                | Shape::Union(..)
                | Shape::Types(_)
                | Shape::Consts(_)
        );
        if nullable && !nonnull && wraps {
            // `T | null` as a named type: an alias of the nullable hoisted `T`.
            let inner = self.hoist(node, pointer, &hint.child("Value"), true);
            return TypeKind::Alias(inner.nullable());
        }
        match shape {
            Shape::Object => TypeKind::Struct(self.lower_struct(node, pointer, path)),
            Shape::StrEnum(values) => TypeKind::Enum(StringEnum {
                values: values
                    .into_iter()
                    .map(|(wire, docs)| EnumValue { wire, docs })
                    .collect(),
            }),
            Shape::Union(keyword, members) => {
                let base = union_base(node.json);
                let mut u =
                    self.lower_union(node.doc, &members, base.as_ref(), pointer, keyword, path);
                u.tag_hint = node
                    .json
                    .get("discriminator")
                    .and_then(|d| d.get("propertyName"))
                    .and_then(Json::as_str)
                    .map(str::to_string);
                TypeKind::Union(u)
            }
            Shape::Types(types) => {
                TypeKind::Union(self.lower_type_list(node, pointer, path, &types))
            }
            Shape::Consts(values) => TypeKind::Union(Union {
                repr: UnionRepr::Unclassified,
                tag_hint: None,
                ordered: Vec::new(),
                variants: values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let ty = Ty::Literal(v.to_value());
                        Variant {
                            name: ty_word(&ty),
                            tag: None,
                            ty,
                            inline: false,
                            docs: Docs::default(),
                            loc: self.loc(node.doc, v, &format!("{pointer}/enum/{i}")),
                        }
                    })
                    .collect(),
            }),
            _ => TypeKind::Alias(self.lower_ty(node, pointer, &hint)),
        }
    }

    fn hoist(&mut self, node: Node<'_>, pointer: &str, hint: &Hint, nonnull: bool) -> Ty {
        let loc = self.loc(node.doc, node.json, pointer);
        if let Some(start) = self
            .hoisting
            .iter()
            .position(|(d, p, _)| *d == node.doc && p == pointer)
        {
            let mut chain: Vec<&str> = self.hoisting[start..]
                .iter()
                .map(|(_, _, n)| n.as_str())
                .collect();
            chain.push(&self.hoisting[start].2);
            let message = format!(
                "this inline schema contains itself: `allOf` merges a `$ref` whose properties lead back here (cycle through {})",
                chain.join(" → ")
            );
            self.error(
                "E0012",
                loc,
                message,
                "give the merged schema a name in `$defs` and refer to it with `$ref`",
            );
            return Ty::Any;
        }
        let path = self.hoist_name(&hint.module, &hint.name, loc);
        self.hoisting
            .push((node.doc, pointer.to_string(), path.name.clone()));
        // The type is defined by this call: look among the types it added only (a scan of
        // every type per hoisted schema was quadratic).
        let before = self.module.types.len();
        self.define(node, pointer, path.clone(), true, nonnull);
        self.hoisting.pop();
        if let Some(t) = self.module.types[before..].iter_mut().find(|t| t.is(&path))
            && t.docs.text.is_none()
        {
            t.docs.text.clone_from(&hint.doc);
        }
        Ty::Named(path)
    }

    /// Lowers a schema at a use site (a field, an item, a member) to a type expression.
    fn lower_ty(&mut self, node: Node<'_>, pointer: &str, hint: &Hint) -> Ty {
        if self.depth >= crate::limits::MAX_DEPTH {
            let loc = self.loc(node.doc, node.json, pointer);
            self.error(
                "E0012",
                loc,
                format!(
                    "schemas nest more than {} levels deep here",
                    crate::limits::MAX_DEPTH
                ),
                "give inner schemas names in `$defs` and refer to them with `$ref`",
            );
            return Ty::Any;
        }
        self.depth += 1;
        let ty = self.lower_ty_nested(node, pointer, hint);
        self.depth -= 1;
        ty
    }

    fn lower_ty_nested(&mut self, node: Node<'_>, pointer: &str, hint: &Hint) -> Ty {
        self.check_keywords(node, pointer);
        let (shape, nullable) = shape(node.json);
        let ty = match shape {
            Shape::Any => Ty::Any,
            Shape::Never => {
                let loc = self.loc(node.doc, node.json, pointer);
                self.error(
                    "E0010",
                    loc,
                    "the schema `false` accepts no value",
                    "remove the property, or use `{}` for any value",
                );
                Ty::Any
            }
            Shape::Bad(message, hint) => {
                let loc = self.loc(node.doc, node.json, pointer);
                self.error("E0010", loc, message, hint);
                Ty::Any
            }
            Shape::Ref(r) => match self.resolve_ref(node.doc, node.json, pointer, r) {
                Some((_, _, path)) => Ty::Named(path),
                None => Ty::Any,
            },
            Shape::Literal(v) => Ty::Literal(v.to_value()),
            Shape::Single(keyword, i, m) => self.lower_ty(
                Node {
                    doc: node.doc,
                    json: m,
                },
                &format!("{pointer}/{keyword}/{i}"),
                hint,
            ),
            Shape::StrEnum(_)
            | Shape::Object
            | Shape::Union(..)
            | Shape::Types(_)
            | Shape::Consts(_) => self.hoist(node, pointer, hint, true),
            Shape::Map(value) => Ty::Map(Box::new(match value {
                Some(v) => self.lower_ty(
                    Node {
                        doc: node.doc,
                        json: v,
                    },
                    &format!("{pointer}/additionalProperties"),
                    &hint.child("Value"),
                ),
                None => Ty::Any,
            })),
            Shape::Array(items) => Ty::Array(Box::new(match items {
                Some(i) => self.lower_ty(
                    Node {
                        doc: node.doc,
                        json: i,
                    },
                    &format!("{pointer}/items"),
                    &hint.child("Item"),
                ),
                None => Ty::Any,
            })),
            Shape::Tuple(keyword, items) => Ty::Tuple(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let hint = hint.child(&format!("Item{i}"));
                        self.lower_ty(
                            Node {
                                doc: node.doc,
                                json: item,
                            },
                            &format!("{pointer}/{keyword}/{i}"),
                            &hint,
                        )
                    })
                    .collect(),
            ),
            Shape::Prim(t) => t,
        };
        if nullable { ty.nullable() } else { ty }
    }

    /// Collects the object schemas an object is made of: `allOf` members (refs followed) first,
    /// then the schema's own properties. `seen` holds every schema merged so far: one reached
    /// again is merged once (so diamonds of references stay linear), and one reached again
    /// through itself is a cycle.
    fn struct_parts<'a>(
        &mut self,
        node: Node<'a>,
        pointer: &str,
        depth: usize,
        seen: &mut Vec<(usize, String, bool)>,
        out: &mut Vec<(usize, Json, String)>,
    ) {
        if let Some((_, _, active)) = seen.iter().find(|(d, p, _)| *d == node.doc && p == pointer) {
            if *active {
                let chain: Vec<&str> = seen
                    .iter()
                    .filter(|(_, _, a)| *a)
                    .map(|(_, p, _)| p.as_str())
                    .chain([pointer])
                    .collect();
                let message = format!(
                    "`allOf` merges a schema into itself (cycle through {})",
                    chain.join(" → ")
                );
                let loc = self.loc(node.doc, node.json, pointer);
                self.error(
                    "E0012",
                    loc,
                    message,
                    "remove the cycle between the merged schemas",
                );
            }
            return;
        }
        if depth > 32 || seen.len() > 1024 {
            let loc = self.loc(node.doc, node.json, pointer);
            self.error(
                "E0012",
                loc,
                "`allOf` nests or refers to itself more than 32 levels deep",
                "remove the cycle between the merged schemas",
            );
            return;
        }
        seen.push((node.doc, pointer.to_string(), true));
        let at = seen.len() - 1;
        if let Some(members) = node.json.get("allOf").and_then(Json::as_array) {
            for (i, m) in members.iter().enumerate() {
                let mp = format!("{pointer}/allOf/{i}");
                self.check_keywords(
                    Node {
                        doc: node.doc,
                        json: m,
                    },
                    &mp,
                );
                if let Some(r) = m.get("$ref").and_then(Json::as_str) {
                    let Some((doc, tp, _)) = self.resolve_ref(node.doc, m, &mp, r) else {
                        continue;
                    };
                    let root = std::rc::Rc::clone(&self.docs[doc].root);
                    let defs = std::rc::Rc::clone(&self.docs[doc].defs);
                    let Some(target) = resolve_pointer(&root, &defs, &tp) else {
                        continue;
                    };
                    self.struct_parts(Node { doc, json: target }, &tp, depth + 1, seen, out);
                } else if matches!(
                    shape(m).0,
                    Shape::Object | Shape::Map(_) | Shape::Any | Shape::Single("allOf", ..)
                ) {
                    self.struct_parts(
                        Node {
                            doc: node.doc,
                            json: m,
                        },
                        &mp,
                        depth + 1,
                        seen,
                        out,
                    );
                } else {
                    let loc = self.loc(node.doc, m, &mp);
                    self.error(
                        "E0010",
                        loc,
                        "an `allOf` member must be an object schema",
                        "only objects can be merged into one struct",
                    );
                }
            }
        }
        // Shared members with a single alternative (`{properties, oneOf: [X]}`): X is merged
        // like an `allOf` member.
        for keyword in ["oneOf", "anyOf"] {
            let single = node
                .json
                .get(keyword)
                .and_then(Json::as_array)
                .and_then(|ms| {
                    let mut rest = ms.iter().enumerate().filter(|(_, m)| !is_null_schema(m));
                    let one = rest.next();
                    rest.next().is_none().then_some(one).flatten()
                });
            if let Some((i, m)) = single {
                let wrapped = Json {
                    offset: m.offset,
                    value: JsonValue::Object(vec![(
                        "allOf".to_string(),
                        Json {
                            offset: m.offset,
                            value: JsonValue::Array(vec![m.clone()]),
                        },
                    )]),
                };
                self.struct_parts(
                    Node {
                        doc: node.doc,
                        json: &wrapped,
                    },
                    &format!("{pointer}/{keyword}/{i}"),
                    depth + 1,
                    seen,
                    out,
                );
            }
        }
        seen[at].2 = false;
        out.push((node.doc, node.json.clone(), pointer.to_string()));
    }

    fn lower_struct(&mut self, node: Node<'_>, pointer: &str, path: &TypePath) -> Struct {
        let mut parts = Vec::new();
        self.struct_parts(node, pointer, 0, &mut Vec::new(), &mut parts);
        let owner = ident::type_name(&path.name);
        let mut out = Struct::default();
        let mut required: Vec<String> = Vec::new();
        for (doc, json, part_ptr) in &parts {
            if let Some(req) = json.get("required") {
                match req.as_array().map(|a| {
                    a.iter()
                        .map(|r| r.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                }) {
                    Some(Some(names)) => required.extend(names),
                    _ => {
                        let loc = self.loc(*doc, req, &format!("{part_ptr}/required"));
                        self.error(
                            "E0010",
                            loc,
                            "`required` must be an array of property names",
                            "write `\"required\": [\"a\", \"b\"]`",
                        );
                    }
                }
            }
            if let Some(props) = json.get("properties") {
                let Some(members) = props.as_object() else {
                    let loc = self.loc(*doc, props, &format!("{part_ptr}/properties"));
                    self.error(
                        "E0010",
                        loc,
                        "`properties` must be an object of schemas",
                        "write `{\"name\": {...}}`",
                    );
                    continue;
                };
                for (wire, schema) in members {
                    let fp = format!("{part_ptr}/properties/{}", escape_pointer(wire));
                    if schema.get("not").is_some_and(super::never_schema) {
                        // `{"not": {}}`: never present (TypeScript's `x?: never`).
                        out.fields.retain(|f| f.wire != *wire);
                        out.never.push(wire.clone());
                        continue;
                    }
                    let hint = Hint {
                        module: path.module.clone(),
                        name: format!("{owner}{}", ident::type_name(wire)),
                        doc: Some(format!("The type of the `{wire}` member of [`{owner}`].")),
                    };
                    let ty = self.lower_ty(
                        Node {
                            doc: *doc,
                            json: schema,
                        },
                        &fp,
                        &hint,
                    );
                    let field = Field {
                        wire: wire.clone(),
                        ty,
                        required: false,
                        default: schema.get("default").map(Json::to_value),
                        docs: docs_of(schema),
                        loc: self.loc(*doc, schema, &fp),
                    };
                    match out.fields.iter_mut().find(|f| f.wire == *wire) {
                        Some(existing) => *existing = field,
                        None => out.fields.push(field),
                    }
                }
            }
            match json.get("additionalProperties") {
                Some(a) if a.as_bool() == Some(false) && out.extra == Extra::Open => {
                    out.extra = Extra::Closed
                }
                // `true` or `{}`: any other member, kept.
                Some(a)
                    if a.as_bool() == Some(true) || a.as_object().is_some_and(|m| m.is_empty()) =>
                {
                    out.extra = Extra::Map(Ty::Any)
                }
                Some(a) if a.as_object().is_some_and(|m| !m.is_empty()) => {
                    let ap = format!("{part_ptr}/additionalProperties");
                    let ty = self.lower_ty(
                        Node { doc: *doc, json: a },
                        &ap,
                        &Hint::new(path.module.clone(), format!("{owner}Extra")),
                    );
                    out.extra = Extra::Map(ty);
                }
                // Members matched by `patternProperties` are data too: kept as JSON values.
                None if json.get("patternProperties").is_some() && out.extra == Extra::Open => {
                    out.extra = Extra::Map(Ty::Any);
                }
                _ => {}
            }
        }
        for name in required {
            match out.fields.iter_mut().find(|f| f.wire == name) {
                Some(f) => f.required = true,
                None => {
                    let loc = self.loc(node.doc, node.json, pointer);
                    out.fields.push(Field {
                        wire: name,
                        ty: Ty::Any,
                        required: true,
                        default: None,
                        docs: Docs::default(),
                        loc,
                    });
                }
            }
        }
        out
    }

    /// A union's alternatives; with a `base` (members shared by every alternative), each
    /// object alternative becomes an inline struct holding the shared members too.
    fn lower_union(
        &mut self,
        doc: usize,
        members: &[(usize, &Json)],
        base: Option<&Json>,
        pointer: &str,
        keyword: &str,
        path: &TypePath,
    ) -> Union {
        let mut module = path.module.clone();
        module.push(path.name.clone());
        let owner = ident::type_name(&path.name);
        let mut variants = Vec::new();
        for &(i, original) in members {
            let mp = format!("{pointer}/{keyword}/{i}");
            self.check_keywords(
                Node {
                    doc,
                    json: original,
                },
                &mp,
            );
            let merged = match base {
                // Shared members next to an alternative that is itself a union: the shared
                // members distribute over its alternatives (`{jsonrpc} ∧ (A | B)`).
                Some(b) => match self.union_behind(doc, original) {
                    Some(inner) => Some(distribute(b, &inner)),
                    None => matches!(
                        shape(original).0,
                        Shape::Object | Shape::Ref(_) | Shape::Single(..) | Shape::Map(_)
                    )
                    .then(|| with_base(b, original)),
                },
                None => None,
            };
            let m = merged.as_ref().unwrap_or(original);
            let node = Node { doc, json: m };
            let loc = self.loc(doc, original, &mp);
            let docs = docs_of(original);
            let (shape, nullable) = shape(m);
            let (name, ty, inline) = match shape {
                Shape::Object if !nullable => {
                    let name = member_name(original, i);
                    let ty = self.hoist(
                        node,
                        &mp,
                        &Hint::new(module.clone(), ident::type_name(&name)),
                        true,
                    );
                    (name, ty, true)
                }
                _ => {
                    // A hoisted member is named by its title (`"title": "Agent"`), else by
                    // its position.
                    let name = original
                        .get("title")
                        .and_then(Json::as_str)
                        .map(ident::type_name)
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| format!("{owner}{}", i + 1));
                    let ty = self.lower_ty(node, &mp, &Hint::new(path.module.clone(), name));
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

    /// The union schema a member stands for, following `$ref`s (within its document) and
    /// single-member `allOf`s: `Some` when it is a `oneOf`/`anyOf` of two or more members.
    fn union_behind(&self, doc: usize, member: &Json) -> Option<Json> {
        let mut j = member.clone();
        for _ in 0..16 {
            if let Some(r) = j.get("$ref").and_then(Json::as_str) {
                let pointer = super::percent_decode(r.strip_prefix('#')?)?;
                j = resolve_pointer(&self.docs[doc].root, &self.docs[doc].defs, &pointer)?.clone();
                continue;
            }
            if let Some([one]) = j.get("allOf").and_then(Json::as_array)
                && j.get("properties").is_none()
            {
                j = one.clone();
                continue;
            }
            let (s, _) = shape(&j);
            return matches!(s, Shape::Union(..)).then_some(j);
        }
        None
    }

    /// `type: ["string", "number", ...]` as an untagged union of those types.
    fn lower_type_list(
        &mut self,
        node: Node<'_>,
        pointer: &str,
        path: &TypePath,
        types: &[String],
    ) -> Union {
        let mut variants = Vec::new();
        for t in types {
            let ty = match t.as_str() {
                "string" => Ty::String,
                "integer" => Ty::Integer,
                "number" => Ty::Number,
                "boolean" => Ty::Bool,
                "array" => Ty::Array(Box::new(Ty::Any)),
                "object" => Ty::Map(Box::new(Ty::Any)),
                other => {
                    let loc = self.loc(node.doc, node.json, &format!("{pointer}/type"));
                    self.error(
                        "E0010",
                        loc,
                        format!("unknown type `{other}`"),
                        match crate::ident::nearest(other, TYPES) {
                            Some(t) => format!("did you mean `{t}`?"),
                            None => "use string, number, integer, boolean, object, array, null"
                                .to_string(),
                        },
                    );
                    continue;
                }
            };
            let loc = self.loc(node.doc, node.json, pointer);
            variants.push(Variant {
                name: ty_word(&ty),
                tag: None,
                ty,
                inline: false,
                docs: Docs::default(),
                loc,
            });
        }
        if let Some(d) = types
            .iter()
            .find(|t| *t == "object")
            .and(node.json.get("properties"))
        {
            let loc = self.loc(node.doc, d, &format!("{pointer}/properties"));
            self.diags.push(
                Diagnostic::warning(
                    loc,
                    format!(
                        "`properties` of `{}` are ignored: a `type` list decodes objects as maps",
                        path.name
                    ),
                )
                .code("W0005")
                .hint("use `oneOf` with an object member instead"),
            );
        }
        Union {
            repr: UnionRepr::Unclassified,
            variants,
            tag_hint: None,
            ordered: Vec::new(),
        }
    }
}

/// The name of an inline union member: its constant tag value, else its title, else its position.
fn member_name(m: &Json, index: usize) -> String {
    let props = m.get("properties").and_then(Json::as_object).unwrap_or(&[]);
    let const_of = |key: &str| {
        props
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, s)| s.get("const"))
            .and_then(Json::as_str)
    };
    TAG_KEYS
        .iter()
        .find_map(|k| const_of(k))
        .or_else(|| {
            props
                .iter()
                .find_map(|(_, s)| s.get("const").and_then(Json::as_str))
        })
        .or_else(|| m.get("title").and_then(Json::as_str))
        .map(str::to_string)
        .or_else(|| {
            // `{$ref}` or `{allOf: [{$ref}]}`: the referenced definition's name.
            let r = m
                .get("$ref")
                .or_else(|| match m.get("allOf")?.as_array()? {
                    [one] => one.get("$ref"),
                    _ => None,
                })?;
            let last = r.as_str()?.rsplit('/').next()?;
            (!last.is_empty() && !last.contains('#'))
                .then(|| last.replace("~1", "/").replace("~0", "~"))
        })
        .unwrap_or_else(|| format!("Variant{}", index + 1))
}

/// A variant name for a member that is not an inline object.
pub(crate) fn ty_word(ty: &Ty) -> String {
    match ty {
        Ty::Any => "Any".into(),
        Ty::String => "String".into(),
        Ty::Bool => "Bool".into(),
        Ty::Integer => "Integer".into(),
        Ty::Number => "Number".into(),
        Ty::Named(p) => p.name.clone(),
        Ty::Array(_) => "Array".into(),
        Ty::Tuple(_) => "Tuple".into(),
        Ty::Map(_) => "Object".into(),
        Ty::Nullable(inner) => ty_word(inner),
        Ty::Literal(serde_json::Value::String(s)) => s.clone(),
        Ty::Literal(v) => format!("Literal {v}"),
    }
}
