/**
 * Wire data of @flamecast/protocol 0.1.1: sessions, agent templates, webhooks, session-host and
 * runtime-host HTTP bodies, the per-session and the multiplexed WebSocket protocols, and
 * session-host callbacks. First published version.
 * @title Flamecast protocol 0.1.1
 * @packageDocumentation
 */

/** Stored record of one runtime instance (for example one container or sandbox). */
export interface RuntimeInstance {
  /** Instance name. */
  name: string;
  /** Name of the runtime type this instance belongs to. */
  typeName: string;
  /** Lifecycle state of the instance. */
  status: "running" | "stopped" | "paused";
  /** WebSocket address of the instance's runtime-host; filled in while the instance runs. */
  websocketUrl?: string;
}

/** Summary of one runtime type together with its instances. */
export interface RuntimeInfo {
  /** Name of the runtime type. */
  typeName: string;
  /** Whether the runtime type allows just a single instance. */
  onlyOne: boolean;
  /** Known instances of this runtime type. */
  instances: RuntimeInstance[];
}

/**
 * Small view of a session handed to event handlers. The TypeScript type is generic over the runtime
 * registry; on the wire `runtime` is just the runtime's name.
 */
export interface SessionContext {
  /** Session id. */
  id: string;
  /** Name of the agent running in the session. */
  agentName: string;
  /** Name of the runtime (a key of the runtime registry). */
  runtime: string;
  /** Command line used to start the agent. */
  spawn: {
    /** Executable to run. */
    command: string;
    /** Arguments passed to the command. */
    args: string[];
  };
  /** Timestamp string of when the session started. */
  startedAt: string;
}

/** Why a session ended. */
export type SessionEndReason = "terminated" | "error" | "idle_timeout" | "agent_exit";

/** Git details of a directory entry that is a repository. */
export interface FileSystemEntryGitInfo {
  /** Checked-out branch. */
  branch: string;
  /** Address of the origin remote, when there is one. */
  origin?: string;
}

/** One entry of a filesystem listing. */
export interface FileSystemEntry {
  /** Path of the entry. */
  path: string;
  /** Kind of filesystem object. */
  type: "file" | "directory" | "symlink" | "other";
  /** Only set for directories that are git repositories. */
  git?: FileSystemEntryGitInfo;
}

/** An agent asks for permission to run a tool call and offers the choices. */
export interface PermissionRequestEvent {
  /** Id of this permission request; answers refer to it. */
  requestId: string;
  /** Id of the tool call that needs permission. */
  toolCallId: string;
  /** Human-readable title of the request. */
  title: string;
  /** Optional kind of the requested operation. */
  kind?: string;
  /** Choices offered to the user. */
  options: Array</** One choice the user can pick. */ {
    /** Id sent back to choose this option. */
    optionId: string;
    /** Label of the option. */
    name: string;
    /** Kind of the option (free-form string). */
    kind: string;
  }>;
}

/** Event carrying a listing of the session's filesystem. */
export interface FilesystemSnapshotEvent {
  /** The listing. */
  snapshot: {
    /** Root directory the listing starts from. */
    root: string;
    /** Listed entries. */
    entries: FileSystemEntry[];
  };
}

/** Event carrying the contents of one file. */
export interface FilePreviewEvent {
  /** Path of the file. */
  path: string;
  /** File contents as text. */
  content: string;
}

/** Session-host action answering a pending permission request with a chosen option. */
export interface PermissionRespondAction {
  action: "permission.respond";
  /** Id of the permission request being answered. */
  requestId: string;
  /** The chosen option. */
  response: {
    /** Id of the selected option. */
    optionId: string;
  };
}

/** Session-host action asking for a filesystem listing. */
export interface FsSnapshotAction {
  action: "fs.snapshot";
  /** Directory to list; when absent the host picks its default. */
  path?: string;
}

/** Session-host action asking for the contents of a file. */
export interface FilePreviewAction {
  action: "file.preview";
  /** Path of the file to read. */
  path: string;
}

