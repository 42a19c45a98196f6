//! Channels: for every message channel, typed accessors for members several messages share
//! (`request_id()`), `correlation_id()`, a handler trait with one method per message whose
//! default reports it as unhandled (sync and async twins), and `dispatch` / `dispatch_async`.
//! The tag table (`TAGS`, `VARIANTS`) and `tag()` come from the `wg::Union` derive.

use super::Cx;
use crate::classify::variant_struct_def;
use crate::ident;
use crate::ir::{
    Channel, Field, Presence, Ty, TypeDef, TypeKind, TypePath, Union, UnionRepr, Variant,
};
use crate::model::shared_members;
use proc_macro2::{Ident, TokenStream};
use quote::quote;

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
        let name = ident::ident(self.model.ty(&t.path()));
        let catch_all = self
            .model
            .catch_all(&t.path())
            .filter(|_| !self.strict_for(&t.path()));
        let Some(names) = self.model.channel(&t.path()) else {
            return TokenStream::new();
        };
        let arms: Vec<Arm> = u
            .variants
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let unit = matches!(&v.ty, Ty::Tuple(items) if items.is_empty())
                    && matches!(u.repr, UnionRepr::Adjacent { .. });
                Arm {
                    method: ident::ident(&names.methods[i]),
                    variant: ident::ident(self.model.variant(&t.path(), i)),
                    payload: (!unit).then(|| self.ty(&v.ty, &t.module, Some(&t.path()))),
                    tag: v.tag.clone().unwrap_or_else(|| v.name.clone()),
                }
            })
            .collect();
        let accessors = self.accessors(t, u, c);
        let handler = ident::ident(&names.handler);
        let async_handler = ident::ident(&names.async_handler);
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
        let async_doc = format!(
            " The `async` twin of [`{handler}`]; runtime-agnostic (any executor). Its futures are `Send`, so a task driving a generic handler can be `tokio::spawn`ed."
        );
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
                    fn #m(&mut self, m: #p) -> impl wg::Future<Output = Self::Output> + Send {
                        self.unhandled(#name::#v(m))
                    }
                },
                None => quote! {
                    #[doc = #doc]
                    fn #m(&mut self) -> impl wg::Future<Output = Self::Output> + Send {
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
            pub trait #async_handler: Send {
                /// What every method's future resolves to.
                type Output;
                #[doc = #unhandled_doc]
                fn unhandled(&mut self, m: #name) -> impl wg::Future<Output = Self::Output> + Send;
                #(#async_methods)*
            }
        }
    }

    /// The payload struct of a variant, if it has one.
    fn payload_def<'m>(&'m self, v: &Variant) -> Option<&'m TypeDef> {
        variant_struct_def(self.module, &v.ty)
    }

    /// Accessors for members shared by several messages, and `correlation_id()`.
    fn accessors(&self, t: &TypeDef, u: &Union, c: &Channel) -> TokenStream {
        let mut out = TokenStream::new();
        let names = self
            .model
            .channel(&t.path())
            .map(|n| n.accessors.as_slice())
            .unwrap_or_default();
        for (wire, list) in shared_members(self.module, u) {
            let Some((_, method)) = names.iter().find(|(w, _)| *w == wire) else {
                continue;
            };
            out.extend(self.accessor(t, u, &wire, method, &list));
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
            if let Some(body) = self.path_accessor(t, u, &paths) {
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

    /// An expression borrowing field `f` of payload `m` (a `owner`), as `Option<&T>` (or `&T`
    /// when `bare`).
    fn borrow_expr(&self, owner: &TypePath, f: &Field, bare: bool) -> TokenStream {
        let name = ident::ident(self.model.field(owner, &f.wire));
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
        list: &[(usize, TypePath, &Field)],
    ) -> TokenStream {
        // Without a catch-all variant, a member every message has needs no `Option`.
        let all_required = self.strict_for(&t.path())
            && list.len() == u.variants.len()
            && list
                .iter()
                .all(|(_, _, f)| f.presence() == Presence::Required);
        let m = ident::ident(method);
        let value = self.borrowed(list[0].2.value_ty());
        let name = self.model.ty(&t.path());
        let mut arms: Vec<TokenStream> = list
            .iter()
            .map(|(i, owner, f)| {
                let v = ident::ident(self.model.variant(&t.path(), *i));
                let expr = self.borrow_expr(owner, f, all_required);
                quote!(Self::#v(m) => #expr)
            })
            .collect();
        let unknown = self.unknown_arm(t, list[0].2.value_ty(), &[vec![wire]]);
        arms.extend(unknown.clone());
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
            let catch = if list.len() < u.variants.len()
                || (!self.strict_for(&t.path()) && unknown.is_none())
            {
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
    fn path_accessor(&self, t: &TypeDef, u: &Union, paths: &[Vec<&str>]) -> Option<TokenStream> {
        let mut value_ty: Option<Ty> = None;
        let mut arms = Vec::new();
        for (i, v) in u.variants.iter().enumerate() {
            let Some(payload) = self.payload_def(v) else {
                continue;
            };
            let Some((chain, owner, f)) = paths.iter().find_map(|p| self.resolve_path(payload, p))
            else {
                continue;
            };
            // A constant member is a literal type of its own, not a value to hand out.
            if matches!(f.value_ty(), Ty::Literal(_)) {
                continue;
            }
            if value_ty.get_or_insert_with(|| f.value_ty().clone()) != f.value_ty() {
                return None;
            }
            let variant = ident::ident(self.model.variant(&t.path(), i));
            let expr = self.borrow_expr(&owner, f, false);
            if chain.is_empty() {
                arms.push(quote!(Self::#variant(m) => #expr));
            } else {
                arms.push(quote!(Self::#variant(p) => {
                    let m = &p #(.#chain)*;
                    #expr
                }));
            }
        }
        let value_ty = value_ty?;
        let every_known = arms.len() == u.variants.len();
        let unknown = self.unknown_arm(t, &value_ty, paths);
        let unknown_arm = unknown.is_some();
        arms.extend(unknown);
        let value = self.borrowed(&value_ty);
        let catch = if !every_known || (!self.strict_for(&t.path()) && !unknown_arm) {
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

    /// The arm reading a string member from a message of a kind this version does not know
    /// (kept as raw JSON), the first of `paths` it has, so that even such a message can be
    /// addressed; `None` for other types, or when strict (no catch-all).
    fn unknown_arm(&self, t: &TypeDef, value_ty: &Ty, paths: &[Vec<&str>]) -> Option<TokenStream> {
        if *value_ty != Ty::String || self.strict_for(&t.path()) {
            return None;
        }
        let other = ident::ident(self.model.catch_all(&t.path())?);
        let mut pointers = paths.iter().map(|p| {
            p.iter()
                .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                .collect::<String>()
        });
        let first = pointers.next()?;
        let rest: Vec<String> = pointers.collect();
        if rest.is_empty() {
            return Some(quote!(Self::#other(v) => v.pointer(#first).and_then(wg::Value::as_str)));
        }
        // A block of two statements: a shape prettyplease and rustfmt print alike.
        Some(quote!(Self::#other(v) => {
            let at = |p: &str| v.pointer(p).and_then(wg::Value::as_str);
            at(#first) #(.or_else(|| at(#rest)))*
        }))
    }

    /// Follows a dotted member path from `s`: the fields to go through, and the last field.
    fn resolve_path<'s>(
        &'s self,
        mut def: &'s TypeDef,
        path: &[&str],
    ) -> Option<(Vec<Ident>, TypePath, &'s Field)> {
        let (last, parents) = path.split_last()?;
        let mut chain = Vec::new();
        for seg in parents {
            let TypeKind::Struct(s) = &def.kind else {
                return None;
            };
            let f = s
                .fields
                .iter()
                .find(|f| f.wire == *seg && f.presence() == Presence::Required)?;
            chain.push(ident::ident(self.model.field(&def.path(), &f.wire)));
            def = variant_struct_def(self.module, &f.ty)?;
        }
        let TypeKind::Struct(s) = &def.kind else {
            return None;
        };
        let f = s.fields.iter().find(|f| f.wire == *last)?;
        Some((chain, def.path(), f))
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
