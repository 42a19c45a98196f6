//! Derive macros for wiregen's generated code: `Union`, `StringEnum` and `Literal`, used through `wiregen_runtime`.
//!
//! Generated files stay short and rustfmt-stable because every impl (`Serialize`,
//! `Deserialize`, the tag tables) comes from these derives. Use them through the
//! runtime, which re-exports them: `#[derive(wiregen_runtime::Union)]`. Expansions
//! refer only to the runtime's path (and `core`/`std`), never to `serde` directly, so a
//! crate that depends on `wiregen-runtime` alone compiles them.
//!
//! # Attributes
//!
//! All attributes are written `#[wiregen(key = value, flag, ...)]`; keys may be split
//! over several attributes but not repeated.
//!
//! | on | key | meaning |
//! | --- | --- | --- |
//! | any derive input | `crate = "path"` | the runtime's path (default `::wiregen_runtime`) |
//! | `Union` enum | `tag = "type"` (required) | the member holding the tag |
//! | `Union` enum | `content = "data"` | adjacently tagged: the payload sits under this member |
//! | `Union`/`StringEnum` variant | `rename = "wire_name"` | the tag or string (default: the variant name as written) |
//! | `Union` variant | `self_tagged` | the payload writes and reads the tag member itself |
//! | `Union`/`StringEnum` variant | `other` | catch-all: `Name(wiregen_runtime::Value)` / `Name(String)` |
//! | `Literal` struct | `value = "2.0"` (required) | the constant: a string, `true`/`false`, an integer or a float |
//!
//! Misuse (a `Union` on a struct, a variant with named fields, two variants with one
//! tag, an unknown key, ...) is a compile error pointing at the offending tokens.
//! Generic parameters are not supported.
//!
//! The decoding rules of unions, and where they differ from serde's, are documented in
//! `wiregen_runtime::union`.

#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]

mod attr;
#[cfg(feature = "include")]
mod include;
mod literal;
mod string_enum;
mod union;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;
use syn::{DeriveInput, Error, Type};

use attr::Derive;

/// Derives `Serialize` and `Deserialize` for a tagged message union, plus `TAG`,
/// `TAGS` (and `CONTENT`) constants and a `tag()` method.
///
/// Each variant is `Name(Payload)` (the payload's members follow the tag, or sit under
/// the `content` member), `Name` (only the tag), `#[wiregen(self_tagged)]
/// Name(Payload)` (the payload has its own tag member), or the `#[wiregen(other)]
/// Name(Value)` catch-all that keeps a message with an unknown tag whole.
///
/// Decoding reads the tag first when it is the first member and decodes the payload
/// straight from the input; otherwise it buffers what comes before the tag. It accepts
/// and rejects what serde's `#[serde(tag = "...")]` (or `tag` + `content`) does.
///
/// ```
/// use wiregen_runtime as wg;
///
/// #[derive(Debug, Clone, PartialEq, wg::Serialize, wg::Deserialize)]
/// #[serde(crate = "wg::serde")]
/// pub struct Spawn {
///     pub pid: u32,
/// }
///
/// #[derive(Debug, Clone, PartialEq, wg::Union)]
/// #[wiregen(tag = "type")]
/// pub enum Msg {
///     #[wiregen(rename = "spawn")]
///     Spawn(Spawn),
///     #[wiregen(rename = "ping")]
///     Ping,
///     #[wiregen(other)]
///     Unknown(wg::Value),
/// }
///
/// let msg: Msg = wg::from_str(r#"{"pid":7,"type":"spawn"}"#)?;
/// assert_eq!(msg, Msg::Spawn(Spawn { pid: 7 }));
/// assert_eq!(wg::to_string(&msg)?, r#"{"type":"spawn","pid":7}"#);
/// assert_eq!(Msg::TAGS, ["spawn", "ping"]);
///
/// let unknown: Msg = wg::from_str(r#"{"type":"new","x":1}"#)?;
/// assert_eq!(unknown.tag(), "new");
/// assert_eq!(wg::to_string(&unknown)?, r#"{"type":"new","x":1}"#);
/// # Ok::<(), wg::Error>(())
/// ```
#[proc_macro_derive(Union, attributes(wiregen))]
pub fn derive_union(input: TokenStream) -> TokenStream {
    run(input, union::expand)
}

/// Derives `Serialize`, `Deserialize`, `Display` and `FromStr` for an enum of unit
/// variants sent as strings, plus `VALUES`, `ALL` (without an `other` variant) and
/// `as_str()`.
///
/// An unknown string is an error (``unknown variant `x`, expected one of `a`, `b` ``)
/// unless a `#[wiregen(other)] Name(String)` variant keeps it.
///
/// ```
/// use wiregen_runtime as wg;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, wg::StringEnum)]
/// pub enum State {
///     #[wiregen(rename = "starting")]
///     Starting,
///     #[wiregen(rename = "timed_out")]
///     TimedOut,
/// }
///
/// assert_eq!(wg::to_string(&State::TimedOut)?, r#""timed_out""#);
/// assert_eq!(wg::from_str::<State>(r#""starting""#)?, State::Starting);
/// assert_eq!(State::ALL, [State::Starting, State::TimedOut]);
/// assert_eq!("timed_out".parse::<State>(), Ok(State::TimedOut));
/// assert_eq!(
///     "paused".parse::<State>().unwrap_err().to_string(),
///     "unknown variant `paused`, expected `starting` or `timed_out`",
/// );
/// # Ok::<(), wg::Error>(())
/// ```
#[proc_macro_derive(StringEnum, attributes(wiregen))]
pub fn derive_string_enum(input: TokenStream) -> TokenStream {
    run(input, string_enum::expand)
}