/**
 * Events a session-host POSTs to the control plane's callback address; tagged by `type`, payload in
 * `data`.
 */
export type SessionCallbackEvent =
  | /** The agent needs a permission decision. */ {
    type: "permission_request";
    /** The permission request. */
    data: PermissionRequestEvent;
  }
  | /** The agent process ended. */ {
    type: "session_end";
    /** Exit details. */
    data: {
      /** Process exit code, or null when there is none (for example when killed by a signal). */
      exitCode: number | null;
    };
  }
  | /** The agent finished a prompt turn. */ {
    type: "end_turn";
    /** Turn result. */
    data: {
      /** The agent's prompt response, passed through untyped. */
      promptResponse: unknown;
    };
  }
  | /** The agent emitted a session update. */ {
    type: "agent_message";
    /** The update. */
    data: {
      /** The agent's session update, passed through untyped. */
      sessionUpdate: unknown;
    };
  }
  | /** The session-host hit an error. */ {
    type: "error";
    /** Error details. */
    data: {
      /** Error text. */
      message: string;
    };
  };

/**
 * Control-plane reply to a permission_request callback. Untagged: the member is chosen by which key
 * is present (`optionId`, `outcome` or `deferred`).
 */
export type PermissionCallbackResponse =
  | /**
   * Grant the request with the given option.
   * @title OptionSelected
   */
    {
    /** Id of the chosen option. */
    optionId: string;
  }
  | /**
   * The request was cancelled.
   * @title Cancelled
   */
    {
    /** Always `cancelled`. */
    outcome: "cancelled";
  }
  | /**
   * No decision yet; it will be delivered later.
   * @title Deferred
   */
    {
    /** Always `true`. */
    deferred: true;
  };

/** Request to a session-host to start an agent process. */
export interface SessionHostStartRequest {
  /** Flamecast session id, used when calling back to the control plane. */
  sessionId?: string;
  /** Executable that starts the agent. */
  command: string;
  /** Arguments for the command. */
  args: string[];
  /** Working directory for the agent. */
  workspace: string;
  /** Optional setup script run before the agent starts. */
  setup?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Address the session-host POSTs SessionCallbackEvent messages to. */
  callbackUrl?: string;
}

/** Reply after a session-host started an agent. */
export interface SessionHostStartResponse {
  /** Session id assigned by the agent (ACP) side. */
  acpSessionId: string;
  /** HTTP base address of the host; filled in by the runtime when it relays the reply. */
  hostUrl: string;
  /** WebSocket address of the host; filled in by the runtime when it relays the reply. */
  websocketUrl: string;
  /** Flamecast session id, echoed back. */
  sessionId?: string;
}

/** Health reply of a session-host. */
export interface SessionHostHealthResponse {
  /** Whether an agent turn is in progress. */
  status: "idle" | "running";
  /** Flamecast session id served by this host, if any. */
  sessionId?: string;
}

/** Command line that starts an agent. */
export interface AgentSpawn {
  /** Executable to run. */
  command: string;
  /** Arguments passed to the command. */
  args: string[];
}

/** Runtime settings of an agent template. */
export interface AgentTemplateRuntime {
  /** Name of the runtime provider. */
  provider: string;
  /** Container image to use. */
  image?: string;
  /** Dockerfile to build the image from. */
  dockerfile?: string;
  /** Setup script run before the agent starts. */
  setup?: string;
  /** Environment variables for the runtime. */
  env?: Record<string, string>;
}

/** A registered agent definition sessions can be started from. */
export interface AgentTemplate {
  /** Template id. */
  id: string;
  /** Display name. */
  name: string;
  /** How to start the agent. */
  spawn: AgentSpawn;
  /** Where and how the agent runs. */
  runtime: AgentTemplateRuntime;
  /** Environment variables for the agent. */
  env?: Record<string, string>;
}

/** One logged session event. */
export interface SessionLog {
  /** Timestamp string of the event. */
  timestamp: string;
  /** Event type (free-form string). */
  type: string;
  /** Event payload. */
  data: Record<string, unknown>;
}

