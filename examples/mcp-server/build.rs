//! Generates MCP's types, method table and server traits from the SDK's published
//! `spec.types.d.ts` with no manifest (wiregen infers the methods). The repository does not copy
//! the spec: `scripts/wild-corpus.sh` (or `scripts/mcp-interop.sh`) fetches it into `.cache/`;
//! `WIREGEN_MCP_SPEC` names another copy. Without it the example builds a binary that says so.
use std::path::PathBuf;

const CACHED: &str =
    "../../.cache/wild/pkgs/_modelcontextprotocol_sdk_1.32.2/package/dist/esm/spec.types.d.ts";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(mcp_spec)");
    println!("cargo::rerun-if-env-changed=WIREGEN_MCP_SPEC");
    let spec = std::env::var_os("WIREGEN_MCP_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CACHED));
    println!("cargo::rerun-if-changed={}", spec.display());
    if !spec.is_file() {
        println!(
            "cargo::warning=mcp-server: {} is absent (run scripts/wild-corpus.sh): the example is built without MCP",
            spec.display()
        );
        return;
    }
    wiregen::Builder::new()
        .input_as(&spec, "mcp.rs")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    println!("cargo::rustc-cfg=mcp_spec");
}
