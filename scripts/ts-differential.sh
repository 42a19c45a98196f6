#!/usr/bin/env bash
# Differential test of wiregen's TypeScript frontend against the reference converter
# ts-json-schema-generator: every fixture of codegen/tests/fixtures/ts/ is converted by the
# reference tool (installed with npm into the git-ignored .cache/), then the Rust test
# `typescript::differential_against_ts_json_schema_generator` reads each JSON Schema with
# wiregen's JSON Schema frontend and compares its IR with the TypeScript frontend's; every
# difference must be listed in codegen/tests/fixtures/ts/ALLOWLIST.md.
# Skips (exit 0, with the reason) only when npm or its registry cannot be reached.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=.cache/tsjsg
out=.cache/ts-differential
bin="$tool/node_modules/.bin/ts-json-schema-generator"

if [ ! -x "$bin" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "ts-differential: skipped: npm is not installed, so ts-json-schema-generator cannot be installed"
    exit 0
  fi
  mkdir -p "$tool"
  if ! (cd "$tool" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund ts-json-schema-generator@2.4.0 typescript@5); then
    if ! npm ping >/dev/null 2>&1; then
      echo "ts-differential: skipped: the npm registry is unreachable"
      exit 0
    fi
    echo "ts-differential: npm install failed although the registry answers" >&2
    exit 1
  fi
fi

rm -rf "$out"
mkdir -p "$out"
convert() {
  local entry=$1 name
  name=$(basename "$entry" .ts)
  [ "$name" = index ] && name=$(basename "$(dirname "$entry")")
  "$bin" --path "$entry" --type '*' --expose export --unstable --strict-tuples --no-type-check \
    > "$out/$name.json"
}
export -f convert
export bin out
ls codegen/tests/fixtures/ts/*.ts codegen/tests/fixtures/ts/*/index.ts | xargs -P 2 -I{} bash -c 'convert "$@"' _ {}
echo "ts-differential: converted $(ls "$out" | wc -l) fixtures with ts-json-schema-generator"

WIREGEN_TS_DIFFERENTIAL="$PWD/$out" cargo test --quiet -p wiregen --test it \
  typescript::differential_against_ts_json_schema_generator -- --exact
