//! A Model Context Protocol server over stdio (newline-delimited JSON-RPC), with one tool,
//! `add`. Its types, method table, `ServerServer` trait and `server_router` are generated at
//! build time from the MCP SDK's `spec.types.d.ts` with no manifest: wiregen infers the methods
//! from MCP's `ClientRequest` / `ClientNotification` unions.
//!
//! It runs on the runtime's async `jsonrpc::Connection` (tokio, ndjson over stdio): requests
//! are handled concurrently, `notifications/cancelled` aborts the request it names, and
//! `tools/call` reports progress through the connection's client.
#![deny(warnings, missing_docs)]

#[cfg(mcp_spec)]
mod server;

#[cfg(mcp_spec)]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()?;
    let served = runtime.block_on(server::serve(tokio::io::stdin(), tokio::io::stdout()));
    // Do not wait for tokio's blocking stdin read (it has ended, or the process is done).
    runtime.shutdown_background();
    Ok(served?)
}

#[cfg(not(mcp_spec))]
fn main() {
    eprintln!("mcp-server: built without the MCP spec (run scripts/wild-corpus.sh, then rebuild)");
}
