//! [`UnknownFields`]: the members a struct does not declare, kept to be written back
//! (`unknown_fields = "keep"`).

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Number, Value};

/// The members of a JSON object that its struct does not declare, in the order they were
/// received, written back when the struct is encoded.
///
/// Generated structs hold one in a `#[serde(flatten)]` field when the protocol (or the
/// type) sets `unknown_fields = "keep"`, so a relay, proxy or logger that decodes and
/// re-encodes a newer peer's message loses nothing. Encoding writes the declared members
/// first (in declaration order), then the kept ones in received order: a message whose
/// declared members came in declaration order re-encodes byte for byte (numbers in
/// serde_json's form: `1e3` becomes `1000.0`). Kept values keep the member order of nested
/// objects too, which [`Value`] (a sorted map) would not; a member received twice is kept
/// and written twice.
///
/// ```
/// use wiregen_runtime::{UnknownFields, serde, serde_json::json};
///
/// #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// #[serde(crate = "::wiregen_runtime::serde")]
/// struct Ping {
///     seq: u32,
///     #[serde(flatten)]
///     unknown_fields: UnknownFields,
/// }
///
/// let text = r#"{"seq":1,"trace":{"z":1,"a":2},"hop":3}"#;
/// let ping: Ping = wiregen_runtime::from_str(text)?;
/// assert_eq!(ping.unknown_fields.keys().collect::<Vec<_>>(), ["trace", "hop"]);
/// assert_eq!(ping.unknown_fields.get("hop"), Some(json!(3)));
/// assert_eq!(wiregen_runtime::to_string(&ping)?, text);
/// # Ok::<(), wiregen_runtime::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct UnknownFields {
    entries: Vec<(String, Kept)>,
}

/// A kept JSON value: like [`Value`], but objects keep their member order.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Kept {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Kept>),
    Object(Vec<(String, Kept)>),
}

impl UnknownFields {
    /// No members.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many members are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no member is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The names of the kept members, in received order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    /// The kept members as [`Value`]s, in received order (nested objects as `Value` sorts them).
    pub fn iter(&self) -> impl Iterator<Item = (&str, Value)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v.to_value()))
    }

    /// The value of member `name` (its last occurrence, as a JSON parser keeps it).
    pub fn get(&self, name: &str) -> Option<Value> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.to_value())
    }

    /// Sets member `name`: replaces its value in place when it is kept (dropping any later
    /// occurrence), appends it otherwise. Returns the value it replaced.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        let name = name.into();
        let old = self.remove_at(&name);
        let kept = Kept::from_value(value);
        match &old {
            Some((at, _)) => self.entries.insert(*at, (name, kept)),
            None => self.entries.push((name, kept)),
        }
        old.map(|(_, v)| v)
    }

    /// Removes every occurrence of member `name`; returns the value of its last one.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        self.remove_at(name).map(|(_, v)| v)
    }

    fn remove_at(&mut self, name: &str) -> Option<(usize, Value)> {
        let first = self.entries.iter().position(|(k, _)| k == name)?;
        let mut last = None;
        self.entries.retain(|(k, v)| {
            if k == name {
                last = Some(v.to_value());
                false
            } else {
                true
            }
        });
        last.map(|v| (first, v))
    }
}

impl fmt::Debug for UnknownFields {
    /// `{"trace": {"z":1,"a":2}, "hop": 3}`: names and compact JSON values.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.entries.iter().map(|(k, v)| (k, Json(v))))
            .finish()
    }
}

/// Shows a kept value as compact JSON.
struct Json<'a>(&'a Kept);

impl fmt::Debug for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.to_json())
    }
}

impl PartialOrd for UnknownFields {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Member by member: names, then values as compact JSON text (so generated structs that
/// keep unknown members can still derive `Ord`). Consistent with `Eq`: two kept values
/// are equal exactly when their JSON text is.
impl Ord for UnknownFields {
    fn cmp(&self, other: &Self) -> Ordering {
        let text = |e: &[(String, Kept)]| -> Vec<(String, String)> {
            e.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()
        };
        text(&self.entries).cmp(&text(&other.entries))
    }
}

impl FromIterator<(String, Value)> for UnknownFields {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        Self {
            entries: iter
                .into_iter()
                .map(|(k, v)| (k, Kept::from_value(v)))
                .collect(),
        }
    }
}

impl Kept {
    fn from_value(value: Value) -> Self {
        match value {
            Value::Null => Self::Null,
            Value::Bool(b) => Self::Bool(b),
            Value::Number(n) => Self::Number(n),
            Value::String(s) => Self::String(s),
            Value::Array(items) => Self::Array(items.into_iter().map(Self::from_value).collect()),
            Value::Object(map) => Self::Object(
                map.into_iter()
                    .map(|(k, v)| (k, Self::from_value(v)))
                    .collect(),
            ),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Self::Null => Value::Null,
            Self::Bool(b) => Value::Bool(*b),
            Self::Number(n) => Value::Number(n.clone()),
            Self::String(s) => Value::String(s.clone()),
            Self::Array(items) => Value::Array(items.iter().map(Self::to_value).collect()),
            Self::Object(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }

    fn to_json(&self) -> String {
        // Writing a tree of strings, numbers and containers to a `Vec` cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

thread_local! {
    /// Set while best-match decoding measures what a member lost (see [`measure`]).
    static HIDDEN: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with every [`UnknownFields`] serializing as empty, so a member that merely kept
/// a sibling's members counts them as lost: best-match decoding of untagged unions
/// ([`crate::untagged`]) still prefers the member that declares them.
pub(crate) fn measure<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            HIDDEN.with(|h| h.set(self.0));
        }
    }
    let _restore = Restore(HIDDEN.with(|h| h.replace(true)));
    f()
}

impl Serialize for UnknownFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if HIDDEN.with(Cell::get) {
            return serializer.serialize_map(Some(0))?.end();
        }
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Serialize for Kept {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_unit(),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Number(n) => n.serialize(serializer),
            Self::String(s) => serializer.serialize_str(s),
            Self::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Self::Object(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for UnknownFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = UnknownFields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<UnknownFields, A::Error> {
                Ok(UnknownFields {
                    entries: entries(map)?,
                })
            }
        }
        deserializer.deserialize_map(Members)
    }
}

fn entries<'de, A: MapAccess<'de>>(mut map: A) -> Result<Vec<(String, Kept)>, A::Error> {
    let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
    while let Some((k, v)) = map.next_entry::<String, Kept>()? {
        out.push((k, v));
    }
    Ok(out)
}

impl<'de> Deserialize<'de> for Kept {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeptVisitor)
    }
}

struct KeptVisitor;

impl<'de> Visitor<'de> for KeptVisitor {
    type Value = Kept;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Kept, E> {
        Ok(Kept::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Kept, E> {
        Ok(Kept::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Kept, D::Error> {
        Kept::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Kept, E> {
        Ok(Kept::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Kept, E> {
        Ok(Kept::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Kept, E> {
        Ok(Kept::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Kept, E> {
        Number::from_f64(v)
            .map(Kept::Number)
            .ok_or_else(|| E::custom(format_args!("{v} is not a JSON number")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Kept, E> {
        Ok(Kept::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Kept, E> {
        Ok(Kept::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kept, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Kept::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Kept, A::Error> {
        entries(map).map(Kept::Object)
    }
}
