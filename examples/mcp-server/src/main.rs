//! A Model Context Protocol server over stdio (newline-delimited JSON-RPC), with one tool,
//! `add`. Its types, method table, `ServerServer` trait and `server_router` are generated at
//! build time from the MCP SDK's `spec.types.d.ts` with no manifest: wiregen infers the methods
//! from MCP's `ClientRequest` / `ClientNotification` unions.
//!
//! The loop is synchronous: requests are answered one at a time, in order, so a
//! `notifications/cancelled` can only name a request already answered, which MCP says to ignore.
#![deny(warnings, missing_docs)]

#[cfg(mcp_spec)]
mod server;

#[cfg(mcp_spec)]
fn main() -> std::io::Result<()> {
    server::serve(std::io::stdin().lock(), std::io::stdout().lock())
}

#[cfg(not(mcp_spec))]
fn main() {
    eprintln!("mcp-server: built without the MCP spec (run scripts/wild-corpus.sh, then rebuild)");
}