/** One choice of a pending permission request. */
export interface PendingPermissionOption {
  /** Id sent back to choose this option. */
  optionId: string;
  /** Label of the option. */
  name: string;
  /** Kind of the option (free-form string). */
  kind: string;
}

/** A permission request waiting for an answer. */
export interface PendingPermission {
  /** Id of the permission request. */
  requestId: string;
  /** Id of the tool call that needs permission. */
  toolCallId: string;
  /** Human-readable title. */
  title: string;
  /** Optional kind of the requested operation. */
  kind?: string;
  /** Choices offered. */
  options: PendingPermissionOption[];
}

/** A directory listing of the session workspace. */
export interface FileSystemSnapshot {
  /** Workspace root. */
  root: string;
  /** Absolute path of the listed directory; missing in older recursive snapshots. */
  path?: string;
  /** Absolute path of the enclosing git repository root, when the directory is inside one. */
  gitPath?: string;
  /** Listed entries. */
  entries: FileSystemEntry[];
  /** True when the listing was cut at maxEntries. */
  truncated: boolean;
  /** Upper bound on the number of entries returned. */
  maxEntries: number;
}

/** Contents of one file, possibly shortened. */
export interface FilePreview {
  /** Path of the file. */
  path: string;
  /** File contents as text. */
  content: string;
  /** True when the contents were cut at maxChars. */
  truncated: boolean;
  /** Upper bound on the number of characters returned. */
  maxChars: number;
}

/** Reply when a prompt was put in the session's queue instead of running at once. */
export interface QueuedPromptResponse {
  /** Always `true`. */
  queued: true;
  /** Id of the queued prompt. */
  queueId: string;
  /** Position in the queue. */
  position: number;
}

/** One prompt waiting in the queue. */
export interface PromptQueueItem {
  /** Id of the queued prompt. */
  queueId: string;
  /** Prompt text. */
  text: string;
  /** Timestamp string of when it was queued. */
  enqueuedAt: string;
  /** Position in the queue. */
  position: number;
}

/** State of a session's prompt queue. */
export interface PromptQueueState {
  /** Whether a prompt is being worked on. */
  processing: boolean;
  /** Whether the queue is paused. */
  paused: boolean;
  /** Waiting prompts. */
  items: PromptQueueItem[];
  /** Number of waiting prompts. */
  size: number;
}

/** A session as reported by the control plane. */
export interface Session {
  /** Session id. */
  id: string;
  /** Name of the agent running in the session. */
  agentName: string;
  /** Command line the agent was started with. */
  spawn: AgentSpawn;
  /** Timestamp string of when the session started. */
  startedAt: string;
  /** Timestamp string of the latest activity. */
  lastUpdatedAt: string;
  /** Whether the session is still running. */
  status: "active" | "killed";
  /** Logged events. */
  logs: SessionLog[];
  /** Open permission request, or null. */
  pendingPermission: PendingPermission | null;
  /** Latest filesystem listing, or null. */
  fileSystem: FileSystemSnapshot | null;
  /** Prompt queue state, or null. */
  promptQueue: PromptQueueState | null;
  /** WebSocket address for the session. */
  websocketUrl?: string;
  /** Name of the runtime instance the session belongs to. */
  runtime?: string;
}

/** Request body for creating a session. */
export interface CreateSessionBody {
  /** Id chosen by the client; the server makes one up when absent. */
  sessionId?: string;
  /** Working directory for the agent. */
  cwd?: string;
  /** Template to start the session from. */
  agentTemplateId?: string;
  /** Explicit command line for the agent. */
  spawn?: AgentSpawn;
  /** Session or agent name. */
  name?: string;
  /** Runtime instance to run on; needed when the runtime has several instances. */
  runtimeInstance?: string;
  /** Webhooks registered for this session only. */
  webhooks?: Array</** Webhook registration without its id (the server assigns one). */ {
    /** Address deliveries are POSTed to. */
    url: string;
    /** Shared secret used to sign deliveries. */
    secret: string;
    /** Event types to deliver; when absent, not filtered by the registration. */
    events?: WebhookEventType[];
  }>;
}

