//! The user's extra derives (`extra_derives = ["Eq", "Hash", "schemars::JsonSchema"]`), per
//! type: a derive the type already has is not repeated, and a standard trait (`Eq`, `Hash`,
//! `PartialOrd`, `Ord`, `Copy`, `Default`) is derived only where every member implements it,
//! as typify does (`f64` is not `Eq`, `wg::Value` is not `Hash`, `Vec` is not `Copy`). Other
//! derives (from other crates) are added everywhere: the user vouches for them.

use super::Cx;
use crate::ir::{Extra, Ty, TypeKind, TypePath};
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::BTreeSet;

/// The standard traits whose derive needs every member to implement them.
const STANDARD: &[&str] = &["Eq", "Hash", "PartialOrd", "Ord", "Copy", "Default"];

/// What a generated type is made of, for deciding which extra derives apply.
pub(crate) struct Shape<'a> {
    /// Derives the type has already (`Eq`, `Hash` on string enums, ...) or can never have
    /// (`Default` on an enum).
    pub already: &'a [&'a str],
    /// The types of its members (fields, variant payloads; `Ty::Any` for a catch-all).
    pub members: Vec<&'a Ty>,
    /// For a struct: a map of undeclared keys (`Extra::Map`) is a member too.
    pub extra: Option<&'a Extra>,
}

impl Cx<'_> {
    /// The user's extra derives that apply to a type of this shape, as a separate attribute
    /// (kept apart from the first `derive` by the `serde` attribute, so rustfmt does not
    /// merge them into one long line).
    pub(crate) fn user_derives_for(&self, shape: &Shape<'_>) -> TokenStream {
        let chosen: Vec<&TokenStream> = self
            .extra_derives
            .iter()
            .zip(&self.extra_names)
            .filter(|(_, name)| !shape.already.contains(&name.as_str()))
            .filter(|(_, name)| {
                !STANDARD.contains(&name.as_str())
                    || (shape
                        .members
                        .iter()
                        .all(|t| self.supports(name, t, &mut BTreeSet::new()))
                        && match shape.extra {
                            Some(Extra::Map(t)) => self.supports(
                                name,
                                &Ty::Map(Box::new(t.clone())),
                                &mut BTreeSet::new(),
                            ),
                            _ => true,
                        })
            })
            .map(|(d, _)| d)
            .collect();
        if chosen.is_empty() {
            quote!()
        } else {
            quote!(#[derive(#(#chosen),*)])
        }
    }

    /// Whether values of `ty` implement the standard trait `name` once generated (`seen`:
    /// named types on the current path; a cycle is assumed to implement it).
    fn supports(&self, name: &str, ty: &Ty, seen: &mut BTreeSet<TypePath>) -> bool {
        match ty {
            Ty::Literal(_) | Ty::Bool | Ty::Integer => true,
            Ty::String => name != "Copy",
            Ty::Number => matches!(name, "PartialOrd" | "Copy" | "Default"),
            Ty::Any => matches!(name, "Eq" | "Default"),
            Ty::Array(t) | Ty::Map(t) => {
                name != "Copy" && (name == "Default" || self.supports(name, t, seen))
            }
            Ty::Nullable(t) => name == "Default" || self.supports(name, t, seen),
            Ty::Tuple(ts) => ts.iter().all(|t| self.supports(name, t, seen)),
            Ty::Named(p) => self.named_supports(name, p, seen),
        }
    }

    fn named_supports(&self, name: &str, p: &TypePath, seen: &mut BTreeSet<TypePath>) -> bool {
        if !seen.insert(p.clone()) {
            return true;
        }
        let Some(def) = self.types.get(self.module, p) else {
            return false;
        };
        // A user derive applies to a named type exactly when it applies to its members, so
        // the question recurses; `Default` is the exception (decided per struct by the
        // backend, and unions never have it).
        let ok = match &def.kind {
            TypeKind::Alias(t) => self.supports(name, t, seen),
            TypeKind::Enum(_) => match name {
                "Eq" | "Hash" => true,
                "Copy" => self.strict,
                "Default" => false,
                _ => self.extra_names.iter().any(|n| n == name),
            },
            TypeKind::Struct(s) => {
                let own = match name {
                    "Default" => s.fields.iter().all(|f| {
                        f.presence() != crate::ir::Presence::Required
                            || matches!(f.ty, Ty::Literal(_))
                    }),
                    _ => self.extra_names.iter().any(|n| n == name),
                };
                own && s
                    .fields
                    .iter()
                    .all(|f| name == "Default" || self.supports(name, &f.ty, seen))
                    && match &s.extra {
                        Extra::Map(t) => self.supports(name, t, seen),
                        _ => true,
                    }
            }
            TypeKind::Union(u) => {
                name != "Default"
                    && self.extra_names.iter().any(|n| n == name)
                    && (self.strict
                        || u.repr == crate::ir::UnionRepr::Untagged
                        || self.supports(name, &Ty::Any, seen))
                    && u.variants.iter().all(|v| self.supports(name, &v.ty, seen))
            }
        };
        seen.remove(p);
        ok
    }
}

/// The last segment of a derive path (`schemars::JsonSchema` → `JsonSchema`).
pub(crate) fn derive_name(path: &str) -> String {
    path.rsplit("::").next().unwrap_or(path).trim().to_string()
}
