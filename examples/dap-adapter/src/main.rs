//! A Debug Adapter Protocol adapter over stdio (`Content-Length` framing) for a toy debugger.
//! Its types and its request / event tables are generated at build time from
//! `@vscode/debugprotocol`'s `debugProtocol.d.ts` with no manifest: wiregen infers the commands
//! and events from DAP's `type` + `command` / `event` tags.
//!
//! The "program" it debugs is a text file whose lines are its statements: `launch` reads it,
//! breakpoints stop on lines, `continue` runs to the next breakpoint or to the end.
//!
//! DAP messages are not JSON-RPC (`seq` / `request_seq`, `command`, `success`), so the
//! adapter does not use `jsonrpc::Connection`: it reads frames with the runtime's
//! `ContentLengthCodec` in a small tokio loop and decodes them with `jsonrpc::dap`.
#![deny(warnings, missing_docs)]

#[cfg(dap_spec)]
mod adapter;

#[cfg(dap_spec)]
fn main() -> std::io::Result<()> {
    // Every argument is ignored: DAP test clients start an adapter as `<runtime> <script>`.
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let served = runtime.block_on(adapter::serve(tokio::io::stdin(), tokio::io::stdout()));
    // After `disconnect` the client may keep stdin open: do not wait for tokio's blocking
    // stdin read to end.
    runtime.shutdown_background();
    served
}

#[cfg(not(dap_spec))]
fn main() {
    eprintln!("dap-adapter: built without the DAP spec (run scripts/wild-corpus.sh, then rebuild)");
}
