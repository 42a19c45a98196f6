//! A build script using `Builder::generate_or_report` on a broken schema: cargo shows each
//! error as its own `error:` line with the schema's `file:line:col`, warnings as `warning:`
//! lines, and no panic or backtrace (issue 15). The scratch crate takes the library the way
//! the README says (`default-features = false`), so this also proves that line builds.

use crate::repo_root;
use std::process::Command;

#[test]
fn build_script_errors_reach_cargo_as_error_lines_without_a_panic() {
    let root = repo_root();
    let krate = root.join("target/wiregen-buildrs-report");
    let _ = std::fs::remove_dir_all(krate.join("src"));
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"wiregen-buildrs-report\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [build-dependencies]\nwiregen = {{ path = {:?}, default-features = false }}\n\n[workspace]\n",
            root.join("codegen").display().to_string()
        ),
    )
    .unwrap();
    if let Ok(lock) = std::fs::read(root.join("Cargo.lock")) {
        std::fs::write(krate.join("Cargo.lock"), lock).unwrap();
    }
    std::fs::write(
        krate.join("src/lib.rs"),
        "//! Nothing: the build script fails.\n",
    )
    .unwrap();
    std::fs::write(
        krate.join("build.rs"),
        "fn main() {\n    wiregen::Builder::new().input(\"schema.json\").generate_or_report();\n}\n",
    )
    .unwrap();
    // Line 4: a reference to a type that does not exist; line 6: a misspelled keyword.
    std::fs::write(
        krate.join("schema.json"),
        "{\n  \"$defs\": {\n    \"A\": { \"type\": \"object\", \"properties\": {\n      \"b\": { \"$ref\": \"#/$defs/Bee\" },\n      \"c\": { \"type\": \"string\" } },\n      \"requried\": [\"c\"] }\n  }\n}\n",
    )
    .unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["build", "--offline"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", krate.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("run cargo");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the build succeeded: {err}");
    // Cargo prefixes each line with the package: `error: wiregen-buildrs-report@0.0.0: …`.
    assert!(
        err.contains(
            "error: wiregen-buildrs-report@0.0.0: schema.json:4:12: [E0004] `$ref: \"#/$defs/Bee\"` does not resolve"
        ),
        "no located error line: {err}"
    );
    assert!(
        err.contains("warning: wiregen-buildrs-report@0.0.0: schema.json:6:19: [W0002]"),
        "no warning line: {err}"
    );
    assert!(err.contains("did you mean `required`"), "{err}");
    assert!(!err.contains("panicked"), "a panic: {err}");
    assert!(!err.contains("backtrace"), "a backtrace hint: {err}");
    // Only the directives: not the script's whole output after a failed exit status.
    assert!(!err.contains("--- stdout"), "{err}");
}
