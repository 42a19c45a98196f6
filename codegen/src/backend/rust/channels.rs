//! Channels: for every message channel, typed accessors for members several messages share
//! (`request_id()`), `correlation_id()`, a handler trait with one method per message whose
//! default reports it as unhandled (sync and async twins), and `dispatch` / `dispatch_async`.
//! The tag table (`TAGS`, `VARIANTS`) and `tag()` come from the `wg::Union` derive.

use super::Cx;
use crate::classify::variant_struct;
use crate::ident;
use crate::ir::{
    Channel, Field, Presence, Struct, Ty, TypeDef, TypeKind, Union, UnionRepr, Variant,
};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// Method names the handler trait and the enum already use.
const RESERVED: &[&str] = &[
    "tag",
    "dispatch",
    "dispatch_async",
    "correlation_id",
    "unhandled",
];

/// One handler method: its name, the variant, whether the variant has a payload.
struct Arm {
    method: Ident,
    variant: Ident,
    payload: Option<TokenStream>,
    tag: String,
}

impl Cx<'_> {
    /// Everything a channel adds next to its union.
    pub(super) fn emit_channel(&self, t: &TypeDef, u: &Union, c: &Channel) -> TokenStream {
        let name = ident::ident(&ident::type_name(&t.name));
        let catch_all = self.catch_all(u);
        // Handler method names: the variant's, `_message` after a reserved one, then numbered
        // until unique (tags `tag` and `tag_message` must not give one method twice).
        let mut used: Vec<String> = RESERVED.iter().map(|r| r.to_string()).collect();
        let arms: Vec<Arm> = u
            .variants
            .iter()
            .map(|v| {
                let mut method = ident::field_name(&v.name);
                if used.iter().any(|r| r == ident::unraw(&method)) {
                    method.push_str("_message");
                }
                let base = method.clone();
                let mut n = 2;
                while used.iter().any(|r| r == ident::unraw(&method)) {
                    method = format!("{base}_{n}");
                    n += 1;
                }
                used.push(ident::unraw(&method).to_string());
                let unit = matches!(&v.ty, Ty::Tuple(items) if items.is_empty())
                    && matches!(u.repr, UnionRepr::Adjacent { .. });
                Arm {
                    method: ident::ident(&method),
                    variant: ident::ident(&ident::variant_name(&v.name)),
                    payload: (!unit).then(|| self.ty(&v.ty, &t.module, Some(&t.path()))),
                    tag: v.tag.clone().unwrap_or_else(|| v.name.clone()),
                }
            })
            .collect();
        let accessors = self.accessors(t, u, c);
        let handler = format_ident!("{}Handler", name);
        let async_handler = format_ident!("{}AsyncHandler", name);
        let direction = c
            .direction
            .as_ref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        let trait_doc = format!(
            " Handles [`{name}`] messages{direction}: one method per message type. Every method \
             defaults to [`{handler}::unhandled`], so messages added by a newer protocol version \
             (and unknown ones) never break an implementation."
        );
        let async_doc =
            format!(" The `async` twin of [`{handler}`]; runtime-agnostic (any executor).");
        let sync_methods = arms.iter().map(|a| {
            let (m, v) = (&a.method, &a.variant);
            let doc = format!(" A `{}` message.", a.tag);
            match &a.payload {
                Some(p) => quote! {
                    #[doc = #doc]
                    fn #m(&mut self, m: #p) -> Self::Output {
                        self.unhandled(#name::#v(m))
                    }
                },
                None => quote! {
                    #[doc = #doc]
                    fn #m(&mut self) -> Self::Output {
                        self.unhandled(#name::#v)
                    }
                },
            }
        });
        let async_methods = arms.iter().map(|a| {
            let (m, v) = (&a.method, &a.variant);
            let doc = format!(" A `{}` message.", a.tag);
            match &a.payload {
                Some(p) => quote! {
                    #[doc = #doc]
                    fn #m(&mut self, m: #p) -> impl wg::Future<Output = Self::Output> {
                        self.unhandled(#name::#v(m))
                    }
                },
                None => quote! {
                    #[doc = #doc]
                    fn #m(&mut self) -> impl wg::Future<Output = Self::Output> {
                        self.unhandled(#name::#v)
                    }
                },
            }
        });
        let dispatch_arms = |suffix: TokenStream| {
            let mut out: Vec<TokenStream> = arms
                .iter()
                .map(|a| {
                    let (m, v) = (&a.method, &a.variant);
                    match a.payload {
                        Some(_) => quote!(Self::#v(m) => h.#m(m) #suffix),
                        None => quote!(Self::#v => h.#m() #suffix),
                    }
                })
                .collect();
            if catch_all.is_some() {
                out.push(quote!(m => h.unhandled(m) #suffix));
            }
            out
        };
        let sync_arms = dispatch_arms(quote!());
        let async_arms = dispatch_arms(quote!(.await));
        let dispatch_doc = format!(" Calls the [`{handler}`] method for this message.");
        let dispatch_async_doc = format!(" Calls the [`{async_handler}`] method for this message.");
        let unhandled_doc = " Called for every message the implementation does not handle itself \
             (including messages of a newer protocol version): the place to report \"unhandled\".";
        quote! {
            impl #name {
                #accessors
                #[doc = #dispatch_doc]
                pub fn dispatch<H>(self, h: &mut H) -> H::Output
                where
                    H: #handler + ?Sized,
                {
                    match self {
                        #(#sync_arms,)*
                    }
                }
                #[doc = #dispatch_async_doc]
                pub async fn dispatch_async<H>(self, h: &mut H) -> H::Output
                where
                    H: #async_handler + ?Sized,
                {
                    match self {
                        #(#async_arms,)*
                    }
                }
            }
            #[doc = #trait_doc]
            pub trait #handler {
                /// What every method returns.
                type Output;
                #[doc = #unhandled_doc]
                fn unhandled(&mut self, m: #name) -> Self::Output;
                #(#sync_methods)*
            }
            #[doc = #async_doc]
            pub trait #async_handler {
                /// What every method's future resolves to.
                type Output;
                #[doc = #unhandled_doc]
                fn unhandled(&mut self, m: #name) -> impl wg::Future<Output = Self::Output>;
                #(#async_methods)*
            }
        }
    }

    /// The union's catch-all variant name, when it has one.
    fn catch_all(&self, u: &Union) -> Option<String> {
        if self.strict {
            return None;
        }
        let taken: Vec<String> = u
            .variants
            .iter()
            .map(|v| ident::variant_name(&v.name))
            .collect();
        Some(super::catch_all_name(
            &["Unknown", "UnknownMessage", "Unrecognized"],
            &taken,
        ))
    }

    /// The payload struct of a variant, if it has one.
    fn payload_struct<'m>(&'m self, v: &Variant) -> Option<&'m Struct> {
        variant_struct(self.module, &v.ty)
    }

    /// Accessors for members shared by several messages, and `correlation_id()`.
    fn accessors(&self, t: &TypeDef, u: &Union, c: &Channel) -> TokenStream {
        let tag = match &u.repr {
            UnionRepr::Tagged { tag } | UnionRepr::Adjacent { tag, .. } => tag.as_str(),
            _ => "",
        };
        // Members in order of first appearance, with the variants that have them.
        let mut shared: Vec<(String, Vec<(usize, &Field)>)> = Vec::new();
        for (i, v) in u.variants.iter().enumerate() {
            for f in self
                .payload_struct(v)
                .map(|s| s.fields.as_slice())
                .unwrap_or_default()
            {
                if f.wire == tag {
                    continue;
                }
                match shared.iter_mut().find(|(w, _)| *w == f.wire) {
                    Some((_, list)) => list.push((i, f)),
                    None => shared.push((f.wire.clone(), vec![(i, f)])),
                }
            }
        }
        let mut out = TokenStream::new();
        let mut names: Vec<String> = Vec::new();
        for (wire, list) in &shared {
            let method = ident::field_name(wire);
            let same_type = list
                .iter()
                .all(|(_, f)| f.value_ty() == list[0].1.value_ty());
            // A constant member (`jsonrpc: "2.0"`) is a literal type of each message's own:
            // there is nothing to read, so no accessor.
            let constant = matches!(list[0].1.value_ty(), Ty::Literal(_));
            if list.len() < 2 || !same_type || constant || RESERVED.contains(&ident::unraw(&method))
            {
                continue;
            }
            out.extend(self.accessor(t, u, wire, &method, list));
            names.push(wire.clone());
        }
        if !c.correlation.is_empty() {
            let shown = c
                .correlation
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", then ");
            let doc = format!(" The member that correlates a request with its reply: {shown}.");
            let paths: Vec<Vec<&str>> = c
                .correlation
                .iter()
                .map(|p| p.split('.').collect())
                .collect();
            if let Some(body) = self.path_accessor(u, &paths) {
                out.extend(quote! {
                    #[doc = #doc]
                    #body
                });
            }
        }
        out
    }

    /// `&str` for strings, `&T` otherwise (paths from the top-level module).
    fn borrowed(&self, ty: &Ty) -> TokenStream {
        match ty {
            Ty::String => quote!(&str),
            other => {
                let t = self.ty(other, &[], None);
                quote!(&#t)
            }
        }
    }

    /// An expression borrowing field `f` of payload `m`, as `Option<&T>` (or `&T` when `bare`).
    fn borrow_expr(f: &Field, bare: bool) -> TokenStream {
        let name = ident::ident(&ident::field_name(&f.wire));
        let is_str = *f.value_ty() == Ty::String;
        match (f.presence(), bare, is_str) {
            (Presence::Required, true, true) => quote!(m.#name.as_str()),
            (Presence::Required, true, false) => quote!(&m.#name),
            (Presence::Required, false, true) => quote!(Some(m.#name.as_str())),
            (Presence::Required, false, false) => quote!(Some(&m.#name)),
            (Presence::OptionalNullable, _, true) => quote!(m.#name.value().map(String::as_str)),
            (Presence::OptionalNullable, _, false) => quote!(m.#name.value()),
            (_, _, true) => quote!(m.#name.as_deref()),
            (_, _, false) => quote!(m.#name.as_ref()),
        }
    }

    fn accessor(
        &self,
        t: &TypeDef,
        u: &Union,
        wire: &str,
        method: &str,
        list: &[(usize, &Field)],
    ) -> TokenStream {
        // Without a catch-all variant, a member every message has needs no `Option`.
        let all_required = self.strict
            && list.len() == u.variants.len()
            && list.iter().all(|(_, f)| f.presence() == Presence::Required);
        let m = ident::ident(method);
        let value = self.borrowed(list[0].1.value_ty());
        let name = ident::type_name(&t.name);
        let arms: Vec<TokenStream> = list
            .iter()
            .map(|(i, f)| {
                let v = ident::ident(&ident::variant_name(&u.variants[*i].name));
                let expr = Self::borrow_expr(f, all_required);
                quote!(Self::#v(m) => #expr)
            })
            .collect();
        if all_required {
            let doc = format!(" The `{wire}` member, which every [`{name}`] message has.");
            quote! {
                #[doc = #doc]
                pub fn #m(&self) -> #value {
                    match self {
                        #(#arms,)*
                    }
                }
            }
        } else {
            let doc = format!(" The `{wire}` member, for the [`{name}`] messages that have one.");
            // A catch-all arm only where some variant (or the `Unknown` one) lacks the member.
            let catch = if list.len() < u.variants.len() || !self.strict {
                quote!(_ => None,)
            } else {
                quote!()
            };
            quote! {
                #[doc = #doc]
                pub fn #m(&self) -> Option<#value> {
                    match self {
                        #(#arms,)*
                        #catch
                    }
                }
            }
        }
    }

    /// `correlation_id()`: for each message, the first of `paths` (dotted, every segment but the
    /// last a required struct member) that it has.
    fn path_accessor(&self, u: &Union, paths: &[Vec<&str>]) -> Option<TokenStream> {
        let mut value_ty: Option<Ty> = None;
        let mut arms = Vec::new();
        for v in &u.variants {
            let Some(payload) = self.payload_struct(v) else {
                continue;
            };
            let Some((chain, f)) = paths.iter().find_map(|p| self.resolve_path(payload, p)) else {
                continue;
            };
            // A constant member is a literal type of its own, not a value to hand out.
            if matches!(f.value_ty(), Ty::Literal(_)) {
                continue;
            }
            if value_ty.get_or_insert_with(|| f.value_ty().clone()) != f.value_ty() {
                return None;
            }
            let variant = ident::ident(&ident::variant_name(&v.name));
            let expr = Self::borrow_expr(f, false);
            if chain.is_empty() {
                arms.push(quote!(Self::#variant(m) => #expr));
            } else {
                arms.push(quote!(Self::#variant(p) => {
                    let m = &p #(.#chain)*;
                    #expr
                }));
            }
        }
        let value = self.borrowed(&value_ty?);
        let catch = if arms.len() < u.variants.len() || !self.strict {
            quote!(_ => None,)
        } else {
            quote!()
        };
        Some(quote! {
            pub fn correlation_id(&self) -> Option<#value> {
                match self {
                    #(#arms,)*
                    #catch
                }
            }
        })
    }

    /// Follows a dotted member path from `s`: the fields to go through, and the last field.
    fn resolve_path<'s>(
        &'s self,
        mut s: &'s Struct,
        path: &[&str],
    ) -> Option<(Vec<Ident>, &'s Field)> {
        let (last, parents) = path.split_last()?;
        let mut chain = Vec::new();
        for seg in parents {
            let f = s
                .fields
                .iter()
                .find(|f| f.wire == *seg && f.presence() == Presence::Required)?;
            s = variant_struct(self.module, &f.ty)?;
            chain.push(ident::ident(&ident::field_name(&f.wire)));
        }
        let f = s.fields.iter().find(|f| f.wire == *last)?;
        Some((chain, f))
    }
}

/// The channel declared for a top-level type, if any.
pub(super) fn channel_of<'m>(cx: &Cx<'m>, t: &TypeDef) -> Option<&'m Channel> {
    if !t.module.is_empty() || !matches!(t.kind, TypeKind::Union(_)) {
        return None;
    }
    cx.module
        .protocol
        .channels
        .iter()
        .find(|c| c.union == t.name)
}