/** Request body for registering an agent template. */
export interface RegisterAgentTemplateBody {
  /** Display name. */
  name: string;
  /** How to start the agent. */
  spawn: AgentSpawn;
  /** Runtime settings. */
  runtime?: AgentTemplateRuntime;
  /** Environment variables for the agent. */
  env?: Record<string, string>;
}

/** Request body for sending a prompt. */
export interface PromptBody {
  /** Prompt text. */
  text: string;
}

/**
 * Request body answering a permission request. Untagged: choose an option by `optionId` or cancel
 * with `outcome`.
 */
export type PermissionResponseBody =
  | /**
   * Pick the option with this id.
   * @title OptionSelected
   */
    {
    /** Id of the chosen option. */
    optionId: string;
  }
  | /**
   * Cancel the request.
   * @title Cancelled
   */
    {
    /** Always `cancelled`. */
    outcome: "cancelled";
  };

/** Event types that can be delivered to webhooks. */
export type WebhookEventType = "permission_request" | "end_turn" | "error" | "session_end";

/** A webhook registration, either for one session or global. */
export interface WebhookConfig {
  /** Stable id assigned when the webhook is registered. */
  id: string;
  /** Address deliveries are POSTed to. */
  url: string;
  /** Shared secret used to sign deliveries (HMAC-SHA256). */
  secret: string;
  /** Event types to deliver. */
  events?: WebhookEventType[];
}

/** Body of one webhook delivery. */
export interface WebhookPayload {
  /** Session the event belongs to. */
  sessionId: string;
  /** Id of this delivery's event. */
  eventId: string;
  /** Timestamp string of the event. */
  timestamp: string;
  /** The delivered event. */
  event: {
    /** Event type. */
    type: WebhookEventType;
    /** Event payload (untyped in the source). */
    data: Record<string, unknown>;
  };
}

/** Durable part of a Session: everything except logs, fileSystem and promptQueue. */
export interface SessionMeta {
  /** Session id. */
  id: string;
  /** Name of the agent running in the session. */
  agentName: string;
  /** Command line the agent was started with. */
  spawn: AgentSpawn;
  /** Timestamp string of when the session started. */
  startedAt: string;
  /** Timestamp string of the latest activity. */
  lastUpdatedAt: string;
  /** Whether the session is still running. */
  status: "active" | "killed";
  /** Open permission request, or null. */
  pendingPermission: PendingPermission | null;
  /** WebSocket address for the session. */
  websocketUrl?: string;
  /** Name of the runtime instance the session belongs to. */
  runtime?: string;
}

/** Runtime connection details stored with a session so it can be recovered after a restart. */
export interface SessionRuntimeInfo {
  /** HTTP base address of the session's host. */
  hostUrl: string;
  /** WebSocket address of the session's host. */
  websocketUrl: string;
  /** Name of the runtime. */
  runtimeName: string;
  /** Runtime-specific recovery data, or null. */
  runtimeMeta?: object | null;
}

/** Stored form of a session with its routing data and webhooks. */
export interface StoredSession {
  /** Durable session metadata. */
  meta: SessionMeta;
  /** Runtime connection details, or null. */
  runtimeInfo: SessionRuntimeInfo | null;
  /** Webhooks registered for the session. */
  webhooks: WebhookConfig[];
}

/** Per-session socket: a session event. */
export interface WsEventMessage {
  type: "event";
  /** Timestamp string of when the message was sent. */
  timestamp: string;
  /** The wrapped session event. */
  event: {
    /** Event type (free-form string). */
    type: string;
    /** Event payload. */
    data: Record<string, unknown>;
    /** Timestamp string of the event. */
    timestamp: string;
  };
}

