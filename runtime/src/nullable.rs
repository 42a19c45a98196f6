//! `deserialize_with` helper for required, nullable members (`x: T | null`): `null` is fine, absent is not.
//!
//! serde treats a missing `Option<T>` field as `None`, even without `#[serde(default)]`.
//! With `deserialize_with` that special case no longer applies, so the field becomes
//! required while `null` still decodes as `None`. Generated code writes:
//!
//! ```
//! #[derive(Debug, wiregen_runtime::serde::Deserialize)]
//! #[serde(crate = "::wiregen_runtime::serde")]
//! pub struct Exit {
//!     #[serde(deserialize_with = "::wiregen_runtime::nullable::deserialize")]
//!     pub code: Option<i32>,
//! }
//!
//! assert_eq!(wiregen_runtime::from_str::<Exit>(r#"{"code":null}"#)?.code, None);
//! assert_eq!(wiregen_runtime::from_str::<Exit>(r#"{"code":3}"#)?.code, Some(3));
//! let err = wiregen_runtime::from_str::<Exit>("{}").unwrap_err();
//! assert_eq!(err.to_string(), "missing field `code` at line 1 column 2");
//! # Ok::<(), wiregen_runtime::Error>(())
//! ```

use serde::{Deserialize, Deserializer};

/// Deserializes `Option<T>`: `null` becomes `None`, a value becomes `Some`.
///
/// Its use is as a `deserialize_with` target, which makes serde report a missing field
/// (``missing field `code` ``) instead of silently producing `None`.
///
/// ```
/// let value: Option<u32> = wiregen_runtime::nullable::deserialize(
///     &mut wiregen_runtime::serde_json::Deserializer::from_str("null"),
/// )?;
/// assert_eq!(value, None);
/// # Ok::<(), wiregen_runtime::serde_json::Error>(())
/// ```
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}
