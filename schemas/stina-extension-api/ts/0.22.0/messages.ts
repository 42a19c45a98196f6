/*
 * Message protocol between the extension host and extension workers.
 */

import type {
  ActionResult,
  ChatMessage,
  ChatOptions,
  GetModelsOptions,
  ModelInfo,
  SchedulerFirePayload,
  StreamEvent,
  ToolResult,
} from "./types.js";

/** Every message the extension host sends to an extension worker, tagged by `type`. */
export type HostToWorkerMessage =
  | /**
   * Asks the worker to activate the extension, with its identity, granted permissions and current
   * settings.
   */
    ActivateMessage
  | /** Asks the worker to deactivate the extension. */ DeactivateMessage
  | /** Tells the worker that one extension setting has a new value. */ SettingsChangedMessage
  | /** Tells the worker that one of the extension's scheduled jobs fired. */ SchedulerFireMessage
  | /**
   * Asks a provider registered by the worker to run a chat completion; the worker answers with
   * stream-event messages.
   */
    ProviderChatRequestMessage
  | /**
   * Asks a provider registered by the worker for its model list; answered by
   * provider-models-response.
   */
    ProviderModelsRequestMessage
  | /** Asks the worker to run one of its registered tools; answered by tool-execute-response. */ ToolExecuteRequestMessage
  | /**
   * Asks the worker to run one of its registered UI actions; answered by action-execute-response.
   */
    ActionExecuteRequestMessage
  | /**
   * The host's answer to a worker request message; payload.requestId carries the id of that
   * request.
   */
    ResponseMessage
  | /**
   * Carries one piece of a streamed network response (such as an NDJSON stream) to the worker;
   * the worker acknowledges each piece with streaming-fetch-ack.
   */
    StreamingFetchChunkMessage;

/**
 * Asks the worker to activate the extension, with its identity, granted permissions and current
 * settings.
 */
export interface ActivateMessage {
  type: "activate";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
  /** Activation data. */
  payload: {
    /** Identifier of the extension being activated. */
    extensionId: string;
    /** Version of the extension being activated. */
    extensionVersion: string;
    /** Filesystem location reserved for the extension's data. */
    storagePath: string;
    /** Permission names granted to the extension. */
    permissions: string[];
    /** Current settings of the extension, keyed by setting name. */
    settings: Record<string, unknown>;
  };
}

/** Asks the worker to deactivate the extension. */
export interface DeactivateMessage {
  type: "deactivate";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
}

/** Tells the worker that one extension setting has a new value. */
export interface SettingsChangedMessage {
  type: "settings-changed";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
  /** The changed setting. */
  payload: {
    /** Name of the setting that changed. */
    key: string;
    /** New value of the setting (any JSON). */
    value: unknown;
  };
}

/** Tells the worker that one of the extension's scheduled jobs fired. */
export interface SchedulerFireMessage {
  type: "scheduler-fire";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
  /** Details of the fired job. */
  payload: SchedulerFirePayload;
}

/**
 * Asks a provider registered by the worker to run a chat completion; the worker answers with
 * stream-event messages.
 */
export interface ProviderChatRequestMessage {
  type: "provider-chat-request";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque. Stream-event answers carry
   * it as payload.requestId (inferred from the names).
   */
  id: string;
  /** The chat request. */
  payload: {
    /** Identifier of the registered provider to use. */
    providerId: string;
    /** Conversation to complete, in order. */
    messages: ChatMessage[];
    /** Completion options. */
    options: ChatOptions;
  };
}

/**
 * Asks a provider registered by the worker for its model list; answered by
 * provider-models-response.
 */
export interface ProviderModelsRequestMessage {
  type: "provider-models-request";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque. The matching response
   * carries it as payload.requestId (inferred from the names).
   */
  id: string;
  /** The model-list request. */
  payload: {
    /** Identifier of the registered provider to ask. */
    providerId: string;
    /** Optional provider-specific options. */
    options?: GetModelsOptions;
  };
}

/** Asks the worker to run one of its registered tools; answered by tool-execute-response. */
export interface ToolExecuteRequestMessage {
  type: "tool-execute-request";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque. The matching response
   * carries it as payload.requestId (inferred from the names).
   */
  id: string;
  /** The tool invocation. */
  payload: {
    /** Identifier of the registered tool to run. */
    toolId: string;
    /** Arguments for the tool. */
    params: Record<string, unknown>;
    /** User on whose behalf the tool runs, when there is a user context. */
    userId?: string;
  };
}

/** Asks the worker to run one of its registered UI actions; answered by action-execute-response. */
export interface ActionExecuteRequestMessage {
  type: "action-execute-request";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque. The matching response
   * carries it as payload.requestId (inferred from the names).
   */
  id: string;
  /** The action invocation. */
  payload: {
    /** Identifier of the registered action to run. */
    actionId: string;
    /** Arguments for the action, coming from the UI. */
    params: Record<string, unknown>;
    /** User on whose behalf the action runs, when there is a user context. */
    userId?: string;
  };
}

/**
 * The host's answer to a worker request message; payload.requestId carries the id of that request.
 */
export interface ResponseMessage {
  type: "response";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
  /** Outcome of the request. */
  payload: {
    /** Id of the worker request message being answered. */
    requestId: string;
    /** Whether the request was carried out. */
    success: boolean;
    /** Result of the request, if it has one (any JSON). */
    data?: unknown;
    /** Failure description when the request did not succeed. */
    error?: string;
  };
}

/**
 * Carries one piece of a streamed network response (such as an NDJSON stream) to the worker; the
 * worker acknowledges each piece with streaming-fetch-ack.
 */
