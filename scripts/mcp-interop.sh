#!/usr/bin/env bash
# The MCP example against the official TypeScript SDK client: installs
# @modelcontextprotocol/sdk (pinned, no install scripts) into the git-ignored .cache/mcp-interop/,
# builds examples/mcp-server (its build.rs generates MCP from the SDK's spec.types.d.ts in
# .cache/wild/, fetched by scripts/wild-corpus.sh) and runs examples/mcp-server/interop/client.mjs.
# Skips (exit 0, with the reason) when npm or its registry cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/mcp-interop
sdk=@modelcontextprotocol/sdk@1.32.2
spec=.cache/wild/pkgs/_modelcontextprotocol_sdk_1.32.2/package/dist/esm/spec.types.d.ts
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "mcp-interop: skipped: node or npm is not installed"
  exit 0
fi
if [ ! -f "$spec" ]; then
  echo "mcp-interop: skipped: $spec is absent (run scripts/wild-corpus.sh first)"
  exit 0
fi
if [ ! -d "$dir/node_modules/@modelcontextprotocol/sdk" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"mcp-interop","private":true}' >"$dir/package.json"
  if ! (cd "$dir" && npm install --silent --no-audit --no-fund --ignore-scripts "$sdk"); then
    echo "mcp-interop: skipped: npm install $sdk failed (registry unreachable?)"
    exit 0
  fi
fi
cargo build --quiet -p mcp-server
cp examples/mcp-server/interop/client.mjs "$dir/client.mjs"
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
node "$dir/client.mjs" "$target_dir/debug/mcp-server"
