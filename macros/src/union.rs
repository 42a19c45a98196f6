//! `#[derive(Union)]`: tagged message unions (internally or adjacently tagged).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Ident, LitStr, Result, Type};

use crate::attr::{self, Derive};
use crate::{Errors, last_segment_is, no_generics};

/// What a variant holds.
enum Shape {
    /// `Name`
    Unit,
    /// `Name(Payload)`
    Payload(Box<Type>),
}

/// A variant with a known tag.
struct Known {
    ident: Ident,
    tag: String,
    shape: Shape,
    self_tagged: bool,
    /// Numbers in the payload are encoded as JavaScript writes them (`1`, not `1.0`).
    js: bool,
}

/// The `other` variant, holding the whole message.
struct Other {
    ident: Ident,
}

/// The parsed union.
struct Union {
    known: Vec<Known>,
    other: Option<Other>,
}

/// Expands `#[derive(Union)]`.
pub(crate) fn expand(input: &DeriveInput) -> Result<TokenStream> {
    let derive = Derive::Union;
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(data) => {
            return Err(Error::new(
                data.struct_token.span,
                "`#[derive(Union)]` only applies to enums: a union is an enum with one variant per tag",
            ));
        }
        Data::Union(data) => {
            return Err(Error::new(
                data.union_token.span,
                "`#[derive(Union)]` only applies to enums, not to Rust unions",
            ));
        }
    };
    no_generics(input, derive)?;
    let container = attr::container(&input.attrs, derive)?;
    let tag = match (&container.tag, &container.content) {
        (Some(tag), _) => tag.clone(),
        (None, Some(content)) => {
            return Err(Error::new(
                content.span(),
                "`content` needs a `tag` too: `#[wiregen(tag = \"type\", content = \"...\")]`",
            ));
        }
        (None, None) => {
            return Err(Error::new(
                input.ident.span(),
                "`#[derive(Union)]` needs the name of the tag member: add `#[wiregen(tag = \"type\")]` to the enum",
            ));
        }
    };
    if let Some(content) = &container.content
        && content.value() == tag.value()
    {
        return Err(Error::new(
            content.span(),
            "the `content` member must differ from the `tag` member",
        ));
    }
    let union = parse_variants(data.variants.iter(), container.content.as_ref())?;
    Ok(generate(
        input,
        &container.krate,
        &tag,
        container.content.as_ref(),
        &union,
        container.deny_unknown_fields.is_some(),
    ))
}

/// Checks the variants and their attributes; reports every problem found.
fn parse_variants<'a>(
    variants: impl Iterator<Item = &'a syn::Variant>,
    content: Option<&LitStr>,
) -> Result<Union> {
    let derive = Derive::Union;
    let mut errors = Errors::default();
    let mut union = Union {
        known: Vec::new(),
        other: None,
    };
    for variant in variants {
        let attrs = match attr::variant(&variant.attrs, derive) {
            Ok(attrs) => attrs,
            Err(err) => {
                errors.push(err);
                continue;
            }
        };
        for field in variant.fields.iter() {
            errors.check(attr::reject(&field.attrs, derive));
        }
        let shape = match &variant.fields {
            Fields::Unit => Shape::Unit,
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => match fields.unnamed.first() {
                Some(field) => Shape::Payload(Box::new(field.ty.clone())),
                None => Shape::Unit,
            },
            Fields::Unnamed(fields) => {
                errors.push(Error::new(
                    fields.span(),
                    format!(
                        "a union variant holds one payload type, `{}(Payload)`, not {} fields",
                        variant.ident,
                        fields.unnamed.len()
                    ),
                ));
                continue;
            }
            Fields::Named(fields) => {
                errors.push(Error::new(
                    fields.span(),
                    format!(
                        "a union variant cannot have named fields: move them into a struct and write `{}(Payload)`",
                        variant.ident
                    ),
                ));
                continue;
            }
        };
        if let Some(span) = attrs.other {
            let ok = check_other(variant, &shape, &attrs, span, &union, &mut errors);
            if ok {
                union.other = Some(Other {
                    ident: variant.ident.clone(),
                });
            }
            continue;
        }
        if let Some(span) = attrs.self_tagged {
            if matches!(shape, Shape::Unit) {
                errors.push(Error::new(
                    span,
                    "`self_tagged` needs a payload that writes the tag itself: `Name(Payload)`",
                ));
                continue;
            }
            if content.is_some() {
                errors.push(Error::new(
                    span,
                    "`self_tagged` only applies to internally tagged unions (without `content`)",
                ));
                continue;
            }
        }
        let (tag, tag_span) = match &attrs.rename {
            Some(rename) => (rename.value(), rename.span()),
            None => (variant.ident.to_string(), variant.ident.span()),
        };
        if let Some(first) = union.known.iter().find(|known| known.tag == tag) {
            errors.push(Error::new(
                tag_span,
                format!(
                    "duplicate tag `{tag}`: variant `{}` already has it",
                    first.ident
                ),
            ));
            continue;
        }
        union.known.push(Known {
            ident: variant.ident.clone(),
            tag,
            shape,
            self_tagged: attrs.self_tagged.is_some(),
            js: attrs.js.is_some(),
        });
    }
    errors.finish()?;
    Ok(union)
}

