//! Best-match decoding of untagged unions (members told apart by shape, not by a tag).
//!
//! serde's `#[serde(untagged)]` takes the *first* member that decodes. For objects that loses
//! data: a member that ignores unknown keys accepts a message meant for a sibling that knows
//! more of its keys, and the keys only the sibling knows are dropped on re-encoding. Generated
//! code calls [`decode`] instead: the message is buffered once, every member is tried in order,
//! and the member that decodes while ignoring the fewest keys wins (the first such member on a
//! tie; a member that ignores no key is taken at once, so the common case tries each member at
//! most once).

use serde::de::Error as _;
use serde_json::Value;

/// One member of an untagged union, as the generated `Deserialize` impl describes it.
pub struct Member<T> {
    /// The Rust variant's name (for error messages).
    pub name: &'static str,
    /// The object keys the member declares (empty for non-object members).
    pub keys: &'static [&'static str],
    /// Whether the member keeps undeclared keys itself (a flattened map): it ignores nothing.
    pub open: bool,
    /// Decodes the buffered message as this member.
    pub decode: fn(&Value) -> Result<T, serde_json::Error>,
}

impl<T> Member<T> {
    /// How many keys of `value` this member would drop.
    fn ignored(&self, value: &Value) -> usize {
        match value {
            Value::Object(map) if !self.open && !self.keys.is_empty() => map
                .keys()
                .filter(|k| !self.keys.contains(&k.as_str()))
                .count(),
            Value::Object(map) if !self.open => map.len(),
            _ => 0,
        }
    }
}

/// Decodes a buffered value as the payload `P` of a member and wraps it (`variant` is the
/// enum variant's constructor): what each generated [`Member::decode`] calls.
pub fn member<P, T>(value: &Value, variant: fn(P) -> T) -> Result<T, serde_json::Error>
where
    P: serde::de::DeserializeOwned,
{
    P::deserialize(value).map(variant)
}

/// Decodes `deserializer`'s value as the member of `union` that loses the least.
pub fn decode<'de, D, T>(deserializer: D, union: &str, members: &[Member<T>]) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
    decode_value(&value, union, members).map_err(D::Error::custom)
}

/// [`decode`] over an already buffered value; the error names every member's reason.
pub fn decode_value<T>(value: &Value, union: &str, members: &[Member<T>]) -> Result<T, String> {
    let mut best: Option<(usize, T)> = None;
    let mut reasons = Vec::new();
    for m in members {
        let ignored = m.ignored(value);
        if best.as_ref().is_some_and(|(b, _)| *b <= ignored) {
            continue;
        }
        match (m.decode)(value) {
            Ok(v) if ignored == 0 => return Ok(v),
            Ok(v) => best = Some((ignored, v)),
            Err(e) => reasons.push(format!("`{}`: {e}", m.name)),
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => Err(format!(
            "no member of `{union}` matches this value ({})",
            reasons.join("; ")
        )),
    }
}
