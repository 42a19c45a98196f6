/**
 * JSON-RPC 2.0 (ndjson over stdio) messages between a Smooth Extension Protocol host and an
 * extension subprocess (@smooai/smooth-extension-sdk 0.6.0), limited to what the seed diff shows.
 * Adds LLM providers (provider/*), session/set_model, the inter-extension bus (bus/publish,
 * bus/event), render blocks and widget keys, declared hooks and message renderers.
 * @title Smooth Extension Protocol 0.6.0
 * @packageDocumentation
 */

/**
 * JSON-RPC method names of the protocol: the string values of the SDK's `method` constant object.
 * Only values the seed shows are listed: the object has further members (HOOK, COMMAND_EXECUTE,
 * COMMAND_COMPLETE, EVENT, LOG, REGISTRY_UPDATE, PING, SHUTDOWN, ...) whose strings are not
 * visible. `ui/request` is the value of UI_REQUEST, named in the SDK's comments.
 */
export type Method =
  | "ui/request"
  | "session/send_message"
  | "session/send_user_message"
  | "session/append_entry"
  | "session/set_model"
  | "provider/complete"
  | "provider/delta"
  | "provider/oauth_login"
  | "provider/oauth_refresh"
  | "bus/publish";

/**
 * Names of observe events the host fans out in the `event` notification: the values of the SDK's
 * `eventName` constant object (new in 0.6.0; only these two members exist in it).
 */
export type EventName = "bus/event" | "widget/key";

/**
 * Error code carried in a JSON-RPC error object (the SDK's `errorCode` constant object of JSON-RPC
 * and SEP codes). Codes visible in the seed: -32001 NoUI (the frontend cannot serve a `ui/request`;
 * the test host's default answer); -32003 ContextViolation (a session action was called with a
 * context that is not command-tier). The object holds further codes, including the standard
 * JSON-RPC ones, whose names and values are not shown.
 * @asType integer
 */
export type SepErrorCode = number;

/**
 * Dispatch context attached to host calls and echoed back on session actions: an epoch token plus a
 * tier. The SDK builds it with a string `token` and a `tier` of `command` or `event`. (open object:
 * its fields are not shown in the seeds)
 */
export type Context = Record<string, unknown>;

/**
 * Parameters of the initialize handshake sent by the host. (open object: its fields are not shown
 * in the seeds)
 */
export type InitializeParams = Record<string, unknown>;

/**
 * The extension's answer to the initialize handshake. The SDK fills it with `protocol_version`, an
 * `extension` object (`name`, `version`) and a nested object carrying the Registrations members;
 * the interface body itself is not shown. (open object: its fields are not shown in the seeds)
 */
export type InitializeResult = Record<string, unknown>;

/**
 * One tool an extension contributes, listed in Registrations.tools. (open object: its fields are
 * not shown in the seeds)
 */
export type ToolRegistration = Record<string, unknown>;

/**
 * One command an extension contributes, listed in Registrations.commands. (open object: its fields
 * are not shown in the seeds)
 */
export type CommandRegistration = Record<string, unknown>;

/**
 * A keyboard shortcut (TUI frontends) bound to a registered command. Only its last member, an
 * optional string `description`, is visible. (open object: its fields are not shown in the seeds)
 */
export type ShortcutRegistration = Record<string, unknown>;

/** A model offered by an extension-registered LLM provider. */
export interface ProviderModel {
  /** Model id; the host sends it back as `model` in provider/complete. */
  id: string;
  /** Label shown in model pickers. */
  display_name?: string;
}

/** An LLM provider an extension adds to the host's model list. */
export interface ProviderRegistration {
  /** Provider name; unique across the host's combined model list. */
  name: string;
  /** Upstream base URL, for information only (the extension makes the actual call). */
  base_url?: string;
  /** Name of the environment variable the extension takes its API key from; informational. */
  api_key_env?: string;
  /**
   * True when the extension implements provider/oauth_login and provider/oauth_refresh. The SDK
   * sets it only when the provider has a login handler.
   */
  oauth?: boolean;
  /** Models this provider serves. */
  models?: ProviderModel[];
}

/**
 * Declarative renderer for custom session messages: entries carrying `tag` are drawn by the
 * frontend from `template`, whose `{{path}}` placeholders are filled from the entry's data. Pure
 * data; the host never executes it.
 */
export interface MessageRendererRegistration {
  /** Custom message tag this renderer handles. */
  tag: string;
  /** Render block used as the template. */
  template: RenderBlock;
}

/**
 * Everything an extension contributes to the host, reported during initialize. The SDK omits empty
 * lists.
 */