/// Checks an `other` variant: `Name(Value)`, without other attributes, only one.
fn check_other(
    variant: &syn::Variant,
    shape: &Shape,
    attrs: &attr::Variant,
    span: Span,
    union: &Union,
    errors: &mut Errors,
) -> bool {
    if let Some(first) = &union.other {
        errors.push(Error::new(
            span,
            format!(
                "only one variant can be `other`; `{}` already is",
                first.ident
            ),
        ));
        return false;
    }
    if let Some(rename) = &attrs.rename {
        errors.push(Error::new(
            rename.span(),
            "the `other` variant has no tag of its own: remove `rename`",
        ));
        return false;
    }
    if let Some(self_tagged) = attrs.self_tagged {
        errors.push(Error::new(
            self_tagged,
            "the `other` variant cannot be `self_tagged`",
        ));
        return false;
    }
    match shape {
        Shape::Payload(ty) if last_segment_is(ty, "Value") => true,
        Shape::Payload(ty) => {
            errors.push(Error::new(
                ty.span(),
                "the `other` variant holds the whole message: its field must be a `wiregen_runtime::Value`",
            ));
            false
        }
        Shape::Unit => {
            errors.push(Error::new(
                variant.ident.span(),
                format!(
                    "the `other` variant holds the whole message: write `{}(wiregen_runtime::Value)`",
                    variant.ident
                ),
            ));
            false
        }
    }
}

