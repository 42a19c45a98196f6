//! Integration tests of wiregen-runtime, written the way generated code uses it: only `wiregen_runtime` paths.

#[cfg(feature = "tokio")]
mod connection;
mod dap;
mod decode;
mod derive_scalars;
mod derive_union;
mod differential;
mod envelope;
mod js;
mod jsonrpc;
mod literal;
mod maybe;
mod nullable;
mod optional;
mod union;
mod unknown;
