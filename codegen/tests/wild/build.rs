//! Turns on `cfg(wild)` when `WIREGEN_WILD_OUT` names a directory holding every generated
//! protocol of the wild corpus (written by `scripts/wild-corpus.sh`); without it the crate is
//! empty and its tests report that the corpus was not generated.
use std::path::Path;

/// The files `src/lib.rs` includes, one per protocol.
const FILES: &[&str] = &["mcp.rs", "acp_v1.rs", "acp_v2.rs", "dap.rs"];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(wild)");
    println!("cargo::rerun-if-env-changed=WIREGEN_WILD_OUT");
    let Some(dir) = std::env::var_os("WIREGEN_WILD_OUT") else {
        return;
    };
    let dir = Path::new(&dir);
    for f in FILES {
        println!("cargo::rerun-if-changed={}", dir.join(f).display());
    }
    if FILES.iter().all(|f| dir.join(f).is_file()) {
        println!("cargo::rustc-cfg=wild");
    } else {
        println!(
            "cargo::warning=WIREGEN_WILD_OUT={} lacks some of {FILES:?}: the wild corpus is not compiled",
            dir.display()
        );
    }
}
