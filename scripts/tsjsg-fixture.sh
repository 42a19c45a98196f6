#!/usr/bin/env bash
# Regenerates codegen/tests/fixtures/jsonschema/tsjsg_session.json from
# codegen/tests/fixtures/ts/session.ts with the reference converter ts-json-schema-generator
# (installed with npm into the git-ignored .cache/ folder). wiregen never runs Node itself.
set -euo pipefail
cd "$(dirname "$0")/.."
tool=.cache/tsjsg
if [ ! -x "$tool/node_modules/.bin/ts-json-schema-generator" ]; then
  mkdir -p "$tool"
  (cd "$tool" && npm init -y >/dev/null && npm install --silent ts-json-schema-generator@2.4.0 typescript@5)
fi
"$tool/node_modules/.bin/ts-json-schema-generator" \
  --path codegen/tests/fixtures/ts/session.ts --type '*' --expose export --unstable --strict-tuples --no-type-check \
  > codegen/tests/fixtures/jsonschema/tsjsg_session.json
echo "wrote codegen/tests/fixtures/jsonschema/tsjsg_session.json"
