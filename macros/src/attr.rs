//! Parsing of the `#[wiregen(...)]` attributes of the derive input, its variants and fields.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote};
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Error, Lit, LitStr, Path, Result, Token};

/// The derive being expanded, for messages and to tell which keys are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Derive {
    Union,
    StringEnum,
    Literal,
}

impl Derive {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Self::Union => "Union",
            Self::StringEnum => "StringEnum",
            Self::Literal => "Literal",
        }
    }

    fn container_keys(self) -> &'static [&'static str] {
        match self {
            Self::Union => &["tag", "content", "deny_unknown_fields", "crate"],
            Self::StringEnum => &["crate"],
            Self::Literal => &["value", "crate"],
        }
    }

    fn variant_keys(self) -> &'static [&'static str] {
        match self {
            Self::Union => &["rename", "self_tagged", "other", "js"],
            Self::StringEnum => &["rename", "other"],
            Self::Literal => &[],
        }
    }
}

/// A constant given as `value = ...` to `#[derive(Literal)]`.
pub(crate) struct LiteralValue {
    /// Tokens of a `LiteralValue` expression, without the path prefix: `Str("2.0")`.
    pub(crate) variant: TokenStream,
    /// The constant's JSON text, for documentation.
    pub(crate) text: String,
}

/// The attributes of the derive input.
pub(crate) struct Container {
    /// The runtime crate's path: `::wiregen_runtime` unless `crate = "..."` says otherwise.
    pub(crate) krate: Path,
    pub(crate) tag: Option<LitStr>,
    pub(crate) content: Option<LitStr>,
    /// The span of `deny_unknown_fields` (adjacently tagged unions), if present.
    pub(crate) deny_unknown_fields: Option<Span>,
    pub(crate) value: Option<LiteralValue>,
}

/// The attributes of a variant.
#[derive(Default)]
pub(crate) struct Variant {
    pub(crate) rename: Option<LitStr>,
    /// The span of `self_tagged`, if present.
    pub(crate) self_tagged: Option<Span>,
    /// The span of `other`, if present.
    pub(crate) other: Option<Span>,
    /// The span of `js` (the payload's numbers are encoded as JavaScript writes them), if present.
    pub(crate) js: Option<Span>,
}