export interface Registrations {
  /** Tools the extension contributes. */
  tools?: ToolRegistration[];
  /** Commands the extension contributes. */
  commands?: CommandRegistration[];
  /** Names of the flags the extension declares. */
  flags?: string[];
  /** Keyboard shortcuts the extension binds. */
  shortcuts?: ShortcutRegistration[];
  /** Observe events the extension wants delivered (hook names are not listed here). */
  subscriptions?: string[];
  /** LLM providers the extension contributes. */
  providers?: ProviderRegistration[];
  /**
   * Intercept hooks the extension handles, so the host can skip the per-turn `context` hook when no
   * extension handles it. An empty list means unknown.
   */
  hooks?: string[];
  /** Declarative custom-message renderers. */
  message_renderers?: MessageRendererRegistration[];
}

/**
 * A key an interactive `widget` render block declares; a matching keypress comes back as a
 * `widget/key` event.
 */
export interface Keybinding {
  /** Key chord the frontend matches, for example `ArrowUp`, `space` or `q`. */
  key: string;
  /** Human-readable meaning of the key. */
  description?: string;
}

/**
 * Declarative render-block DSL, tagged by `kind`; each frontend draws the kinds natively.
 * Recursive: `stack` holds child blocks and `widget` wraps a body block. The `widget` kind is
 * interactive: it declares keybindings whose keypresses return as `widget/key` events.
 */
export type RenderBlock =
  | /** Markdown text. */ {
    /** Block kind tag. */
    kind: "markdown";
    /** Markdown source. */
    text: string;
  }
  | /** A list of key/value rows. */ {
    /** Block kind tag. */
    kind: "keyvalue";
    /** Rows in display order. */
    rows: Array</** One key/value row. */ {
      /** Row label. */
      key: string;
      /** Row value. */
      value: string;
    }>;
    /** Heading shown above the rows. */
    title?: string;
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  }
  | /** A table of string cells. */ {
    /** Block kind tag. */
    kind: "table";
    /** Column headers. */
    columns: string[];
    /** Table rows. */
    rows: Array</** One row of cells. */ string[]>;
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  }
  | /** A patch shown as a diff. */ {
    /** Block kind tag. */
    kind: "diff";
    /** The patch text. */
    patch: string;
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  }
  | /** A progress indicator. */ {
    /** Block kind tag. */
    kind: "progress";
    /** Completion as a fraction between 0 and 1. */
    value: number;
    /** Caption next to the indicator. */
    label?: string;
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  }
  | /** Child blocks drawn one after another. */ {
    /** Block kind tag. */
    kind: "stack";
    /** Nested blocks, in order. */
    children: RenderBlock[];
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  }
  | /**
   * Interactive block: wraps a body and declares keys routed back as `widget/key` events; the
   * extension re-renders it through ui set_widget.
   */
    {
    /** Block kind tag. */
    kind: "widget";
    /** Id correlating keypresses and re-renders with this widget. */
    widget_id: string;
    /** The block the widget displays. */
    body: RenderBlock;
    /** Keys the host should route back. */
    keybindings: Keybinding[];
    /**
     * Plain-text fallback for frontends that cannot draw this kind (frontends may derive one when
     * absent).
     */
    text?: string;
  };

/**
 * Payload of the `bus/event` observe event: a message another extension published on the
 * inter-extension bus.
 */
export interface BusEventPayload {
  /** Name of the publishing extension. */
  from: string;
  /** Bus topic. */
  topic: string;
  /** Published data (any JSON value); absent when none was given. */
  payload?: unknown;
}

/** Payload of the `widget/key` observe event: a keypress routed to a widget. */
export interface WidgetKeyPayload {
  /** Widget the key was aimed at. */
  widget_id?: string;
  /** The key chord pressed. */
  key: string;
}

/**
 * Parameters of a host call that runs one of the extension's tools. (open object: its fields are
 * not shown in the seeds)
 */
export type ToolExecuteParams = Record<string, unknown>;

/** The extension's result for a tool run. (open object: its fields are not shown in the seeds) */
export type ToolExecuteResult = Record<string, unknown>;

/**
 * Parameters of a progress update about a running tool. (open object: its fields are not shown in
 * the seeds)
 */
export type ToolUpdateParams = Record<string, unknown>;

/**
 * Parameters of a host call to an intercept hook. (open object: its fields are not shown in the
 * seeds)
 */
export type HookParams = Record<string, unknown>;

/**
 * Wire outcome of an intercept hook (referenced by the test host only). (open object: its fields
 * are not shown in the seeds)
 */
export type HookOutcome = Record<string, unknown>;

/**
 * Parameters of the host's `event` notification. The test host sends an `event` name, a `context`
 * and an optional `payload` object. (open object: its fields are not shown in the seeds)
 */
export type EventParams = Record<string, unknown>;

