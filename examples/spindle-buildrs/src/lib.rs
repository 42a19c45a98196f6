//! A crate that gets the Lumiverse Spindle protocol types from its own `build.rs`
//! (`wiregen::Builder`), the way a prost user gets protobuf types — here in strict mode.
#![deny(missing_docs, warnings)]

pub mod host;

/// The Spindle types (0.4.46), generated into `OUT_DIR` at build time with `strict(true)`.
pub mod spindle {
    include!(concat!(env!("OUT_DIR"), "/spindle.rs"));
}
