/**
 * Wire messages exchanged between the Lumiverse host and a Spindle extension worker
 * (lumiverse-spindle-types 0.4.46), limited to what the seed diffs show. Adds
 * ChatSwitchedPayloadDTO and the CHAT_SWITCHED core event.
 * @title Lumiverse Spindle protocol 0.4.46
 * @packageDocumentation
 */

/** Payload carried by CHAT_SWITCHED core events. */
export interface ChatSwitchedPayloadDTO {
  /** Id of the chat the user opened, or null when the user went back to the home screen. */
  chatId: string | null;
}

/**
 * Theme variable overrides an extension asks the host to apply. (open object: its fields are not
 * shown in the seeds)
 */
export type ThemeOverrideDTO = Record<string, unknown>;

/**
 * Palette intent (an accent colour in HSL, among others) from which the host derives the full light
 * and dark theme. (open object: its fields are not shown in the seeds)
 */
export type ThemePaletteConfigDTO = Record<string, unknown>;

/** Coarse lifecycle phase of a tracked frontend process. */
export type FrontendProcessStateDTO =
  | "starting"
  | "running"
  | "stopping"
  | "stopped"
  | "completed"
  | "failed"
  | "timed_out";

/** Why a frontend process ended; attached to lifecycle events and snapshots when known. */
export type FrontendProcessExitReasonDTO =
  | "completed"
  | "failed"
  | "stopped"
  | "timed_out"
  | "frontend_unloaded"
  | "backend_unloaded"
  | "replaced";

/** Parameters a backend worker supplies to start a tracked frontend process. */
export interface FrontendProcessSpawnOptionsDTO {
  /**
   * Name of the frontend handler registered for this kind of process through the frontend process
   * registry.
   */
  kind: string;
  /** Extension-chosen stable key used to deduplicate or replace processes. */
  key?: string;
  /** Startup data handed to the frontend handler. */
  payload?: unknown;
  /** Free-form bookkeeping data stored with the process snapshot. */
  metadata?: Record<string, unknown>;
  /** Target user; only meaningful for operator-scoped extensions. */
  userId?: string;
  /** Milliseconds the frontend has to signal readiness before the spawn is rejected. */
  startupTimeoutMs?: number;
  /**
   * Milliseconds without a heartbeat, once ready, after which the process is considered timed out.
   */
  heartbeatTimeoutMs?: number;
  /** When true, an existing process with the same key for the same user is replaced. */
  replaceExisting?: boolean;
}

/** Filter for listing tracked frontend processes; every field is optional. */
export interface FrontendProcessListOptionsDTO {
  /** Only list processes belonging to this user. */
  userId?: string;
  /** Only list processes of this kind. */
  kind?: string;
  /** Only list processes with this key. */
  key?: string;
  /** Only list processes in this state. */
  state?: FrontendProcessStateDTO;
}

/** Host-tracked snapshot of a frontend process. */
export interface FrontendProcessInfoDTO {
  /** Host-assigned process id, unique within the extension runtime. */
  processId: string;
  /** Logical kind of the process. */
  kind: string;
  /** Extension-chosen stable key, if one was given. */
  key?: string;
  /** Current lifecycle state. */
  state: FrontendProcessStateDTO;
  /** User the process belongs to. */
  userId?: string;
  /** Bookkeeping metadata supplied at spawn time. */
  metadata?: Record<string, unknown>;
  /** Timestamp string of when the process was started. */
  startedAt: string;
  /** Timestamp string of when the process signalled readiness. */
  readyAt?: string;
  /** Timestamp string of the most recent heartbeat. */
  lastHeartbeatAt?: string;
  /** Timestamp string of when the process ended. */
  endedAt?: string;
  /** Why the process ended, when known. */
  exitReason?: FrontendProcessExitReasonDTO;
  /** Error text for a failed process. */
  error?: string;
}

