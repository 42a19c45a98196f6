#!/usr/bin/env bash
# The wild corpus: protocols exactly as their maintainers publish them on npm (pinned versions),
# run through the `wiregen` CLI as shipped. Each must generate with exit 0; the outputs compile
# together in one crate (codegen/tests/wild, package wiregen-wild) under deny(warnings) and
# clippy -D warnings, and the hand-written messages of codegen/tests/wild/corpus/ round-trip.
# Packages are fetched with `npm pack` (the tarball only, no dependencies, no install scripts)
# into the git-ignored .cache/wild/. Skips (exit 0, with the reason) only when npm or its
# registry cannot be reached and nothing is cached.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=.cache/wild
pkgs="$cache/pkgs"
out="$PWD/$cache/out"

# name | npm package@version | file inside the package | output
inputs=(
  "mcp|@modelcontextprotocol/sdk@1.32.2|dist/esm/spec.types.d.ts|mcp.rs"
  "acp-v1|@agentclientprotocol/sdk@2.4.0|schema/v1/schema.json|acp_v1.rs"
  "acp-v2|@agentclientprotocol/sdk@2.4.0|schema/v2/schema.json|acp_v2.rs"
  "dap|@vscode/debugprotocol@1.68.0|lib/debugProtocol.d.ts|dap.rs"
)

fetch() {
  local spec=$1 dir
  dir="$pkgs/$(echo "$spec" | tr '/@' '__')"
  if [ ! -d "$dir/package" ]; then
    mkdir -p "$dir"
    local tgz
    tgz=$(cd "$dir" && npm pack --silent "$spec" 2>/dev/null | tail -n 1) || return 1
    [ -n "$tgz" ] && [ -f "$dir/$tgz" ] || return 1
    tar xzf "$dir/$tgz" -C "$dir"
  fi
  echo "$dir/package"
}

if ! command -v npm >/dev/null 2>&1 && [ ! -d "$pkgs" ]; then
  echo "wild-corpus: skipped: npm is not installed and no package is cached"
  exit 0
fi

cargo build --quiet -p wiregen
wiregen="${CARGO_TARGET_DIR:-target}/debug/wiregen"
mkdir -p "$out"
status=0
for row in "${inputs[@]}"; do
  IFS='|' read -r name spec file output <<<"$row"
  if ! root=$(fetch "$spec"); then
    if ! npm ping >/dev/null 2>&1; then
      echo "wild-corpus: skipped: the npm registry is unreachable ($spec is not cached)"
      exit 0
    fi
    echo "wild-corpus: npm pack $spec failed although the registry answers" >&2
    exit 1
  fi
  if "$wiregen" generate "$root/$file" -o "$out/$output" 2>"$out/$name.log"; then
    echo "wild-corpus: $name ($spec $file): generated, $(grep -c '^warning' "$out/$name.log" || true) warnings"
  else
    echo "wild-corpus: $name ($spec $file): wiregen refused it:" >&2
    cat "$out/$name.log" >&2
    status=1
  fi
done
[ "$status" = 0 ] || exit 1

export WIREGEN_WILD_OUT="$out"
cargo test --quiet -p wiregen-wild
cargo clippy --quiet -p wiregen-wild --all-targets -- -D warnings
