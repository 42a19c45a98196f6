//! `#[derive(StringEnum)]`: enums of unit variants sent as strings, with an optional catch-all.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Ident, Result};

use crate::attr::{self, Derive};
use crate::{Errors, last_segment_is, no_generics};

/// A known value.
struct Value {
    ident: Ident,
    text: String,
}

/// Expands `#[derive(StringEnum)]`.
pub(crate) fn expand(input: &DeriveInput) -> Result<TokenStream> {
    let derive = Derive::StringEnum;
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(data) => {
            return Err(Error::new(
                data.struct_token.span,
                "`#[derive(StringEnum)]` only applies to enums of unit variants",
            ));
        }
        Data::Union(data) => {
            return Err(Error::new(
                data.union_token.span,
                "`#[derive(StringEnum)]` only applies to enums of unit variants",
            ));
        }
    };
    no_generics(input, derive)?;
    let container = attr::container(&input.attrs, derive)?;
    let mut errors = Errors::default();
    let mut values: Vec<Value> = Vec::new();
    let mut other: Option<Ident> = None;
    for variant in &data.variants {
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
        if let Some(span) = attrs.other {
            if let Some(first) = &other {
                errors.push(Error::new(
                    span,
                    format!("only one variant can be `other`; `{first}` already is"),
                ));
            } else if let Some(rename) = &attrs.rename {
                errors.push(Error::new(
                    rename.span(),
                    "the `other` variant has no string of its own: remove `rename`",
                ));
            } else if let Err(err) = check_other(variant) {
                errors.push(err);
            } else {
                other = Some(variant.ident.clone());
            }
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            errors.push(Error::new(
                variant.fields.span(),
                format!(
                    "a string enum variant has no fields (only the `#[wiregen(other)]` variant holds a `String`): write `{}`",
                    variant.ident
                ),
            ));
            continue;
        }
        let (text, span) = match &attrs.rename {
            Some(rename) => (rename.value(), rename.span()),
            None => (variant.ident.to_string(), variant.ident.span()),
        };
        if let Some(first) = values.iter().find(|value| value.text == text) {
            errors.push(Error::new(
                span,
                format!(
                    "duplicate value `{text}`: variant `{}` already has it",
                    first.ident
                ),
            ));
            continue;
        }
        values.push(Value {
            ident: variant.ident.clone(),
            text,
        });
    }
    errors.finish()?;
    Ok(generate(input, &container.krate, &values, other.as_ref()))
}

/// Checks that the `other` variant is `Name(String)`.
fn check_other(variant: &syn::Variant) -> Result<()> {
    match &variant.fields {
        Fields::Unnamed(fields) if fields.unnamed.len() == 1 => match fields.unnamed.first() {
            Some(field) if last_segment_is(&field.ty, "String") => Ok(()),
            field => Err(Error::new(
                field.map_or_else(|| fields.span(), |field| field.ty.span()),
                "the `other` variant holds the unknown string: its field must be a `String`",
            )),
        },
        _ => Err(Error::new(
            variant.span(),
            format!(
                "the `other` variant holds the unknown string: write `{}(String)`",
                variant.ident
            ),
        )),
    }
}

/// Writes the impls.
fn generate(
    input: &DeriveInput,
    krate: &syn::Path,
    values: &[Value],
    other: Option<&Ident>,
) -> TokenStream {
    let name = &input.ident;
    let name_str = name.to_string();
    let private = quote!(#krate::__private::string_enum);
    let texts: Vec<&str> = values.iter().map(|value| value.text.as_str()).collect();
    let idents: Vec<&Ident> = values.iter().map(|value| &value.ident).collect();

    let mut as_str_arms: Vec<TokenStream> = values
        .iter()
        .map(|Value { ident, text }| quote!(Self::#ident => #text,))
        .collect();
    let (all_const, from_str_impl, other_fn) = match other {
        Some(other) => {
            as_str_arms
                .push(quote!(Self::#other(__value) => ::std::string::String::as_str(__value),));
            let from_str = quote! {
                #[automatically_derived]
                #[allow(deprecated)]
                impl ::core::str::FromStr for #name {
                    type Err = ::core::convert::Infallible;

                    fn from_str(__value: &str) -> ::core::result::Result<Self, <Self as ::core::str::FromStr>::Err> {
                        ::core::result::Result::Ok(
                            match <Self as #private::DeriveStringEnum>::known(__value) {
                                ::core::option::Option::Some(__known) => __known,
                                ::core::option::Option::None => Self::#other(::std::string::String::from(__value)),
                            },
                        )
                    }
                }
            };
            let other_fn = quote! {
                fn other(__value: ::std::string::String) -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(Self::#other(__value))
                }
            };
            (None, from_str, other_fn)
        }
        None => {
            let all = quote! {
                /// Every value, in declaration order.
                pub const ALL: &'static [Self] = &[#(Self::#idents),*];
            };
            let from_str = quote! {
                #[automatically_derived]
                #[allow(deprecated)]
                impl ::core::str::FromStr for #name {
                    type Err = #krate::UnknownValue;

                    fn from_str(__value: &str) -> ::core::result::Result<Self, <Self as ::core::str::FromStr>::Err> {
                        <Self as #private::DeriveStringEnum>::known(__value)
                            .ok_or_else(|| #krate::UnknownValue::new(__value, Self::VALUES))
                    }
                }
            };
            let other_fn = quote! {
                fn other(_: ::std::string::String) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
            };
            (Some(all), from_str, other_fn)
        }
    };
    let has_other = other.is_some();
    let as_str_body = if as_str_arms.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#as_str_arms)* })
    };
    let known_body = if values.is_empty() {
        quote! {
            let _ = __value;
            ::core::option::Option::None
        }
    } else {
        quote! {
            match __value {
                #(#texts => ::core::option::Option::Some(Self::#idents),)*
                _ => ::core::option::Option::None,
            }
        }
    };

    quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #name {
            /// The strings of the known values, in declaration order.
            pub const VALUES: &'static [&'static str] = &[#(#texts),*];
            #all_const

            /// The string this value is sent as.
            pub fn as_str(&self) -> &str {
                #as_str_body
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl ::core::fmt::Display for #name {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.pad(self.as_str())
            }
        }

        #from_str_impl

        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #krate::serde::Serializer,
            {
                #krate::serde::Serializer::serialize_str(__serializer, self.as_str())
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
        impl #private::DeriveStringEnum for #name {
            const NAME: &'static str = #name_str;
            const KNOWN: &'static [&'static str] = Self::VALUES;
            const OTHER: bool = #has_other;

            fn known(__value: &str) -> ::core::option::Option<Self> {
                #known_body
            }

            #other_fn
        }
    }
}
