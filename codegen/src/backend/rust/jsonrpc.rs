//! JSON-RPC method registries: one type per method implementing `wg::jsonrpc::Request` or
//! `Notification` (`METHOD`, `Params`, `Result`), error codes as constants, and per receiving
//! side: an enum of the requests and one of the notifications it receives, a server trait (one
//! method per incoming method, requests default to `-32601`, notifications to "ignored"), and a
//! router constructor.

use super::{Cx, docs};
use crate::ident;
use crate::ir::{Docs, Method, RpcStyle, TypePath};
use crate::model::SideNames;
use proc_macro2::TokenStream;
use quote::quote;

impl Cx<'_> {
    /// The whole JSON-RPC layer, or nothing when the protocol has no methods.
    pub(super) fn emit_jsonrpc(&self) -> TokenStream {
        let p = &self.module.protocol;
        if p.methods.is_empty() && p.errors.is_empty() {
            return quote!();
        }
        let mut out = TokenStream::new();
        if !p.methods.is_empty() {
            let items = p
                .methods
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    // A method both sides call is one type, emitted at its first entry.
                    let types = &self.model.rpc.method_types;
                    !types[..*i].contains(&types[*i])
                })
                .map(|(i, m)| self.method_item(i, m));
            let module = ident::ident(&self.model.rpc.methods_module);
            out.extend(quote! {
                /// One type per JSON-RPC method: its name, params and result
                /// (`wg::jsonrpc::Request` / `wg::jsonrpc::Notification`).
                pub mod #module {
                    #[allow(unused_imports)]
                    use ::wiregen_runtime as wg;
                    #(#items)*
                }
            });
        }
        if !p.errors.is_empty() {
            let consts = p.errors.iter().enumerate().map(|(i, e)| {
                let name = ident::ident(&self.model.rpc.error_consts[i]);
                let code = proc_macro2::Literal::i64_unsuffixed(e.code);
                let d = docs(&e.docs, &format!("`{}`.", e.name));
                quote! {
                    #d
                    pub const #name: i64 = #code;
                }
            });
            let module = ident::ident(&self.model.rpc.errors_module);
            out.extend(quote! {
                /// The protocol's own JSON-RPC error codes (the standard ones are in
                /// `wg::jsonrpc::codes`).
                pub mod #module {
                    #(#consts)*
                }
            });
        }
        for side in &self.model.rpc.sides {
            out.extend(self.side(side));
        }
        out
    }

    fn params_ty(&self, m: &Method, from: &[String]) -> TokenStream {
        match &m.params {
            Some(name) if m.params_optional => {
                let t = self.path_to(&TypePath::top(name.clone()), from);
                quote!(Option<#t>)
            }
            Some(name) => self.path_to(&TypePath::top(name.clone()), from),
            None if m.params_optional => quote!(Option<wg::Value>),
            None => quote!(()),
        }
    }

    fn result_ty(&self, m: &Method, from: &[String]) -> TokenStream {
        match &m.result {
            Some(name) => self.path_to(&TypePath::top(name.clone()), from),
            None => quote!(wg::Value),
        }
    }

    fn method_item(&self, i: usize, m: &Method) -> TokenStream {
        let id = ident::ident(&self.model.rpc.method_types[i]);
        let name = &m.name;
        let kind = if m.notification {
            "notification"
        } else {
            "request"
        };
        let directions: Vec<String> = self
            .module
            .protocol
            .methods
            .iter()
            .zip(&self.model.rpc.method_types)
            .filter(|(_, t)| **t == self.model.rpc.method_types[i])
            .map(|(x, _)| x.direction.to_string())
            .collect();
        let direction = directions.join(", ");
        let fallback = format!("`{name}`: {direction} {kind}.");
        let mut d = m.docs.clone();
        if let Some(text) = &d.text {
            d.text = Some(format!("`{name}` ({direction} {kind}): {text}"));
        }
        let mut doc = docs(&d, &fallback);
        // The method name is the type's protocol name: searchable in rustdoc.
        if super::searchable(name, &self.model.rpc.method_types[i]) {
            doc.extend(quote!(#[doc(alias = #name)]));
        }
        let inner = [self.model.rpc.methods_module.clone()];
        let params = self.params_ty(m, &inner);
        if m.notification {
            quote! {
                #doc
                #[derive(Debug)]
                pub enum #id {}
                impl wg::jsonrpc::Notification for #id {
                    const METHOD: &'static str = #name;
                    type Params = #params;
                }
            }
        } else {
            let result = self.result_ty(m, &inner);
            quote! {
                #doc
                #[derive(Debug)]
                pub enum #id {}
                impl wg::jsonrpc::Request for #id {
                    const METHOD: &'static str = #name;
                    type Params = #params;
                    type Result = #result;
                }
            }
        }
    }

    /// The enums, server trait and router of the side that receives some methods.
    fn side(&self, names: &SideNames) -> TokenStream {
        let side = names.side.as_str();
        let incoming: Vec<(usize, &Method)> = self
            .module
            .protocol
            .methods
            .iter()
            .enumerate()
            .filter(|(_, m)| m.direction.to == side)
            .collect();
        let mut out = TokenStream::new();
        for notification in [false, true] {
            let list: Vec<&(usize, &Method)> = incoming
                .iter()
                .filter(|(_, m)| m.notification == notification)
                .collect();
            if list.is_empty() {
                continue;
            }
            let (name, what) = if notification {
                (&names.notifications, "notifications")
            } else {
                (&names.requests, "requests")
            };
            let name = ident::ident(name);
            let variant = |i: &usize| ident::ident(&names.variants[i]);
            let variants = list.iter().map(|(i, m)| {
                let v = variant(i);
                let params = self.params_ty(m, &[]);
                let doc = format!(" `{}`.", m.name);
                quote! {
                    #[doc = #doc]
                    #v(#params)
                }
            });
            let decode_arms = list.iter().map(|(i, m)| {
                let v = variant(i);
                let wire = &m.name;
                quote!(#wire => d(method, params).map(Self::#v))
            });
            let method_arms = list.iter().map(|(i, m)| {
                let v = variant(i);
                let wire = &m.name;
                quote!(Self::#v(_) => #wire)
            });
            let doc = format!(" The {what} the `{side}` side receives, decoded.");
            out.extend(quote! {
                #[doc = #doc]
                #[derive(Debug, Clone, PartialEq)]
                #[allow(clippy::large_enum_variant)]
                pub enum #name {
                    #(#variants,)*
                }
                impl #name {
                    /// Decodes params by method name (`-32601` for an unknown method, `-32602`
                    /// naming the bad field).
                    pub fn decode(method: &str, params: Option<&wg::RawValue>) -> wg::jsonrpc::Reply<Self> {
                        use wg::jsonrpc::decode_params as d;
                        match method {
                            #(#decode_arms,)*
                            _ => Err(wg::jsonrpc::ErrorObject::method_not_found(method)),
                        }
                    }
                    /// The method name.
                    pub fn method(&self) -> &'static str {
                        match self {
                            #(#method_arms,)*
                        }
                    }
                }
            });
        }
        if self.module.protocol.style == RpcStyle::Dap {
            // The server trait and router speak JSON-RPC 2.0 frames; DAP's envelopes differ.
            return out;
        }
        let server = ident::ident(&names.server);
        let router = ident::ident(&names.router);
        let methods = ident::ident(&self.model.rpc.methods_module);
        let trait_methods = incoming.iter().map(|(i, m)| {
            let f = ident::ident(&names.trait_methods[i]);
            let params = self.params_ty(m, &[]);
            let wire = &m.name;
            let d = docs(&Docs { text: m.docs.text.clone(), ..Docs::default() }, &format!("`{wire}` ({}).", m.direction));
            if m.notification {
                quote! {
                    #d
                    /// Ignored unless implemented.
                    fn #f(&mut self, params: #params, out: &mut wg::jsonrpc::Outbox) {
                        let _ = (params, out);
                    }
                }
            } else {
                let result = self.result_ty(m, &[]);
                quote! {
                    #d
                    /// Answers `-32601` unless implemented.
                    fn #f(&mut self, params: #params, out: &mut wg::jsonrpc::Outbox) -> wg::jsonrpc::Reply<#result> {
                        let _ = (params, out);
                        wg::jsonrpc::unimplemented(#wire)
                    }
                }
            }
        });
        let routes = incoming.iter().map(|(i, m)| {
            let t = ident::ident(&self.model.rpc.method_types[*i]);
            let f = ident::ident(&names.trait_methods[i]);
            if m.notification {
                quote!(.notification::<#methods::#t>(S::#f))
            } else {
                quote!(.request::<#methods::#t>(S::#f))
            }
        });
        let trait_doc = format!(
            " The `{side}` side: one method per request and notification it receives. The `Outbox` \
             takes notifications and requests to send before the response (streamed deltas)."
        );
        let router_doc =
            format!(" Routes the frames the `{side}` side receives to a [`{server}`].");
        out.extend(quote! {
            #[doc = #trait_doc]
            pub trait #server {
                #(#trait_methods)*
            }
            #[doc = #router_doc]
            pub fn #router<S>() -> wg::jsonrpc::Router<S>
            where
                S: #server + 'static,
            {
                wg::jsonrpc::Router::new()
                    #(#routes)*
            }
        });
        out
    }
}
