//! Tests of the generated protocol crates: message corpora round trips and rejections.
#[macro_use]
pub mod corpus;
mod spindle;