/** State-change notification sent to backend workers about a frontend process. */
export interface FrontendProcessLifecycleEventDTO {
  /** Host-assigned process id, unique within the extension runtime. */
  processId: string;
  /** Logical kind of the process. */
  kind: string;
  /** Extension-chosen stable key, if one was given. */
  key?: string;
  /** User the process belongs to. */
  userId?: string;
  /** State the process has just entered. */
  state: FrontendProcessStateDTO;
  /** State the process was in before this transition. */
  previousState?: FrontendProcessStateDTO;
  /** Timestamp string of the transition. */
  at: string;
  /** Why the process ended, for terminal transitions when known. */
  exitReason?: FrontendProcessExitReasonDTO;
  /** Error text for a failed process. */
  error?: string;
  /** Bookkeeping metadata supplied at spawn time. */
  metadata?: Record<string, unknown>;
}

/** Options for asking a frontend process to stop gracefully. */
export interface FrontendProcessStopOptionsDTO {
  /** Target user; only meaningful for operator-scoped extensions. */
  userId?: string;
  /** Free-text reason passed to the frontend process's stop handler. */
  reason?: string;
}

/** Coarse lifecycle phase of a tracked isolated backend subprocess. */
export type BackendProcessStateDTO =
  | "starting"
  | "running"
  | "stopping"
  | "stopped"
  | "completed"
  | "failed"
  | "timed_out";

/**
 * Why an isolated backend subprocess ended; attached to lifecycle events and snapshots when known.
 */
export type BackendProcessExitReasonDTO =
  | "completed"
  | "failed"
  | "stopped"
  | "timed_out"
  | "backend_unloaded"
  | "replaced";

/** Parameters a backend worker supplies to start a tracked isolated backend subprocess. */
export interface BackendProcessSpawnOptionsDTO {
  /** Built JavaScript entry file inside the extension repository, usually under dist/. */
  entry: string;
  /**
   * Logical label used for lifecycle filtering and deduplication; the host uses the entry value
   * when it is omitted.
   */
  kind?: string;
  /** Extension-chosen stable key used to deduplicate or replace processes. */
  key?: string;
  /** Startup data handed to the subprocess entry. */
  payload?: unknown;
  /** Free-form bookkeeping data stored with the process snapshot. */
  metadata?: Record<string, unknown>;
  /** Target user; only meaningful for operator-scoped extensions. */
  userId?: string;
  /** Milliseconds the subprocess has to signal readiness before the spawn is rejected. */
  startupTimeoutMs?: number;
  /**
   * Milliseconds without a heartbeat, once ready, after which the process is considered timed out.
   */
  heartbeatTimeoutMs?: number;
  /** When true, an existing process with the same key for the same user is replaced. */
  replaceExisting?: boolean;
}

/** Filter for listing tracked backend subprocesses; every field is optional. */
export interface BackendProcessListOptionsDTO {
  /** Only list processes belonging to this user. */
  userId?: string;
  /** Only list processes of this kind. */
  kind?: string;
  /** Only list processes with this key. */
  key?: string;
  /** Only list processes in this state. */
  state?: BackendProcessStateDTO;
}

/** Host-tracked snapshot of an isolated backend subprocess. */
export interface BackendProcessInfoDTO {
  /** Host-assigned process id, unique within the extension runtime. */
  processId: string;
  /** Entry file the host spawned. */
  entry: string;
  /** Logical kind of the process. */
  kind: string;
  /** Extension-chosen stable key, if one was given. */
  key?: string;
  /** Current lifecycle state. */
  state: BackendProcessStateDTO;
  /** User the process belongs to. */
  userId?: string;
  /** Bookkeeping metadata supplied at spawn time. */
  metadata?: Record<string, unknown>;
  /** Timestamp string of when the process was started. */
  startedAt: string;
  /** Timestamp string of when the process signalled readiness. */
  readyAt?: string;
  /** Timestamp string of the most recent heartbeat. */
  lastHeartbeatAt?: string;
  /** Timestamp string of when the process ended. */
  endedAt?: string;
  /** Why the process ended, when known. */
  exitReason?: BackendProcessExitReasonDTO;
  /** Error text for a failed process. */
  error?: string;
}

