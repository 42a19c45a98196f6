//! Every construct fixture, generated at build time (default, strict and keep settings) and compiled
//! with warnings denied: the generated code's compile test. Round trips live in `tests/`.
#![deny(missing_docs, warnings)]

include!(concat!(env!("OUT_DIR"), "/all.rs"));

/// Types the generated code uses instead of generating its own (`replace`).
pub mod replacements {
    use wiregen_runtime::serde::{Deserialize, Serialize};

    /// Labels, kept sorted.
    #[derive(
        Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
    )]
    #[serde(crate = "wiregen_runtime::serde", transparent)]
    pub struct Labels(pub std::collections::BTreeMap<String, String>);
}