/// Derives `Serialize` and `Deserialize` for a unit struct that stands for one constant
/// JSON value, plus a `VALUE` constant (a `wiregen_runtime::literal::LiteralValue`).
///
/// Only the constant decodes: anything else fails with
/// ``invalid value: ..., expected the constant "2.0"``. Integers match integers and
/// floats match floats, as in `wiregen_runtime::literal!`.
///
/// ```
/// use wiregen_runtime as wg;
///
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, wg::Literal)]
/// #[wiregen(value = "2.0")]
/// pub struct JsonRpcVersion;
///
/// assert_eq!(wg::to_string(&JsonRpcVersion)?, r#""2.0""#);
/// assert_eq!(JsonRpcVersion::VALUE.as_str(), Some("2.0"));
/// let err = wg::from_str::<JsonRpcVersion>("2").unwrap_err();
/// assert_eq!(err.message(), r#"invalid value: integer `2`, expected the constant "2.0""#);
/// # Ok::<(), wg::Error>(())
/// ```
#[proc_macro_derive(Literal, attributes(wiregen))]
pub fn derive_literal(input: TokenStream) -> TokenStream {
    run(input, literal::expand)
}

/// Generates a protocol's Rust types at compile time, from a JSON Schema (`.json`) or
/// TypeScript (`.ts`) file: the same items `wiregen generate` writes, token for token.
///
/// ```ignore
/// pub mod sep {
///     wiregen_runtime::include_protocol!("schemas/sep.json");
/// }
/// pub mod spindle {
///     wiregen_runtime::include_protocol!("schemas/spindle.json", strict = true, extra_derives = ["Eq"]);
/// }
/// ```
///
/// - The path is relative to the crate's directory (`CARGO_MANIFEST_DIR`). Every file read,
///   including files reached through `$ref`, is tracked with `include_bytes!`, so editing
///   the input rebuilds the crate.
/// - The settings are `wiregen.toml`'s `[settings]` keys with the same values and defaults:
///   `strict = true` (unknown fields, tags and enum strings are decode errors; default
///   `false`), `extra_derives = ["Eq", ...]` (default `[]`) and `allowed_roots = ["../x"]`
///   (default `[]`).
/// - Files are read only under the crate's directory, the entry's directory and
///   `allowed_roots` (relative to the crate's directory), symlinks resolved; see the guide's
///   "Security" section.
/// - Use one invocation per module: the expansion starts with `use ::wiregen_runtime as wg;`.
/// - Errors in the input are reported on the path literal, each with the input's
///   `file:line:col` and JSON pointer and a hint; a bad setting is reported on its tokens
///   and the other settings still apply.
///
/// The crate needs only `wiregen-runtime`, which re-exports this macro under its `include`
/// feature (off by default: it compiles the generator into your build).
#[cfg(feature = "include")]
#[cfg_attr(docsrs, doc(cfg(feature = "include")))]
#[proc_macro]
pub fn include_protocol(input: TokenStream) -> TokenStream {
    match syn::parse::<include::Args>(input) {
        Ok(args) => include::expand(args, &include::manifest_dir()).into(),
        Err(err) => err.into_compile_error().into(),
    }
}

/// Parses the input and runs an expansion, turning errors into `compile_error!`s.
fn run(
    input: TokenStream,
    expand: fn(&DeriveInput) -> syn::Result<proc_macro2::TokenStream>,
) -> TokenStream {
    match syn::parse::<DeriveInput>(input) {
        Ok(input) => expand(&input)
            .unwrap_or_else(Error::into_compile_error)
            .into(),
        Err(err) => err.into_compile_error().into(),
    }
}

/// Expands `derive` on `input` (for tests: the same code path as the macros).
#[cfg(test)]
pub(crate) fn expand(derive: Derive, input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    match derive {
        Derive::Union => union::expand(input),
        Derive::StringEnum => string_enum::expand(input),
        Derive::Literal => literal::expand(input),
    }
}

/// Fails if the input has generic parameters, which the derives do not support.
fn no_generics(input: &DeriveInput, derive: Derive) -> syn::Result<()> {
    if input.generics.params.is_empty() && input.generics.where_clause.is_none() {
        Ok(())
    } else {
        Err(Error::new_spanned(
            &input.generics,
            format!(
                "`#[derive({})]` does not support generic parameters or where clauses",
                derive.name()
            ),
        ))
    }
}

/// Whether `ty` is a path whose last segment is `name` (`Value`, `wg::Value`, ...).
fn last_segment_is(ty: &Type, name: &str) -> bool {
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == name && segment.arguments.is_empty()),
        _ => false,
    }
}

/// Collects errors to report them all at once.
#[derive(Default)]
struct Errors(Option<Error>);

impl Errors {
    fn push(&mut self, err: Error) {
        match &mut self.0 {
            Some(first) => first.combine(err),
            None => self.0 = Some(err),
        }
    }

    fn check(&mut self, result: syn::Result<()>) {
        if let Err(err) = result {
            self.push(err);
        }
    }

    fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}
