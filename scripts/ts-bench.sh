#!/usr/bin/env bash
# TypeScript frontend benchmark (BENCHMARKS.md, "TypeScript frontend"): generates the synthetic
# protocol at 500, 5,000 and 50,000 declarations, then times `wiregen ts2schema` and
# ts-json-schema-generator on the same files (wall clock and peak memory from /usr/bin/time -v).
# Usage: scripts/ts-bench.sh [runs]   (needs npm for the reference tool; .cache/ is git-ignored)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
dir=.cache/ts-bench
tool=.cache/tsjsg/node_modules/.bin/ts-json-schema-generator
mkdir -p "$dir"
cargo build --release --quiet -p wiregen --bin wiregen --example ts_bench_input
for n in 500 5000 50000; do
  target/release/examples/ts_bench_input "$n" > "$dir/bench_$n.ts"
done
if [ ! -x "$tool" ]; then
  mkdir -p .cache/tsjsg
  (cd .cache/tsjsg && npm init -y >/dev/null && npm install --silent ts-json-schema-generator@2.4.0 typescript@5)
fi
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$dir/time.txt" || { cat "$dir/time.txt"; return 1; }
  printf '%-28s %8s s %8s MB\n' "$label" \
    "$(grep 'Elapsed (wall clock)' "$dir/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$dir/time.txt" | awk '{print $NF}') / 1024 ))"
}
for n in 500 5000 50000; do
  for r in $(seq "$runs"); do
    measure "wiregen $n (run $r)" target/release/wiregen ts2schema "$dir/bench_$n.ts" -o "$dir/wiregen_$n.json"
  done
  measure "ts-json-schema-generator $n" "$tool" --path "$dir/bench_$n.ts" --type '*' --expose export \
    --unstable --strict-tuples --no-type-check -o "$dir/tsjsg_$n.json"
done