/** State-change notification sent to backend workers about an isolated backend subprocess. */
export interface BackendProcessLifecycleEventDTO {
  /** Host-assigned process id, unique within the extension runtime. */
  processId: string;
  /** Entry file the host spawned. */
  entry: string;
  /** Logical kind of the process. */
  kind: string;
  /** Extension-chosen stable key, if one was given. */
  key?: string;
  /** User the process belongs to. */
  userId?: string;
  /** State the process has just entered. */
  state: BackendProcessStateDTO;
  /** State the process was in before this transition. */
  previousState?: BackendProcessStateDTO;
  /** Timestamp string of the transition. */
  at: string;
  /** Why the process ended, for terminal transitions when known. */
  exitReason?: BackendProcessExitReasonDTO;
  /** Error text for a failed process. */
  error?: string;
  /** Bookkeeping metadata supplied at spawn time. */
  metadata?: Record<string, unknown>;
}

/** Options for asking an isolated backend subprocess to stop gracefully. */
export interface BackendProcessStopOptionsDTO {
  /** Target user; only meaningful for operator-scoped extensions. */
  userId?: string;
  /** Free-text reason passed to the subprocess's stop handler. */
  reason?: string;
}

/**
 * Messages an extension's backend worker sends to the host, tagged by `type`. Only the variants
 * visible in the seeds are listed.
 */
