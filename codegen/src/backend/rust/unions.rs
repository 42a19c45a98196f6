//! Unions. Internally and adjacently tagged unions become an enum whose variants wrap named
//! structs (the inline ones without their tag) and derive `wg::Union` (tag-first decoding,
//! `TAGS`, `tag()`, an `Unknown` variant unless strict). Untagged unions serialize with serde's
//! `untagged` and decode best-match (`wg::untagged`), members ordered by `classify` so the
//! more specific members are tried first.

use super::{Cx, docs, enums, type_docs};
use crate::ident;
use crate::ir::{Ty, TypeDef, Union, UnionRepr, Variant};
use proc_macro2::TokenStream;
use quote::quote;

impl Cx<'_> {
    pub(super) fn emit_union(&self, t: &TypeDef, u: &Union) -> TokenStream {
        match &u.repr {
            UnionRepr::Tagged { tag } => self.emit_tagged(t, u, tag, None),
            UnionRepr::Adjacent { tag, content } => self.emit_tagged(t, u, tag, Some(content)),
            UnionRepr::Untagged | UnionRepr::Unclassified => self.emit_untagged(t, u),
        }
    }

    fn variant_payload(&self, t: &TypeDef, v: &Variant) -> TokenStream {
        self.ty(&v.ty, &t.module, Some(&t.path()))
    }

    /// An internally (`content` = `None`) or adjacently tagged union deriving `wg::Union`.
    fn emit_tagged(&self, t: &TypeDef, u: &Union, tag: &str, content: Option<&str>) -> TokenStream {
        let name = ident::ident(self.model.ty(&t.path()));
        let docs_attr = type_docs(
            t,
            self.model.ty(&t.path()),
            "A message union of the protocol.",
        );
        let strict = self.strict_for(&t.path());
        let user = self.more_derives(&t.path(), &[]);
        let decls = u.variants.iter().enumerate().map(|(i, v)| {
            let id = ident::ident(self.model.variant(&t.path(), i));
            let tag_value = v.tag.clone().unwrap_or_else(|| v.name.clone());
            let tag_only = match &v.ty {
                Ty::Tuple(items) => items.is_empty() && content.is_some(),
                Ty::Named(p) => v.inline && self.is_empty_struct(p),
                _ => false,
            };
            let fallback = if tag_only {
                format!("The `{tag_value}` message: the tag alone, no other member.")
            } else {
                format!("The `{tag_value}` message.")
            };
            let mut d = docs(&v.docs, &fallback);
            if tag_only && v.docs.text.is_some() {
                let text = format!(" A tag-only message: `{tag}` is its only member.");
                d.extend(quote!(#[doc = ""] #[doc = #text]));
            }
            // The tag is the variant's protocol name: searchable in rustdoc.
            if super::searchable(&tag_value, &id.to_string()) {
                d.extend(quote!(#[doc(alias = #tag_value)]));
            }
            let attr = match (id == tag_value, v.inline || content.is_some()) {
                (true, true) => quote!(),
                (true, false) => quote!(#[wiregen(self_tagged)]),
                (false, true) => quote!(#[wiregen(rename = #tag_value)]),
                (false, false) => quote!(#[wiregen(rename = #tag_value, self_tagged)]),
            };
            // A payload holding `f64`s directly (`{"type": "progress", "data": 1}`) keeps
            // JavaScript's number text.
            let attr = if self.has_number(&v.ty) {
                quote!(#attr #[wiregen(js)])
            } else {
                attr
            };
            let payload = match &v.ty {
                Ty::Tuple(items) if items.is_empty() && content.is_some() => quote!(),
                _ => {
                    let ty = self.variant_payload(t, v);
                    quote!((#ty))
                }
            };
            quote! {
                #d
                #attr
                #id #payload
            }
        });
        let unknown = if let Some(id) = self.model.catch_all(&t.path()).filter(|_| !strict) {
            let doc =
                format!(" A message whose `{tag}` this version does not know, kept as received.");
            let id = ident::ident(id);
            quote! {
                #[doc = #doc]
                #[wiregen(other)]
                #id(wg::Value),
            }
        } else {
            quote!()
        };
        let tagging = match content {
            Some(content) if self.unknown_fields(t) == crate::config::UnknownFields::Reject => {
                quote!(#[wiregen(tag = #tag, content = #content, deny_unknown_fields)])
            }
            Some(content) => quote!(#[wiregen(tag = #tag, content = #content)]),
            None => quote!(#[wiregen(tag = #tag)]),
        };
        quote! {
            #docs_attr
            #[derive(Debug, Clone, PartialEq, wg::Union)]
            #tagging
            #[allow(clippy::large_enum_variant)]
            #user
            pub enum #name {
                #(#decls,)*
                #unknown
            }
        }
    }

    /// An untagged union: serialized by serde's `untagged`, decoded best-match by
    /// `wg::untagged::decode` (the member that ignores the fewest keys of the message wins).
    fn emit_untagged(&self, t: &TypeDef, u: &Union) -> TokenStream {
        let name = ident::ident(self.model.ty(&t.path()));
        let docs_attr = type_docs(
            t,
            self.model.ty(&t.path()),
            "A union of the protocol, decoded by the shape of the value.",
        );
        let user = self.more_derives(&t.path(), &[]);
        let mut literals = Vec::new();
        let mut members = Vec::new();
        let decls: Vec<TokenStream> = u
            .variants
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let id = ident::ident(self.model.variant(&t.path(), i));
                let d = docs(&v.docs, &format!("The `{}` form.", v.name));
                let payload = match &v.ty {
                    Ty::Literal(serde_json::Value::Null) => quote!(()),
                    Ty::Literal(value) => {
                        let lit = ident::ident(self.model.literal(&t.path(), &v.name));
                        let text = format!(" Always `{value}` on the wire.");
                        literals.push(enums::emit_literal(
                            self,
                            &t.path(),
                            &lit,
                            value,
                            quote!(#[doc = #text]),
                        ));
                        quote!(#lit)
                    }
                    _ => self.variant_payload(t, v),
                };
                let js = if self.has_number(&v.ty) {
                    quote!(#[serde(serialize_with = "wg::js::serialize")])
                } else {
                    quote!()
                };
                let (keys, open) = self.member_keys(&v.ty);
                let label = id.to_string();
                members.push(quote! {
                    wg::untagged::Member {
                        name: #label,
                        keys: &[#(#keys),*],
                        open: #open,
                        decode: |v| wg::untagged::member(v, Self::#id),
                    }
                });
                quote! {
                    #d
                    #id(#js #payload)
                }
            })
            .collect();
        let union_name = name.to_string();
        let eq_hash = self.manual_eq_hash(t);
        quote! {
            #docs_attr
            #[derive(Debug, Clone, PartialEq, wg::Serialize)]
            #[serde(crate = "wg::serde", untagged)]
            #user
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#decls,)*
            }
            impl<'de> wg::Deserialize<'de> for #name {
                fn deserialize<D: wg::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    wg::untagged::decode(d, #union_name, &[#(#members),*])
                }
            }
            #eq_hash
            #(#literals)*
        }
    }

    /// The object keys a member declares, and whether it keeps undeclared keys itself (a map,
    /// a struct with an `additionalProperties` map, a union or any value: nothing is lost).
    fn member_keys(&self, ty: &Ty) -> (Vec<String>, bool) {
        if let Ty::Named(p) = ty
            && self.is_replaced(p)
        {
            return (Vec::new(), true);
        }
        match crate::classify::variant_struct(self.module, ty) {
            Some(s) => (
                s.fields.iter().map(|f| f.wire.clone()).collect(),
                matches!(s.extra, crate::ir::Extra::Map(_)),
            ),
            None => (Vec::new(), true),
        }
    }
}
