//! Best-match decoding of untagged unions (members told apart by shape, not by a tag).
//!
//! serde's `#[serde(untagged)]` takes the *first* member that decodes. For objects that loses
//! data: a member that ignores unknown keys accepts a message meant for a sibling that knows
//! more of it, and what only the sibling knows is dropped on re-encoding — at any depth (a
//! JSON-RPC envelope whose `params` is itself a union of look-alike objects). Generated code
//! calls [`decode`] instead: the message is buffered once and every member is tried in order;
//! a member whose re-encoding gives back the message exactly is taken at once, otherwise the
//! member that loses the least of it (keys dropped or changed, at every depth) wins, the first
//! listed on a tie. Members that ignore more top-level keys than the best so far loses are not
//! tried at all, so a well-ordered union tries each member at most once. Members a struct
//! keeps in its [`UnknownFields`](crate::UnknownFields) map (`unknown_fields = "keep"`) count as
//! lost here, so keeping them does not make a member win over the sibling that declares them.

use serde::Serialize;
use serde::de::Error as _;
use serde_json::Value;

/// One member of an untagged union, as the generated `Deserialize` impl describes it.
pub struct Member<T> {
    /// The Rust variant's name (for error messages).
    pub name: &'static str,
    /// The object keys the member declares (empty for non-object members).
    pub keys: &'static [&'static str],
    /// Whether the member keeps undeclared keys itself (a flattened map, a union, any value).
    pub open: bool,
    /// Decodes the buffered message as this member; the error names the field path.
    pub decode: fn(&Value) -> Result<T, String>,
}

impl<T> Member<T> {
    /// How many top-level keys of `value` this member ignores: a lower bound of its loss.
    fn ignored(&self, value: &Value) -> usize {
        match value {
            Value::Object(map) if !self.open => map
                .keys()
                .filter(|k| !self.keys.contains(&k.as_str()))
                .count(),
            _ => 0,
        }
    }
}

/// Decodes a buffered value as the payload `P` of a member and wraps it (`variant` is the
/// enum variant's constructor): what each generated [`Member::decode`] calls. The error
/// names the path of the field that failed (`params.cwd: missing field ...`).
pub fn member<P, T>(value: &Value, variant: fn(P) -> T) -> Result<T, String>
where
    P: serde::de::DeserializeOwned,
{
    match serde_path_to_error::deserialize::<_, P>(value) {
        Ok(p) => Ok(variant(p)),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            Err(if path == "." || path.is_empty() {
                inner.to_string()
            } else {
                format!("{path}: {inner}")
            })
        }
    }
}

/// Decodes `deserializer`'s value as the member of `union` that loses the least.
pub fn decode<'de, D, T>(deserializer: D, union: &str, members: &[Member<T>]) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Serialize,
{
    let value = <Value as serde::Deserialize>::deserialize(deserializer)?;
    decode_value(&value, union, members).map_err(D::Error::custom)
}

/// [`decode`] over an already buffered value; the error names every member's reason.
pub fn decode_value<T: Serialize>(
    value: &Value,
    union: &str,
    members: &[Member<T>],
) -> Result<T, String> {
    let mut best: Option<(usize, T)> = None;
    let mut reasons = Vec::new();
    for m in members {
        if best.as_ref().is_some_and(|(b, _)| *b <= m.ignored(value)) {
            continue;
        }
        match (m.decode)(value) {
            Ok(v) => {
                // Members kept in a flattened `UnknownFields` count as lost: keeping them
                // is not knowing them.
                let lost = match crate::unknown::measure(|| serde_json::to_value(&v)) {
                    Ok(back) => loss(value, &back),
                    Err(_) => usize::MAX,
                };
                if lost == 0 {
                    return Ok(v);
                }
                if best.as_ref().is_none_or(|(b, _)| lost < *b) {
                    best = Some((lost, v));
                }
            }
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

/// How much of `sent` does not come back in `back`: keys missing or added, values changed,
/// counted at every depth.
fn loss(sent: &Value, back: &Value) -> usize {
    match (sent, back) {
        (Value::Object(a), Value::Object(b)) => {
            let changed: usize = a
                .iter()
                .map(|(k, v)| b.get(k).map_or(1, |w| loss(v, w)))
                .sum();
            changed + b.keys().filter(|k| !a.contains_key(*k)).count()
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            a.iter().zip(b).map(|(v, w)| loss(v, w)).sum()
        }
        (a, b) => usize::from(a != b),
    }
}

#[cfg(test)]
mod tests {
    use super::loss;
    use serde_json::json;

    #[test]
    fn loss_counts_dropped_added_and_changed_members_at_every_depth() {
        assert_eq!(loss(&json!({"a": 1}), &json!({"a": 1})), 0);
        assert_eq!(
            loss(&json!({"a": 1, "b": {"c": 2}}), &json!({"a": 1, "b": {}})),
            1
        );
        assert_eq!(loss(&json!({"a": 1}), &json!({"a": 1, "z": null})), 1);
        assert_eq!(loss(&json!([1, {"x": 1}]), &json!([1, {"x": 2}])), 1);
        assert_eq!(loss(&json!(1), &json!(1.0)), 1);
    }
}