export type WorkerToHost =
  | /** Close a modal that was opened by an earlier request. */ {
    type: "modal_close";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** requestId of the message that opened the modal. */
    openRequestId: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Show a confirmation dialog to the user. */ {
    type: "confirm_open";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Dialog title. */
    title: string;
    /** Dialog body text. */
    message: string;
    /** Visual style of the dialog. */
    variant?: "info" | "warning" | "danger" | "success";
    /** Label of the confirm button. */
    confirmLabel?: string;
    /** Label of the cancel button. */
    cancelLabel?: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Show a text input prompt to the user. */ {
    type: "input_prompt_open";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Prompt title. */
    title: string;
    /** Explanatory text. */
    message?: string;
    /** Placeholder shown in the empty input. */
    placeholder?: string;
    /** Initial input value. */
    defaultValue?: string;
    /** Label of the submit button. */
    submitLabel?: string;
    /** Label of the cancel button. */
    cancelLabel?: string;
    /** Use a multi-line text area. */
    multiline?: boolean;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Start a tracked frontend process; the host replies once it is ready or the spawn fails. */ {
    type: "frontend_process_spawn";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** What to spawn and how to supervise it. */
    options: FrontendProcessSpawnOptionsDTO;
  }
  | /** List the tracked frontend processes visible to this extension, optionally filtered. */ {
    type: "frontend_process_list";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Optional filter; all processes are listed when absent. */
    filter?: FrontendProcessListOptionsDTO;
  }
  | /** Fetch the current snapshot of one tracked frontend process. */ {
    type: "frontend_process_get";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
  }
  | /** Ask a tracked frontend process to stop gracefully. */ {
    type: "frontend_process_stop";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Optional stop options. */
    options?: FrontendProcessStopOptionsDTO;
  }
  | /** Send a process-scoped message to a tracked frontend process (no reply expected). */ {
    type: "frontend_process_send";
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Arbitrary JSON payload scoped to the process. */
    payload: unknown;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /**
   * Start a tracked isolated backend subprocess; the host replies once it is ready or the spawn
   * fails.
   */
    {
    type: "backend_process_spawn";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** What to spawn and how to supervise it. */
    options: BackendProcessSpawnOptionsDTO;
  }
  | /**
   * List the tracked isolated backend subprocesses visible to this extension, optionally
   * filtered.
   */
    {
    type: "backend_process_list";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Optional filter; all processes are listed when absent. */
    filter?: BackendProcessListOptionsDTO;
  }
  | /** Fetch the current snapshot of one tracked isolated backend subprocess. */ {
    type: "backend_process_get";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
  }
  | /** Ask a tracked isolated backend subprocess to stop gracefully. */ {
    type: "backend_process_stop";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Optional stop options. */
    options?: BackendProcessStopOptionsDTO;
  }
  | /**
   * Send a process-scoped message to a tracked isolated backend subprocess (no reply expected).
   */
    {
    type: "backend_process_send";
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Arbitrary JSON payload scoped to the process. */
    payload: unknown;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Expand the macros in a template string. */ {
    type: "macros_resolve";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Text containing macros. */
    template: string;
    /** Chat providing macro context. */
    chatId?: string;
    /** Character providing macro context. */
    characterId?: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
    /** Commit flag for the resolution (its effect is not documented in the seeds). */
    commit?: boolean;
  }
  | /**
   * List the image generation models offered by a connection (requires the image_gen permission).
   */
    {
    type: "image_gen_models";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Image generation connection to query. */
    connectionId: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /**
   * Apply theme variable overrides for this extension (requires the app_manipulation permission).
   */
    {
    type: "theme_apply";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Overrides to apply. */
    overrides: ThemeOverrideDTO;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /**
   * Apply a palette from which the host derives the theme; null clears this extension's palette
   * override.
   */
    {
    type: "theme_apply_palette";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Palette to apply, or null to remove the current palette override. */
    palette: ThemePaletteConfigDTO | null;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Remove every theme override this extension applied. */ {
    type: "theme_clear";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  }
  | /** Request a read-only snapshot of the user's current base theme. */ {
    type: "theme_get_current";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    /** Target user; only meaningful for operator-scoped extensions. */
    userId?: string;
  };

/**
 * Messages the host sends to an extension's backend worker, tagged by `type`. Only the variants
 * visible in the seeds are listed.
 */
export type HostToWorker =
  | /** Tells the worker to shut down. */ {
    type: "shutdown";
  }
  | /** Relays a message the extension's frontend module sent to its backend. */ {
    type: "frontend_message";
    /** Arbitrary JSON sent by the frontend. */
    payload: unknown;
    /** User whose frontend sent the message. */
    userId: string;
  }
  | /** Reports a state change of a tracked frontend process. */ {
    type: "frontend_process_lifecycle";
    /** The lifecycle transition. */
    event: FrontendProcessLifecycleEventDTO;
  }
  | /** Delivers a process-scoped message sent by a tracked frontend process. */ {
    type: "frontend_process_message";
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Arbitrary JSON payload scoped to the process. */
    payload: unknown;
    /** User the process belongs to. */
    userId: string;
  }
  | /** Reports a state change of a tracked isolated backend subprocess. */ {
    type: "backend_process_lifecycle";
    /** The lifecycle transition. */
    event: BackendProcessLifecycleEventDTO;
  }
  | /** Delivers a process-scoped message sent by a tracked isolated backend subprocess. */ {
    type: "backend_process_message";
    /** Host-assigned process id, unique within the extension runtime. */
    processId: string;
    /** Arbitrary JSON payload scoped to the process. */
    payload: unknown;
    /** User the process belongs to. */
    userId: string;
  }
  | /**
   * Delivers the result of an OAuth flow started by an earlier request. Only `type` and
   * `requestId` are visible in the seeds, so other members are allowed and left untyped.
   */
    {
    type: "oauth_callback";
    /** Correlation id linking a request and its reply. */
    requestId: string;
    [key: string]: unknown;
  };

/**
 * Wire names of core application events (the string values of the TypeScript enum CoreEventType).
 * Only the members visible in the seeds are listed; the real enum continues past MESSAGE_DELETED.
 */
export type CoreEventType =
  | "CONNECTED"
  | "CHAT_CHANGED"
  | "CHAT_SWITCHED"
  | "MESSAGE_SENT"
  | "MESSAGE_EDITED"
  | "MESSAGE_DELETED";