/**
 * Parameters of a host call that runs a registered command (carries at least the command name as
 * `command`). (open object: its fields are not shown in the seeds)
 */
export type CommandExecuteParams = Record<string, unknown>;

/**
 * Result of running a command (the SDK answers unknown commands with a `content` string). (open
 * object: its fields are not shown in the seeds)
 */
export type CommandExecuteResult = Record<string, unknown>;

/**
 * Parameters of a host call asking for argument completions of a command (the test host sends
 * `command`, `context` and `partial`). (open object: its fields are not shown in the seeds)
 */
export type CommandCompleteParams = Record<string, unknown>;

/**
 * Completions for a command argument (the test host types the answer as a `completions` list of
 * `value` / optional `description` items). (open object: its fields are not shown in the seeds)
 */
export type CommandCompleteResult = Record<string, unknown>;

/**
 * Parameters of `ui/request` (extension to host): a dialog or display request tagged by `kind`.
 * Only the variants the seed shows are listed; the union has earlier variants whose tags are not
 * visible.
 */
export type UiRequestParams =
  | /** Ask the user to type a line of text. */ {
    /** Request kind tag. */
    kind: "input";
    /** Prompt shown to the user. */
    prompt: string;
    /** Value the input starts with. */
    default?: string;
  }
  | /** Show a transient notification. */ {
    /** Request kind tag. */
    kind: "notify";
    /** Notification text. */
    message: string;
    /** Severity. */
    level?: "info" | "warn" | "error";
  }
  | /** Set the status-line text. */ {
    /** Request kind tag. */
    kind: "set_status";
    /** Status text. */
    status: string;
  }
  | /** Display (or replace) the extension's widget. */ {
    /** Request kind tag. */
    kind: "set_widget";
    /** The render block to display. */
    widget: RenderBlock;
  }
  | /** Set the frontend's title. */ {
    /** Request kind tag. */
    kind: "set_title";
    /** Title text. */
    title: string;
  };

/** The frontend's answer to a `ui/request`. (open object: its fields are not shown in the seeds) */
export type UiRequestResult = Record<string, unknown>;

/**
 * Parameters of `session/send_message` (extension to host). (open object: its fields are not shown
 * in the seeds)
 */
export type SessionSendMessageParams = Record<string, unknown>;

/**
 * Parameters of `session/send_user_message` (extension to host). (open object: its fields are not
 * shown in the seeds)
 */
export type SessionSendUserMessageParams = Record<string, unknown>;

/**
 * Parameters of `session/append_entry`: add a custom entry to the session (needs a command-tier
 * context).
 */
export interface SessionAppendEntryParams {
  /** Command-tier context the action runs under. */
  context: Context;
  /** The entry's data. */
  entry: Record<string, unknown>;
}

/**
 * Parameters of `session/set_model`: change the session's active model (needs a command-tier
 * context).
 */
export interface SessionSetModelParams {
  /** Command-tier context the action runs under. */
  context: Context;
  /** Model to switch to. */
  model: string;
  /** Name of the extension-registered provider the model belongs to. */
  provider?: string;
  /** Reasoning level, such as `off`, `low`, `medium` or `high`. */
  thinking?: string;
}

/**
 * One serialized host stream event, tagged by `type`; carried as `event` of `provider/delta` while
 * a streaming `provider/complete` runs.
 */
export type ProviderStreamEvent =
  | /** A chunk of answer text. */ {
    /** Stream event tag. */
    type: "Delta";
    /** Text chunk. */
    content: string;
  }
  | /** A chunk of reasoning text. */ {
    /** Stream event tag. */
    type: "Reasoning";
    /** Reasoning chunk. */
    content: string;
  }
  | /** Start of a tool call. */ {
    /** Stream event tag. */
    type: "ToolCallStart";
    /** Position of the tool call in the reply. */
    index: number;
    /** Tool call id. */
    id: string;
    /** Tool name. */
    name: string;
  }
  | /** A chunk of a tool call's argument text. */ {
    /** Stream event tag. */
    type: "ToolCallArgumentsDelta";
    /** Position of the tool call this chunk belongs to. */
    index: number;
    /** Argument text fragment. */
    arguments_chunk: string;
  }
  | /** Token accounting. */ {
    /** Stream event tag. */
    type: "Usage";
    /** Input tokens. */
    prompt_tokens?: number;
    /** Output tokens. */
    completion_tokens?: number;
    /** Input plus output tokens. */
    total_tokens?: number;
    /** Input tokens served from cache. */
    cached_tokens?: number;
  }
  | /** The model that actually serves the request. */ {
    /** Stream event tag. */
    type: "Model";
    /** Model name. */
    name: string;
  }
  | /** End of the stream. */ {
    /** Stream event tag. */
    type: "Done";
    /** Why generation stopped. */
    finish_reason: string;
  };

