// Drives the example server with the official MCP TypeScript SDK client: initialize, tools/list,
// tools/call with structured content and a progress notification, ping, a cancelled request,
// and shutdown by closing stdin. Usage: node client.mjs <server binary>.
import assert from "node:assert/strict";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ProgressNotificationSchema } from "@modelcontextprotocol/sdk/types.js";

const transport = new StdioClientTransport({ command: process.argv[2], stderr: "inherit" });
const client = new Client({ name: "wiregen-interop", version: "1.0.0" });
await client.connect(transport);
assert.equal(client.getServerVersion().name, "wiregen-mcp-adder");

const { tools } = await client.listTools();
assert.deepEqual(tools.map((t) => t.name), ["add"]);

// The SDK runs notification handlers a microtask later but response handlers at once, so a
// progress notification read in the same chunk as its response reaches `onprogress` after the
// request is settled and is dropped ("unknown token"). A synchronous server writes the two
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

const abort = new AbortController();
const cancelled = client.callTool({ name: "add", arguments: { a: 1, b: 1 } }, undefined, { signal: abort.signal });
abort.abort("no longer needed");
await assert.rejects(cancelled);
await client.ping();

await client.close();
console.log("mcp-interop: the official SDK client completed its session");
