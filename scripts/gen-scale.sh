#!/usr/bin/env bash
# Generation at scale (BENCHMARKS.md, "Generation at scale"): generates the synthetic draft-07
# schema (`codegen/benches/scale_input.rs`: N object definitions of 5–7 members with `$ref`s to
# earlier ones, and one 50-member tagged union) for each N, then runs `wiregen generate` (release)
# and cargo-typify on the same file, once each, and prints wall time, peak memory and the ratio.
#
# Usage: scripts/gen-scale.sh [N...]          (default: 200 1000 4000 10000)
# cargo-typify is installed into .cache/typify (git-ignored) when missing; that compiles for a
# few minutes. Offline, or with GEN_SCALE_NO_TYPIFY=1, its columns are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(200 1000 4000 10000)
target=${CARGO_TARGET_DIR:-target}
dir=.cache/gen-scale
typify=.cache/typify/bin/cargo-typify
mkdir -p "$dir"
cargo build --release --quiet -p wiregen --bin wiregen --example scale_schema

if [ -z "${GEN_SCALE_NO_TYPIFY:-}" ] && [ ! -x "$typify" ]; then
  echo "installing cargo-typify 0.8.0 into .cache/typify (a few minutes) ..." >&2
  cargo install --quiet --locked cargo-typify --version 0.8.0 --root .cache/typify \
    || echo "cargo-typify could not be installed (offline?): its columns are skipped" >&2
fi
have_typify=0
[ -z "${GEN_SCALE_NO_TYPIFY:-}" ] && [ -x "$typify" ] && have_typify=1
[ "$have_typify" = 0 ] && echo "cargo-typify not available: its columns are skipped" >&2

# measure LABEL COMMAND... : prints "wall-seconds cpu-seconds peak-MB" (or "failed - -"), the
# command's output in $dir/LABEL.log. CPU time (user + system) is the figure to compare on a
# shared machine: both tools are single-threaded, so on an idle one wall time is about the same.
measure() {
  local label=$1; shift
  if /usr/bin/time -f '%e %U %S %M' -o "$dir/$label.time" "$@" > "$dir/$label.log" 2>&1; then
    awk '{ printf "%s %.2f %d", $1, $2 + $3, $4 / 1024 }' "$dir/$label.time"
  else
    echo "failed - -"
  fi
}

printf '| definitions | schema | wiregen wall | wiregen CPU | wiregen peak memory | cargo-typify wall | typify CPU | typify peak memory | typify / wiregen (CPU) |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
for n in "${sizes[@]}"; do
  schema="$dir/scale_$n.json"
  "$target/release/examples/scale_schema" "$n" > "$schema"
  kb=$(( $(wc -c < "$schema") / 1024 ))
  read -r w_s w_cpu w_mb <<< "$(measure "wiregen_$n" "$target/release/wiregen" generate "$schema" -o "$dir/wiregen_$n.rs")"
  if [ "$have_typify" = 1 ]; then
    read -r t_s t_cpu t_mb <<< "$(measure "typify_$n" "$typify" typify "$schema" -o "$dir/typify_$n.rs")"
    ratio=$(awk -v t="$t_cpu" -v w="$w_cpu" 'BEGIN { if (t + 0 > 0 && w + 0 > 0) printf "%.1f×", t / w; else print "—" }')
    printf '| %s | %s KB | %s s | %s s | %s MB | %s s | %s s | %s MB | %s |\n' \
      "$n" "$kb" "$w_s" "$w_cpu" "$w_mb" "$t_s" "$t_cpu" "$t_mb" "$ratio"
  else
    printf '| %s | %s KB | %s s | %s s | %s MB | skipped | skipped | skipped | — |\n' \
      "$n" "$kb" "$w_s" "$w_cpu" "$w_mb"
  fi
done
