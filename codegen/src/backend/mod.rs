//! Backends: each turns the checked IR into output text.

pub mod jsonschema;
pub mod rust;
