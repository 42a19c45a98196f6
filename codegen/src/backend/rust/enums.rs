//! String enums (deriving `wg::StringEnum`: wire strings as renames, `as_str`, `Display`, an
//! `Other(String)` catch-all unless strict) and literal types (unit structs deriving
//! `wg::Literal`, which always encode one constant).

use super::{Cx, docs, type_docs};
use crate::ident;
use crate::ir::{StringEnum, TypeDef};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

pub(super) fn emit_enum(cx: &Cx<'_>, t: &TypeDef, e: &StringEnum) -> TokenStream {
    let name = ident::ident(cx.model.ty(&t.path()));
    let docs_attr = type_docs(
        t,
        cx.model.ty(&t.path()),
        "A string enumeration of the protocol.",
    );
    let strict = cx.strict_for(&t.path());
    let user = cx.more_derives(
        &t.path(),
        if strict {
            &["Copy", "Eq", "Hash"]
        } else {
            &["Eq", "Hash"]
        },
    );
    let decls = e.values.iter().map(|v| {
        let id = ident::ident(cx.model.value(&t.path(), &v.wire));
        let wire = &v.wire;
        let d = docs(&v.docs, &format!("`\"{wire}\"`"));
        let rename = if id == wire {
            quote!()
        } else {
            quote!(#[wiregen(rename = #wire)])
        };
        // The wire string is the value's protocol name: searchable in rustdoc.
        let alias = if super::searchable(wire, &id.to_string()) {
            quote!(#[doc(alias = #wire)])
        } else {
            quote!()
        };
        quote! {
            #d
            #alias
            #rename
            #id
        }
    });
    let (copy, other) = match cx.model.catch_all(&t.path()).filter(|_| !strict) {
        None => (quote!(Copy,), quote!()),
        Some(id) => {
            let id = ident::ident(id);
            (
                quote!(),
                quote! {
                    /// A value this version does not know, kept as received.
                    #[wiregen(other)]
                    #id(String),
                },
            )
        }
    };
    quote! {
        #docs_attr
        #[derive(Debug, Clone, #copy PartialEq, Eq, Hash, wg::StringEnum)]
        #user
        pub enum #name {
            #(#decls,)*
            #other
        }
    }
}

/// A literal type: a unit struct deriving `wg::Literal` (and the user derives of `owner`,
/// the type it belongs to).
pub(super) fn emit_literal(
    cx: &Cx<'_>,
    owner: &crate::ir::TypePath,
    name: &Ident,
    value: &serde_json::Value,
    docs: TokenStream,
) -> TokenStream {
    let lit = match value {
        serde_json::Value::String(s) => quote!(#s),
        serde_json::Value::Bool(b) => quote!(#b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => {
                let l = proc_macro2::Literal::i64_unsuffixed(i);
                quote!(#l)
            }
            (None, Some(u), _) => {
                let l = proc_macro2::Literal::u64_unsuffixed(u);
                quote!(#l)
            }
            (None, None, Some(f)) => {
                let l = proc_macro2::Literal::f64_unsuffixed(f);
                quote!(#l)
            }
            _ => quote!(0),
        },
        // `null`, arrays and objects have no literal type; `check` rejects them before this.
        _ => quote!(()),
    };
    let user = cx.literal_derives(owner, &["Copy", "Eq", "Hash", "Default"]);
    quote! {
        #docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, wg::Literal)]
        #[wiregen(value = #lit)]
        #user
        pub struct #name;
    }
}
