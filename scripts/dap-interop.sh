#!/usr/bin/env bash
# The DAP example against @vscode/debugadapter-testsupport's DebugClient: installs the package
# (pinned, no install scripts) into the git-ignored .cache/dap-interop/, builds
# examples/dap-adapter (its build.rs generates DAP from @vscode/debugprotocol's debugProtocol.d.ts
# in .cache/wild/, fetched by scripts/wild-corpus.sh) and runs examples/dap-adapter/interop/client.js.
# Skips (exit 0, with the reason) when node/npm, the registry or the spec is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.cache/dap-interop
testsupport=@vscode/debugadapter-testsupport@1.68.0
spec=.cache/wild/pkgs/_vscode_debugprotocol_1.68.0/package/lib/debugProtocol.d.ts
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "dap-interop: skipped: node or npm is not installed"
  exit 0
fi
if [ ! -f "$spec" ]; then
  echo "dap-interop: skipped: $spec is absent (run scripts/wild-corpus.sh first)"
  exit 0
fi
if [ ! -d "$dir/node_modules/@vscode/debugadapter-testsupport" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"dap-interop","private":true}' >"$dir/package.json"
  if ! (cd "$dir" && npm install --silent --no-audit --no-fund --ignore-scripts "$testsupport"); then
    echo "dap-interop: skipped: npm install $testsupport failed (registry unreachable?)"
    exit 0
  fi
fi
cargo build --quiet -p dap-adapter
cp examples/dap-adapter/interop/client.js "$dir/client.js"
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
node "$dir/client.js" "$target_dir/debug/dap-adapter"
