//! Backends: each turns the checked IR into output text.

pub mod rust;
