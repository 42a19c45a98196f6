#!/usr/bin/env bash
# Build cost of a downstream crate using Lumiverse Spindle four ways: build.rs (wiregen::Builder),
# include macro (include_protocol!), checked-in generated code, and the same types hand-written
# with plain serde derives (benches/build-cost/hand_written.rs). Not run by CI.
#
#   scripts/build-cost.sh [RUNS]      # results in BENCHMARKS.md's "Build cost" section
#
# Each variant is a throwaway crate in a temp dir with path dependencies on this workspace and its
# own CARGO_TARGET_DIR. Third-party dependencies are built once first; "clean" then rebuilds the
# crate and wiregen's share (wiregen, wiregen-runtime, wiregen-macros), "incremental" rebuilds after
# touching the schema (build.rs, macro) or the source file (checked-in, hand-written).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
tmp="$(mktemp -d -t wiregen-build-cost.XXXX)"
schema="$repo/schemas/lumiverse-spindle/0.4.46.json"
echo "crates in $tmp"

new_crate() { # name, [dependencies] lines, [build-dependencies] lines
    mkdir -p "$tmp/$1/src" "$tmp/$1/schema"
    cat > "$tmp/$1/Cargo.toml" <<TOML
[package]
name = "$1"
version = "0.1.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
$2

[build-dependencies]
$3
TOML
    cp "$repo/Cargo.lock" "$tmp/$1/Cargo.lock"
    cp "$schema" "$tmp/$1/schema/spindle.json"
}

rt="wiregen-runtime = { path = \"$repo/runtime\""
new_crate hand_written 'serde = { version = "1", features = ["derive"] }
serde_json = "1"' ''
cp "$repo/benches/build-cost/hand_written.rs" "$tmp/hand_written/src/spindle.rs"
echo 'pub mod spindle;' > "$tmp/hand_written/src/lib.rs"

new_crate checked_in "$rt, default-features = false }" ''
cp "$repo/generated/src/lumiverse_spindle.rs" "$tmp/checked_in/src/spindle.rs"
echo 'pub mod spindle;' > "$tmp/checked_in/src/lib.rs"

new_crate build_rs "$rt, default-features = false }" "wiregen = { path = \"$repo/codegen\", default-features = false }"
cat > "$tmp/build_rs/build.rs" <<'RS'
fn main() {
    wiregen::Builder::new()
        .input_as("schema/spindle.json", "spindle.rs")
        .generate()
        .unwrap_or_else(|e| panic!("{e}"));
}
RS
echo 'pub mod spindle { include!(concat!(env!("OUT_DIR"), "/spindle.rs")); }' > "$tmp/build_rs/src/lib.rs"

new_crate include_macro "$rt, features = [\"include\"] }" ''
echo 'pub mod spindle { wiregen_runtime::include_protocol!("schema/spindle.json"); }' > "$tmp/include_macro/src/lib.rs"

declare -A clean_pkgs=(
  [hand_written]="-p hand_written"
  [checked_in]="-p checked_in -p wiregen-runtime -p wiregen-macros"
  [build_rs]="-p build_rs -p wiregen-runtime -p wiregen-macros -p wiregen"
  [include_macro]="-p include_macro -p wiregen-runtime -p wiregen-macros -p wiregen"
)
declare -A touched=(
  [hand_written]=src/spindle.rs [checked_in]=src/spindle.rs
  [build_rs]=schema/spindle.json [include_macro]=schema/spindle.json
)
variants=(hand_written checked_in build_rs include_macro)

for v in "${variants[@]}"; do
    echo "== pre-building the dependencies of $v"
    (cd "$tmp/$v" && CARGO_TARGET_DIR="$tmp/target-$v" cargo build --offline -q)
done

measure() { # label, prepare, command, runs, json
    if command -v hyperfine >/dev/null; then
        hyperfine --runs "$4" --prepare "$2" --export-json "$5" "$3" >/dev/null
        python3 -c "import json,sys; r=json.load(open('$5'))['results'][0]; print('%.2f %.2f' % (r['mean'], r['stddev'] or 0))"
    else
        local total=0
        for _ in $(seq "$4"); do
            bash -c "$2"
            local s; s=$(date +%s.%N); bash -c "$3"; local e; e=$(date +%s.%N)
            total=$(python3 -c "print($total + $e - $s)")
        done
        python3 -c "print('%.2f 0' % ($total / $4))"
    fi
}

printf '\n| variant | clean build (s) | incremental rebuild (s) |\n| --- | --- | --- |\n' > "$tmp/table.md"
for v in "${variants[@]}"; do
    export CARGO_TARGET_DIR="$tmp/target-$v"
    cd "$tmp/$v"
    clean=$(measure "$v clean" "cargo clean --offline -q ${clean_pkgs[$v]}" "cargo build --offline -q" "$runs" "$tmp/$v-clean.json")
    incr=$(measure "$v incremental" "touch ${touched[$v]}" "cargo build --offline -q" "$((runs + 2))" "$tmp/$v-incr.json")
    echo "| $v | ${clean% *} ± ${clean#* } | ${incr% *} ± ${incr#* } |" | tee -a "$tmp/table.md"
done

# wiregen's own time in the incremental rebuild: the build script (wiregen::generate on the
# schema, compiled as cargo compiles build dependencies) run alone, with its OUT_DIR.
script=$(ls "$tmp"/target-build_rs/debug/build/build_rs-*/build-script-build | head -1)
out_dir=$(ls -d "$tmp"/target-build_rs/debug/build/build_rs-*/out | head -1)
cd "$tmp/build_rs"
own=$(measure "wiregen::generate" "true" "OUT_DIR=$out_dir $script >/dev/null" 5 "$tmp/own.json")
echo "wiregen's own time (build script: wiregen::generate on Spindle 0.4.46, debug build): ${own% *} ± ${own#* } s" | tee -a "$tmp/table.md"
echo; cat "$tmp/table.md"
echo "(crates and targets left in $tmp)"
