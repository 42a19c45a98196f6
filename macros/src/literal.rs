//! `#[derive(Literal)]`: unit structs that stand for one constant JSON value.

use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Error, Fields, Result};

use crate::attr::{self, Derive};
use crate::no_generics;

/// Expands `#[derive(Literal)]`.
pub(crate) fn expand(input: &DeriveInput) -> Result<TokenStream> {
    let derive = Derive::Literal;
    let name = &input.ident;
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Unit => {}
            fields => {
                return Err(Error::new(
                    fields.span(),
                    format!(
                        "`#[derive(Literal)]` only applies to unit structs: write `struct {name};`"
                    ),
                ));
            }
        },
        Data::Enum(data) => {
            return Err(Error::new(
                data.enum_token.span,
                format!(
                    "`#[derive(Literal)]` only applies to unit structs: write `struct {name};`"
                ),
            ));
        }
        Data::Union(data) => {
            return Err(Error::new(
                data.union_token.span,
                format!(
                    "`#[derive(Literal)]` only applies to unit structs: write `struct {name};`"
                ),
            ));
        }
    }
    no_generics(input, derive)?;
    let container = attr::container(&input.attrs, derive)?;
    let Some(value) = container.value else {
        return Err(Error::new(
            name.span(),
            "`#[derive(Literal)]` needs the constant: add `#[wiregen(value = \"...\")]` (or `value = true`, `value = 1`, `value = 1.5`)",
        ));
    };
    let krate = &container.krate;
    let literal = quote!(#krate::literal);
    let variant = &value.variant;
    let doc = format!(" The constant this type stands for: `{}`.", value.text);
    Ok(quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #name {
            #[doc = #doc]
            pub const VALUE: #literal::LiteralValue = #literal::LiteralValue::#variant;
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #krate::serde::Serializer,
            {
                #krate::serde::Serialize::serialize(&Self::VALUE, __serializer)
            }
        }

        #[automatically_derived]
        #[allow(deprecated)]
        impl<'de> #krate::serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #krate::serde::Deserializer<'de>,
            {
                ::core::result::Result::map(
                    #literal::deserialize(__deserializer, Self::VALUE),
                    |()| Self,
                )
            }
        }
    })
}