/** Per-session socket: the connection is ready. */
export interface WsConnectedMessage {
  type: "connected";
  /** Session the socket is attached to. */
  sessionId: string;
}

/** Per-session socket: an error report. */
export interface WsErrorMessage {
  type: "error";
  /** Error text. */
  message: string;
}

/** Server-to-client messages on the per-session WebSocket, tagged by `type`. */
export type WsServerMessage =
  | /** A session event. */ WsEventMessage
  | /** Connection ready. */ WsConnectedMessage
  | /** Error report. */ WsErrorMessage;

/** Per-session socket: send a prompt. */
export interface WsPromptAction {
  action: "prompt";
  /** Prompt text. */
  text: string;
}

/** Per-session socket: answer a permission request. */
export interface WsPermissionRespondAction {
  action: "permission.respond";
  /** Id of the permission request being answered. */
  requestId: string;
  /** The answer: an option id or a cancellation (untagged, told apart by key). */
  body: 
    | /**
     * Pick the option with this id.
     * @title OptionSelected
     */
      {
      /** Id of the chosen option. */
      optionId: string;
    }
    | /**
     * Cancel the request.
     * @title Cancelled
     */
      {
      /** Always `cancelled`. */
      outcome: "cancelled";
    };
}

/** Per-session socket: cancel the running prompt or a queued one. */
export interface WsCancelAction {
  action: "cancel";
  /** Queued prompt to cancel; when absent the current one is meant. */
  queueId?: string;
}

/** Per-session socket: end the session. */
export interface WsTerminateAction {
  action: "terminate";
}

/** Per-session socket: keep-alive ping. */
export interface WsPingAction {
  action: "ping";
}

/** Per-session socket: reorder the prompt queue. */
export interface WsQueueReorderAction {
  action: "queue.reorder";
  /** Queue ids in the new order. */
  order: string[];
}

/** Per-session socket: drop all queued prompts. */
export interface WsQueueClearAction {
  action: "queue.clear";
}

/** Per-session socket: pause the prompt queue. */
export interface WsQueuePauseAction {
  action: "queue.pause";
}

/** Per-session socket: resume the prompt queue. */
export interface WsQueueResumeAction {
  action: "queue.resume";
}

/** Client-to-server messages on the per-session WebSocket, tagged by `action`. */
export type WsControlMessage =
  | /** Send a prompt. */ WsPromptAction
  | /** Answer a permission request. */ WsPermissionRespondAction
  | /** Cancel a prompt. */ WsCancelAction
  | /** End the session. */ WsTerminateAction
  | /** Keep-alive. */ WsPingAction
  | /** Reorder the queue. */ WsQueueReorderAction
  | /** Clear the queue. */ WsQueueClearAction
  | /** Pause the queue. */ WsQueuePauseAction
  | /** Resume the queue. */ WsQueueResumeAction;

/** Request to a runtime-host to start a session. */
export interface RuntimeHostStartSessionRequest {
  /** Flamecast session id. */
  sessionId: string;
  /** Executable that starts the agent. */
  command: string;
  /** Arguments for the command. */
  args: string[];
  /** Working directory for the agent. */
  workspace: string;
  /** Optional setup script run before the agent starts. */
  setup?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
  /** Address the host POSTs SessionCallbackEvent messages to. */
  callbackUrl?: string;
}

/** Reply after a runtime-host started a session. */
export interface RuntimeHostStartSessionResponse {
  /** Session id assigned by the agent (ACP) side. */
  acpSessionId: string;
  /** Flamecast session id. */
  sessionId: string;
}

/** Status of one session on a runtime-host. */
export interface RuntimeHostSessionStatus {
  /** Flamecast session id. */
  sessionId: string;
  /** Whether an agent turn is in progress. */
  status: "idle" | "running";
}

/** Health reply of a runtime-host. */
export interface RuntimeHostHealthResponse {
  /** Always `ok`. */
  status: "ok";
  /** Sessions hosted. */
  sessions: RuntimeHostSessionStatus[];
}