export interface StreamingFetchChunkMessage {
  type: "streaming-fetch-chunk";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque.
   */
  id: string;
  /** The chunk. */
  payload: {
    /** Id of the worker's network.fetch-stream request this chunk belongs to. */
    requestId: string;
    /** Text of this piece of the response body. */
    chunk: string;
    /** True when the stream has ended. */
    done: boolean;
    /** Failure description when the stream broke off. */
    error?: string;
  };
}

/** Every message an extension worker sends to the extension host, tagged by `type`. */
export type WorkerToHostMessage =
  | /** Tells the host that the worker has started and can receive messages. */ ReadyMessage
  | /**
   * Asks the host to perform a capability call on the extension's behalf; the host replies with a
   * response message whose payload.requestId equals this id.
   */
    RequestMessage
  | /** Tells the host that the extension registered an AI provider. */ ProviderRegisteredMessage
  | /** Tells the host that the extension registered a tool. */ ToolRegisteredMessage
  | /** Tells the host that the extension registered a UI action. */ ActionRegisteredMessage
  | /** Delivers one streamed event of a provider chat completion to the host. */ StreamEventMessage
  | /** Forwards a log entry from the extension to the host. */ LogMessage
  | /** Answers a provider-models-request with the provider's models. */ ProviderModelsResponseMessage
  | /** Answers a tool-execute-request with the tool's result. */ ToolExecuteResponseMessage
  | /** Answers an action-execute-request with the action's result. */ ActionExecuteResponseMessage
  | /** Acknowledges one streaming-fetch-chunk so the host may send the next (backpressure). */ StreamingFetchAckMessage;

/** Tells the host that the worker has started and can receive messages. */
export interface ReadyMessage {
  type: "ready";
}

/** Acknowledges one streaming-fetch-chunk so the host may send the next (backpressure). */
export interface StreamingFetchAckMessage {
  type: "streaming-fetch-ack";
  /** The acknowledgement. */
  payload: {
    /** Id of the streaming request whose chunk was received. */
    requestId: string;
  };
}

/**
 * Asks the host to perform a capability call on the extension's behalf; the host replies with a
 * response message whose payload.requestId equals this id.
 */
export interface RequestMessage {
  type: "request";
  /**
   * Identifier of this message. The package's helper builds it from the millisecond clock, a dash
   * and a few random base-36 characters; receivers treat it as opaque. Echoed as payload.requestId
   * in the host's response.
   */
  id: string;
  /** Host capability being called. */
  method: RequestMethod;
  /** Arguments of the call; their shape depends on the method (any JSON). */
  payload: unknown;
}

/** Names of the host capabilities a worker can call with a request message. */
export type RequestMethod =
  | "network.fetch"
  | "network.fetch-stream"
  | "settings.getAll"
  | "settings.get"
  | "settings.set"
  | "user.getProfile"
  | "events.emit"
  | "scheduler.schedule"
  | "scheduler.cancel"
  | "chat.appendInstruction"
  | "database.execute"
  | "storage.get"
  | "storage.set"
  | "storage.delete"
  | "storage.keys"
  | "storage.getForUser"
  | "storage.setForUser"
  | "storage.deleteForUser"
  | "storage.keysForUser";

/** Tells the host that the extension registered an AI provider. */
export interface ProviderRegisteredMessage {
  type: "provider-registered";
  /** The registered provider. */
  payload: {
    /** Identifier of the provider. */
    id: string;
    /** Display name of the provider. */
    name: string;
  };
}

/** Tells the host that the extension registered a tool. */
export interface ToolRegisteredMessage {
  type: "tool-registered";
  /** The registered tool. */
  payload: {
    /** Identifier of the tool. */
    id: string;
    /** Display name of the tool. */
    name: string;
    /** Explanation of the tool for the assistant. */
    description: string;
    /** JSON Schema describing the tool's arguments. */
    parameters?: Record<string, unknown>;
  };
}

/** Tells the host that the extension registered a UI action. */
export interface ActionRegisteredMessage {
  type: "action-registered";
  /** The registered action. */
  payload: {
    /** Identifier of the action. */
    id: string;
  };
}

/** Delivers one streamed event of a provider chat completion to the host. */
export interface StreamEventMessage {
  type: "stream-event";
  /** The event and the request it belongs to. */
  payload: {
    /** Id of the provider-chat-request message being answered. */
    requestId: string;
    /** The streamed event. */
    event: StreamEvent;
  };
}

/** Answers a provider-models-request with the provider's models. */
export interface ProviderModelsResponseMessage {
  type: "provider-models-response";
  /** The answer. */
  payload: {
    /** Id of the provider-models-request message being answered. */
    requestId: string;
    /** Models the provider offers. */
    models: ModelInfo[];
    /** Failure description when the models could not be listed. */
    error?: string;
  };
}

/** Answers a tool-execute-request with the tool's result. */
export interface ToolExecuteResponseMessage {
  type: "tool-execute-response";
  /** The answer. */
  payload: {
    /** Id of the tool-execute-request message being answered. */
    requestId: string;
    /** What the tool returned. */
    result: ToolResult;
    /** Failure description when the tool could not be run. */
    error?: string;
  };
}

/** Answers an action-execute-request with the action's result. */
export interface ActionExecuteResponseMessage {
  type: "action-execute-response";
  /** The answer. */
  payload: {
    /** Id of the action-execute-request message being answered. */
    requestId: string;
    /** What the action returned. */
    result: ActionResult;
    /** Failure description when the action could not be run. */
    error?: string;
  };
}

/** Forwards a log entry from the extension to the host. */
export interface LogMessage {
  type: "log";
  /** The log entry. */
  payload: {
    /** Severity of the entry. */
    level: "debug" | "info" | "warn" | "error";
    /** Text of the entry. */
    message: string;
    /** Structured details attached to the entry. */
    data?: Record<string, unknown>;
  };
}
