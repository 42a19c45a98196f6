// Drives the example server with the official MCP TypeScript SDK client: initialize, tools/list,
// tools/call with structured content and a progress notification, ping, requests answered while
// another one waits, the cancellation of the waiting one, and shutdown by closing stdin.
// Usage: node client.mjs <server binary>.
import assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ProgressNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const transport = new StdioClientTransport({ command: process.argv[2], stderr: "inherit" });
const client = new Client({ name: "wiregen-interop", version: "1.0.0" });
await client.connect(transport);
assert.equal(client.getServerVersion().name, "wiregen-mcp-adder");

const { tools } = await client.listTools();
assert.deepEqual(tools.map((t) => t.name), ["add", "wait"]);

// The SDK runs notification handlers a microtask later but response handlers at once, so a
// progress notification read in the same chunk as its response reaches `onprogress` after the
// request is settled and is dropped ("unknown token"). The server writes the two
// back to back, so the notification is checked where it arrives, against the SDK's own schema.
const progress = [];
const deliver = transport.onmessage;
transport.onmessage = (message, extra) => {
  if (message.method === "notifications/progress") {
    progress.push(ProgressNotificationSchema.parse(message).params);
  }
  deliver(message, extra);
};
const result = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } }, undefined, {
  onprogress: () => {},
});
assert.deepEqual(result.structuredContent, { sum: 5 });
assert.equal(result.content[0].text, "5");
assert.equal(progress.length, 1);
assert.equal(progress[0].progress, 1);

await client.ping();

// `wait` runs until cancelled; its first progress notification says it has started. While it
// waits, other requests are answered (the server handles requests concurrently); then the SDK's
// abort sends `notifications/cancelled` and the server drops the call.
const abort = new AbortController();
let started;
const waitStarted = new Promise((resolve) => (started = resolve));
const waiting = client.callTool({ name: "wait", arguments: {} }, undefined, {
  signal: abort.signal,
  onprogress: (p) => started(p),
});
assert.equal((await waitStarted).progress, 0);
const meanwhile = await client.callTool({ name: "add", arguments: { a: 1, b: 1 } });
assert.deepEqual(meanwhile.structuredContent, { sum: 2 });
await client.ping();
abort.abort("no longer needed");
await assert.rejects(waiting);
await client.ping();

await client.close();
console.log("mcp-interop: the official SDK client completed its session");