/** Request to a runtime-host to send a prompt to a session. */
export interface RuntimeHostPromptRequest {
  /** Prompt text. */
  text: string;
}

/** Permission answer sent to a runtime-host; both members optional, so `{}` is accepted. */
export interface RuntimeHostPermissionResponse {
  /** Id of the chosen option. */
  optionId?: string;
  /** Only value: `cancelled`. */
  outcome?: "cancelled";
}

/**
 * Name of a subscription channel on the multiplexed socket; the source's examples look like
 * `session:<id>`, `agent:<id>:fs` and `agents`.
 */
export type Channel = string;

/** Multiplexed socket: the connection is ready. */
export interface WsChannelConnectedMessage {
  type: "connected";
  /** Id of this connection. */
  connectionId: string;
}

/** Multiplexed socket: a subscription was accepted. */
export interface WsSubscribedMessage {
  type: "subscribed";
  /** Channel subscribed to. */
  channel: Channel;
}

/** Multiplexed socket: a subscription was removed. */
export interface WsUnsubscribedMessage {
  type: "unsubscribed";
  /** Channel left. */
  channel: Channel;
}

/** Multiplexed socket: a session event delivered on a channel. */
export interface WsChannelEventMessage {
  type: "event";
  /** Channel the event was published on. */
  channel: Channel;
  /** Session the event belongs to. */
  sessionId: string;
  /** Agent the session belongs to. */
  agentId: string;
  /** Sequence number of the event; used with `since` to replay. */
  seq: number;
  /** The wrapped session event. */
  event: {
    /** Event type (free-form string). */
    type: string;
    /** Event payload. */
    data: Record<string, unknown>;
    /** Timestamp string of the event. */
    timestamp: string;
  };
}

/** Multiplexed socket: a session was created. */
export interface WsSessionCreatedMessage {
  type: "session.created";
  /** New session id. */
  sessionId: string;
  /** Agent the session belongs to. */
  agentId: string;
}

/** Multiplexed socket: a session ended. */
export interface WsSessionTerminatedMessage {
  type: "session.terminated";
  /** Ended session id. */
  sessionId: string;
  /** Agent the session belonged to. */
  agentId: string;
}

/** Multiplexed socket: an error report. */
export interface WsChannelErrorMessage {
  type: "error";
  /** Error text. */
  message: string;
  /** Channel the error concerns, if any. */
  channel?: Channel;
}

/** Multiplexed socket: reply to a ping. */
export interface WsPongMessage {
  type: "pong";
}

/** Server-to-client messages on the multiplexed WebSocket, tagged by `type`. */
export type WsChannelServerMessage =
  | /** Connection ready. */ WsChannelConnectedMessage
  | /** Subscribed. */ WsSubscribedMessage
  | /** Unsubscribed. */ WsUnsubscribedMessage
  | /** Channel event. */ WsChannelEventMessage
  | /** Session created. */ WsSessionCreatedMessage
  | /** Session ended. */ WsSessionTerminatedMessage
  | /** Error report. */ WsChannelErrorMessage
  | /** Pong. */ WsPongMessage;

/** Multiplexed socket: subscribe to a channel. */
export interface WsSubscribeAction {
  action: "subscribe";
  /** Channel to subscribe to. */
  channel: Channel;
  /** Replay only events whose seq is greater than this. */
  since?: number;
}

/** Multiplexed socket: leave a channel. */
export interface WsUnsubscribeAction {
  action: "unsubscribe";
  /** Channel to leave. */
  channel: Channel;
}

/** Multiplexed socket: send a prompt to a session. */
export interface WsChannelPromptAction {
  action: "prompt";
  /** Session the action is for. */
  sessionId: string;
  /** Prompt text. */
  text: string;
}