/// Writes the impls.
fn generate(
    input: &DeriveInput,
    krate: &syn::Path,
    tag: &LitStr,
    content: Option<&LitStr>,
    union: &Union,
    deny_unknown_fields: bool,
) -> TokenStream {
    let name = &input.ident;
    let name_str = name.to_string();
    let private = quote!(#krate::__private::union);
    let tags: Vec<&str> = union.known.iter().map(|known| known.tag.as_str()).collect();
    let variant_names: Vec<String> = union
        .known
        .iter()
        .map(|known| known.ident.to_string())
        .collect();

    let content_const = content.map(|content| {
        let doc = format!(
            " The name of the member that holds the payload: `{}`.",
            content.value()
        );
        quote! {
            #[doc = #doc]
            pub const CONTENT: &'static str = #content;
        }
    });
    let tag_doc = format!(
        " The name of the member that holds the tag: `{}`.",
        tag.value()
    );

    let mut tag_arms = Vec::new();
    let mut ser_arms = Vec::new();
    let mut index_arms = Vec::new();
    let mut variant_arms = Vec::new();
    let mut kinds = Vec::new();
    for (index, known) in union.known.iter().enumerate() {
        let ident = &known.ident;
        let tag_value = known.tag.as_str();
        let path = format!("{name}::{ident}");
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        index_arms.push(quote!(#tag_value => ::core::option::Option::Some(#index),));
        match &known.shape {
            Shape::Unit => {
                kinds.push(quote!(#private::VariantKind::Unit));
                tag_arms.push(quote!(Self::#ident => #tag_value,));
                ser_arms.push(quote! {
                    Self::#ident => #private::serialize_unit(__serializer, #name_str, Self::TAG, #tag_value),
                });
                variant_arms.push(quote! {
                    #index => ::core::result::Result::map(
                        #private::unit(__deserializer, #path),
                        |()| Self::#ident,
                    ),
                });
            }
            Shape::Payload(ty) => {
                let kind = if known.self_tagged {
                    quote!(SelfTagged)
                } else {
                    quote!(Payload)
                };
                kinds.push(quote!(#private::VariantKind::#kind));
                tag_arms.push(quote!(Self::#ident(_) => #tag_value,));
                let ser = if known.self_tagged {
                    quote!(#krate::serde::Serialize::serialize(__payload, __serializer))
                } else if content.is_some() {
                    quote! {
                        #private::serialize_adjacent(__serializer, #name_str, Self::TAG, #tag_value, Self::CONTENT, __payload)
                    }
                } else {
                    quote!(#private::serialize_internal(__serializer, Self::TAG, #tag_value, __payload))
                };
                let bind = if known.js {
                    quote!(Self::#ident(__payload) => { let __payload = &#krate::js::Js(__payload); #ser })
                } else {
                    quote!(Self::#ident(__payload) => #ser,)
                };
                ser_arms.push(bind);
                let de = quote_spanned!(ty.span()=> <#ty as #krate::serde::Deserialize<'de>>::deserialize);
                variant_arms.push(quote! {
                    #index => ::core::result::Result::map(#de(__deserializer), Self::#ident),
                });
            }
        }
    }
    let (other_fn, has_other) = match &union.other {
        Some(Other { ident }) => {
            tag_arms
                .push(quote!(Self::#ident(__message) => #private::raw_tag(__message, Self::TAG),));
            ser_arms.push(quote! {
                Self::#ident(__message) => #krate::serde::Serialize::serialize(__message, __serializer),
            });
            (
                quote! {
                    fn other(__message: #krate::Value) -> ::core::option::Option<Self> {
                        ::core::option::Option::Some(Self::#ident(__message))
                    }
                },
                true,
            )
        }
        None => (
            quote! {
                fn other(_: #krate::Value) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            },
            false,
        ),
    };
    let content_def = match content {
        Some(_) => quote!(::core::option::Option::Some(Self::CONTENT)),
        None => quote!(::core::option::Option::None),
    };
    let index_body = if index_arms.is_empty() {
        quote! {
            let _ = __tag;
            ::core::option::Option::None
        }
    } else {
        quote! {
            match __tag {
                #(#index_arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let variant_body = if variant_arms.is_empty() {
        quote! {
            let _ = __deserializer;
            ::core::result::Result::Err(#private::no_variant(__index))
        }
    } else {
        quote! {
            match __index {
                #(#variant_arms)*
                _ => ::core::result::Result::Err(#private::no_variant(__index)),
            }
        }
    };
    let (tag_body, ser_body) = if tag_arms.is_empty() {
        (quote!(match *self {}), quote!(match *self {}))
    } else {
        (
            quote!(match self { #(#tag_arms)* }),
            quote!(match self { #(#ser_arms)* }),
        )
    };

    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #name {
            #[doc = #tag_doc]
            pub const TAG: &'static str = #tag;
            #content_const
            /// The tag values of the known variants, in declaration order.
            pub const TAGS: &'static [&'static str] = &[#(#tags),*];
            /// `(tag value, Rust variant name)` of the known variants, in declaration order.
            pub const VARIANTS: &'static [(&'static str, &'static str)] = &[#((#tags, #variant_names)),*];

            /// The tag value of this message; for a message kept whole because its tag
            /// is unknown, the tag found in it (`""` if there is none).
            pub fn tag(&self) -> &str {
                #tag_body
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #krate::serde::Serializer,
            {
                #ser_body
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl<'de> #krate::serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #krate::serde::Deserializer<'de>,
            {
                #private::deserialize(__deserializer)
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #private::DeriveUnion for #name {
            const DEF: #private::UnionDef = #private::UnionDef {
                name: #name_str,
                tag: Self::TAG,
                content: #content_def,
                tags: Self::TAGS,
                kinds: &[#(#kinds),*],
                other: #has_other,
                deny_unknown_fields: #deny_unknown_fields,
            };

            fn index(__tag: &str) -> ::core::option::Option<usize> {
                #index_body
            }

            fn variant<'de, __D>(__index: usize, __deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #krate::serde::Deserializer<'de>,
            {
                #variant_body
            }

            #other_fn
        }
    }
}
