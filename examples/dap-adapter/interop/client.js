// Drives the example adapter with @vscode/debugadapter-testsupport's DebugClient: initialize,
// setBreakpoints, launch with stopOnEntry (and a key DAP does not declare), configurationDone,
// the `stopped` event on entry, threads, stackTrace, continue to a breakpoint, continue to the
// end (`exited`, `terminated`), a failing request, disconnect; then the library's own
// `hitBreakpoint` scenario in a second session. Usage: node client.js <adapter binary>.
"use strict";
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { DebugClient } = require("@vscode/debugadapter-testsupport");

const adapter = process.argv[2];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dap-interop-"));
const program = path.join(dir, "toy.prog");
fs.writeFileSync(program, "let a = 1\nlet b = 2\nprint(a + b)\nexit\n");

function client() {
  // DebugClient spawns `<runtime> <executable>`: the adapter is the runtime and ignores the
  // argument.
  const dc = new DebugClient(adapter, "--stdio", "toy", {}, true);
  dc.defaultTimeout = 10000;
  return dc;
}

async function stepByStep() {
  const dc = client();
  await dc.start();
  const initialized = dc.waitForEvent("initialized");
  const init = await dc.initializeRequest();
  assert.equal(init.success, true);
  assert.equal(init.body.supportsConfigurationDoneRequest, true);
  await initialized;

  const bps = await dc.setBreakpointsRequest({
    source: { path: program },
    breakpoints: [{ line: 3 }, { line: 40 }],
  });
  assert.deepEqual(
    bps.body.breakpoints.map((b) => [b.line, b.verified]),
    [[3, true], [40, false]],
  );

  // The launch arguments DAP leaves open survive the typed decoding: the adapter echoes them.
  const output = dc.waitForEvent("output");
  const entry = dc.assertStoppedLocation("entry", { path: program, line: 1 });
  await dc.launchRequest({ program, stopOnEntry: true, trace: { level: "verbose" } });
  const echoed = JSON.parse((await output).body.output.replace(/^launch /, ""));
  assert.deepEqual(echoed, { program, stopOnEntry: true, trace: { level: "verbose" } });
  await dc.configurationDoneRequest();
  await entry;

  const threads = await dc.threadsRequest();
  assert.deepEqual(threads.body.threads, [{ id: 1, name: "main" }]);

  const atBreakpoint = dc.assertStoppedLocation("breakpoint", { path: program, line: 3 });
  await dc.continueRequest({ threadId: 1 });
  const trace = await atBreakpoint;
  assert.equal(trace.body.stackFrames[0].name, "print(a + b)");

  const exited = dc.waitForEvent("exited");
  const terminated = dc.waitForEvent("terminated");
  await dc.continueRequest({ threadId: 1 });
  assert.equal((await exited).body.exitCode, 0);
  await terminated;

  await assert.rejects(dc.stackTraceRequest({ threadId: 1 }), /the program is not stopped/);
  await assert.rejects(dc.customRequest("noSuchCommand", {}), /unsupported request `noSuchCommand`/);
  const disconnected = await dc.disconnectRequest({});
  assert.equal(disconnected.success, true);
  // The adapter has exited; `stop()` would send a second `disconnect` to a closed pipe.
  dc.stopAdapter();
}

async function hitBreakpoint() {
  const dc = client();
  await dc.start();
  await dc.hitBreakpoint({ program }, { path: program, line: 2 });
  await dc.stop();
}

(async () => {
  await stepByStep();
  await hitBreakpoint();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log("dap-interop: DebugClient completed its sessions");
})().catch((e) => {
  console.error("dap-interop: FAILED:", e);
  process.exit(1);
});