/**
 * Parameters of `provider/complete` (host to extension): run one LLM completion on a registered
 * provider. `messages` and `tools` are the host's own serialized shapes, opaque to the protocol.
 */
export interface ProviderCompleteParams {
  /** Id that ties streamed provider/delta notifications to this request. */
  request_id: string;
  /** Name of the registered provider to use. */
  provider: string;
  /** Model id, one of the provider's ProviderModel ids. */
  model: string;
  /** Conversation so far (host format). */
  messages: Record<string, unknown>[];
  /** Tool schemas offered to the model; the SDK treats absence as an empty list. */
  tools?: Record<string, unknown>[];
  /**
   * Whether the host wants streamed provider/delta notifications; the SDK treats absence as false.
   */
  stream?: boolean;
  /** OpenAI-style `response_format`, present when structured output is wanted. */
  response_format?: Record<string, unknown>;
  /** Reasoning level (`off`, `low`, `medium`, `high` or a provider-specific value). */
  thinking?: string;
  /** Dispatch context; the SDK falls back to an empty-token command-tier context. */
  context?: Context;
}

/** A tool call in a completion's final reply. */
export interface ProviderToolCall {
  /** Tool call id. */
  id: string;
  /** Tool name. */
  name: string;
  /** Call arguments (any JSON value). */
  arguments: unknown;
}

/** Token accounting of a completion. */
export interface ProviderUsage {
  /** Input tokens. */
  prompt_tokens?: number;
  /** Output tokens. */
  completion_tokens?: number;
  /** Input plus output tokens. */
  total_tokens?: number;
  /** Input tokens served from cache. */
  cached_tokens?: number;
}

/** Final result of `provider/complete`; the host maps it onto its own LLM response type. */
export interface ProviderCompleteResult {
  /** Answer text. */
  content?: string;
  /** Tool calls the model made. */
  tool_calls?: ProviderToolCall[];
  /** Why generation stopped. */
  finish_reason?: string;
  /** Token accounting. */
  usage?: ProviderUsage;
  /** Reasoning text. */
  reasoning_content?: string;
  /** Model that actually answered. */
  resolved_model?: string;
}

/**
 * Parameters of the `provider/delta` notification (extension to host): one streamed chunk of a
 * running completion.
 */
export interface ProviderDeltaParams {
  /** The request_id of the provider/complete call this chunk belongs to. */
  request_id: string;
  /** The streamed event. */
  event: ProviderStreamEvent;
}

/** Parameters of `provider/oauth_login` and `provider/oauth_refresh` (host to extension). */
export interface ProviderOAuthParams {
  /** Name of the registered provider. */
  provider: string;
  /**
   * Refresh token to exchange (used by provider/oauth_refresh; the SDK passes an empty string when
   * absent).
   */
  refresh_token?: string;
  /** Dispatch context; the SDK falls back to an empty-token command-tier context. */
  context?: Context;
}

/** Credentials returned by `provider/oauth_login` and `provider/oauth_refresh`. */
export interface ProviderCredentials {
  /** API key. */
  api_key?: string;
  /** OAuth access token. */
  access_token?: string;
  /** OAuth refresh token. */
  refresh_token?: string;
  /** Expiry time of the access token (unit not stated in the seed). */
  expires_at?: number;
  /** Additional provider-specific data. */
  extra?: Record<string, unknown>;
}

/**
 * What a hook handler may return: either stop the intercepted operation, or patch its input (the
 * patch is merged shallowly onto the input). Returning nothing lets the operation continue.
 * Untagged: the variants differ by their required member (`block` or `patch`).
 */
export type HookResult =
  | /**
   * Veto the operation.
   * @title Block
   */
    {
    /** Always true: the operation is blocked. */
    block: true;
    /** Why the operation was blocked. */
    reason?: string;
  }
  | /**
   * Replace parts of the operation's input.
   * @title Patch
   */
    {
    /** Members merged over the input. */
    patch: Record<string, unknown>;
  };

/**
 * Parameters of `bus/publish` (extension to host): a message for the inter-extension bus.
 * protocol.ts has no named type for them; this is the SDK test host's record of the same shape.
 */
export interface BusPublish {
  /** Bus topic. */
  topic: string;
  /** Data to publish (any JSON value); omitted when there is none. */
  payload?: unknown;
}

/**
 * One JSON-RPC 2.0 frame (request, notification or response), sent one per line (ndjson). The SDK
 * exports this type from its JSON-RPC module but the seed never shows its body. (open object: its
 * fields are not shown in the seeds)
 */
export type JsonRpcFrame = Record<string, unknown>;
