//! Tests of the generated protocol crates: message corpora round trips and rejections.
#[macro_use]
pub mod corpus;
mod flamecast;
mod smooth_extension_protocol;
mod spindle;
mod stina_extension_api;
mod webhook;
