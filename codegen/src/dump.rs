//! A stable, location-free text rendering of the IR, for snapshot tests and for comparing
//! the IR two frontends give for the same protocol: types in order, fields with presence,
//! variants with tags, docs abbreviated to their first line.

use crate::ir::{Docs, Extra, Module, Presence, Ty, TypeKind, UnionRepr};
use std::fmt::Write;

/// Renders `module` (titles and docs abbreviated, locations left out).
pub fn dump(module: &Module) -> String {
    let mut out = String::new();
    if let Some(t) = &module.title {
        let _ = writeln!(out, "title: {}", abbreviate(t));
    }
    if let Some(d) = &module.docs {
        let _ = writeln!(out, "docs: {}", abbreviate(d));
    }
    for t in &module.types {
        let path = t.path();
        let hoisted = if t.hoisted { " (hoisted)" } else { "" };
        match &t.kind {
            TypeKind::Struct(s) => {
                let extra = match &s.extra {
                    Extra::Open => "open".to_string(),
                    Extra::Closed => "closed".to_string(),
                    Extra::Map(ty) => format!("map<{}>", ty_text(ty)),
                };
                let _ = writeln!(out, "struct {path}{hoisted} extra={extra}");
                docs_lines(&mut out, "  ", &t.docs);
                for n in &s.never {
                    let _ = writeln!(out, "  never {n:?}");
                }
                for f in &s.fields {
                    let presence = match f.presence() {
                        Presence::Required => "required",
                        Presence::Optional => "optional",
                        Presence::RequiredNullable => "required nullable",
                        Presence::OptionalNullable => "optional nullable",
                    };
                    let _ = writeln!(
                        out,
                        "  - {} ({presence}): {}",
                        f.wire,
                        ty_text(f.value_ty())
                    );
                    if let Some(d) = &f.default {
                        let _ = writeln!(out, "      default: {d}");
                    }
                    docs_lines(&mut out, "      ", &f.docs);
                }
            }
            TypeKind::Enum(e) => {
                let _ = writeln!(out, "enum {path}{hoisted}");
                docs_lines(&mut out, "  ", &t.docs);
                for v in &e.values {
                    let _ = writeln!(out, "  - {:?}", v.wire);
                    docs_lines(&mut out, "      ", &v.docs);
                }
            }
            TypeKind::Union(u) => {
                let repr = match &u.repr {
                    UnionRepr::Unclassified => "unclassified".to_string(),
                    UnionRepr::Tagged { tag } => format!("tagged({tag})"),
                    UnionRepr::Adjacent { tag, content } => format!("adjacent({tag}, {content})"),
                    UnionRepr::Untagged => "untagged".to_string(),
                };
                let _ = writeln!(out, "union {path}{hoisted} {repr}");
                docs_lines(&mut out, "  ", &t.docs);
                for v in &u.variants {
                    let tag = v
                        .tag
                        .as_ref()
                        .map(|t| format!(" tag={t:?}"))
                        .unwrap_or_default();
                    let inline = if v.inline { " inline" } else { "" };
                    let _ = writeln!(out, "  - {}{tag}{inline}: {}", v.name, ty_text(&v.ty));
                    docs_lines(&mut out, "      ", &v.docs);
                }
            }
            TypeKind::Alias(ty) => {
                let _ = writeln!(out, "alias {path}{hoisted} = {}", ty_text(ty));
                docs_lines(&mut out, "  ", &t.docs);
            }
        }
    }
    out
}

/// A type expression: `string`, `Foo[]`, `map<number>`, `[string, bool]`, `A::B | null`.
pub fn ty_text(ty: &Ty) -> String {
    match ty {
        Ty::Any => "any".into(),
        Ty::String => "string".into(),
        Ty::Bool => "bool".into(),
        Ty::Integer => "integer".into(),
        Ty::Number => "number".into(),
        Ty::Named(p) => p.to_string(),
        Ty::Array(t) if matches!(**t, Ty::Nullable(_)) => format!("({})[]", ty_text(t)),
        Ty::Array(t) => format!("{}[]", ty_text(t)),
        Ty::Tuple(items) => format!(
            "[{}]",
            items.iter().map(ty_text).collect::<Vec<_>>().join(", ")
        ),
        Ty::Map(t) => format!("map<{}>", ty_text(t)),
        Ty::Nullable(t) => format!("{} | null", ty_text(t)),
        Ty::Literal(v) => v.to_string(),
    }
}

fn docs_lines(out: &mut String, indent: &str, docs: &Docs) {
    if let Some(text) = &docs.text {
        let _ = writeln!(out, "{indent}/// {}", abbreviate(text));
    }
    match docs.deprecated.as_deref() {
        Some("") => {
            let _ = writeln!(out, "{indent}deprecated");
        }
        Some(note) => {
            let _ = writeln!(out, "{indent}deprecated: {}", abbreviate(note));
        }
        None => {}
    }
    if !docs.constraints.is_empty() {
        let _ = writeln!(out, "{indent}constraints: {}", docs.constraints.join(", "));
    }
}

/// The first line, at most 60 characters.
fn abbreviate(text: &str) -> String {
    let first = text.lines().next().unwrap_or_default().trim();
    let more = text.trim().contains('\n');
    if first.chars().count() > 60 {
        format!("{}…", first.chars().take(59).collect::<String>())
    } else if more {
        format!("{first} …")
    } else {
        first.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_keep_the_first_line() {
        assert_eq!(abbreviate("short"), "short");
        assert_eq!(abbreviate("one\ntwo"), "one …");
        assert_eq!(abbreviate(&"x".repeat(70)).chars().count(), 60);
        assert_eq!(
            ty_text(&Ty::Array(Box::new(Ty::Nullable(Box::new(Ty::String))))),
            "(string | null)[]"
        );
    }
}
