//! Every construct fixture, generated at build time (default, strict and keep settings) and compiled
//! with warnings denied: the generated code's compile test. Round trips live in `tests/`.
#![deny(missing_docs, warnings)]

include!(concat!(env!("OUT_DIR"), "/all.rs"));
