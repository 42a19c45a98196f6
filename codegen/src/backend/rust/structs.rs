//! Structs: one Rust field per wire field, with the serde attributes that keep absent, `null`
//! and values apart (see the presence table in ARCHITECTURE.md), JavaScript number encoding
//! for `f64`, literal members as zero-sized constant types, `additionalProperties` maps, and
//! the map of kept unknown members (`unknown_fields = "keep"`, `wg::UnknownFields`; an open
//! object's `additionalProperties` map already keeps them, so it gets no second map).

use super::{Cx, docs, enums, type_docs};
use crate::config::UnknownFields;
use crate::ident;
use crate::ir::{Extra, Field, Presence, Struct, Ty, TypeDef};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

impl Cx<'_> {
    pub(super) fn emit_struct(&self, t: &TypeDef, s: &Struct) -> TokenStream {
        let name = ident::ident(self.model.ty(&t.path()));
        let mut docs = type_docs(t, self.model.ty(&t.path()), "An object of the protocol.");
        if s.fields.is_empty()
            && !matches!(s.extra, Extra::Map(_))
            && let Some((key, value)) = self.tag_of(&t.path())
        {
            let text = format!(
                " A tag-only message: `{{\"{key}\": \"{value}\"}}` carries no other member."
            );
            docs.extend(quote!(#[doc = ""] #[doc = #text]));
        }
        if !s.never.is_empty() {
            let keys: Vec<String> = s.never.iter().map(|k| format!("`{k}`")).collect();
            let text = format!(
                " Never present (the protocol rules them out): {}.",
                keys.join(", ")
            );
            docs.extend(quote!(#[doc = ""] #[doc = #text]));
        }
        let mut fields = Vec::new();
        let mut literals = Vec::new();
        let mut accessors = Vec::new();
        for f in &s.fields {
            let (field, literal) = self.emit_field(t, f);
            fields.push(field);
            literals.extend(literal);
            accessors.extend(self.default_accessor(t, f));
        }
        if let Extra::Map(ty) = &s.extra {
            let value = self.ty(ty, &t.module, None);
            let field = ident::ident(self.model.extra_field(&t.path()));
            let js = if self.has_number(ty) {
                quote!(#[serde(serialize_with = "wg::js::serialize")])
            } else {
                quote!()
            };
            fields.push(quote! {
                /// Keys not declared by the schema (`additionalProperties`), in key order.
                #[serde(flatten)]
                #js
                pub #field: wg::BTreeMap<String, #value>
            });
        }
        let policy = self.unknown_fields(t);
        // An open object's map already holds every undeclared member: no second map.
        if policy == UnknownFields::Keep && !matches!(s.extra, Extra::Map(_)) {
            let field = ident::ident(self.model.extra_field(&t.path()));
            fields.push(quote! {
                /// Members this version does not declare, in the order received; encoding
                /// writes them back after the declared members.
                #[serde(flatten)]
                pub #field: wg::UnknownFields
            });
        }
        let defaultable = super::derive::defaultable(s);
        let extra = if defaultable {
            quote!(Default,)
        } else {
            quote!()
        };
        let derives = self.derives(
            &t.path(),
            extra,
            if defaultable { &["Default"] } else { &[] },
            policy == UnknownFields::Reject,
        );
        let impl_block = if accessors.is_empty() {
            quote!()
        } else {
            quote! {
                impl #name {
                    #(#accessors)*
                }
            }
        };
        quote! {
            #docs
            #derives
            pub struct #name {
                #(#fields,)*
            }
            #impl_block
            #(#literals)*
        }
    }

    /// The field declaration, and the literal type it needs (for a constant member).
    fn emit_field(&self, t: &TypeDef, f: &Field) -> (TokenStream, Option<TokenStream>) {
        let rust = self.model.field(&t.path(), &f.wire);
        let field = ident::ident(rust);
        let value_ty = f.value_ty();
        let (inner, literal) = match value_ty {
            Ty::Literal(serde_json::Value::Null) => (quote!(()), None),
            Ty::Literal(v) => {
                let lit_ident = ident::ident(self.model.literal(&t.path(), &f.wire));
                let text = format!(
                    " Always `{v}` on the wire (the `{}` member of `{}`).",
                    f.wire,
                    self.model.ty(&t.path())
                );
                let item =
                    enums::emit_literal(self, &t.path(), &lit_ident, v, quote!(#[doc = #text]));
                (quote!(#lit_ident), Some(item))
            }
            other => (self.ty(other, &t.module, Some(&t.path())), None),
        };
        // One concern per `#[serde]` attribute keeps every line short, so prettyplease and
        // rustfmt lay the file out identically.
        let mut attrs: Vec<TokenStream> = Vec::new();
        if ident::unraw(rust) != f.wire {
            let wire = &f.wire;
            attrs.push(quote!(#[serde(rename = #wire)]));
        }
        let ty = match f.presence() {
            Presence::Required => inner,
            Presence::Optional => {
                attrs.push(quote!(#[serde(default, skip_serializing_if = "Option::is_none")]));
                attrs.push(quote!(#[serde(deserialize_with = "wg::optional::deserialize")]));
                quote!(Option<#inner>)
            }
            Presence::RequiredNullable => {
                attrs.push(quote!(#[serde(deserialize_with = "wg::nullable::deserialize")]));
                quote!(Option<#inner>)
            }
            Presence::OptionalNullable => {
                attrs.push(quote!(#[serde(default, skip_serializing_if = "wg::Maybe::is_absent")]));
                quote!(wg::Maybe<#inner>)
            }
        };
        if self.has_number(value_ty) {
            attrs.push(quote!(#[serde(serialize_with = "wg::js::serialize")]));
        }
        let serde = quote!(#(#attrs)*);
        let mut field_docs = f.docs.clone();
        if let Some(default) = &f.default {
            let line = format!("Defaults to `{default}` when absent.");
            field_docs.text = Some(match field_docs.text {
                Some(t) => format!("{t}\n\n{line}"),
                None => line,
            });
        }
        // A deprecated field stays usable by the serde impls; the note goes into the docs.
        let note = field_docs.deprecated.take().map(|n| {
            if n.is_empty() {
                "**Deprecated.**".to_string()
            } else {
                format!("**Deprecated:** {n}")
            }
        });
        if let Some(note) = note {
            field_docs.text = Some(match field_docs.text {
                Some(t) => format!("{t}\n\n{note}"),
                None => note,
            });
        }
        // The wire name, when the Rust name differs (the fallback text already names it).
        if ident::unraw(rust) != f.wire
            && let Some(text) = &field_docs.text
        {
            field_docs.text = Some(format!("{text}\n\nWire name: `{}`.", f.wire));
        }
        let doc = docs(&field_docs, &format!("The `{}` member.", f.wire));
        (
            quote! {
                #doc
                #serde
                pub #field: #ty
            },
            literal,
        )
    }

    /// `fn x_or_default(&self)` for an optional scalar field with a documented default.
    fn default_accessor(&self, owner: &TypeDef, f: &Field) -> Option<TokenStream> {
        if f.presence() != Presence::Optional {
            return None;
        }
        let default = f.default.as_ref()?;
        let rust = self.model.field(&owner.path(), &f.wire);
        let field = ident::ident(rust);
        let method = format_ident!("{}_or_default", ident::unraw(rust));
        let doc = format!(
            " `{}`, or its documented default `{default}` when absent.",
            f.wire
        );
        let body = match (f.value_ty(), default) {
            (Ty::String, serde_json::Value::String(s)) => {
                quote!(-> &str { self.#field.as_deref().unwrap_or(#s) })
            }
            (Ty::Bool, serde_json::Value::Bool(b)) => quote!(-> bool { self.#field.unwrap_or(#b) }),
            (Ty::Integer, serde_json::Value::Number(n)) => {
                let v = proc_macro2::Literal::i64_suffixed(n.as_i64()?);
                quote!(-> i64 { self.#field.unwrap_or(#v) })
            }
            (Ty::Number, serde_json::Value::Number(n)) => {
                let v = proc_macro2::Literal::f64_suffixed(n.as_f64()?);
                quote!(-> f64 { self.#field.unwrap_or(#v) })
            }
            (Ty::Named(p), serde_json::Value::String(s)) => {
                if self.is_replaced(p) {
                    return None;
                }
                let crate::ir::TypeKind::Enum(e) = &self.types.get(self.module, p)?.kind else {
                    return None;
                };
                e.values.iter().find(|v| v.wire == *s)?;
                let ty = self.path_to(p, &owner.module);
                let variant = ident::ident(self.model.value(p, s));
                // Strict enums are `Copy`; lenient ones hold `Other(String)` and are cloned.
                let value = if self.strict_for(p) {
                    quote!(self.#field)
                } else {
                    quote!(self.#field.clone())
                };
                quote!(-> #ty { #value.unwrap_or(#ty::#variant) })
            }
            _ => return None,
        };
        Some(quote! {
            #[doc = #doc]
            pub fn #method(&self) #body
        })
    }
}
