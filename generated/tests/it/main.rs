//! Tests of the generated protocol crates: message corpora round trips and rejections.
#[macro_use]
pub mod corpus;
mod async_spawn;
mod channel_exchanges;
mod flamecast;
mod sep_session;
mod smooth_extension_protocol;
mod spindle;
mod spindle_exchange;
mod stina_extension_api;
mod webhook;
