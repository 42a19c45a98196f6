//! Snapshots of the derives' expansions, pretty-printed, for review.

use syn::DeriveInput;

use crate::attr::Derive;

/// Expands `derive` on `input` and pretty-prints the result.
fn expand(derive: Derive, input: DeriveInput) -> String {
    let tokens = match crate::expand(derive, &input) {
        Ok(tokens) => tokens,
        Err(err) => panic!("expansion failed: {err}"),
    };
    match syn::parse2::<syn::File>(tokens) {
        Ok(file) => prettyplease::unparse(&file),
        Err(err) => panic!("expansion is not a list of items: {err}"),
    }
}

macro_rules! assert_expansion {
    ($name:literal, $expansion:expr) => {
        insta::with_settings!(
            {snapshot_path => "../../snapshots/macros", prepend_module_to_snapshot => false},
            { insta::assert_snapshot!($name, $expansion) }
        )
    };
}

#[test]
fn union_expansion() {
    let input: DeriveInput = syn::parse_quote! {
        #[wiregen(tag = "type")]
        pub enum Msg {
            #[wiregen(rename = "spawn")]
            Spawn(msg::Spawn),
            #[wiregen(rename = "open", self_tagged)]
            Open(OpenMessage),
            #[wiregen(rename = "group")]
            Group(Box<msg::Group>),
            #[wiregen(rename = "ping")]
            Ping,
            #[wiregen(other)]
            Unknown(wg::Value),
        }
    };
    assert_expansion!("union", expand(Derive::Union, input));
}

#[test]
fn adjacent_union_expansion() {
    let input: DeriveInput = syn::parse_quote! {
        #[wiregen(tag = "type", content = "data", crate = "wg")]
        pub enum Event {
            #[wiregen(rename = "started")]
            Started(event::Started),
            Ping,
        }
    };
    assert_expansion!("adjacent_union", expand(Derive::Union, input));
}

#[test]
fn string_enum_expansions() {
    let closed: DeriveInput = syn::parse_quote! {
        pub enum State {
            #[wiregen(rename = "starting")]
            Starting,
            #[wiregen(rename = "timed_out")]
            TimedOut,
        }
    };
    assert_expansion!("string_enum", expand(Derive::StringEnum, closed));
    let open: DeriveInput = syn::parse_quote! {
        pub enum Level {
            #[wiregen(rename = "info")]
            Info,
            #[wiregen(other)]
            Other(String),
        }
    };
    assert_expansion!("string_enum_other", expand(Derive::StringEnum, open));
}

#[test]
fn literal_expansion() {
    let input: DeriveInput = syn::parse_quote! {
        #[wiregen(value = "2.0")]
        pub struct JsonRpcVersion;
    };
    assert_expansion!("literal", expand(Derive::Literal, input));
}

#[test]
fn literal_values() {
    let cases: [(DeriveInput, &str); 5] = [
        (
            syn::parse_quote!(
                #[wiregen(value = true)]
                struct A;
            ),
            "Bool(true)",
        ),
        (
            syn::parse_quote!(
                #[wiregen(value = -42)]
                struct A;
            ),
            "Int(-42)",
        ),
        (
            syn::parse_quote!(
                #[wiregen(value = 1.5)]
                struct A;
            ),
            "Float(1.5)",
        ),
        (
            syn::parse_quote!(
                #[wiregen(value = -0.25)]
                struct A;
            ),
            "Float(-0.25)",
        ),
        (
            syn::parse_quote!(
                #[wiregen(value = 18446744073709551615)]
                struct A;
            ),
            "Int(18446744073709551615)",
        ),
    ];
    for (input, expected) in cases {
        let tokens = match crate::expand(Derive::Literal, &input) {
            Ok(tokens) => tokens.to_string(),
            Err(err) => panic!("expansion failed: {err}"),
        };
        let compact: String = tokens.split_whitespace().collect();
        assert!(
            compact.contains(&format!("LiteralValue::{expected};")),
            "{expected} not in {compact}"
        );
    }
}

#[test]
fn errors_are_reported_together() {
    let input: DeriveInput = syn::parse_quote! {
        #[wiregen(tag = "type")]
        enum Msg {
            A { x: u8 },
            B(u8, u8),
            #[wiregen(bogus)]
            C,
        }
    };
    let err = match crate::expand(Derive::Union, &input) {
        Ok(_) => panic!("expected errors"),
        Err(err) => err,
    };
    assert_eq!(err.into_iter().count(), 3);
}