/// Lists allowed keys: `` `a`, `b` or `c` ``.
fn one_of(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|key| format!("`{key}`")).collect();
    match quoted.split_last() {
        None => "none".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The error for a key that is not allowed where it is written.
fn unknown_key(path: &Path, derive: Derive, keys: &[&str], place: &str) -> Error {
    let key = path.to_token_stream().to_string().replace(' ', "");
    let message = if keys.is_empty() {
        format!(
            "`{key}` is not a `#[derive({})]` attribute: {place} take no `#[wiregen(...)]` attributes",
            derive.name()
        )
    } else {
        format!(
            "unknown attribute `{key}` for `#[derive({})]` on {place}; expected {}",
            derive.name(),
            one_of(keys)
        )
    };
    Error::new_spanned(path, message)
}

fn is_wiregen(attr: &Attribute) -> bool {
    attr.path().is_ident("wiregen")
}

/// Stores `value` in `slot`, failing on a second occurrence of `key`.
fn set_once<T>(slot: &mut Option<T>, value: T, key: &str, path: &Path) -> Result<()> {
    if slot.is_some() {
        return Err(Error::new_spanned(
            path,
            format!("duplicate `{key}` attribute"),
        ));
    }
    *slot = Some(value);
    Ok(())
}

/// Parses the container attributes of `derive`.
pub(crate) fn container(attrs: &[Attribute], derive: Derive) -> Result<Container> {
    let mut krate: Option<Path> = None;
    let mut tag = None;
    let mut content = None;
    let mut deny_unknown_fields = None;
    let mut value = None;
    for attr in attrs.iter().filter(|attr| is_wiregen(attr)) {
        attr.parse_nested_meta(|meta| {
            let path = meta.path.clone();
            let key = path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !derive.container_keys().contains(&key.as_str()) {
                return Err(unknown_key(
                    &path,
                    derive,
                    derive.container_keys(),
                    "the type",
                ));
            }
            match key.as_str() {
                "crate" => {
                    let lit: LitStr = meta.value()?.parse()?;
                    let parsed = lit.parse::<Path>().map_err(|_| {
                        Error::new_spanned(
                            &lit,
                            "`crate` must be a path, like \"::wiregen_runtime\"",
                        )
                    })?;
                    set_once(&mut krate, parsed, "crate", &path)
                }
                "tag" => set_once(&mut tag, meta.value()?.parse::<LitStr>()?, "tag", &path),
                "content" => set_once(
                    &mut content,
                    meta.value()?.parse::<LitStr>()?,
                    "content",
                    &path,
                ),
                "deny_unknown_fields" => set_once(
                    &mut deny_unknown_fields,
                    path.span(),
                    "deny_unknown_fields",
                    &path,
                ),
                _ => set_once(&mut value, literal_value(meta.value()?)?, "value", &path),
            }
        })?;
    }
    if let (Some(span), None) = (deny_unknown_fields, &content) {
        return Err(Error::new(
            span,
            "`deny_unknown_fields` needs `content`: an internally tagged union's keys are its payload's, so put `#[serde(deny_unknown_fields)]` on the payload structs",
        ));
    }
    Ok(Container {
        krate: krate.unwrap_or_else(|| syn::parse_quote!(::wiregen_runtime)),
        tag,
        content,
        deny_unknown_fields,
        value,
    })
}

/// Parses the attributes of a variant for `derive`.
pub(crate) fn variant(attrs: &[Attribute], derive: Derive) -> Result<Variant> {
    let mut out = Variant::default();
    for attr in attrs.iter().filter(|attr| is_wiregen(attr)) {
        attr.parse_nested_meta(|meta| {
            let path = meta.path.clone();
            let key = path
                .get_ident()
                .map(ToString::to_string)
                .unwrap_or_default();
            if !derive.variant_keys().contains(&key.as_str()) {
                return Err(unknown_key(
                    &path,
                    derive,
                    derive.variant_keys(),
                    "a variant",
                ));
            }
            match key.as_str() {
                "rename" => set_once(
                    &mut out.rename,
                    meta.value()?.parse::<LitStr>()?,
                    "rename",
                    &path,
                ),
                "self_tagged" => set_once(&mut out.self_tagged, path.span(), "self_tagged", &path),
                "js" => set_once(&mut out.js, path.span(), "js", &path),
                _ => set_once(&mut out.other, path.span(), "other", &path),
            }
        })?;
    }
    Ok(out)
}

/// Fails on any `#[wiregen(...)]` attribute in `attrs` (of a field).
pub(crate) fn reject(attrs: &[Attribute], derive: Derive) -> Result<()> {
    match attrs.iter().find(|attr| is_wiregen(attr)) {
        Some(attr) => Err(Error::new_spanned(
            attr,
            format!(
                "`#[derive({})]` takes no `#[wiregen(...)]` attributes on fields",
                derive.name()
            ),
        )),
        None => Ok(()),
    }
}

/// Parses the constant of `value = ...`: a string, `true`/`false`, an integer in
/// `i64::MIN..=u64::MAX` or a finite float, optionally negated, without a type suffix.
fn literal_value(input: ParseStream) -> Result<LiteralValue> {
    let minus: Option<Token![-]> = input.parse()?;
    let lit: Lit = input.parse()?;
    let span = match &minus {
        Some(minus) => minus.spans[0]
            .join(lit.span())
            .unwrap_or_else(|| lit.span()),
        None => lit.span(),
    };
    let sign = if minus.is_some() { "-" } else { "" };
    if !lit.suffix().is_empty() {
        return Err(Error::new(
            lit.span(),
            "the constant must not have a type suffix: write `value = 1`, not `value = 1u8`",
        ));
    }
    let negative_error = |what: &str| Error::new(span, format!("{what} cannot be negative"));
    let (variant, text) = match &lit {
        Lit::Str(s) if minus.is_none() => (quote!(Str(#s)), format!("{:?}", s.value())),
        Lit::Bool(b) if minus.is_none() => {
            let value = b.value;
            (quote!(Bool(#value)), value.to_string())
        }
        Lit::Str(_) => return Err(negative_error("a string")),
        Lit::Bool(_) => return Err(negative_error("a boolean")),
        Lit::Int(int) => {
            let magnitude: u128 = int
                .base10_parse()
                .map_err(|_| Error::new(span, "integer constant out of range"))?;
            let in_range = if minus.is_some() {
                magnitude <= u128::from(i64::MIN.unsigned_abs())
            } else {
                magnitude <= u128::from(u64::MAX)
            };
            if !in_range {
                return Err(Error::new(
                    span,
                    "integer constant out of the JSON integer range i64::MIN..=u64::MAX",
                ));
            }
            let text = if magnitude == 0 {
                "0".to_owned()
            } else {
                format!("{sign}{magnitude}")
            };
            let minus = minus.map(|_| quote!(-));
            (quote!(Int(#minus #int)), text)
        }
        Lit::Float(float) => {
            let value: f64 = float
                .base10_parse()
                .map_err(|_| Error::new(span, "invalid float constant"))?;
            if !value.is_finite() {
                return Err(Error::new(span, "the float constant must be finite"));
            }
            let minus = minus.map(|_| quote!(-));
            (
                quote!(Float(#minus #float)),
                format!("{sign}{}", float.base10_digits()),
            )
        }
        _ => {
            return Err(Error::new(
                lit.span(),
                "expected a string, `true`, `false`, an integer or a float",
            ));
        }
    };
    Ok(LiteralValue { variant, text })
}

#[cfg(test)]
mod tests {
    use super::one_of;

    #[test]
    fn lists_keys() {
        assert_eq!(one_of(&[]), "none");
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