/** Multiplexed socket: answer a permission request of a session. */
export interface WsChannelPermissionRespondAction {
  action: "permission.respond";
  /** Session the action is for. */
  sessionId: string;
  /** Id of the permission request being answered. */
  requestId: string;
  /** The answer: an option id or a cancellation (untagged, told apart by key). */
  body: 
    | /**
     * Pick the option with this id.
     * @title OptionSelected
     */
      {
      /** Id of the chosen option. */
      optionId: string;
    }
    | /**
     * Cancel the request.
     * @title Cancelled
     */
      {
      /** Always `cancelled`. */
      outcome: "cancelled";
    };
}

/** Multiplexed socket: cancel a session's running or queued prompt. */
export interface WsChannelCancelAction {
  action: "cancel";
  /** Session the action is for. */
  sessionId: string;
  /** Queued prompt to cancel; when absent the current one is meant. */
  queueId?: string;
}

/** Multiplexed socket: end a session. */
export interface WsChannelTerminateAction {
  action: "terminate";
  /** Session the action is for. */
  sessionId: string;
}

/** Multiplexed socket: reorder a session's prompt queue. */
export interface WsChannelQueueReorderAction {
  action: "queue.reorder";
  /** Session the action is for. */
  sessionId: string;
  /** Queue ids in the new order. */
  order: string[];
}

/** Multiplexed socket: clear a session's prompt queue. */
export interface WsChannelQueueClearAction {
  action: "queue.clear";
  /** Session the action is for. */
  sessionId: string;
}

/** Multiplexed socket: pause a session's prompt queue. */
export interface WsChannelQueuePauseAction {
  action: "queue.pause";
  /** Session the action is for. */
  sessionId: string;
}

/** Multiplexed socket: resume a session's prompt queue. */
export interface WsChannelQueueResumeAction {
  action: "queue.resume";
  /** Session the action is for. */
  sessionId: string;
}

/** Multiplexed socket: keep-alive ping. */
export interface WsChannelPingAction {
  action: "ping";
}

/** Multiplexed socket: open a terminal. */
export interface WsChannelTerminalCreateAction {
  action: "terminal.create";
  /** When given, the terminal starts in this session's workspace. */
  sessionId?: string;
  /**
   * Shell command to run; `/bin/sh` when absent.
   * @default "/bin/sh"
   */
  data?: string;
  /** Terminal width in columns. */
  cols?: number;
  /** Terminal height in rows. */
  rows?: number;
}

/** Multiplexed socket: write input to a terminal. */
export interface WsChannelTerminalInputAction {
  action: "terminal.input";
  /** Target terminal. */
  terminalId: string;
  /** Input text. */
  data: string;
}

/** Multiplexed socket: resize a terminal. */
export interface WsChannelTerminalResizeAction {
  action: "terminal.resize";
  /** Target terminal. */
  terminalId: string;
  /** New width in columns. */
  cols: number;
  /** New height in rows. */
  rows: number;
}

/** Multiplexed socket: close a terminal. */
export interface WsChannelTerminalKillAction {
  action: "terminal.kill";
  /** Target terminal. */
  terminalId: string;
}

/** Client-to-server messages on the multiplexed WebSocket, tagged by `action`. */
export type WsChannelControlMessage =
  | /** Subscribe. */ WsSubscribeAction
  | /** Unsubscribe. */ WsUnsubscribeAction
  | /** Send a prompt. */ WsChannelPromptAction
  | /** Answer a permission request. */ WsChannelPermissionRespondAction
  | /** Cancel a prompt. */ WsChannelCancelAction
  | /** End a session. */ WsChannelTerminateAction
  | /** Reorder a queue. */ WsChannelQueueReorderAction
  | /** Clear a queue. */ WsChannelQueueClearAction
  | /** Pause a queue. */ WsChannelQueuePauseAction
  | /** Resume a queue. */ WsChannelQueueResumeAction
  | /** Keep-alive. */ WsChannelPingAction
  | /** Open a terminal. */ WsChannelTerminalCreateAction
  | /** Terminal input. */ WsChannelTerminalInputAction
  | /** Resize a terminal. */ WsChannelTerminalResizeAction
  | /** Close a terminal. */ WsChannelTerminalKillAction;
