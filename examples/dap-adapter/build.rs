//! Generates DAP's types and its request / event tables from `@vscode/debugprotocol`'s published
//! `lib/debugProtocol.d.ts` with no manifest (wiregen infers the commands and events from the
//! `type` + `command` / `event` tags). The repository does not copy the spec:
//! `scripts/wild-corpus.sh` fetches it into `.cache/`; `WIREGEN_DAP_SPEC` names another copy.
//! Without it the example builds a binary that says so.
use std::path::PathBuf;
use wiregen::config::{TypeSettings, UnknownFields};

const CACHED: &str =
    "../../.cache/wild/pkgs/_vscode_debugprotocol_1.68.0/package/lib/debugProtocol.d.ts";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(dap_spec)");
    println!("cargo::rerun-if-env-changed=WIREGEN_DAP_SPEC");
    let spec = std::env::var_os("WIREGEN_DAP_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(CACHED));
    println!("cargo::rerun-if-changed={}", spec.display());
    if !spec.is_file() {
        println!(
            "cargo::warning=dap-adapter: {} is absent (run scripts/wild-corpus.sh): the example is built without DAP",
            spec.display()
        );
        return;
    }
    // DAP documents `launch` / `attach` arguments as open ("additional attributes are
    // implementation specific") but declares no index signature: keep the undeclared keys
    // (`program`, `stopOnEntry`, …) so they survive decoding and re-encoding.
    let keep = || TypeSettings {
        unknown_fields: Some(UnknownFields::Keep),
        ..Default::default()
    };
    wiregen::Builder::new()
        .input_as(&spec, "dap.rs")
        .type_settings("LaunchRequestArguments", keep())
        .type_settings("AttachRequestArguments", keep())
        // `restart`'s arguments are the launch or the attach arguments, both open: a launch
        // configuration is what this adapter restarts.
        .type_settings(
            "RestartArgumentsArguments",
            TypeSettings {
                order: vec![
                    "LaunchRequestArguments".into(),
                    "AttachRequestArguments".into(),
                ],
                ..Default::default()
            },
        )
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
    println!("cargo::rustc-cfg=dap_spec");
}
