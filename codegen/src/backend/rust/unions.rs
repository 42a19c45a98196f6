//! Unions. Internally and adjacently tagged unions become an enum whose variants wrap named
//! structs (the inline ones without their tag) and derive `wg::Union` (tag-first decoding,
//! `TAGS`, `tag()`, an `Unknown` variant unless strict). Untagged unions become `#[serde(untagged)]` enums, variants ordered by
//! `classify` so the more specific members are tried first.

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
        let name = ident::ident(&ident::type_name(&t.name));
        let docs_attr = type_docs(t, "A message union of the protocol.");
        let user = self.user_derives();
        let decls = u.variants.iter().map(|v| {
            let id = ident::ident(&ident::variant_name(&v.name));
            let tag_value = v.tag.clone().unwrap_or_else(|| v.name.clone());
            let d = docs(&v.docs, &format!("The `{tag_value}` message."));
            let attr = match (id == tag_value, v.inline || content.is_some()) {
                (true, true) => quote!(),
                (true, false) => quote!(#[wiregen(self_tagged)]),
                (false, true) => quote!(#[wiregen(rename = #tag_value)]),
                (false, false) => quote!(#[wiregen(rename = #tag_value, self_tagged)]),
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
        let unknown = if self.strict {
            quote!()
        } else {
            let doc =
                format!(" A message whose `{tag}` this version does not know, kept as received.");
            let taken: Vec<String> = u
                .variants
                .iter()
                .map(|v| ident::variant_name(&v.name))
                .collect();
            let id = ident::ident(&super::catch_all_name(
                &["Unknown", "UnknownMessage", "Unrecognized"],
                &taken,
            ));
            quote! {
                #[doc = #doc]
                #[wiregen(other)]
                #id(wg::Value),
            }
        };
        let tagging = match content {
            Some(content) if self.strict => {
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

    fn emit_untagged(&self, t: &TypeDef, u: &Union) -> TokenStream {
        let name = ident::ident(&ident::type_name(&t.name));
        let docs_attr = type_docs(
            t,
            "A union of the protocol, decoded by the shape of the value.",
        );
        let derives = self.derives(quote!(), false);
        let mut literals = Vec::new();
        let decls: Vec<TokenStream> = u
            .variants
            .iter()
            .map(|v| {
                let id = ident::ident(&ident::variant_name(&v.name));
                let d = docs(&v.docs, &format!("The `{}` form.", v.name));
                let payload = match &v.ty {
                    Ty::Literal(serde_json::Value::Null) => quote!(()),
                    Ty::Literal(value) => {
                        let lit = ident::ident(&self.literal_name(t, &v.name));
                        let text = format!(" Always `{value}` on the wire.");
                        literals.push(enums::emit_literal(
                            self,
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
                quote! {
                    #d
                    #id(#js #payload)
                }
            })
            .collect();
        quote! {
            #docs_attr
            #derives
            #[serde(untagged)]
            #[allow(clippy::large_enum_variant)]
            pub enum #name {
                #(#decls,)*
            }
            #(#literals)*
        }
    }
}
